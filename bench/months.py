"""The months ahead in process: what a 60-month horizon with growth, environments and the
version calendar adds to pricing a new scenario (the Engine without its memo, so every
scenario is priced from scratch).

    .venv/bin/python bench/months.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine import Timing, time_calls

CASES: dict[str, dict[str, Any]] = {
    "default scenario, 12 months": {},
    "workload, 12 months": {"workload_vcpu": "4", "workload_memory_gib": "12"},
    "workload, 60 months, 5% growth a month": {
        "workload_vcpu": "4",
        "workload_memory_gib": "12",
        "growth_percent_per_month": "5",
        "horizon_months": 60,
    },
    "the same, 3 environments (clusters), upgrades current": {
        "workload_vcpu": "4",
        "workload_memory_gib": "12",
        "growth_percent_per_month": "5",
        "horizon_months": 60,
        "environments": 3,
        "upgrade_policy": "current",
    },
    "the same, GKE Autopilot (pods billed: a bill each month)": {
        "provider": "gcp",
        "control_plane": "gke-autopilot",
        "workload_vcpu": "4",
        "workload_memory_gib": "12",
        "growth_percent_per_month": "5",
        "horizon_months": 60,
        "environments": 3,
    },
}


def run_months(rounds: int = 7, calls: int = 100) -> list[Timing]:
    """Microseconds per scenario priced from scratch (no memo) for each case."""
    from pricing import Engine, load_catalog
    from pricing.presets import build_scenario

    engine = Engine(load_catalog(), None)
    timings = []
    for name, values in CASES.items():
        scenario = build_scenario(values)
        timings.append(time_calls(name, [lambda s=scenario: engine.estimate(s)] * calls, rounds))
    return timings


def run_new_scenarios(rounds: int = 7, count: int = 1000) -> Timing:
    """Microseconds per new scenario through an Engine with its memo, as a server or a batch
    prices them: each has a node count of its own (its infrastructure is new), the version
    path is shared."""
    from pricing import Engine, load_catalog, new_memo
    from pricing.presets import build_scenario

    catalog = load_catalog()
    scenarios = [build_scenario({"k8s_nodes": n}) for n in range(1, count + 1)]
    engines = [Engine(catalog, new_memo()) for _ in range(rounds)]
    calls = [lambda s=s, e=e: e.estimate(s) for e in engines for s in scenarios]
    return time_calls("new scenarios, Engine with its memo", calls, 1)


def main() -> None:
    timings = run_months()
    base = timings[0].median_us
    print(f"{'case (no memo)':58} {'median µs':>10} {'best µs':>9} {'added ms':>9}")
    for timing in timings:
        added = (timing.median_us - base) / 1000
        print(f"{timing.name:58} {timing.median_us:10.0f} {timing.best_us:9.0f} {added:9.2f}")
    fresh = run_new_scenarios()
    print(f"{fresh.name:58} {fresh.median_us:10.0f}")


if __name__ == "__main__":
    main()
