"""Turn what a user sent (query string, form, JSON, CSV row) into a Scenario, or problems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from app.metrics import count_estimate
from pricing import Comparison, estimate
from pricing.catalog import Catalog
from pricing.presets import scenario_from
from pricing.scenario import FIELD_NAMES, FieldProblem, Scenario, ScenarioError

PRESET = "preset"


class InputError(Exception):
    """The request's input is wrong; ``problems`` name each field and say why, in words."""

    def __init__(self, problems: list[FieldProblem], status: int = 422) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems
        self.status = status


def problems_from(error: ValidationError) -> list[FieldProblem]:
    """Pydantic's errors as FieldProblems, without echoing the input back."""
    problems = []
    for item in error.errors(include_input=False, include_url=False):
        loc = item["loc"]
        field = str(loc[0]) if loc else "body"
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "is not a known field"
        problems.append(FieldProblem(field, message))
    return problems


def scenario_of(values: Mapping[str, Any], preset: str | None = None) -> Scenario:
    """Validate ``values`` (over ``preset``) into a Scenario or raise InputError."""
    try:
        return scenario_from(dict(values), preset or None)
    except ScenarioError as exc:
        raise InputError(exc.problems) from None
    except ValidationError as exc:
        raise InputError(problems_from(exc)) from None


def compare(scenario: Scenario, catalog: Catalog) -> Comparison:
    """Estimate, turning a scenario that does not fit the catalog into an InputError."""
    try:
        comparison = estimate(scenario, catalog)
    except ScenarioError as exc:
        raise InputError(exc.problems) from None
    count_estimate()
    return comparison


def split_query(
    pairs: Iterable[tuple[str, str]], control: frozenset[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Split query pairs into scenario fields and control parameters (format, shape, ...).

    A name given twice, or a name that is neither, is a problem: nothing is silently dropped.
    """
    fields: dict[str, str] = {}
    controls: dict[str, str] = {}
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for name, value in pairs:
        if name in seen:
            problems.append(FieldProblem(name, "is given more than once"))
            continue
        seen.add(name)
        if name in control or name == PRESET:
            controls[name] = value
        elif name in FIELD_NAMES:
            fields[name] = value
        else:
            problems.append(FieldProblem(name, "is not a known field"))
    if problems:
        raise InputError(problems)
    return fields, controls


def scenario_from_query(
    pairs: Iterable[tuple[str, str]], control: frozenset[str] = frozenset()
) -> tuple[Scenario, dict[str, str]]:
    """A Scenario from query-string pairs, plus the control parameters it carried."""
    fields, controls = split_query(pairs, control)
    return scenario_of(fields, controls.get(PRESET)), controls
