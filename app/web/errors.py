"""Exception handlers: every input problem becomes a 4xx that names the field, never a 500.

The HTTP status comes from the kind of InputError; the format from the route that failed:
each router says, through its route class, whether its errors are JSON or plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match, Route

from app.inputs import message_of
from app.web.body_limit import BodyTooLarge
from app.web.responses import problems_response
from pricing.scenario import FieldProblem, InputError, ProblemKind

STATUS: dict[ProblemKind, int] = {
    "invalid": 422,
    "malformed": 400,
    "too_large": 413,
    "not_found": 404,
}
TABLE_FORMATS = ("csv", "tsv")


def _table_asked(request: Request) -> bool:
    return request.query_params.get("format", "") in TABLE_FORMATS


class JsonErrors(APIRoute):
    """Errors as JSON ``detail``, or as plain lines when the request asked for CSV or TSV."""

    errors_as_text: Callable[[Request], bool] = staticmethod(_table_asked)


class TextErrors(APIRoute):
    """Errors as plain ``error: field: message`` lines: for a spreadsheet cell, an image, a
    partial page."""

    errors_as_text: Callable[[Request], bool] = staticmethod(lambda request: True)


def _as_text(request: Request) -> bool:
    """What the failing route's class says; JSON where no route matched."""
    as_text: Callable[[Request], bool] = getattr(
        request.scope.get("route"), "errors_as_text", _table_asked
    )
    return as_text(request)


def _reply(request: Request, problems: list[FieldProblem], status: int) -> Response:
    return problems_response(problems, status, _as_text(request))


async def _input_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, InputError):
        raise exc
    return _reply(request, exc.problems, STATUS[exc.kind])


async def _validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):
        raise exc
    problems = [
        FieldProblem(str(e["loc"][-1]) if e["loc"] else "body", message_of(e)) for e in exc.errors()
    ]
    return _reply(request, problems, 422)


async def _too_large(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, BodyTooLarge):
        raise exc
    return _reply(request, [FieldProblem("body", str(exc))], 413)


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        raise exc
    problems = [FieldProblem("path" if exc.status_code == 404 else "request", str(exc.detail))]
    response = _reply(request, problems, exc.status_code)
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
    handlers: dict[Any, Any] = {
        InputError: _input_error,
        RequestValidationError: _validation_error,
        BodyTooLarge: _too_large,
        HTTPException: _http_error,
    }
    for error, handler in handlers.items():
        app.add_exception_handler(error, handler)
