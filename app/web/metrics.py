"""Prometheus metrics: requests by route and status, latency by route, estimates computed.

With several server processes (gunicorn workers) each process counts on its own; when the
environment variable ``PROMETHEUS_MULTIPROC_DIR`` names a directory before this module is
imported, prometheus-client keeps the counts in files there and ``GET /metrics`` adds up every
process. ``dockerk8s-cost serve`` sets it to a fresh directory under the temporary directory
when it starts more than one worker. Without it, the metrics are those of this process alone.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from fastapi import FastAPI
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from pricing import Engine, Estimate, Scenario

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
OTHER = "other"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter(
    "calculator_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "calculator_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template.",
    ["route"],
    buckets=LATENCY_BUCKETS,
)
ESTIMATES = Counter(
    "calculator_estimates",
    "Comparisons computed by the pricing engine (a batch counts one per row).",
)


def count_estimate(count: int = 1) -> None:
    """Count ``count`` computed comparisons (call it where estimate() runs)."""
    ESTIMATES.inc(count)


class CountingEngine(Engine):
    """The engine, counting every estimate it makes in ``calculator_estimates``."""

    def estimate(self, scenario: Scenario) -> Estimate:
        result = super().estimate(scenario)
        ESTIMATES.inc()
        return result


def route_label(scope: Scope) -> str:
    """The matched route's path template (``/api/v1/estimate``), a mount's prefix
    (``/static``), or ``other`` when nothing matched: never the raw URL."""
    path = getattr(scope.get("route"), "path", None)
    if isinstance(path, str) and path:
        return path
    # A mount leaves no route in the scope, but extends root_path by its own prefix.
    prefix = str(scope.get("root_path", ""))[len(str(scope.get("app_root_path", ""))) :]
    return prefix if "endpoint" in scope and prefix.startswith("/") else OTHER


def method_label(method: str) -> str:
    """The HTTP method, or ``other`` for a method no route serves (bounded label values)."""
    return method if method in METHODS else OTHER


@functools.lru_cache(maxsize=1024)
def _series(method: str, route: str, status: int) -> tuple[Any, Any]:
    """The counter and histogram children of one label set (label values are bounded)."""
    return REQUESTS.labels(method, route, str(status)), LATENCY.labels(route)


def observe(scope: Scope, status: int, seconds: float) -> None:
    """Count one answered HTTP request by method, route template and status, and time it
    (called by the access log, which already watches every request)."""
    requests, latency = _series(method_label(scope["method"]), route_label(scope), status)
    requests.inc()
    latency.observe(seconds)


def render_metrics() -> bytes:
    """Every metric in the Prometheus text format, added up over processes when multiprocess."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


async def get_metrics(request: Request) -> Response:
    """Serve the metrics for Prometheus to scrape."""
    body = await run_in_threadpool(render_metrics)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI) -> None:
    """Add the ``GET /metrics`` route to ``app``."""
    app.add_route("/metrics", get_metrics, methods=["GET"], include_in_schema=False)
