"""/docs: Swagger UI served from its PyPI package, started by a script file (no inline script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.web.state import templates_of
from app.web.urls import root_of

router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def get_docs(request: Request) -> Response:
    """The interactive OpenAPI documentation."""
    context = {"request": request, "root": root_of(request)}
    return templates_of(request).TemplateResponse(request, "docs.html", context)
