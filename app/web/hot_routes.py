"""The GET routes that take nothing but the request, served without FastAPI's routing and
dependency solver, as plain ASGI middleware (the innermost).

A new scenario on every request (a person typing, a spreadsheet filling a column) cannot be
answered by the response cache, so each one pays FastAPI's path to the endpoint: matching the
path against every route in turn, the dependency solver (about 20 µs a dependency even when
it only hands over the request), the request/response wrapper. For a route whose endpoint is
``async``, returns a Response and takes only the request and dependencies that themselves
take only the request (``app.web.deps``), this layer finds it by its exact path in one dict
look-up and calls the same endpoint with the same dependency functions: the same answer,
about 100 µs sooner a request (docs/PERFORMANCE.md). Errors go to the app's own exception
handlers, as FastAPI's route would send them; every other route, method and scope goes on to
FastAPI unchanged.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette._utils import get_route_path
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

Call = Callable[[Request], Awaitable[Any]]


def _routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, those of included routers too (FastAPI keeps an included router whole)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            if getattr(getattr(route, "include_context", None), "prefix", ""):
                continue  # a prefix added at inclusion: its routes' paths do not say it
            yield from _routes(included.routes)
        else:
            yield route


def _takes_only_request(dependant: Dependant) -> bool:
    return not (
        dependant.path_params
        or dependant.query_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or dependant.background_tasks_param_name
        or dependant.response_param_name
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.security_scopes_param_name
    )


def _is_async(call: object) -> bool:
    """An ``async def`` function, or an object whose ``__call__`` is one."""
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(type(call).__call__)


def hot_call(route: APIRoute) -> Call | None:
    """How to answer ``route`` from the request alone, or None when FastAPI must: the
    endpoint must be ``async`` and return a Response, and take only the request and ``async``
    dependencies that take only the request."""
    dependant = route.dependant
    annotations = getattr(route.endpoint, "__annotations__", {})
    returns = annotations.get("return")
    if not (
        "GET" in (route.methods or ())
        and inspect.iscoroutinefunction(route.endpoint)
        and returns in ("Response", Response)
        and _takes_only_request(dependant)
    ):
        return None
    needs: list[tuple[str, Callable[[Request], Awaitable[Any]]]] = []
    for sub in dependant.dependencies:
        call = sub.call
        if (
            sub.name is None
            or call is None
            or sub.dependencies
            or not _takes_only_request(sub)
            or not sub.request_param_name
            or not _is_async(call)
        ):
            return None
        needs.append((sub.name, call))
    endpoint, request_name = route.endpoint, dependant.request_param_name

    async def answer(request: Request) -> Any:
        kwargs = {name: await call(request) for name, call in needs}
        if request_name:
            kwargs[request_name] = request
        return await endpoint(**kwargs)

    return answer


class HotRoutes:
    """Serves GET requests to the routes ``hot_call`` accepts; passes everything else on."""

    def __init__(
        self,
        app: ASGIApp,
        routes: Iterable[BaseRoute],
        handlers: Mapping[Any, Callable[..., Any]],
    ) -> None:
        self.app = app
        self.hot: dict[str, tuple[APIRoute, Call]] = {}
        served: set[str] = set()  # paths an earlier GET route takes, as FastAPI matches them
        for route in _routes(routes):
            if isinstance(route, APIRoute) and "GET" in (route.methods or ()):
                call = hot_call(route)
                if call is not None and route.path not in served:
                    self.hot[route.path] = (route, call)
                served.add(route.path)
        # The app's exception handlers, as FastAPI applies them around a route (500 and
        # Exception are the outer ServerErrorMiddleware's, as in FastAPI's own stack).
        kept = {key: handler for key, handler in handlers.items() if key not in (500, Exception)}
        self.serve = ExceptionMiddleware(self._serve, handlers=kept)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            found = self.hot.get(get_route_path(scope))
            if found is not None:
                scope["route"], scope["endpoint"] = found[0], found[0].endpoint
                scope["path_params"] = {}
                await self.serve(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        route: APIRoute = scope["route"]
        response: Response = await self.hot[route.path][1](Request(scope, receive, send))
        await response(scope, receive, send)
