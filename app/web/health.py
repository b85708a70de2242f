"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.web.responses import JSON_TYPE, json_bytes
from app.web.state import catalog_of

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness: the process answers")
async def get_healthz() -> Response:
    """Answer 200 while the process is alive."""
    return Response(json_bytes({"status": "ok"}), media_type=JSON_TYPE)


@router.get("/readyz", summary="Readiness: the catalog is loaded and valid")
async def get_readyz(request: Request) -> Response:
    """Answer 200 once the catalog is loaded; it is validated at start-up."""
    catalog = catalog_of(request)
    body = {
        "status": "ready",
        "catalog": {"version": catalog.version, "as_of": catalog.as_of.isoformat()},
        "providers": sorted(catalog.providers),
    }
    return Response(json_bytes(body), media_type=JSON_TYPE)
