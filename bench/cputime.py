"""CPU time per call, in process, of the bench's engine figures and of each new-scenario
endpoint through every middleware: a comparison of two checkouts that holds on a busy machine
(thread CPU time counts little of other programs' load; wall time counts all of it).

    .venv/bin/python -m bench.cputime    # in each checkout, alternately; keep each one's best
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench import profiles
from bench.engine import scenario_inputs

HX = [(b"hx-request", b"true")]
ENDPOINTS = (
    ("JSON estimate, new", "/api/v1/estimate", "preset=article", []),
    ("SVG, new", "/embed.svg", "preset=article", []),
    ("htmx partial, new", "/", "", HX),
    ("full page, new", "/", "preset=article", []),
)


def per_call(work: Callable[[], Any], calls: int, rounds: int = 12) -> tuple[float, float]:
    """Microseconds of this thread's CPU time per call: the best round's, and the median's."""
    times = []
    for _ in range(rounds):
        started = time.thread_time_ns()
        work()
        times.append((time.thread_time_ns() - started) / calls / 1000)
    return min(times), statistics.median(times)


def run() -> dict[str, tuple[float, float]]:
    from pricing import Engine, load_catalog, new_memo
    from pricing.presets import build_scenario

    catalog = load_catalog()
    inputs = scenario_inputs(400)
    scenarios = [build_scenario(values, preset) for values, preset in inputs]
    remembering, forgetful = Engine(catalog, new_memo()), Engine(catalog, None)
    figures = {
        "validation": per_call(lambda: [build_scenario(*i) for i in inputs], len(inputs)),
        "estimate, memo on": per_call(
            lambda: [remembering.estimate(s) for s in scenarios], len(scenarios)
        ),
        "estimate, memo off": per_call(
            lambda: [forgetful.estimate(s) for s in scenarios], len(scenarios), 6
        ),
    }
    app = profiles.build_app()
    for name, path, query, headers in ENDPOINTS:
        scopes = profiles._varied(path, query, headers)
        profiles._requests(app, scopes, 30)()  # warm-up: imports, templates
        figures[name] = per_call(lambda s=scopes: profiles._requests(app, s, 200)(), 200, 8)
    return figures


if __name__ == "__main__":
    print(json.dumps({name: [round(v, 1) for v in pair] for name, pair in run().items()}))
