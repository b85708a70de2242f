"""/api/v1: the stable JSON, CSV and plain-text API for spreadsheets and scripts."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.batch import ACCEPTED_COLUMNS, batch_response
from app.api.catalog import catalog_dict, catalog_rows
from app.api.openapi import control, preset_parameter, scenario_parameters
from app.inputs import PRESET, parse_scenario, split_query
from app.present.cells import to_csv
from app.present.columns import VALUES, managed_columns, value_column
from app.present.estimate import ComparisonOut, estimate_json
from app.present.tables import item_rows, summary_rows, timeline_rows
from app.web.deps import CatalogDep, EngineDep, EstimateQueryDep, ValueQueryDep
from app.web.errors import JsonErrors, TextErrors
from app.web.response_cache import cacheable
from app.web.responses import (
    CSV_TYPE,
    JSON_TYPE,
    TEXT_TYPE,
    TSV_TYPE,
    ErrorResponse,
    cached,
    json_bytes,
)
from pricing import Engine, Estimate
from pricing.presets import preset_values
from pricing.scenario import FieldProblem, InputError

router = APIRouter(prefix="/api/v1", tags=["api"], route_class=JsonErrors)
# /value answers a spreadsheet cell: its errors are text too.
text_router = APIRouter(prefix="/api/v1", tags=["api"], route_class=TextErrors)

FORMATS = ["json", "csv", "tsv"]
SHAPES = ["items", "summary", "timeline"]
ESTIMATE_CONTROLS = frozenset({"format", "shape", "sensitivity"})
QUERY_NAMES = "preset, format, shape and sensitivity"
# Errors come as JSON, or as "error: field: message" lines for /value and CSV/TSV requests.
AS_TEXT = {"text/plain": {"schema": {"type": "string"}, "example": "error: k8s_nodes: ..."}}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "content": AS_TEXT, "description": "Not JSON, or not CSV."},
    413: {"model": ErrorResponse, "content": AS_TEXT, "description": "The body is too large."},
    422: {"model": ErrorResponse, "content": AS_TEXT, "description": "A field is invalid."},
}
TABLE_CONTENT = {
    "text/csv": {"schema": {"type": "string"}, "example": "setup,category,item,..."},
    "text/tab-separated-values": {"schema": {"type": "string"}},
}
FORMAT_PARAM = control("format", "Response format (or send Accept: text/csv).", FORMATS, "json")
SENSITIVITY_PARAM = control(
    "sensitivity",
    "true adds, to JSON, the single inputs that would flip the cheaper setup (slower).",
    ["true", "false"],
    "false",
)
SHAPE_PARAM = control(
    "shape",
    "CSV/TSV shape: a row per line item, one summary row, or a row per month, setup and cost "
    "category (month,setup,category,amount,currency).",
    SHAPES,
    "items",
)
ROWS = {"items": item_rows, "timeline": timeline_rows}


def batch_body() -> dict[str, Any]:
    """The batch's request body: UTF-8 CSV text whose first line names accepted columns."""
    column = "(?:" + "|".join(sorted(ACCEPTED_COLUMNS, key=lambda name: (-len(name), name))) + ")"
    csv_text = {
        "type": "string",
        "minLength": 1,
        "contentMediaType": "text/csv",
        "pattern": "^\ufeff?" + column + "(?:," + column + r")*(?:\r?\n[\s\S]*)?$",
        "description": "UTF-8 CSV: a header row of Scenario field names (and preset), each at "
        "most once, then a row per scenario. Unknown or repeated columns and an empty body are "
        "refused (422); text that is not UTF-8 is refused (400).",
    }
    example = "provider,k8s_nodes\r\naws,3\r\ngcp,5\r\n"
    return {
        "required": True,
        "content": {
            "text/csv": {"schema": csv_text, "example": example},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": csv_text},
                    "required": ["file"],
                    "additionalProperties": False,
                },
                "encoding": {"file": {"contentType": "text/csv"}},
            },
        },
    }


def _choice(controls: dict[str, str], name: str, allowed: list[str], default: str) -> str:
    value = controls.get(name, default)
    if value not in allowed:
        raise InputError([FieldProblem(name, f"must be one of: {', '.join(allowed)}")])
    return value


def _format(request: Request, controls: dict[str, str]) -> str:
    accept = request.headers.get("accept", "")
    default = "csv" if "text/csv" in accept else "json"
    return _choice(controls, "format", FORMATS, default)


def _render(
    request: Request, engine: Engine, result: Estimate, controls: dict[str, str]
) -> Response:
    fmt = _format(request, controls)
    shape = _choice(controls, "shape", SHAPES, "items")
    with_flips = _choice(controls, "sensitivity", ["true", "false"], "false") == "true"
    if fmt == "json":
        flips = engine.sensitivity(result.comparison) if with_flips else None
        return cached(request, estimate_json(result, flips), JSON_TYPE, Vary="Accept")
    rows = summary_rows(result, engine.catalog) if shape == "summary" else ROWS[shape](result)
    text = to_csv(rows, "," if fmt == "csv" else "\t")
    filename = f"docker-vs-kubernetes-{shape}.{fmt}"
    return cached(
        request,
        text.encode(),
        CSV_TYPE if fmt == "csv" else TSV_TYPE,
        **{"Content-Disposition": f'inline; filename="{filename}"', "Vary": "Accept"},
    )


@router.get(
    "/estimate",
    summary="Compare both setups for a scenario given in the query string",
    response_model=ComparisonOut,
    responses={200: {"content": TABLE_CONTENT}, **ERRORS},
    openapi_extra=scenario_parameters(FORMAT_PARAM, SHAPE_PARAM, SENSITIVITY_PARAM),
)
@cacheable
async def get_estimate(request: Request, query: EstimateQueryDep) -> Response:
    """Price both setups for the Scenario in the query string."""
    engine = query.engine
    return _render(request, engine, engine.estimate(query.scenario), query.controls)


@router.post(
    "/estimate",
    summary="Compare both setups for a scenario given as a JSON body",
    response_model=ComparisonOut,
    responses={200: {"content": TABLE_CONTENT}, **ERRORS},
    openapi_extra={
        "parameters": [
            preset_parameter(
                "Start from a named preset; the body's Scenario fields apply over it. A preset "
                "given in the body too is the one that applies (the body wins)."
            ),
            FORMAT_PARAM,
            SHAPE_PARAM,
            SENSITIVITY_PARAM,
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/Scenario"},
                    "example": {"preset": "article", "k8s_nodes": 4},
                }
            },
        },
    },
)
async def post_estimate(request: Request, engine: EngineDep) -> Response:
    """Price both setups for the Scenario in the JSON body (``preset`` allowed as a key, or in
    the query string; given in both, the body's applies)."""
    fields, controls = split_query(request.query_params.multi_items(), ESTIMATE_CONTROLS)
    misplaced = [
        FieldProblem(name, "belongs in the JSON body: the query string takes only " + QUERY_NAMES)
        for name in fields
        if name != PRESET
    ]
    if misplaced:
        raise InputError(misplaced)
    body = await request.body()
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise InputError(
            [FieldProblem("body", "is not valid JSON (numbers must be finite)")], "malformed"
        ) from None
    if not isinstance(data, dict):
        raise InputError([FieldProblem("body", "must be a JSON object of Scenario fields")])
    if fields.get(PRESET):
        preset_values(fields[PRESET])  # a wrong name is refused, even where the body's wins
        data = {PRESET: fields[PRESET], **data}  # a preset in the body too wins
    return _render(request, engine, engine.estimate(parse_scenario(data)), controls)


@text_router.get(
    "/value",
    summary="One number as plain text, for WEBSERVICE() and IMPORTDATA()",
    response_model=None,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}, "example": "443.00"}}},
        **ERRORS,
    },
    openapi_extra=scenario_parameters(
        {
            "name": "field",
            "in": "query",
            "required": True,
            "description": "Which value: one of " + ", ".join(VALUES) + "; or "
            "managed_containers.SERVICE.monthly, a managed container service's monthly price "
            "for the workload (SERVICE: its key in the catalog, e.g. fargate-x86; empty where "
            "the provider has no such service, no workload is given or it has no price).",
            # and, added with the catalog (app.api.openapi), its managed services' keys
            "schema": {"type": "string", "enum": list(VALUES)},
            "example": "kubernetes.monthly_total",
        }
    ),
)
@cacheable
async def get_value(request: Request, query: ValueQueryDep) -> Response:
    """One value of the Comparison as text/plain: a number a spreadsheet cell can hold."""
    engine = query.engine
    column = value_column(query.controls.get("field", ""), engine.catalog)
    if column is None:
        keys = [*VALUES, *(managed.key for managed in managed_columns(engine.catalog))]
        message = "must be one of: " + ", ".join(keys)
        raise InputError([FieldProblem("field", message)])
    if column.key.startswith("odds.") and not query.scenario.odds:
        # an empty cell would read as "no value" where the request itself switched it off
        raise InputError([FieldProblem("odds", f"is false, so there is no {column.key}")])
    value = column.text(engine.estimate(query.scenario))
    return cached(request, value.encode(), TEXT_TYPE)


@router.post(
    "/batch",
    summary="Price many scenarios: CSV in (a row each), CSV out (row by row)",
    response_model=None,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **ERRORS},
    openapi_extra={"requestBody": batch_body()},
)
async def post_batch(request: Request) -> Response:
    """Price every row of a CSV of scenarios; bad rows get their error in the error column."""
    return await batch_response(request)


@router.get(
    "/catalog",
    summary="Providers, regions, instance types and prices, with sources and dates",
    response_model=None,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **ERRORS},
    openapi_extra={"parameters": [control("format", "Response format.", ["json", "csv"], "json")]},
)
@cacheable
async def get_catalog(request: Request, catalog: CatalogDep) -> Response:
    """The price catalog in use (bundled data plus the operator's override)."""
    fields, controls = split_query(request.query_params.multi_items(), frozenset({"format"}))
    if fields:  # the whole catalog, always: a Scenario field here would be ignored
        message = "is not a parameter of the catalog, which takes only format"
        raise InputError([FieldProblem(name, message) for name in fields])
    fmt = _choice(controls, "format", ["json", "csv"], _format(request, {}))
    if fmt == "csv":
        return cached(request, to_csv(catalog_rows(catalog)).encode(), CSV_TYPE, Vary="Accept")
    return cached(request, json_bytes(catalog_dict(catalog)), JSON_TYPE, Vary="Accept")
