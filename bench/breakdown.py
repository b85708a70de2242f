"""Where a new scenario's time goes, in process: CPU microseconds a request of each
new-scenario path, split into the layers it crosses, against FastAPI's empty route.

    .venv/bin/python -m bench.breakdown [ROUNDS]

For each path, four variants are timed with this thread's CPU time, interleaved (a batch of
each in turn, ROUNDS times, the best batch kept) so that other programs' load moves them
alike: the whole app as production builds it; the app without its middleware (the hot-route
layer kept); the endpoint alone (its dependencies and the endpoint function, the Response
built but not sent); and the Scenario read from the query string plus the engine's estimate.
The differences are the middleware, the framework's part (the hot-route layer, the Request,
sending the response), and the presentation (JSON, template). FastAPI's floor is
``bench.hello``'s empty route, called the same way.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from starlette.requests import Request

from bench import profiles
from bench.cputime import ENDPOINTS
from bench.hello import fastapi_app

BATCH = 100
WARM_UP = 1200  # requests per variant before timing: every node count's bill remembered
Work = Callable[[], None]


def _scopes(
    app: Any, path: str, query: str, headers: list[tuple[bytes, bytes]], offset: int
) -> Iterator[dict[str, Any]]:
    for n, scope in enumerate(profiles._varied(path, query, headers)):
        if n >= offset:
            yield {**scope, "app": app}


def _requests(app: Any, scopes: Iterator[dict[str, Any]]) -> Work:
    return profiles._requests(app, scopes, BATCH)


def _calls(call: Callable[[Request], Awaitable[Any]], scopes: Iterator[dict[str, Any]]) -> Work:
    async def loop() -> None:
        for _, scope in zip(range(BATCH), scopes, strict=False):
            await call(Request(scope))

    return lambda: asyncio.run(loop())


def _hot(app: Any) -> Any:
    """The app's hot-route layer (built by one request)."""
    profiles._requests(app, iter([profiles.request_scope("/healthz", "", [])]), 1)()
    layer = app.middleware_stack
    while layer.__class__.__name__ != "HotRoutes":
        layer = layer.app
    return layer


def variants(path: str, query: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Work]:
    """The four timed variants of one path, and FastAPI's floor."""
    whole, bare, alone = profiles.build_app(), profiles.build_app(), profiles.build_app()
    bare.user_middleware = [m for m in bare.user_middleware if m.cls.__name__ == "HotRoutes"]
    route_path = path
    endpoint = _hot(alone).hot[route_path][1]
    engine = profiles.build_app().state.engine
    from app.inputs import parse_query

    async def priced(request: Request) -> Any:
        controls = frozenset({"format", "shape", "sensitivity", "changed"})
        return engine.estimate(parse_query(request.query_params.multi_items(), controls)[0])

    floor = fastapi_app()
    return {
        "FastAPI's empty route": _requests(floor, _scopes(floor, "/", "", [], 0)),
        "whole app": _requests(whole, _scopes(whole, path, query, headers, 0)),
        "without middleware": _requests(bare, _scopes(bare, path, query, headers, 0)),
        "endpoint alone": _calls(endpoint, _scopes(alone, path, query, headers, 0)),
        "query + estimate": _calls(priced, _scopes(alone, path, query, headers, 0)),
    }


def best_us(works: dict[str, Work], rounds: int) -> dict[str, float]:
    """Each variant's best batch, µs of thread CPU a request, the variants interleaved."""
    for work in works.values():
        for _ in range(WARM_UP // BATCH):  # imports, templates, and the engine's memo holding
            work()  # the 1,000 node counts' bills, as after a few seconds under wrk
    best = dict.fromkeys(works, float("inf"))
    for _ in range(rounds):
        for name, work in works.items():
            started = time.thread_time_ns()
            work()
            best[name] = min(best[name], (time.thread_time_ns() - started) / BATCH / 1000)
    return best


def main(rounds: int) -> None:
    print(
        "| path | FastAPI's empty route | whole app | middleware | framework (hot route, "
        "Request, sending) | presentation | query + estimate |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, path, query, headers in ENDPOINTS:
        t = best_us(variants(path, query, headers), rounds)
        floor, whole, bare = t["FastAPI's empty route"], t["whole app"], t["without middleware"]
        alone, priced = t["endpoint alone"], t["query + estimate"]
        print(
            f"| {name} | {floor:.0f} | {whole:.0f} | {whole - bare:.0f} | {bare - alone:.0f} | "
            f"{alone - priced:.0f} | {priced:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
