"""What the compare page's template draws, computed in Python: the form's two sides as typed
and their problems, the inputs that differ (with the calculator's labels), each setup's line
items and totals in A and B, the words and the links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from starlette.requests import Request

from app.compare.sides import SIDES
from app.page.layout import FIELDS, GROUPS
from app.present import changes
from app.present.compare import compare_links
from app.present.words import SETUP_TITLES
from app.web.urls import root_of
from pricing import Engine
from pricing.delta import SETUPS, Delta, LineChange, TotalChange
from pricing.scenario import FieldProblem


class InputRow(NamedTuple):
    """An input that differs: its group and label on the calculator (its name where the form
    has no such field), its name, its values in A and B."""

    group: str
    label: str
    name: str
    a: str
    b: str


class SetupRows(NamedTuple):
    """One setup's table: its title, its paired line items and its totals in A and B."""

    setup: str
    title: str
    lines: tuple[LineChange, ...]
    totals: tuple[TotalChange, ...]


def side_errors(problems: Sequence[FieldProblem]) -> dict[str, list[str]]:
    """Each side's problems as lines under its field ("k8s_nodes: must be ..."); the page's
    others (an unknown parameter) under ""."""
    errors: dict[str, list[str]] = {side: [] for side in ("", *SIDES)}
    for problem in problems:
        side, _, field = problem.field.partition(".")
        if side in SIDES:
            errors[side].append(f"{field}: {problem.message}" if field else problem.message)
        else:
            errors[""].append(f"{problem.field}: {problem.message}")
    return errors


# Each form field's group title, to tell "Load balancers" of Docker from Kubernetes'.
GROUP_OF = {field.name: group.title for group in GROUPS for field in group.fields}


def input_rows(change: Delta) -> list[InputRow]:
    rows = []
    for name, old, new in change.fields:
        field = FIELDS.get(name)
        label = name if field is None else field.label
        if field is not None and field.unit:
            label += f" ({field.unit})"
        shown = changes.shown_value(old), changes.shown_value(new)
        rows.append(InputRow(GROUP_OF.get(name, ""), label, name, *shown))
    return rows


def setup_rows(change: Delta) -> list[SetupRows]:
    return [
        SetupRows(
            setup,
            SETUP_TITLES[setup],
            tuple(line for line in change.lines if line.setup == setup),
            tuple(total for total in change.totals if total.setup == setup),
        )
        for setup in SETUPS
    ]


def compare_context(
    request: Request,
    engine: Engine,
    texts: Mapping[str, str],
    change: Delta | None,
    problems: Sequence[FieldProblem] = (),
) -> dict[str, Any]:
    """The page: the form (each side as typed, or as its permalink once read) and, when both
    sides were priced, the comparison."""
    context: dict[str, Any] = {
        "request": request,
        "root": root_of(request),
        "texts": dict(texts),
        "errors": side_errors(problems),
        "change": change,
        "words": changes,
    }
    if change is None:
        return context
    links = compare_links(change, engine.catalog, context["root"], str(request.base_url))
    return {
        **context,
        "texts": {"a": links.a.query, "b": links.b.query},
        "links": links,
        "currency": change.new.comparison.currency,
        "verdict": changes.verdict_change(change),
        "advice": changes.advice_change(change),
        "odds": changes.odds_change(change) or "",
        "inputs": input_rows(change),
        "setups": setup_rows(change),
        "total_titles": changes.TOTAL_TITLES,
    }
