"""Sizing for every face: the options a user may set, and a SizingReport with its Comparison
as the JSON dict that POST /api/v1/size returns (the CLI's --format json and the page use it
too). Formatting only: the sizing and the prices come from ``pricing``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.cells import json_number
from app.inputs import parse_scenario, split_query
from app.permalink import permalink_query
from app.renderers import estimate_dict, scenario_dict
from pricing import Engine, Estimate
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.workload import Limits, Sizing, SizingOptions, SizingReport, size
from pricing.workload.report import Choice, DockerSizing, KubernetesSizing

_DECIMAL = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6})?")
_INTEGER = re.compile(r"[0-9]{1,6}")
_PROFILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")


@dataclass(frozen=True, slots=True)
class OptionParam:
    """A sizing option as a query parameter (and CLI flag): name, type, range, meaning."""

    name: str
    kind: str  # "decimal", "integer", "boolean" or "names"
    description: str
    default: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None


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
        "profiles",
        "names",
        "Compose profiles to activate, comma-separated; services in other profiles are not "
        "started.",
        "",
    ),
)
OPTION_NAMES = frozenset(param.name for param in OPTION_PARAMS)
# What the sizing writes into the Scenario (pricing.workload.sizing.sized_scenario). The page
# drops them from the scenario it sizes for, so sizing the files again gives the same answer
# (docker_disk_gb and k8s_disk_gb grow by the storage found: they would grow twice).
SIZED_FIELDS = frozenset(
    {
        "docker_instance_type",
        "k8s_instance_type",
        "k8s_nodes",
        "k8s_max_pods",
        "k8s_load_balancers",
        "k8s_nodes_min",
        "k8s_nodes_max",
        "workload_vcpu",
        "workload_memory_gib",
        "workload_pods",
        "services",
        "stateful",
        "needs_autoscaling",
        "docker_disk_gb",
        "k8s_disk_gb",
    }
)


def _option_value(param: OptionParam, text: str) -> Any:
    """One option's value from its text, or InputError naming the parameter."""

    def problem(message: str) -> InputError:
        return InputError([FieldProblem(param.name, message)])

    if param.kind == "boolean":
        if text not in ("true", "false"):
            raise problem("must be true or false")
        return text == "true"
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


@dataclass(frozen=True, slots=True)
class SizedEstimate:
    """An application sized, and the Comparison of its sized Scenario."""

    sizing: Sizing
    estimate: Estimate


def size_and_estimate(
    engine: Engine, texts: str | Sequence[str], scenario: Scenario, options: SizingOptions
) -> SizedEstimate:
    """Size the files for ``scenario`` and price the sized Scenario (raises InputError)."""
    sizing = size(texts, scenario, catalog=engine.catalog, options=options)
    return SizedEstimate(sizing, engine.estimate(sizing.scenario))


def _choice_dict(choice: Choice | None) -> dict[str, Any] | None:
    if choice is None:
        return None
    return {
        "instance_type": choice.instance_type,
        "count": choice.count,
        "monthly": json_number(choice.monthly),
    }


def _runner_up_text(choice: Choice | None, unit: str) -> str:
    if choice is None:
        return "; no other type fits"
    plural = unit if choice.count == 1 else unit + "s"
    return (
        f"; runner-up {choice.count} {plural} of {choice.instance_type} at ${choice.monthly}/month"
    )


def docker_reason(docker: DockerSizing) -> str:
    """Why this host type: the need, the price, the runner-up."""
    hosts = "" if docker.hosts == 1 else f" on each of {docker.hosts} hosts"
    return (
        f"the cheapest type that holds {docker.needed_cpu.normalize():f} vCPU and "
        f"{docker.needed_memory_gib.normalize():f} GiB (the workload with headroom){hosts}: "
        f"${docker.monthly}/month" + _runner_up_text(docker.runner_up, "host")
    )


def kubernetes_reason(cluster: KubernetesSizing) -> str:
    nodes = "node" if cluster.nodes == 1 else "nodes"
    return (
        f"the cheapest node type and count that the pods fit after each node's reservations: "
        f"{cluster.nodes} {nodes} for ${cluster.monthly}/month"
        + _runner_up_text(cluster.runner_up, "node")
    )


def _docker_dict(docker: DockerSizing | None) -> dict[str, Any] | None:
    if docker is None:
        return None
    return {
        "instance_type": docker.instance_type,
        "hosts": docker.hosts,
        "vcpu": docker.vcpu,
        "memory_gib": json_number(docker.memory_gib),
        "needed_cpu": json_number(docker.needed_cpu),
        "needed_memory_gib": json_number(docker.needed_memory_gib),
        "allocatable_cpu": json_number(docker.allocatable_cpu),
        "allocatable_memory_gib": json_number(docker.allocatable_memory_gib),
        "monthly": json_number(docker.monthly),
        "runner_up": _choice_dict(docker.runner_up),
        "reason": docker_reason(docker),
    }


def _kubernetes_dict(cluster: KubernetesSizing) -> dict[str, Any]:
    return {
        "instance_type": cluster.instance_type,
        "nodes": cluster.nodes,
        "nodes_min": cluster.nodes_min,
        "nodes_max": cluster.nodes_max,
        "allocatable": {
            "cpu": json_number(cluster.allocatable.cpu),
            "memory_gib": json_number(cluster.allocatable.memory_gib),
            "pods": cluster.allocatable.pods,
        },
        "monthly": json_number(cluster.monthly),
        "runner_up": _choice_dict(cluster.runner_up),
        "reason": kubernetes_reason(cluster),
        "placement": [
            {
                "node": node.node,
                "pods": list(node.pods),
                "cpu_used": json_number(node.cpu_used),
                "memory_gib_used": json_number(node.memory_gib_used),
            }
            for node in cluster.placement
        ],
    }


def report_dict(report: SizingReport) -> dict[str, Any]:
    """What was read, assumed and chosen (no prices of the Comparison)."""
    totals = report.totals
    return {
        "source": {"kind": report.source.kind, "documents": report.source.documents},
        "workloads": [
            {
                "name": line.name,
                "kind": line.kind,
                "replicas": line.replicas,
                "per_node": line.per_node,
                "cpu": json_number(line.cpu),
                "memory_gib": json_number(line.memory_gib),
                "storage_gib": json_number(line.storage_gib),
                "assumed": list(line.assumed),
                "min_replicas": line.min_replicas,
                "max_replicas": line.max_replicas,
            }
            for line in report.workloads
        ],
        "totals": {
            "cpu": json_number(totals.cpu),
            "memory_gib": json_number(totals.memory_gib),
            "storage_gib": json_number(totals.storage_gib),
            "daemonset_cpu_per_node": json_number(totals.daemonset_cpu_per_node),
            "daemonset_memory_gib_per_node": json_number(totals.daemonset_memory_gib_per_node),
            "load_balancers": totals.load_balancers,
            "pods": totals.pods,
        },
        "docker": _docker_dict(report.docker),
        "kubernetes": _kubernetes_dict(report.kubernetes),
        "ignored": list(report.ignored),
        "jobs": list(report.jobs),
        "warnings": [{"workload": w.workload, "message": w.message} for w in report.warnings],
        "assumptions": list(report.assumptions),
    }


def permalink_of(sized: SizedEstimate, engine: Engine, root: str = "") -> str:
    query = permalink_query(sized.sizing.scenario, engine.catalog)
    return f"{root}/?{query}" if query else f"{root}/"


def sizing_dict(sized: SizedEstimate, engine: Engine, root: str = "") -> dict[str, Any]:
    """The body of POST /api/v1/size (and of ``dockerk8s-cost size --format json``)."""
    return {
        **report_dict(sized.sizing.report),
        "scenario": scenario_dict(sized.estimate.comparison.scenario),
        "permalink": permalink_of(sized, engine, root),
        "comparison": estimate_dict(sized.estimate),
    }


def option_parameters() -> list[dict[str, Any]]:
    """The options as OpenAPI query parameters."""
    schemas = {
        "decimal": {"type": "string", "pattern": _DECIMAL.pattern},
        "integer": {"type": "integer"},
        "boolean": {"type": "boolean"},
        "names": {"type": "string"},
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
