"""Turn what a user sent (query string, form, JSON body, CSV row) into a Scenario, or an
InputError naming each field. Every face comes through ``parse_scenario``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from pricing.presets import build_scenario
from pricing.scenario import FIELD_NAMES, FieldProblem, InputError, Scenario

PRESET = "preset"


def message_of(item: Mapping[str, Any]) -> str:
    """One pydantic error in words: never its regex (each pattern-checked input has its own
    validator with a message; this is the fallback), never its "Value error, " prefix."""
    if item["type"] == "extra_forbidden":
        return "is not a known field"
    if item["type"] == "string_pattern_mismatch":
        return "is not in the accepted form"
    return str(item["msg"]).removeprefix("Value error, ")


def problems_from(error: ValidationError) -> list[FieldProblem]:
    """Pydantic's errors as FieldProblems, without echoing the input back."""
    problems = []
    for item in error.errors(include_input=False, include_url=False):
        loc = item["loc"]
        field = str(loc[0]) if loc else "body"
        problems.append(FieldProblem(field, message_of(item)))
    return problems


def parse_scenario(values: Mapping[str, Any]) -> Scenario:
    """A Scenario from Scenario fields as sent, ``preset`` among them (applied first), or
    InputError naming every field that is wrong."""
    fields = dict(values)
    preset = fields.pop(PRESET, None)
    if preset is not None and not isinstance(preset, str):
        raise InputError([FieldProblem(PRESET, "must be a preset name")])
    try:
        return build_scenario(fields, preset or None)
    except ValidationError as exc:
        raise InputError(problems_from(exc)) from None


def split_query(
    pairs: Iterable[tuple[str, str]], controls: frozenset[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Split query pairs into scenario values (``preset`` among them) and the route's control
    parameters (format, shape, ...).

    A name given twice, or a name that is neither, is a problem: nothing is silently dropped.
    """
    values: dict[str, str] = {}
    given: dict[str, str] = {}
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for name, value in pairs:
        if name in seen:
            problems.append(FieldProblem(name, "is given more than once"))
            continue
        seen.add(name)
        if name in controls:
            given[name] = value
        elif name in FIELD_NAMES or name == PRESET:
            values[name] = value
        else:
            problems.append(FieldProblem(name, "is not a known field"))
    if problems:
        raise InputError(problems)
    return values, given


def parse_query(
    pairs: Iterable[tuple[str, str]], controls: frozenset[str] = frozenset()
) -> tuple[Scenario, dict[str, str]]:
    """The Scenario a query string describes, and the control parameters it carried."""
    values, given = split_query(pairs, controls)
    return parse_scenario(values), given
