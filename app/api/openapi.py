"""The OpenAPI document's Scenario: the query parameters every Scenario route accepts, and the
JSON body's schema, both saying exactly which values the API accepts."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI

from app.present.columns import managed_columns
from pricing.catalog import Catalog
from pricing.input_types import DECIMAL_PATTERN
from pricing.presets import PRESETS
from pricing.scenario import Scenario

# A decimal input takes a JSON number with at most 6 decimal places, 0 or at least 0.0001 (a
# smaller one reads as 1e-05, which is refused), or the same as plain text (DECIMAL_PATTERN).
DECIMAL_STEP = 0.000001
SMALLEST_FRACTION = 0.0001
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _accepted_numbers(number: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON numbers a plain-decimal input accepts, within ``number``'s bounds."""
    bounds = {k: v for k, v in number.items() if k in BOUNDS}
    fraction: dict[str, Any] = {"type": "number", **bounds, "multipleOf": DECIMAL_STEP}
    low = bounds.get("minimum", bounds.get("exclusiveMinimum", 0))
    if low < SMALLEST_FRACTION:
        fraction.pop("exclusiveMinimum", None)
        fraction["minimum"] = SMALLEST_FRACTION
    return [{"type": "integer", **bounds}, fraction]


def _exact(prop: dict[str, Any]) -> dict[str, Any]:
    """A Scenario property's schema with decimal inputs stated as they are accepted."""
    branches = prop.get("anyOf", [])
    if not any(b.get("type") == "number" for b in branches):
        return prop
    exact: list[dict[str, Any]] = []
    for branch in branches:
        if branch.get("type") == "number":
            exact += _accepted_numbers(branch)
        elif branch.get("type") == "string":
            pattern = branch.get("pattern", DECIMAL_PATTERN)
            exact.append({"type": "string", "pattern": pattern})
        else:
            exact.append(branch)
    bounds = next(b for b in branches if b.get("type") == "number")
    shown = ", ".join(f"{k} {v}" for k, v in bounds.items() if k in BOUNDS)
    note = (
        f" A number ({shown}) with at most 6 decimal places, as JSON or as plain text"
        " (digits and one point)."
    )
    return {**prop, "anyOf": exact, "description": prop.get("description", "") + note}


def _scenario_schema() -> dict[str, Any]:
    schema = copy.deepcopy(Scenario.model_json_schema())
    schema["properties"] = {n: _exact(p) for n, p in schema["properties"].items()}
    return schema


_SCHEMA = _scenario_schema()


def _without_default(prop: dict[str, Any]) -> dict[str, Any]:
    """A property without ``default``, which moves into the description: a preset brings its
    own values, so a client that sent the defaults would undo the preset it asked for."""
    default = prop.get("default")
    shown = "empty" if default is None else default
    kept = {k: v for k, v in prop.items() if k not in ("title", "default")}
    return {**kept, "description": f"{prop.get('description', '')} Default: {shown}."}


def scenario_body_schema() -> dict[str, Any]:
    """The JSON body of POST /api/v1/estimate: Scenario fields, and ``preset`` to start from."""
    preset = {
        "type": "string",
        "enum": list(PRESETS),
        "description": "Start from a named preset; the other keys apply over it.",
    }
    fields = {n: _without_default(p) for n, p in _SCHEMA["properties"].items()}
    return {**_SCHEMA, "properties": {"preset": preset, **fields}}


def catalog_keys(catalog: Catalog) -> dict[str, tuple[str, list[str]]]:
    """For each Scenario field that names a catalog entry, the schema that lists the keys it
    takes, and those keys: every provider's, since which keys a provider has is a rule across
    fields (a region of another provider is a 422 naming it) that a schema cannot state."""
    providers = catalog.providers.values()

    def every(table: str) -> list[str]:
        return sorted({key for provider in providers for key in getattr(provider, table)})

    regions = sorted({key for provider in providers for key in provider.regions})
    machines = every("instance_types")
    plans = sorted(catalog.plans)
    return {
        "provider": ("ProviderKey", sorted(catalog.providers)),
        "region": ("RegionKey", regions),
        "docker_instance_type": ("InstanceTypeKey", machines),
        "k8s_instance_type": ("InstanceTypeKey", machines),
        "k8s_control_instance_type": ("InstanceTypeKey", machines),
        "control_plane": ("ControlPlaneKey", every("control_planes")),
        "load_balancer": ("LoadBalancerKey", every("load_balancers")),
        "disk": ("DiskKey", every("disks")),
        "docker_plan": ("PlanKey", plans),
        "k8s_plan": ("PlanKey", plans),
    }


def _keyed(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    """``schema`` of a key field with its accepted keys by reference: the key, or (where the
    field may be left empty) "" or null for the provider's default."""
    kept = {k: v for k, v in schema.items() if k not in ("anyOf", "pattern", "type")}
    key = {"$ref": f"#/components/schemas/{ref}"}
    if "anyOf" not in schema:
        return {**kept, **key}
    empty = [{"type": "string", "enum": [""]}, {"type": "null"}]
    return {**kept, "anyOf": [key, *empty]}


def _state_keys(document: dict[str, Any], catalog: Catalog) -> None:
    """Every key field in ``document`` (the Scenario's properties and every route's query
    parameters) takes the catalog's keys, listed once under components."""
    keys = catalog_keys(catalog)
    schemas = document["components"]["schemas"]
    for ref, names in keys.values():
        schemas[ref] = {"type": "string", "enum": names}
    properties = schemas["Scenario"]["properties"]
    for field, (ref, _) in keys.items():
        properties[field] = _keyed(properties[field], ref)
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                found = keys.get(parameter["name"])
                if found and parameter.get("in") == "query":
                    parameter["schema"] = _keyed(parameter["schema"], found[0])


def install(app: FastAPI, catalog: Catalog) -> None:
    """Complete the generated document with the Scenario schema the routes refer to, its key
    fields taking the keys of ``catalog`` (the one the server runs with), and the managed
    container services /value can name."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas["Scenario"] = scenario_body_schema()
            _state_keys(document, catalog)
            _value_fields(document, [column.key for column in managed_columns(catalog)])
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def _value_fields(document: dict[str, Any], keys: list[str]) -> None:
    """/api/v1/value's ``field`` also names each managed container service's monthly price."""
    for parameter in document["paths"]["/api/v1/value"]["get"]["parameters"]:
        if parameter["name"] == "field":
            parameter["schema"]["enum"] = [*parameter["schema"]["enum"], *keys]


def _parameter(name: str, prop: dict[str, Any]) -> dict[str, Any]:
    stated = _without_default(prop)
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": stated.pop("description"),
        "schema": stated,
    }


def preset_parameter(description: str) -> dict[str, Any]:
    return {
        "name": "preset",
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", "enum": ["", *PRESETS]},
        "example": "article",
    }


def scenario_parameters(*extra: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads a Scenario from its query string."""
    preset = preset_parameter("Start from a named preset; the other parameters apply over it.")
    fields = [_parameter(n, p) for n, p in _SCHEMA["properties"].items()]
    return {"parameters": [preset, *extra, *fields]}


def control(name: str, description: str, values: list[str], default: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", "enum": values, "default": default},
    }
