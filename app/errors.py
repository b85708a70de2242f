"""Exception handlers: every input problem becomes a 4xx that names the field, never a 500."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match, Route

from app.inputs import InputError
from app.responses import problems_response
from app.security import BodyTooLarge
from pricing.scenario import FieldProblem

TEXT_ROUTES = ("/api/v1/value",)


def _wants_text(request: Request) -> bool:
    fmt = request.query_params.get("format", "")
    return request.url.path in TEXT_ROUTES or fmt in ("csv", "tsv")


async def _input_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, InputError):
        raise exc
    if request.url.path.startswith("/api/") or request.url.path == "/oembed":
        return problems_response(exc.problems, exc.status, _wants_text(request))
    # pages render their own errors; anything reaching here is the embed or a partial
    return problems_response(exc.problems, exc.status, as_text=True)


async def _validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):
        raise exc
    problems = [
        FieldProblem(str(e["loc"][-1]) if e["loc"] else "body", str(e["msg"])) for e in exc.errors()
    ]
    return problems_response(problems, 422, _wants_text(request))


async def _too_large(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, BodyTooLarge):
        raise exc
    return problems_response([FieldProblem("body", str(exc))], 413, _wants_text(request))


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        raise exc
    problems = [FieldProblem("path" if exc.status_code == 404 else "request", str(exc.detail))]
    response = problems_response(problems, exc.status_code, _wants_text(request))
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    if exc.status_code == 405:
        response.headers["Allow"] = ", ".join(_allowed_methods(request))
    return response


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (the router names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, Route) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return sorted(methods)


def install(app: FastAPI) -> None:
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BodyTooLarge, _too_large)
    app.add_exception_handler(HTTPException, _http_error)
