"""The MCP tools' arguments, stated by the API's own schemas and read by the API's own parsers:
a scenario is the JSON body of POST /api/v1/estimate (Scenario fields and ``preset``, the preset
applied first and only the fields given over it), read by app.inputs.parse_scenario; the
sizing options are POST /api/v1/size's parameters, read by app.sizing.options.parse_options.
Every problem names its place in the arguments: ``scenario.k8s_nodes``, ``b.provider``,
``options.zones``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, WithJsonSchema

from app.api.openapi import scenario_body_schema
from app.inputs import parse_scenario
from app.sizing.options import OPTION_NAMES, option_parameters, parse_options
from pricing import Scenario
from pricing.scenario import FieldProblem, InputError
from pricing.workload import SizingOptions


def named(where: str, exc: InputError) -> InputError:
    """``exc`` with each field named under the argument it came from: ``scenario.k8s_nodes``."""
    return InputError(
        [FieldProblem(f"{where}.{p.field}", p.message) for p in exc.problems], exc.kind
    )


SCENARIO_SCHEMA: dict[str, Any] = {
    **scenario_body_schema(),
    "title": "Scenario",
    "description": "Scenario fields, each optional (the same as the JSON body of POST "
    "/api/v1/estimate); preset, if given, applies first and the fields given apply over it.",
}
ScenarioArgument = Annotated[dict[str, Any] | None, WithJsonSchema(SCENARIO_SCHEMA)]

OPTIONS_SCHEMA: dict[str, Any] = {
    "title": "SizingOptions",
    "type": "object",
    "description": "How to size (as POST /api/v1/size's parameters); each optional.",
    "properties": {
        param["name"]: {**param["schema"], "description": param["description"]}
        for param in option_parameters()
    },
    "additionalProperties": False,
}
OptionsArgument = Annotated[dict[str, Any] | None, WithJsonSchema(OPTIONS_SCHEMA)]
FilesArgument = Annotated[
    list[str],
    Field(
        min_length=1,
        description="The application's files, each the whole text of a Compose file or of "
        "Kubernetes manifests (YAML, or a cluster dump as JSON); several Compose files merge "
        "as docker compose -f does.",
    ),
]


def scenario_from(values: Mapping[str, Any] | None, where: str) -> Scenario:
    """The Scenario an argument describes (the defaults when absent), or InputError naming
    ``<where>.<field>``."""
    try:
        return parse_scenario(values or {})
    except InputError as exc:
        raise named(where, exc) from None


def sizing_named(exc: InputError) -> InputError:
    """A sizing's problems named by argument: what the files hold under ``files``, an option
    under ``options.<name>``, the sized scenario's fields under ``scenario.<field>``."""

    def where(field: str) -> str:
        if field == "body":
            return "files"
        return f"options.{field}" if field in OPTION_NAMES else f"scenario.{field}"

    return InputError([FieldProblem(where(p.field), p.message) for p in exc.problems], exc.kind)


def _option_text(value: Any) -> str:
    """An option's value as its query parameter's text (true, 0.5, web,worker)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def options_from(
    values: Mapping[str, Any] | None,
    scenario: Scenario,
    *,
    max_pods_given: bool,
    max_bytes: int,
) -> SizingOptions:
    """The sizing options an argument describes, for ``scenario`` (``max_pods_given``: whether
    its k8s_max_pods was given), or InputError naming ``options.<name>``."""
    values = values or {}
    unknown = [name for name in values if name not in OPTION_NAMES]
    if unknown:
        message = "is not a sizing option; they are: " + ", ".join(sorted(OPTION_NAMES))
        raise InputError([FieldProblem(f"options.{name}", message) for name in unknown])
    try:
        return parse_options(
            {name: _option_text(value) for name, value in values.items()},
            scenario,
            max_pods_given=max_pods_given,
            max_bytes=max_bytes,
        )
    except InputError as exc:
        raise named("options", exc) from None
