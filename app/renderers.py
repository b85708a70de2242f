"""An Estimate as JSON-ready dicts and CSV rows. Formatting only: no arithmetic."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from app import columns
from app.cells import cents_text, decimal_text, json_number, optional_number, safe_cell
from app.present import advice_summary
from pricing import Bill, Estimate, Flip, LineItem
from pricing.capacity import Fit
from pricing.catalog import Availability
from pricing.comparison import TimelinePoint
from pricing.months import Months
from pricing.odds import Odds, Quantiles
from pricing.scenario import Scenario

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


def scenario_dict(scenario: Scenario) -> dict[str, Any]:
    return {
        name: json_number(value) if isinstance(value, Decimal) else value
        for name, value in scenario.model_dump().items()
    }


def _item_dict(item: LineItem) -> dict[str, Any]:
    return {
        "category": item.category,
        "label": item.label,
        "quantity": json_number(item.quantity),
        "unit": item.unit,
        "unit_price": json_number(item.unit_price),
        "monthly": json_number(item.monthly),
        "list_unit_price": optional_number(item.list_unit_price),
        "source": item.source,
        "as_of": item.as_of.isoformat() if item.as_of else None,
    }


def _fit_dict(fit: Fit) -> dict[str, Any]:
    return {
        "setup": fit.setup,
        "fits": fit.fits,
        "count": fit.count,
        "needed": fit.needed,
        "cpu_allocatable": json_number(fit.cpu_allocatable),
        "memory_allocatable_gib": json_number(fit.memory_allocatable_gib),
        "cpu_utilisation": optional_number(fit.cpu_utilisation),
        "memory_utilisation": optional_number(fit.memory_utilisation),
        "pods_per_vm": fit.pods_per_vm,
    }


def flip_dicts(flips: Iterable[Flip]) -> list[dict[str, str]]:
    return [
        {
            "field": flip.field,
            "label": flip.label,
            "current": flip.current,
            "needed": flip.needed,
            "change": flip.change,
        }
        for flip in flips
    ]


def _availability_dict(promise: Availability | None) -> dict[str, Any] | None:
    if promise is None:
        return None
    return {
        "label": promise.label,
        "percent": json_number(promise.percent),
        "source": promise.source,
        "as_of": promise.as_of.isoformat(),
    }


def _quantiles_dict(quantiles: Quantiles) -> dict[str, Any]:
    return {name: json_number(value) for name, value in quantiles._asdict().items()}


def odds_dict(odds: Odds | None) -> dict[str, Any] | None:
    """The odds in the JSON shape of DESIGN.md's contract additions (null with odds=false)."""
    if odds is None:
        return None
    return {
        "kubernetes_cheaper_probability": optional_number(odds.kubernetes_cheaper_probability),
        **{
            setup: {
                "monthly_total": _quantiles_dict(getattr(odds, setup).monthly_total),
                "horizon_total": _quantiles_dict(getattr(odds, setup).horizon_total),
            }
            for setup in columns.SETUPS
        },
        "draws": odds.draws,
        "seed": odds.seed,
        "turns_on": [
            {"field": i.field, "name": i.name, "share": json_number(i.share)} for i in odds.turns_on
        ],
        "not_fitting": list(odds.not_fitting),
        "summary": odds.summary,
    }


def _bill_dict(bill: Bill) -> dict[str, Any]:
    result: dict[str, Any] = {"line_items": [_item_dict(item) for item in bill.line_items]}
    result.update({name: json_number(getattr(bill, name)) for name in columns.SETUP_TOTALS})
    low_high = bill.monthly_range
    result["monthly_range"] = [json_number(v) for v in low_high] if low_high else None
    result["availability"] = _availability_dict(bill.availability)
    result["rampup_items"] = [_item_dict(item) for item in bill.rampup_items]
    result["rampup_months"] = bill.rampup_months
    return result


def _point_dict(point: TimelinePoint) -> dict[str, Any]:
    return {
        "month": point.month,
        "docker": json_number(point.docker),
        "kubernetes": json_number(point.kubernetes),
        "calendar_month": point.calendar_month,
        "docker_month": json_number(point.docker_month),
        "kubernetes_month": json_number(point.kubernetes_month),
        "events": [
            {"setup": event.setup, "kind": event.kind, "text": event.text} for event in point.events
        ],
    }


def _months_dict(months: Months) -> dict[str, Any]:
    return {
        "start_month": months.start_month,
        "kubernetes_version": months.kubernetes_version,
        "docker_outgrown_month": months.docker_outgrown_month,
        "cheaper_changes_month": months.cheaper_changes_month,
        "assumptions": list(months.assumptions),
    }


def estimate_dict(result: Estimate) -> dict[str, Any]:
    """The comparison and its advice in the JSON shape of DESIGN.md."""
    comparison, advice = result.comparison, result.advice
    difference = comparison.difference
    return {
        "catalog": {
            "version": comparison.catalog_version,
            "as_of": comparison.as_of.isoformat(),
        },
        "currency": {
            "code": comparison.currency,
            "per_usd": json_number(comparison.scenario.exchange_rate),
            "catalog": comparison.resolved.matches.provider.currency,
            "per_catalog_unit": json_number(comparison.resolved.matches.price_rate),
        },
        "scenario": scenario_dict(comparison.scenario),
        "docker": _bill_dict(comparison.docker),
        "kubernetes": _bill_dict(comparison.kubernetes),
        "timeline": [_point_dict(point) for point in comparison.timeline],
        "months": _months_dict(comparison.months),
        "difference": {
            "monthly": json_number(difference.monthly),
            "first_month": json_number(difference.first_month),
            "horizon": json_number(difference.horizon),
            "ratio": optional_number(difference.ratio),
            "cheaper": difference.cheaper,
            "break_even_month": difference.break_even_month,
        },
        "fit": [_fit_dict(fit) for fit in comparison.fit],
        "odds": odds_dict(result.odds),
        "advice": {
            "recommendation": advice.recommendation,
            "summary": advice_summary(result),
            "reasons": [
                {
                    "question": reason.question,
                    "points_to": reason.points_to,
                    "text": reason.text,
                    "weight": reason.weight,
                }
                for reason in advice.reasons
            ],
            "notes": list(advice.notes),
        },
    }


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


def summary_rows(result: Estimate) -> list[list[str]]:
    """The header and the one summary row, for shape=summary."""
    cells = columns.row(columns.SUMMARY_COLUMNS, result)
    return [columns.header(columns.SUMMARY_COLUMNS), [safe_cell(cell) for cell in cells]]
