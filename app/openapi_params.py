"""OpenAPI descriptions of the query parameters every Scenario route accepts."""

from __future__ import annotations

from typing import Any

from pricing.presets import PRESETS
from pricing.scenario import Scenario

_SCHEMA = Scenario.model_json_schema()


def _parameter(name: str, prop: dict[str, Any]) -> dict[str, Any]:
    schema = {k: v for k, v in prop.items() if k not in ("title", "description")}
    default = prop.get("default")
    shown = "empty" if default is None else default
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{prop.get('description', '')} Default: {shown}.",
        "schema": schema,
    }


def scenario_parameters(*extra: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads a Scenario from its query string."""
    preset = {
        "name": "preset",
        "in": "query",
        "required": False,
        "description": "Start from a named preset; the other parameters apply over it.",
        "schema": {"type": "string", "enum": ["", *PRESETS]},
        "example": "article",
    }
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
