"""An Estimate as CSV rows (GET /api/v1/estimate?format=csv): a row per line item, the
summary row, or a row per month, setup and cost category. Formatting only: no arithmetic.
Its JSON is app.present.estimate."""

from __future__ import annotations

from app.present import columns
from app.present.cells import cents_text, decimal_text, safe_cell
from pricing import Catalog, Estimate

ITEM_COLUMNS = (
    "setup",
    "category",
    "item",
    "quantity",
    "unit",
    "unit_price",
    "monthly",
    "list_unit_price",
)
TIMELINE_COLUMNS = ("month", "setup", "category", "amount", "currency")


def item_rows(result: Estimate) -> list[list[str]]:
    """The header, then one row per line item of each setup, for shape=items."""
    rows = [list(ITEM_COLUMNS)]
    for setup in columns.SETUPS:
        for item in columns.bill_of(result, setup).line_items:
            listed = item.list_unit_price
            rows.append(
                [
                    setup,
                    item.category,
                    item.label,
                    decimal_text(item.quantity),
                    item.unit,
                    decimal_text(item.unit_price),
                    cents_text(item.monthly),
                    decimal_text(listed) if listed is not None else "",
                ]
            )
    return [[safe_cell(cell) for cell in row] for row in rows]


def timeline_rows(result: Estimate) -> list[list[str]]:
    """The header, then one row per month, setup and cost category, for shape=timeline."""
    rows = [list(TIMELINE_COLUMNS)]
    comparison = result.comparison
    for month in comparison.months.months:
        for setup in columns.SETUPS:
            for category, amount in getattr(month, setup).categories:
                rows.append(
                    [str(month.month), setup, category, cents_text(amount), comparison.currency]
                )
    return [[safe_cell(cell) for cell in row] for row in rows]


def summary_rows(result: Estimate, catalog: Catalog) -> list[list[str]]:
    """The header and the one summary row, for shape=summary (with a column per managed
    container service of ``catalog``)."""
    picked = columns.summary_columns(catalog)
    cells = columns.row(picked, result)
    return [columns.header(picked), [safe_cell(cell) for cell in cells]]
