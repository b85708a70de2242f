"""Comparison -> JSON-ready dicts, CSV rows and single values. Formatting only: no arithmetic."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any

from pricing import Comparison, Flip, LineItem, SetupCost
from pricing.capacity import Fit
from pricing.scenario import Scenario

SETUPS = ("docker", "kubernetes")
SETUP_TOTALS = (
    "infrastructure_monthly",
    "people_monthly",
    "monthly_total",
    "people_first_month",
    "first_month_total",
    "horizon_total",
)
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
SUMMARY_INPUTS = (
    "provider",
    "region",
    "docker_instance_type",
    "docker_hosts",
    "k8s_instance_type",
    "k8s_nodes",
    "control_plane",
    "devops_hourly_rate",
    "horizon_months",
)
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def money(value: Decimal) -> str:
    """A plain decimal with two places: 443.00 (no sign for currency, no separators)."""
    text = str(value)  # amounts are kept in whole cents, and str() is 4x cheaper than format
    return text if text[-3:-2] == "." else f"{value:.2f}"


def plain(value: Decimal) -> str:
    """A plain decimal without trailing zeros or exponent: 0.0225, 730, 96.000000 -> 96."""
    return format(value.normalize(), "f")


def number(value: Decimal) -> float | int:
    """A JSON number: integral values as ints, others as floats (at most 6 places here)."""
    return int(value) if value == value.to_integral_value() else float(value)


def scenario_dict(scenario: Scenario) -> dict[str, Any]:
    return {
        name: number(value) if isinstance(value, Decimal) else value
        for name, value in scenario.model_dump().items()
    }


def _item_dict(item: LineItem) -> dict[str, Any]:
    return {
        "category": item.category,
        "label": item.label,
        "quantity": number(item.quantity),
        "unit": item.unit,
        "unit_price": number(item.unit_price),
        "monthly": number(item.monthly),
        "list_unit_price": _maybe(item.list_unit_price),
        "source": item.source,
        "as_of": item.as_of.isoformat() if item.as_of else None,
    }


def _maybe(value: Decimal | None) -> float | int | None:
    return None if value is None else number(value)


def _fit_dict(f: Fit) -> dict[str, Any]:
    return {
        "setup": f.setup,
        "fits": f.fits,
        "count": f.count,
        "needed": f.needed,
        "cpu_allocatable": number(f.cpu_allocatable),
        "memory_allocatable_gib": number(f.memory_allocatable_gib),
        "cpu_utilisation": _maybe(f.cpu_utilisation),
        "memory_utilisation": _maybe(f.memory_utilisation),
    }


def flip_dicts(flips: Iterable[Flip]) -> list[dict[str, str]]:
    return [
        {
            "field": f.field,
            "label": f.label,
            "current": f.current,
            "needed": f.needed,
            "change": f.change,
        }
        for f in flips
    ]


def _setup_dict(cost: SetupCost) -> dict[str, Any]:
    result: dict[str, Any] = {"line_items": [_item_dict(i) for i in cost.line_items]}
    result.update({name: number(getattr(cost, name)) for name in SETUP_TOTALS})
    low_high = cost.monthly_range
    result["monthly_range"] = [number(v) for v in low_high] if low_high else None
    return result


def comparison_dict(c: Comparison) -> dict[str, Any]:
    """The Comparison in the JSON shape of DESIGN.md."""
    d = c.difference
    return {
        "catalog": {"version": c.catalog_version, "as_of": c.as_of.isoformat()},
        "currency": {"code": c.currency, "per_usd": number(c.scenario.exchange_rate)},
        "scenario": scenario_dict(c.scenario),
        "docker": _setup_dict(c.docker),
        "kubernetes": _setup_dict(c.kubernetes),
        "timeline": [
            {"month": p.month, "docker": number(p.docker), "kubernetes": number(p.kubernetes)}
            for p in c.timeline
        ],
        "difference": {
            "monthly": number(d.monthly),
            "first_month": number(d.first_month),
            "horizon": number(d.horizon),
            "ratio": number(d.ratio) if d.ratio is not None else None,
            "cheaper": d.cheaper,
            "break_even_month": d.break_even_month,
        },
        "fit": [_fit_dict(f) for f in c.fit],
        "advice": {
            "recommendation": c.advice.recommendation,
            "summary": c.advice.summary,
            "reasons": [
                {
                    "question": r.question,
                    "points_to": r.points_to,
                    "text": r.text,
                    "weight": r.weight,
                }
                for r in c.advice.reasons
            ],
            "notes": list(c.advice.notes),
        },
    }


def _setup_value(setup: str, name: str) -> Callable[[Comparison], str]:
    return lambda c: money(getattr(getattr(c, setup), name))


VALUE_FIELDS: dict[str, Callable[[Comparison], str]] = {
    **{f"{s}.{n}": _setup_value(s, n) for s in SETUPS for n in SETUP_TOTALS},
    "difference.monthly": lambda c: money(c.difference.monthly),
    "difference.first_month": lambda c: money(c.difference.first_month),
    "difference.horizon": lambda c: money(c.difference.horizon),
    "difference.ratio": lambda c: plain(c.difference.ratio) if c.difference.ratio else "",
    "difference.cheaper": lambda c: c.difference.cheaper,
    "difference.break_even_month": lambda c: str(c.difference.break_even_month or ""),
    "advice.recommendation": lambda c: c.advice.recommendation,
}


def safe_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula; plain numbers stay numbers."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def item_rows(c: Comparison) -> list[list[str]]:
    """One row per line item, then each setup's totals rows, for shape=items."""
    rows = [list(ITEM_COLUMNS)]
    for setup in SETUPS:
        cost: SetupCost = getattr(c, setup)
        for i in cost.line_items:
            listed = plain(i.list_unit_price) if i.list_unit_price is not None else ""
            rows.append(
                [
                    setup,
                    i.category,
                    i.label,
                    plain(i.quantity),
                    i.unit,
                    plain(i.unit_price),
                    money(i.monthly),
                    listed,
                ]
            )
    return [[safe_cell(cell) for cell in row] for row in rows]


def summary_header() -> list[str]:
    return [
        *SUMMARY_INPUTS,
        *(f"{s}_{n}" for s in SETUPS for n in SETUP_TOTALS),
        "difference_monthly",
        "difference_horizon",
        "cheaper",
        "recommendation",
        "break_even_month",
        "currency",
    ]


def summary_values(c: Comparison) -> list[str]:
    s = c.scenario
    inputs = [getattr(s, name) for name in SUMMARY_INPUTS]
    totals = [money(getattr(getattr(c, st), n)) for st in SETUPS for n in SETUP_TOTALS]
    return [
        *(plain(v) if isinstance(v, Decimal) else str(v) for v in inputs),
        *totals,
        money(c.difference.monthly),
        money(c.difference.horizon),
        c.difference.cheaper,
        c.advice.recommendation,
        str(c.difference.break_even_month or ""),
        c.currency,
    ]


def summary_rows(c: Comparison) -> list[list[str]]:
    return [summary_header(), [safe_cell(v) for v in summary_values(c)]]


def to_csv(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """CSV (or TSV) text with CRLF line endings, as RFC 4180 and spreadsheets expect."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


BATCH_TOTALS = (
    "infrastructure_monthly",
    "people_monthly",
    "monthly_total",
    "first_month_total",
    "horizon_total",
)
BATCH_RESULT_COLUMNS = [
    *(f"{s}_{n}" for s in SETUPS for n in BATCH_TOTALS),
    "kubernetes_monthly_at_min_nodes",
    "kubernetes_monthly_at_max_nodes",
    "difference_monthly",
    "difference_horizon",
    "break_even_month",
    "cheaper",
    "recommendation",
    "docker_fits",
    "kubernetes_fits",
    "currency",
]


_batch_totals = attrgetter(*BATCH_TOTALS)


def batch_results(c: Comparison) -> list[str]:
    """The result cells of one batch row, in BATCH_RESULT_COLUMNS order."""
    low_high = c.kubernetes.monthly_range
    fit = {f.setup: "yes" if f.fits else "no" for f in c.fit}
    return [
        *map(money, (*_batch_totals(c.docker), *_batch_totals(c.kubernetes))),
        money(low_high[0]) if low_high else "",
        money(low_high[1]) if low_high else "",
        money(c.difference.monthly),
        money(c.difference.horizon),
        str(c.difference.break_even_month or ""),
        c.difference.cheaper,
        c.advice.recommendation,
        fit.get("docker", ""),
        fit.get("kubernetes", ""),
        c.currency,
    ]
