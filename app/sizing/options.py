"""The sizing options a user may set: each as a query parameter (and CLI flag) with its type,
range and meaning; their parsing from a query string or a form, and their OpenAPI parameters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.inputs import parse_scenario, split_query
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.workload import Limits, SizingOptions
from pricing.workload.model import BURSTABLE_CPU

_DECIMAL = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6})?")
_INTEGER = re.compile(r"[0-9]{1,6}")
_PROFILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")


@dataclass(frozen=True, slots=True)
class OptionParam:
    """A sizing option as a query parameter (and CLI flag): name, type, range, meaning."""

    name: str
    kind: str  # "decimal", "integer", "boolean", "names" or "choice"
    description: str
    default: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[str, ...] = ()


OPTION_PARAMS: tuple[OptionParam, ...] = (
    OptionParam(
        "headroom_percent",
        "decimal",
        "Docker: the host must hold the workload plus this share of it, in percent.",
        "20",
        Decimal(0),
        Decimal(1000),
    ),
    OptionParam(
        "k8s_headroom_percent",
        "decimal",
        "Kubernetes: nodes are filled to at most allocatable / (1 + this share), in percent.",
        "0",
        Decimal(0),
        Decimal(1000),
    ),
    OptionParam(
        "zones",
        "integer",
        "Availability zones: a workload's replicas spread over at least min(replicas, zones) "
        "nodes, a count.",
        "3",
        Decimal(1),
        Decimal(10),
    ),
    OptionParam(
        "min_nodes",
        "integer",
        "The fewest Kubernetes nodes to propose, a count.",
        "1",
        Decimal(1),
        Decimal(1000),
    ),
    OptionParam(
        "default_cpu",
        "decimal",
        "vCPU per replica for a workload that states no CPU request or limit.",
        "0.25",
        Decimal("0.001"),
        Decimal(1024),
    ),
    OptionParam(
        "default_memory_gib",
        "decimal",
        "GiB per replica for a workload that states no memory request or limit.",
        "0.5",
        Decimal("0.001"),
        Decimal(4096),
    ),
    OptionParam(
        "rolling_surge",
        "boolean",
        "Keep room for one extra replica of the largest Deployment-like workload (rollouts).",
        "true",
    ),
    OptionParam(
        "arm",
        "boolean",
        "Consider Arm (arm64) instance types too: only when every image is built for arm64.",
        "false",
    ),
    OptionParam(
        "burstable_cpu",
        "choice",
        "Burstable types (t3, B-series): baseline counts only their baseline CPU for the "
        "requests; credits counts all of it and adds the surplus credits above the baseline "
        "where the provider sells them; full counts all of it for nothing (load not sustained).",
        "baseline",
        choices=BURSTABLE_CPU,
    ),
    OptionParam(
        "redundant_nodes",
        "boolean",
        "At least two Kubernetes nodes when a workload has more than one replica or the "
        "Docker setup is failover.",
        "true",
    ),
    OptionParam(
        "profiles",
        "names",
        "Compose profiles to activate, comma-separated; services in other profiles are not "
        "started.",
        "",
    ),
)
OPTION_NAMES = frozenset(param.name for param in OPTION_PARAMS)


def _option_value(param: OptionParam, text: str) -> Any:
    """One option's value from its text, or InputError naming the parameter."""

    def problem(message: str) -> InputError:
        return InputError([FieldProblem(param.name, message)])

    if param.kind == "boolean":
        if text not in ("true", "false"):
            raise problem("must be true or false")
        return text == "true"
    if param.kind == "choice":
        if text not in param.choices:
            raise problem("must be one of: " + ", ".join(param.choices))
        return text
    if param.kind == "names":
        names = tuple(name.strip() for name in text.split(",") if name.strip())
        if not all(_PROFILE.fullmatch(name) for name in names):
            raise problem("must be profile names separated by commas")
        return names
    pattern, kind = (
        (_INTEGER, "a whole number")
        if param.kind == "integer"
        else (_DECIMAL, "a plain decimal number")
    )
    if not pattern.fullmatch(text):
        if text.startswith("-") and pattern.fullmatch(text[1:]):  # a number, below the range
            raise problem(f"must be between {param.minimum} and {param.maximum}")
        raise problem(f"must be {kind}, e.g. {param.default}")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise problem(f"must be {kind}") from None
    low, high = param.minimum, param.maximum
    if low is not None and high is not None and not low <= value <= high:
        raise problem(f"must be between {low} and {high}")
    return int(value) if param.kind == "integer" else value


def parse_options(
    given: Mapping[str, str],
    scenario: Scenario,
    *,
    max_pods_given: bool,
    max_bytes: int,
) -> SizingOptions:
    """SizingOptions from the option parameters as sent. ``docker_hosts`` is the Scenario's
    (one identifier); the Scenario's ``k8s_max_pods`` overrides the provider's only when the
    user gave it."""
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for param in OPTION_PARAMS:
        if param.name in given:
            try:
                values[param.name] = _option_value(param, given[param.name])
            except InputError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return SizingOptions(
        **values,
        docker_hosts=scenario.docker_hosts,
        docker_failover=scenario.docker_setup == "failover",
        max_pods=scenario.k8s_max_pods if max_pods_given else None,
        limits=Limits(max_bytes=max_bytes),
    )


def parse_sizing_query(
    pairs: Iterable[tuple[str, str]], max_bytes: int, controls: frozenset[str] = frozenset()
) -> tuple[Scenario, SizingOptions, dict[str, str]]:
    """The Scenario, the sizing options and any other control parameters in a query string
    (or a form): Scenario fields, ``preset`` and the option names; anything else is refused."""
    values, given = split_query(pairs, OPTION_NAMES | controls)
    scenario = parse_scenario(values)
    options = parse_options(
        {k: v for k, v in given.items() if k in OPTION_NAMES},
        scenario,
        max_pods_given="k8s_max_pods" in values,
        max_bytes=max_bytes,
    )
    return scenario, options, {k: v for k, v in given.items() if k in controls}


def option_parameters() -> list[dict[str, Any]]:
    """The options as OpenAPI query parameters."""
    schemas = {
        "decimal": {"type": "string", "pattern": _DECIMAL.pattern},
        "integer": {"type": "integer"},
        "boolean": {"type": "boolean"},
        "names": {"type": "string"},
        "choice": {"type": "string"},
    }
    parameters = []
    for param in OPTION_PARAMS:
        schema: dict[str, Any] = dict(schemas[param.kind])
        if param.kind == "integer" and param.minimum is not None and param.maximum is not None:
            schema |= {"minimum": int(param.minimum), "maximum": int(param.maximum)}
        schema["default"] = param.default
        if param.kind == "integer":
            schema["default"] = int(param.default)
        elif param.kind == "boolean":
            schema["default"] = param.default == "true"
        if param.choices:
            schema["enum"] = list(param.choices)
        parameters.append(
            {
                "name": param.name,
                "in": "query",
                "required": False,
                "description": f"Sizing: {param.description} Default: {param.default or 'none'}.",
                "schema": schema,
            }
        )
    return parameters
