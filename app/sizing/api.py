"""POST /api/v1/size: a Compose file or Kubernetes manifests in, both setups sized out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.openapi import scenario_parameters
from app.sizing.options import option_parameters, parse_sizing_query
from app.sizing.report import SizingOut, sizing_json
from app.web.deps import EngineDep, SettingsDep
from app.web.errors import JsonErrors
from app.web.responses import JSON_TYPE, ErrorResponse, problems_response
from app.web.state import run_sizing
from app.web.urls import root_of
from pricing.scenario import FieldProblem, InputError

router = APIRouter(prefix="/api/v1", tags=["api"], route_class=JsonErrors)

YAML_TYPES = (
    "application/yaml",
    "text/yaml",
    "application/x-yaml",
    "text/plain",
    "application/json",
)
EXAMPLE = """services:
  api:
    image: example/api:1
    ports: ["8080:8080"]
    deploy:
      replicas: 2
      resources:
        reservations: {cpus: "0.5", memory: 512m}
  redis:
    image: redis:7
"""
BODY: dict[str, Any] = {
    "required": True,
    "description": "A Compose file, Kubernetes manifests (several files as one "
    "multi-document YAML stream, separated by ---) or a cluster dump (kubectl get -o yaml "
    "or -o json, helm template). UTF-8.",
    "content": {
        kind: {"schema": {"type": "string"}, **({"example": EXAMPLE} if i == 0 else {})}
        for i, kind in enumerate(YAML_TYPES)
    },
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The workload found, both setups sized, priced."},
    413: {"model": ErrorResponse, "description": "The body is larger than CALC_SIZE_MAX_BYTES."},
    415: {"model": ErrorResponse, "description": "The body is not YAML (see the content types)."},
    422: {
        "model": ErrorResponse,
        "description": "Bad YAML (with line and column), neither Compose nor Kubernetes, a "
        "workload larger than every node type, or a bad parameter (named).",
    },
}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def decode_yaml(body: bytes) -> str:
    """The body as text, or InputError: YAML is UTF-8 here."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([FieldProblem("body", f"is not UTF-8 text (byte {exc.start})")]) from None


@router.post(
    "/size",
    summary="Size both setups from a Compose file or Kubernetes manifests",
    response_model=SizingOut,
    responses=RESPONSES,
    openapi_extra={**scenario_parameters(*option_parameters()), "requestBody": BODY},
)
async def post_size(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    """Read the workload from the YAML body, size the Docker host and the Kubernetes nodes
    for the Scenario in the query string, and price the sized Scenario."""
    if _media_type(request) not in YAML_TYPES:
        problem = FieldProblem("content-type", "must be one of: " + ", ".join(YAML_TYPES))
        return problems_response([problem], 415, as_text=False)
    scenario, options, _ = parse_sizing_query(
        request.query_params.multi_items(), settings.size_max_bytes
    )
    text = decode_yaml(await request.body())
    # CPU-bound (about a second for 1,000 Deployments): off the event loop, and bounded.
    sized = await run_sizing(request, engine.size, text, scenario, options)
    return Response(sizing_json(sized, engine, root_of(request)), media_type=JSON_TYPE)
