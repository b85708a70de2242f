"""The pricing engine in process: microseconds per Scenario validation and per estimate()."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bench.batchload import scenario_values

if TYPE_CHECKING:
    from pricing import Engine, Scenario

PRESET_NAMES = ("article", "startup", "platform", "k3s")


@dataclass(frozen=True, slots=True)
class Timing:
    """Microseconds per call: the median of several rounds, and the best round."""

    name: str
    calls: int
    median_us: float
    best_us: float


def time_calls(name: str, calls: list[Callable[[], Any]], rounds: int) -> Timing:
    """Call every callable once per round; microseconds per call."""
    per_call = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        for call in calls:
            call()
        per_call.append((time.perf_counter_ns() - started) / len(calls) / 1000)
    return Timing(name, len(calls) * rounds, statistics.median(per_call), min(per_call))


def scenario_inputs(varied: int) -> list[tuple[dict[str, Any], str | None]]:
    """The presets, then ``varied`` generated rows (the batch benchmark's) over the defaults."""
    inputs: list[tuple[dict[str, Any], str | None]] = [({}, name) for name in PRESET_NAMES]
    inputs += [(dict(values), None) for values in scenario_values(varied)]
    return inputs


def run_engine(varied: int = 400, rounds: int = 7) -> list[Timing]:
    """Time Scenario validation, Engine.estimate() with and without its memo of
    infrastructure bills, and validation and estimate together, over the same inputs."""
    from pricing import Engine, load_catalog, new_memo
    from pricing.presets import build_scenario

    catalog = load_catalog()
    remembering, forgetful = Engine(catalog, new_memo()), Engine(catalog, None)
    inputs = scenario_inputs(varied)
    scenarios = [build_scenario(values, preset) for values, preset in inputs]

    def validate(values: dict[str, Any], preset: str | None) -> Callable[[], Any]:
        return lambda: build_scenario(values, preset)

    def price(engine: Engine, scenario: Scenario) -> Callable[[], Any]:
        return lambda: engine.estimate(scenario)

    return [
        time_calls("Scenario validation (build_scenario)", [validate(*i) for i in inputs], rounds),
        time_calls(
            "Engine.estimate(scenario), memo on",
            [price(remembering, s) for s in scenarios],
            rounds,
        ),
        time_calls(
            "Engine.estimate(scenario), memo off",
            [price(forgetful, s) for s in scenarios],
            rounds,
        ),
        time_calls(
            "article preset: validation + estimate",
            [lambda: remembering.estimate(build_scenario({}, "article"))] * 200,
            rounds,
        ),
        *odds_timings(remembering, rounds),
    ]


def odds_timings(engine: Engine, rounds: int) -> list[Timing]:
    """What the odds add to a new scenario (issue 21: at most 5 ms): the same scenarios with
    odds off and on, each with people-time terms the one before had not (so its spread is
    worked out, not remembered: there are more of them than the engine remembers spreads),
    and the odds alone of a comparison whose spread is remembered (a batch row's case)."""
    from app.present.chart import band_months
    from pricing import Engine as Fresh
    from pricing.engine import REMEMBERED_SPREADS
    from pricing.presets import build_scenario

    count = 3 * REMEMBERED_SPREADS  # cycled: each one's spread forgotten before it recurs
    new = [build_scenario({"services": 20 + n}) for n in range(count)]
    off = [scenario.model_copy(update={"odds": False}) for scenario in new]
    engine.estimate(new[0])  # the labour table's draws: once per process
    remembered = engine.compare(new[0])

    def price(scenario: Scenario) -> Callable[[], Any]:
        return lambda: engine.estimate(scenario)

    # the page's band (12 tick months), its hours worked out without the engine's memo
    fresh = Fresh(engine.catalog, None)
    results = {id(s): engine.estimate(s) for s in new}

    def band(scenario: Scenario) -> Callable[[], Any]:
        result = results[id(scenario)]
        return lambda: fresh.band(result, band_months(scenario.horizon_months))

    return [
        time_calls("new people time, odds off", [price(s) for s in off], rounds),
        time_calls("new people time, odds on", [price(s) for s in new], rounds),
        time_calls("odds of a remembered spread", [lambda: engine.odds(remembered)] * 200, rounds),
        time_calls("the chart's band, new people time", [band(s) for s in new], rounds),
    ]
