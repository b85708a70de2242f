"""What the MCP tools answer: the API's own output models (ComparisonOut under EstimateAnswer
with the permalink, SizingOut, CompareOut) as structured content, the same JSON as text, and a
few sentences before it for the reader; and the catalog, an overview or one provider's region
(the whole catalog is some 700 kB)."""

from __future__ import annotations

from typing import Any

import orjson
from mcp_types import CallToolResult, TextContent
from pydantic import Field

from app.api.catalog import catalog_dict
from app.present.estimate import ComparisonOut
from app.present.output import Output
from pricing import Catalog
from pricing.presets import PRESETS
from pricing.scenario import FieldProblem, InputError


class EstimateAnswer(Output):
    headline: str = Field(description="The monthly gap and the cheaper setup, in words.")
    permalink: str = Field(description="The calculator with this scenario.")
    comparison: ComparisonOut = Field(description="The estimate: GET /api/v1/estimate's JSON.")


def answer(model: type[Output], source: object, words: list[str]) -> CallToolResult:
    """``source`` written in ``model``: as structured content, and as JSON text after
    ``words`` (what a reader sees first)."""
    data = json_data(model.plain(source))
    text = orjson.dumps(data).decode()
    content = [TextContent(type="text", text="\n".join(words)), TextContent(type="text", text=text)]
    return CallToolResult(content=content, structured_content=data)


def json_data(value: Any) -> Any:
    """``value`` as plain JSON data (dates as ISO text)."""
    return orjson.loads(orjson.dumps(value))


def catalog_overview(catalog: Catalog) -> dict[str, Any]:
    """The providers (their regions, defaults and currency), the Docker plans and the presets:
    what a scenario can name."""
    whole = catalog_dict(catalog)
    providers = [
        {
            "key": p["key"],
            "name": p["name"],
            "currency": p["currency"],
            "defaults": p["defaults"],
            "regions": [{"key": r["key"], "name": r["name"]} for r in p["regions"]],
            "control_planes": [c["key"] for c in p["control_planes"]],
            "load_balancers": [lb["key"] for lb in p["load_balancers"]],
            "disks": [d["key"] for d in p["disks"]],
        }
        for p in whole["providers"]
    ]
    presets = [
        {"name": name, "title": p.title, "description": p.description}
        for name, p in PRESETS.items()
    ]
    return {
        "version": whole["version"],
        "as_of": whole["as_of"],
        "providers": providers,
        "plans": whole["plans"],
        "presets": presets,
    }


def catalog_region(catalog: Catalog, provider: str, region: str | None) -> dict[str, Any]:
    """One provider's prices, its instance types those of one region (its default region when
    none is named), each with its source, date and confidence; or InputError naming the key."""
    whole = catalog_dict(catalog)
    found = next((p for p in whole["providers"] if p["key"] == provider), None)
    if found is None:
        keys = ", ".join(p["key"] for p in whole["providers"])
        raise InputError(
            [FieldProblem("provider", f"is not in the catalog; choose one of: {keys}")]
        )
    region = region or found["defaults"]["region"]
    regions = [r for r in found["regions"] if r["key"] == region]
    if not regions:
        keys = ", ".join(r["key"] for r in found["regions"])
        problem = FieldProblem("region", f"is not a region of {provider}; choose one of: {keys}")
        raise InputError([problem])
    return {"version": whole["version"], "as_of": whole["as_of"], **found, "regions": regions}
