"""The two sides of a comparison as a request gives them: each a permalink's query string, or a
URL (or path) whose query string it takes; read into Scenarios, priced and paired
(``pricing.delta``). Every problem names its side: ``a.k8s_nodes``, ``b.provider``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, urlsplit

from app.inputs import parse_query, split_query
from pricing import Engine, Estimate, Scenario
from pricing.delta import Delta, delta
from pricing.scenario import FIELD_NAMES, FieldProblem, InputError

SIDES = ("a", "b")
# A side's query carries at most every Scenario field and the preset, each once.
MAX_FIELDS = len(FIELD_NAMES) + 1


def named(side: str, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
    """The problems of one side, each field named under it: ``a.k8s_nodes``."""
    return [FieldProblem(f"{side}.{p.field}", p.message) for p in problems]


def side_query(text: str) -> str:
    """The query string a side carries: a URL's or path's (what follows its "?"), or the text
    itself, a leading "?" dropped; never its fragment."""
    text = text.strip()
    if "://" in text or text.startswith("/"):
        return urlsplit(text).query
    return text.removeprefix("?").split("#", 1)[0]


def read_side(side: str, text: str) -> Scenario:
    """The Scenario a side's text describes, or InputError naming ``<side>.<field>``."""
    try:
        pairs = parse_qsl(side_query(text), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise InputError([FieldProblem(side, "has more fields than a scenario has")]) from None
    try:
        return parse_query(pairs)[0]
    except InputError as exc:
        raise InputError(named(side, exc.problems), exc.kind) from None


def read_sides(texts: Sequence[str]) -> tuple[Scenario, Scenario]:
    """Both sides' Scenarios (A's text first), or InputError naming every problem of both."""
    scenarios: list[Scenario] = []
    problems: list[FieldProblem] = []
    for side, text in zip(SIDES, texts, strict=True):
        try:
            scenarios.append(read_side(side, text))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return scenarios[0], scenarios[1]


def compare_scenarios(engine: Engine, a: Scenario, b: Scenario) -> Delta:
    """Both scenarios priced and paired, or InputError naming each side's problems (and
    ``b.currency`` when B's currency is not A's: amounts in two currencies do not subtract)."""
    results: list[Estimate] = []
    problems: list[FieldProblem] = []
    for side, scenario in zip(SIDES, (a, b), strict=True):
        try:
            results.append(engine.estimate(scenario))
        except InputError as exc:
            problems += named(side, exc.problems)
    if problems:
        raise InputError(problems)
    try:
        return delta(results[0], results[1])
    except InputError as exc:
        raise InputError(named("b", exc.problems)) from None


def read_parameters(pairs: Iterable[tuple[str, str]], accepted: frozenset[str]) -> dict[str, str]:
    """The compare route's own parameters (``accepted``), each at most once; anything else is
    refused, a Scenario field too: it belongs inside ``a`` or ``b``."""
    fields, given = split_query(pairs, accepted)
    if fields:
        message = "belongs inside a or b (each a permalink's query string), not beside them"
        raise InputError([FieldProblem(name, message) for name in fields])
    return given
