"""GET /api/v1/compare: two scenarios (each a permalink's query string) side by side, as JSON
(CompareOut) or CSV (a row per pair of line items)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.compare.sides import SIDES, compare_scenarios, read_parameters, read_sides
from app.present.cells import to_csv
from app.present.compare import CompareOut, compare_json, compare_links, compare_rows
from app.web.deps import EngineDep
from app.web.errors import JsonErrors
from app.web.response_cache import cacheable
from app.web.responses import CSV_TYPE, JSON_TYPE, ErrorResponse, cached
from app.web.urls import root_of
from pricing.scenario import FieldProblem, InputError

router = APIRouter(prefix="/api/v1", tags=["api"], route_class=JsonErrors)

FORMATS = ("json", "csv")
PARAMETERS = frozenset({*SIDES, "format"})
AS_TEXT = {"text/plain": {"schema": {"type": "string"}, "example": "error: b.k8s_nodes: ..."}}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    422: {
        "model": ErrorResponse,
        "content": AS_TEXT,
        "description": "A side is missing or invalid: each problem names a.<field> or "
        "b.<field> (b.currency when the sides' currencies differ).",
    },
}


def _side_parameter(side: str, example: str) -> dict[str, Any]:
    return {
        "name": side,
        "in": "query",
        "required": True,
        "description": f"Scenario {side.upper()}: a permalink's query string, URL-encoded "
        "(or the whole permalink URL); empty for the defaults.",
        "schema": {"type": "string"},
        "example": example,
    }


PARAMETERS_DOC = [
    _side_parameter("a", "preset=article"),
    _side_parameter("b", "preset=article&k8s_nodes=4"),
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "json, or csv: setup,category,a_item,b_item,a_monthly,b_monthly,"
        "change,currency (or send Accept: text/csv).",
        "schema": {"type": "string", "enum": list(FORMATS), "default": "json"},
    },
]


def _format(request: Request, given: dict[str, str]) -> str:
    default = "csv" if "text/csv" in request.headers.get("accept", "") else "json"
    fmt = given.get("format", default)
    if fmt not in FORMATS:
        raise InputError([FieldProblem("format", "must be one of: " + ", ".join(FORMATS))])
    return fmt


@router.get(
    "/compare",
    summary="Compare two scenarios: the inputs that differ, each line's and total's change",
    response_model=CompareOut,
    responses=RESPONSES,
    openapi_extra={"parameters": PARAMETERS_DOC},
)
@cacheable
async def get_compare(request: Request, engine: EngineDep) -> Response:
    """Price scenarios A and B and say what changes from A to B (B minus A)."""
    given = read_parameters(request.query_params.multi_items(), PARAMETERS)
    fmt = _format(request, given)
    missing = [side for side in SIDES if side not in given]
    if missing:
        message = "is required: a permalink's query string (empty for the defaults)"
        raise InputError([FieldProblem(side, message) for side in missing])
    change = compare_scenarios(engine, *read_sides([given[side] for side in SIDES]))
    if fmt == "csv":
        body = to_csv(compare_rows(change)).encode()
        disposition = 'inline; filename="docker-vs-kubernetes-compare.csv"'
        return cached(
            request, body, CSV_TYPE, Vary="Accept", **{"Content-Disposition": disposition}
        )
    links = compare_links(change, engine.catalog, root_of(request), str(request.base_url))
    return cached(request, compare_json(change, links), JSON_TYPE, Vary="Accept")
