"""A comparison of two scenarios, defined once: its JSON (CompareOut, also the OpenAPI schema),
which GET /api/v1/compare returns, the MCP server's compare tool answers and
``dockerk8s-cost diff --format json`` prints; and its CSV rows (a row per pair of line items).
Side A is the first scenario (the old one in a diff), B the second; every change is B minus A.
Formatting only: the pairs and the changes come from ``pricing.delta``."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer, WithJsonSchema

from app.present.cells import cents_text, json_number, safe_cell
from app.present.changes import change_summary
from app.present.estimate import ComparisonOut, Setup, comparison_source
from app.present.links import CompareLinks, Links, permalink_query
from app.present.output import Number, Output
from pricing import Catalog, Estimate
from pricing.delta import Delta, LineChange


def _input_value(value: Any) -> Any:
    return json_number(value) if isinstance(value, Decimal) else value


# One Scenario field's value as the JSON writes it: decimals as numbers.
InputValue = Annotated[
    Any,
    PlainSerializer(_input_value, return_type=Any),
    WithJsonSchema({"type": ["string", "number", "boolean", "null"]}),
]


class FieldChangeOut(Output):
    field: str = Field(description="The Scenario field whose resolved value differs.")
    a: InputValue = Field(description="Its value in A.")
    b: InputValue = Field(description="Its value in B.")


class LineChangeOut(Output):
    setup: Setup
    category: str = Field(description="compute, control plane, load balancer, storage, ...")
    a_item: str | None = Field(description="The line in A, in words; null if A has none.")
    b_item: str | None = Field(description="The line in B, in words; null if B has none.")
    a_monthly: Number | None = Field(description="Its monthly cost in A; null if none.")
    b_monthly: Number | None = Field(description="Its monthly cost in B; null if none.")
    change: Number = Field(description="B minus A, a month (a missing line counts as 0).")


class TotalChangeOut(Output):
    setup: Setup
    name: Literal["infrastructure_monthly", "people_monthly", "monthly_total", "horizon_total"]
    a: Number
    b: Number
    change: Number = Field(description="B minus A.")


class SideOut(Output):
    query: str = Field(description="The scenario as a permalink's query string.")
    permalink: str = Field(description="The calculator with this scenario.")
    comparison: ComparisonOut = Field(description="The scenario priced: GET /api/v1/estimate.")


class CompareOut(Output):
    currency: str = Field(description="The currency of every amount (both sides share it).")
    summary: list[str] = Field(description="The changes in words: each setup, the verdict.")
    permalink: str = Field(description="The compare page for these two scenarios.")
    fields: list[FieldChangeOut] = Field(description="The inputs that differ, as priced.")
    lines: list[LineChangeOut] = Field(
        description="Every line item of both setups, paired by setup, category and order."
    )
    totals: list[TotalChangeOut] = Field(description="Each setup's totals in A and B.")
    a: SideOut
    b: SideOut


def _side(result: Estimate, links: Links) -> dict[str, Any]:
    return {
        "query": links.query,
        "permalink": links.permalink,
        "comparison": comparison_source(result),
    }


def _line(line: LineChange) -> dict[str, Any]:
    old, new = line.old, line.new
    return {
        "setup": line.setup,
        "category": line.category,
        "a_item": old.label if old else None,
        "b_item": new.label if new else None,
        "a_monthly": old.monthly if old else None,
        "b_monthly": new.monthly if new else None,
        "change": line.change,
    }


def compare_source(change: Delta, links: CompareLinks) -> dict[str, Any]:
    """A comparison as CompareOut reads it."""
    return {
        "currency": change.new.comparison.currency,
        "summary": change_summary(change),
        "permalink": links.permalink,
        "fields": [{"field": f.field, "a": f.old, "b": f.new} for f in change.fields],
        "lines": [_line(line) for line in change.lines],
        "totals": [
            {"setup": t.setup, "name": t.name, "a": t.old, "b": t.new, "change": t.change}
            for t in change.totals
        ],
        "a": _side(change.old, links.a),
        "b": _side(change.new, links.b),
    }


def compare_links(change: Delta, catalog: Catalog, root: str, base: str) -> CompareLinks:
    """The comparison's URLs: each side by its permalink, under ``root`` and ``base`` (see
    app.present.links.Links)."""
    a, b = (
        Links(root, base, permalink_query(result.comparison.scenario, catalog))
        for result in (change.old, change.new)
    )
    return CompareLinks(a, b)


def compare_json(change: Delta, links: CompareLinks) -> bytes:
    """The body of GET /api/v1/compare."""
    return CompareOut.to_json(compare_source(change, links))


COMPARE_COLUMNS = (
    "setup",
    "category",
    "a_item",
    "b_item",
    "a_monthly",
    "b_monthly",
    "change",
    "currency",
)


def compare_rows(change: Delta) -> list[list[str]]:
    """The header, then a row per pair of line items (format=csv): each amount column adds up
    to that side's monthly totals, and the change column to their change."""
    currency = change.new.comparison.currency
    rows = [list(COMPARE_COLUMNS)]
    for line in change.lines:
        old, new = line.old, line.new
        rows.append(
            [
                line.setup,
                line.category,
                old.label if old else "",
                new.label if new else "",
                cents_text(old.monthly) if old else "",
                cents_text(new.monthly) if new else "",
                cents_text(line.change),
                currency,
            ]
        )
    return [[safe_cell(cell) for cell in row] for row in rows]
