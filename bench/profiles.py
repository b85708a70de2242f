"""pyinstrument profiles of the JSON estimate, the htmx partial and the batch, in process.

The JSON estimate and the htmx partial are profiled with a different scenario on every call,
so each is computed (app.web.response_cache cannot answer it); the JSON estimate is also profiled
repeated, as wrk requests it, to show what a cache hit costs.

The HTTP paths are driven as ASGI calls on the app that create_app() builds (every middleware
included, the access log written to /dev/null); the batch's row loop runs in a worker thread
under the server, which pyinstrument does not follow, so its two steps are called directly.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import logging
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.batchload import batch_csv

ACCESS_LOGGER = "dockerk8s_cost.access"  # app.web.access_log.LOGGER_NAME
INTERVAL = 0.0005


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    calls: int
    seconds: float
    unprofiled_us: float  # per call, measured without the profiler
    charged: list[tuple[str, float]]  # see summarize()
    inclusive: list[tuple[str, float]]
    text_path: Path


def request_scope(path: str, query: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def _get(app: Any, scope: dict[str, Any]) -> int:
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(dict(scope), receive, send)
    return status


def _requests(app: Any, scopes: Iterator[dict[str, Any]], calls: int) -> Callable[[], None]:
    """``calls`` GETs, each with the next scope of ``scopes`` (an endless iterator)."""

    async def loop() -> None:
        for _, scope in zip(range(calls), scopes, strict=False):  # bounded by calls
            status = await _get(app, scope)
            if status != 200:
                raise RuntimeError(f"{scope['path']}?{scope['query_string']!r}: {status}")

    return lambda: asyncio.run(loop())


def _same(scope: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The same request again and again: after the first, a response-cache hit."""
    return itertools.repeat(scope)


def _varied(path: str, query: str, headers: list[tuple[bytes, bytes]]) -> Iterator[dict[str, Any]]:
    """A different scenario every call (up to 100,000 of them), so no response is cached:
    ``query`` gets ``&k8s_nodes=N&devops_hourly_rate=R`` appended."""
    for n in itertools.count():
        nodes, rate = n % 1000 + 1, n // 1000 % 100 + 1
        extra = f"k8s_nodes={nodes}&devops_hourly_rate={rate}"
        yield request_scope(path, f"{query}&{extra}" if query else extra, headers)


FRAMEWORK = ("/starlette/", "/fastapi/", "/asyncio/", "/anyio/", "/uvicorn/")


def _label(frame: Frame) -> str:
    name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
    return f"{name} ({frame.file_path_short}:{frame.line_no})"


def _is_project(frame: Frame, root: Path) -> bool:
    path = frame.file_path or ""
    return path.startswith(str(root)) and "/.venv/" not in path and "/bench/" not in path


def _owner(frame: Frame, above: str, root: Path) -> str:
    """Who pays for ``frame``: the project function itself, the framework, or its caller."""
    if frame.is_synthetic:
        return above
    if _is_project(frame, root):
        return _label(frame)
    if any(part in (frame.file_path or "") for part in FRAMEWORK):
        return "starlette/fastapi/asyncio (routing, middleware, event loop)"
    return above


def _ranked(table: dict[str, float], total: float, top: int) -> list[tuple[str, float]]:
    return sorted(((k, v / total) for k, v in table.items()), key=lambda kv: -kv[1])[:top]


def summarize(root_frame: Frame, project: Path, top: int) -> tuple[list[Any], list[Any]]:
    """Two views of a profile, as shares of its total time.

    ``charged``: each sample goes to the nearest project function on its stack (library
    calls count for the project code that made them) or to the framework when a Starlette,
    FastAPI or asyncio frame is nearer. ``inclusive``: project functions' total time.
    """
    inclusive: dict[str, float] = defaultdict(float)
    charged: dict[str, float] = defaultdict(float)
    stack: list[tuple[Frame, str, frozenset[str]]] = [(root_frame, "other", frozenset())]
    while stack:
        frame, owner, above = stack.pop()
        owner = _owner(frame, owner, project)
        label = _label(frame)
        if not frame.children:
            charged[owner] += frame.time
        if _is_project(frame, project) and label not in above:
            inclusive[label] += frame.time
        stack += [(child, owner, above | {label}) for child in frame.children]
    total = root_frame.time or 1.0
    return _ranked(charged, total, top), _ranked(inclusive, total, top)


def per_call_us(work: Callable[[], None], calls: int) -> float:
    """Microseconds per call of ``work`` without the profiler."""
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) / calls * 1e6


def profile(name: str, work: Callable[[], None], calls: int, out: Path) -> Profile:
    """Run ``work`` under pyinstrument; save the text report and summarize it."""
    profiler = Profiler(interval=INTERVAL, async_mode="disabled")
    profiler.start()
    work()
    session = profiler.stop()
    text_path = out / f"profile-{name}.txt"
    text_path.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    (out / f"profile-{name}.html").write_text(profiler.output_html())
    root_frame = session.root_frame()
    if root_frame is None:
        raise RuntimeError(f"{name}: pyinstrument recorded nothing")
    project = Path(__file__).resolve().parent.parent
    charged, inclusive = summarize(root_frame, project, 12)
    unprofiled = per_call_us(work, calls)
    return Profile(name, calls, session.duration, unprofiled, charged, inclusive, text_path)


def build_app() -> Any:
    """The app as production builds it: multiprocess metrics, the access log's own bare lines
    (as ``dockerk8s-cost serve`` writes them on stdout), here to /dev/null."""
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="bench-metrics-"))
    from app.web.access_log import BareLines

    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        lines = BareLines()
        lines.setStream(open(os.devnull, "w"))  # noqa: SIM115  # for the process's life
        logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    from app.main import create_app
    from app.settings import Settings

    return create_app(Settings())


def _batch_work(app: Any, rows: int) -> Callable[[], None]:
    from app.api import batch

    body = batch_csv(rows)
    engine = app.state.engine

    def work() -> None:
        raw = io.BytesIO(body)
        header, _ = batch._survey(raw, rows)
        for _ in batch._results(raw, header, engine, None, 1):  # priced here, no pool
            pass

    return work


def run_profiles(
    out: Path, http_calls: int, batch_rows: int, only: frozenset[str] = frozenset()
) -> list[Profile]:
    """Profile the JSON estimate (computed, and answered from the response cache), the htmx
    partial, the SVG and the full page (computed) and the batch rows; ``only``: those named."""
    app = build_app()
    hx = [(b"hx-request", b"true")]
    json_varied = _varied("/api/v1/estimate", "preset=article", [])
    htmx_varied = _varied("/", "", hx)
    svg_varied = _varied("/embed.svg", "preset=article", [])
    page_varied = _varied("/", "preset=article", [])
    json_same = _same(request_scope("/api/v1/estimate", "preset=article", []))
    for scopes in (json_varied, htmx_varied, svg_varied, page_varied, json_same):
        _requests(app, scopes, 20)()  # warm-up: imports, template compilation
    calls = http_calls
    works = {
        "json-estimate": (_requests(app, json_varied, calls), calls),
        "json-estimate-repeated": (_requests(app, json_same, calls), calls),
        "htmx-partial": (_requests(app, htmx_varied, calls), calls),
        "svg": (_requests(app, svg_varied, calls), calls),
        "full-page": (_requests(app, page_varied, calls), calls),
        "batch": (_batch_work(app, batch_rows), batch_rows),
    }
    return [
        profile(name, work, count, out)
        for name, (work, count) in works.items()
        if not only or name in only
    ]


if __name__ == "__main__":  # python -m bench.profiles OUT_DIR [NAME ...]: some profiles only
    import sys

    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for done in run_profiles(folder, 2000, 20000, frozenset(sys.argv[2:])):
        print(f"{done.name}: {done.unprofiled_us:.0f} µs a call; {done.text_path}")
        for label, share in done.charged[:12]:
            print(f"  {share:6.1%}  {label}")
