"""GET /compare: the page with two scenarios side by side. Its form (a GET, so it works without
JavaScript) takes each side as a permalink or its query string; the page shows the inputs that
differ and each line's and total's change, or each side's problems under its field."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.compare.presenter import compare_context
from app.compare.sides import SIDES, compare_scenarios, read_parameters, read_sides
from app.web.deps import EngineDep, TemplatesDep
from app.web.errors import TextErrors
from app.web.response_cache import cacheable
from pricing import Engine
from pricing.delta import Delta
from pricing.scenario import FieldProblem, InputError

router = APIRouter(include_in_schema=False, route_class=TextErrors)


def _compared(
    request: Request, engine: Engine
) -> tuple[dict[str, str], Delta | None, list[FieldProblem]]:
    """The sides as typed, their comparison (None before any was given), and the problems.
    A page with only A compares it with itself: B starts as A, to be changed."""
    try:
        given = read_parameters(request.query_params.multi_items(), frozenset(SIDES))
    except InputError as exc:
        return {}, None, exc.problems
    if "a" not in given and "b" not in given:
        return {}, None, []
    texts = {"a": given.get("a", ""), "b": given.get("b", given.get("a", ""))}
    try:
        return texts, compare_scenarios(engine, *read_sides([texts["a"], texts["b"]])), []
    except InputError as exc:
        return texts, None, exc.problems


@router.get("/compare")
@cacheable
async def get_compare_page(
    request: Request, engine: EngineDep, templates: TemplatesDep
) -> Response:
    """Two scenarios side by side: the inputs that differ, each line's and total's change."""
    texts, change, problems = _compared(request, engine)
    context = compare_context(request, engine, texts, change, problems)
    status = 422 if problems else 200
    return templates.TemplateResponse(request, "compare.html", context, status_code=status)
