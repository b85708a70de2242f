"""Print the figures as they come, then the floors of issue 7 and whether each is met."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bench.batchload import BatchResult
from bench.constant_rate import RateResult
from bench.engine import Timing
from bench.loadgen import LoadSettings, WrkResult
from bench.profiles import Profile
from bench.soak import LiveSoakResult, SoakResult

if TYPE_CHECKING:
    from bench.main import Results

BASELINE = "baseline (ASGI hello)"
FASTAPI_FLOOR = "floor: FastAPI, empty route"
P99_FLOOR_MS = 20.0
# Issue 24's goals for new scenarios (one server worker): shares of FastAPI's floor (an empty
# route served the same way, measured in the same run), each with p99 < 20 ms at a constant
# rate of half the path's own capacity.
FLOOR_GOALS = {
    "JSON estimate, new": 0.50,
    "SVG, new": 0.40,
    "htmx partial, new": 0.25,
    "full page, new": 0.15,
}
# The earlier floors for repeated URLs (shares of the bare ASGI baseline).
RATIO_FLOORS = {
    "JSON estimate": 0.50,
    "htmx partial": 0.35,
}
BATCH_FLOOR = 50_000
FLAT_LIMIT = 1.10  # the largest batch's peak RSS at most 10% above the smallest's
SOAK_GROWTH_LIMIT = 10.0
OTHER_LOAD_LIMIT = 0.15  # cores busy outside the server and wrk while measuring


def header(machine: dict[str, str], load: LoadSettings, workers: int, out: Path) -> None:
    print("machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()))
    print(
        f"wrk: {load.threads} threads, {load.connections} connections, "
        f"{load.warmup_seconds} s warm-up + {load.seconds} s per endpoint; "
        f"server workers: {workers}; logs and profiles in {out}"
    )


def wrk_line(name: str, r: WrkResult, baseline: WrkResult | None) -> None:
    ratio = f"{r.requests_per_second / baseline.requests_per_second:6.1%}" if baseline else "  base"
    errors = ""
    if r.non_2xx or r.socket_errors:
        errors = f"  NON-2XX {r.non_2xx}, SOCKET ERRORS {r.socket_errors}"
    if r.other_cores > OTHER_LOAD_LIMIT:
        errors += f"  (other programs kept {r.other_cores:.2f} cores busy: figures disturbed)"
    print(
        f"{name:24} {r.requests_per_second:9.0f} req/s  p50 {r.p50_ms:7.2f} ms  "
        f"p99 {r.p99_ms:7.2f} ms  {ratio} of baseline  server CPU "
        f"{r.server_cpu_us:5.0f} µs/req  wrk {r.wrk_cores:.2f} cores{errors}",
        flush=True,
    )


def half_rate_line(name: str, r: RateResult) -> None:
    errors = f"  ERRORS {r.errors} {r.error_samples}" if r.errors else ""
    if r.other_cores > OTHER_LOAD_LIMIT:
        errors += f"  (other programs kept {r.other_cores:.2f} cores busy: figures disturbed)"
    print(
        f"{name:24} at half capacity: offered {r.rate:7.0f}/s, answered "
        f"{r.achieved_rate:7.0f}/s  p50 {r.percentile_ms(0.5):7.2f} ms  "
        f"p99 {r.percentile_ms(0.99):7.2f} ms  p99.9 {r.percentile_ms(0.999):7.2f} ms{errors}",
        flush=True,
    )


def headline(res: Results) -> None:
    """Issue 24's table: each new-scenario path against FastAPI's floor of the same run."""
    floor = res.http.get(FASTAPI_FLOOR)
    if floor is None:
        return
    print("\nagainst FastAPI's floor (new scenario on every request):")
    print(
        "| endpoint | req/s | of FastAPI floor | goal | p99 ms at 32 connections | "
        "p99 ms at half capacity | server CPU µs/req |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in (FASTAPI_FLOOR, *FLOOR_GOALS):
        if name not in res.http:
            continue
        r, half = res.http[name], res.half_rate.get(name)
        goal = FLOOR_GOALS.get(name)
        p99 = f"{half.percentile_ms(0.99):.2f}" if half else "-"
        print(
            f"| {name} | {r.requests_per_second:,.0f} | "
            f"{r.requests_per_second / floor.requests_per_second:.1%} | "
            f"{f'≥ {goal:.0%}' if goal else ''} | {r.p99_ms:.2f} | {p99} | "
            f"{r.server_cpu_us:.0f} |"
        )
    print(flush=True)


def summary(res: Results) -> None:
    """Every HTTP figure with its ratio to the mean baseline, as two Markdown tables: new
    scenarios (the headline), then repeated URLs."""
    base = res.http[BASELINE]
    spread = ", ".join(f"{b.requests_per_second:,.0f}" for b in res.baselines)
    print(f"\nsummary (baseline: mean of {len(res.baselines)} runs: {spread} req/s)")
    new = {
        n: r for n, r in res.http.items() if n in (BASELINE, FASTAPI_FLOOR) or n.endswith(", new")
    }
    repeated = {n: r for n, r in res.http.items() if n == BASELINE or n not in new}
    for title, rows in (("new scenario on every request", new), ("one URL repeated", repeated)):
        print(f"\n{title}:")
        print("| endpoint | req/s | of baseline | p50 ms | p99 ms | server CPU µs/req | non-2xx |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, r in rows.items():
            ratio = r.requests_per_second / base.requests_per_second
            print(
                f"| {name} | {r.requests_per_second:,.0f} | {ratio:.1%} | {r.p50_ms:.2f} | "
                f"{r.p99_ms:.2f} | {r.server_cpu_us:.0f} | {r.non_2xx + r.socket_errors} |"
            )
    print(flush=True)


def live_soak_lines(s: LiveSoakResult) -> None:
    first, low, high = s.rss_after_warmup()
    print(
        f"live soak, {s.name}: {s.clients} clients x a new scenario every "
        f"{s.interval * 1000:.0f} ms, {s.sent} requests in {s.seconds:.0f} s "
        f"({s.sent / s.seconds:.0f}/s), errors {s.errors} {s.error_samples}, "
        f"p50 {s.percentile_ms(0.5):.2f} ms, p99 {s.percentile_ms(0.99):.2f} ms (httpx); "
        f"RSS after {s.warmup:.0f} s warm-up {first / 1024:.1f} MiB, then "
        f"{low / 1024:.1f}-{high / 1024:.1f} MiB ({s.rss_growth_percent():+.1f}%)",
        flush=True,
    )


def soak_lines(s: SoakResult) -> None:
    print(
        f"soak: {s.sent} requests in {s.seconds:.1f} s ({s.achieved_rate:.0f}/s, target "
        f"{s.rate}/s), errors {s.errors}, p50 {s.percentile_ms(0.5):.2f} ms, "
        f"p99 {s.percentile_ms(0.99):.2f} ms (client-side, httpx)"
    )
    for sample in s.error_samples:
        print(f"  error: {sample}")
    for pid in sorted(s.start_memory.keys() & s.end_memory.keys()):
        start, end = s.start_memory[pid].rss_kib, s.end_memory[pid].rss_kib
        print(
            f"  pid {pid}: RSS {start / 1024:.1f} -> {end / 1024:.1f} MiB "
            f"({s.growth_percent(pid):+.1f}%)"
        )
    print(f"  all processes: {s.total_growth_percent():+.1f}%", flush=True)


def batch_line(b: BatchResult, what: str = "batch") -> None:
    print(
        f"{what} {b.rows:>9,} rows: {b.rows_per_second:9,.0f} rows/s ({b.seconds:.1f} s, first "
        f"byte {b.first_byte_seconds:.2f} s), rows out {b.rows_out:,}, row errors "
        f"{b.row_errors}; peak RSS of the {len(b.peak_kib)} server processes "
        f"{b.total_peak_kib / 1024:.1f} MiB, largest {b.largest_peak_kib / 1024:.1f} MiB, "
        f"rise of one running before +{b.worst_growth_kib / 1024:.1f} MiB, "
        f"processes started {b.started}",
        flush=True,
    )


def engine_lines(timings: list[Timing]) -> None:
    for t in timings:
        print(f"engine: {t.name:40} {t.median_us:8.1f} µs/call (best {t.best_us:.1f})")


def profile_lines(profiles: list[Profile]) -> None:
    for p in profiles:
        print(
            f"profile {p.name}: {p.unprofiled_us:.0f} µs per call in process without the "
            f"profiler ({p.calls} calls; tree in {p.text_path})"
        )
        for label, share in p.charged[:10]:
            print(f"   {share:6.1%} charged to  {label}")
        for label, share in [i for i in p.inclusive if not _is_wrapper(i[0])][:8]:
            print(f"   {share:6.1%} inclusive   {label}")


def _is_wrapper(label: str) -> bool:
    """Middleware and send wrappers: they include the whole request, so they say nothing."""
    name = label.split(" ", 1)[0]
    return name.endswith(("__call__", "send_with_headers", "send_counting", "send_with_status"))


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def floors(res: Results) -> None:
    """Each floor of issue 7 with the figure and whether it is met."""
    print("floors:")
    fastapi = res.http.get(FASTAPI_FLOOR)
    for name, goal in FLOOR_GOALS.items():
        if fastapi and name in res.http:
            ratio = res.http[name].requests_per_second / fastapi.requests_per_second
            verdict = _verdict(ratio >= goal)
            print(f"  {name} >= {goal:.0%} of FastAPI's floor: {ratio:.1%} {verdict}")
        if name in res.half_rate:
            p99 = res.half_rate[name].percentile_ms(0.99)
            ok = p99 < P99_FLOOR_MS and not res.half_rate[name].errors
            print(
                f"  p99 < {P99_FLOOR_MS:.0f} ms at half capacity, {name}: {p99:.2f} ms "
                f"{_verdict(ok)}"
            )
    base = res.http.get(BASELINE)
    for name, floor in RATIO_FLOORS.items():
        if base and name in res.http:
            rate = res.http[name].requests_per_second
            ratio = rate / base.requests_per_second
            each = "/".join(f"{rate / b.requests_per_second:.0%}" for b in res.baselines)
            print(
                f"  {name} >= {floor:.0%} of baseline req/s: {ratio:.1%} "
                f"(against each baseline run: {each}) {_verdict(ratio >= floor)}"
            )
    for name, r in res.http.items():
        if name != BASELINE and name not in FLOOR_GOALS:
            print(
                f"  p99 < {P99_FLOOR_MS:.0f} ms, {name}: {r.p99_ms:.2f} ms "
                f"{_verdict(r.p99_ms < P99_FLOOR_MS)}"
            )
    for b in res.batches:
        ok = b.rows_per_second >= BATCH_FLOOR
        print(
            f"  batch{'' if b.odds else ' (odds off)'} >= {BATCH_FLOOR:,} rows/s at "
            f"{b.rows:,} rows: {b.rows_per_second:,.0f} {_verdict(ok)}"
        )
    with_odds = [b for b in res.batches if b.odds]
    if len(with_odds) > 1:
        small, large = with_odds[0].largest_peak_kib, with_odds[-1].largest_peak_kib
        print(
            f"  batch memory flat (largest server process's peak RSS at {with_odds[-1].rows:,} "
            f"rows <= 110% of "
            f"{with_odds[0].rows:,}): {small / 1024:.1f} -> {large / 1024:.1f} MiB "
            f"{_verdict(large <= small * FLAT_LIMIT)}"
        )
    for live in res.live_soaks:
        growth = live.rss_growth_percent()
        ok = live.errors == 0 and growth < SOAK_GROWTH_LIMIT
        print(
            f"  live soak, {live.name}: {live.errors} errors, p99 {live.percentile_ms(0.99):.2f} "
            f"ms, RSS after warm-up {growth:+.1f}% {_verdict(ok)}"
        )
    if res.soak:
        growth = res.soak.total_growth_percent()
        ok = res.soak.errors == 0 and growth < SOAK_GROWTH_LIMIT
        print(f"  soak: {res.soak.errors} errors, RSS growth {growth:+.1f}% {_verdict(ok)}")
