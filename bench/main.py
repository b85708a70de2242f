"""The benchmark run: baseline and calculator under wrk, soak, batch, engine, profiles."""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import report
from bench.batchload import BatchResult, run_batch, warm_up
from bench.constant_rate import RateResult, run_constant_rate
from bench.engine import Timing, run_engine
from bench.loadgen import Endpoint, LoadSettings, WrkResult, check_endpoint, measure, require_wrk
from bench.procmem import machine_busy_seconds
from bench.profiles import Profile, run_profiles
from bench.servers import ROOT, Server, free_port, hello_command, production_command, start
from bench.soak import LiveSoakResult, SoakResult, run_live_soak, run_soak

VARIED = Path(__file__).resolve().parent / "varied.lua"
BASELINE = Endpoint("baseline (ASGI hello)", "/")
# What FastAPI itself costs a request (an empty route, a new query string each time): no
# calculator route can serve more than this; it shows how much of a goal is left to the app.
FASTAPI_FLOOR = Endpoint(report.FASTAPI_FLOOR, "/?k8s_nodes=1", script=VARIED)
HX = ("HX-Request: true",)
# The headline: a new scenario on every request (varied.lua), as for a person typing; the
# response cache cannot answer these. Names end in "new" so the floors can find them.
UNIQUE_ENDPOINTS = (
    Endpoint("JSON estimate, new", "/api/v1/estimate?preset=article&k8s_nodes=1", script=VARIED),
    Endpoint("SVG, new", "/embed.svg?preset=article&k8s_nodes=1", script=VARIED),
    Endpoint("htmx partial, new", "/?k8s_nodes=1", HX, script=VARIED),
    Endpoint("full page, new", "/?preset=article&k8s_nodes=1", script=VARIED),
)
# The second table: one URL repeated (a spreadsheet refreshing, a wiki showing an SVG): after
# the first request the response cache answers.
REPEATED_ENDPOINTS = (
    Endpoint("JSON estimate", "/api/v1/estimate?preset=article"),
    Endpoint("CSV estimate", "/api/v1/estimate?preset=article&format=csv"),
    Endpoint("one-cell value", "/api/v1/value?preset=article&field=kubernetes.monthly_total"),
    Endpoint("htmx partial", "/?k8s_nodes=4", HX),
    Endpoint("full page", "/?preset=article"),
    Endpoint("SVG", "/embed.svg?preset=article"),
)
ENDPOINTS = UNIQUE_ENDPOINTS + REPEATED_ENDPOINTS
# The soak mixes repeated requests (answered from the response cache) with new scenarios
# ({n} counts up through 1..1000), so it exercises pricing, rendering and the cache's growth.
SOAK_ENDPOINTS = (
    Endpoint("JSON estimate", "/api/v1/estimate?preset=article"),
    Endpoint("JSON estimate, varied", "/api/v1/estimate?preset=article&k8s_nodes={n}"),
    Endpoint("one-cell value", "/api/v1/value?preset=article&field=kubernetes.monthly_total"),
    Endpoint("htmx partial, varied", "/?k8s_nodes={n}", HX),
    Endpoint("SVG", "/embed.svg?preset=article"),
)
# 50 people typing: each a new scenario every 100 ms, through the htmx partial, then JSON.
LIVE_SOAKS = (
    ("htmx partial, new", "/?", {"HX-Request": "true"}),
    ("JSON estimate, new", "/api/v1/estimate?preset=article&", {}),
)
QUIET_CORES = 0.2
RETRIES = 2
STAGES = ("http", "soak", "batch", "engine", "profile")


@dataclass
class Results:
    """Everything one run measured; ``report`` prints it, ``--json`` saves it."""

    machine: dict[str, str]
    load: LoadSettings
    workers: int
    command: str
    http: dict[str, WrkResult] = field(default_factory=dict)  # the baseline: mean of runs
    # A new scenario a request at half the path's own capacity (its wrk req/s), open loop.
    half_rate: dict[str, RateResult] = field(default_factory=dict)
    baselines: list[WrkResult] = field(default_factory=list)
    soak: SoakResult | None = None
    live_soaks: list[LiveSoakResult] = field(default_factory=list)
    batches: list[BatchResult] = field(default_factory=list)
    warmups: list[BatchResult] = field(default_factory=list)
    engine: list[Timing] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    add = parser.add_argument
    add("--seconds", type=int, default=10, help="measured seconds per endpoint (default 10)")
    add("--warmup", type=int, default=2, help="warm-up seconds per endpoint (default 2)")
    add("--connections", type=int, default=32, help="wrk connections (default 32)")
    add("--threads", type=int, default=2, help="wrk threads (default 2)")
    add("--workers", type=int, default=1, help="server worker processes (default 1, as issue 1)")
    add(
        "--rate-seconds",
        type=int,
        default=10,
        help="seconds at a constant rate of half each new-scenario path's capacity (0: none)",
    )
    add("--only", default="", help="endpoint names to measure, separated by ; (default all)")
    add("--soak-seconds", type=int, default=60, help="soak duration (default 60)")
    add("--soak-rate", type=int, default=200, help="mixed soak requests/s (default 200)")
    add("--mixed-soak", action="store_true", help="also run the earlier mixed fixed-rate soak")
    add("--batch-rows", default="100000,1000000", help="batch sizes, comma-separated")
    add(
        "--batch-warmup-rows",
        type=int,
        default=20000,
        help="rows per warm-up batch, sent until every worker has started its pricing processes",
    )
    add("--profile-calls", type=int, default=2000, help="requests per HTTP profile")
    add("--profile-rows", type=int, default=20000, help="rows in the batch profile")
    add("--skip", default="", help=f"comma-separated stages to skip: {', '.join(STAGES)}")
    add("--out", type=Path, default=None, help="folder for logs and profiles (default: temp)")
    add("--json", type=Path, default=None, help="also save the figures as JSON here")
    add("--wait-quiet", type=int, default=300, help="seconds to wait for an idle machine")
    return parser.parse_args(argv)


def server_env(args: argparse.Namespace, rows: list[int]) -> dict[str, str]:
    """Settings for both servers: the worker count, and batch limits the largest batch fits."""
    most = max(rows, default=100_000)
    return {
        "CALC_WORKERS": str(args.workers),
        "CALC_BATCH_MAX_ROWS": str(max(most, 100_000)),
        "CALC_BATCH_MAX_BYTES": str(max(most * 64, 50_000_000)),
    }


def check_bodies(server: Server) -> None:
    """Every endpoint answers 200; the htmx request gets the partial, the page the page."""
    for endpoint in ENDPOINTS:
        body = check_endpoint(server.base, endpoint)
        is_page = b"<html" in body[:2000].lower()
        if endpoint.headers == HX and is_page:
            raise RuntimeError("the htmx request got the full page, not the partial")
        if endpoint.name.startswith("full page") and not is_page:
            raise RuntimeError("the full page request did not get an HTML page")


def measure_clean(server: Server, endpoint: Endpoint, load: LoadSettings) -> WrkResult:
    """Measure; when other programs took CPU meanwhile, wait for quiet and measure again."""
    result = measure(server.base, endpoint, load, server.cpu_seconds)
    for _ in range(RETRIES):  # bounded
        if result.other_cores <= report.OTHER_LOAD_LIMIT:
            break
        print(f"  ({endpoint.name}: other programs took {result.other_cores:.2f} cores; again)")
        wait_quiet(60)
        result = measure(server.base, endpoint, load, server.cpu_seconds)
    return result


def mean_result(runs: list[WrkResult]) -> WrkResult:
    """The mean of several runs of one endpoint (the baseline is measured before and after)."""
    n = len(runs)
    return WrkResult(
        requests_per_second=sum(r.requests_per_second for r in runs) / n,
        p50_ms=sum(r.p50_ms for r in runs) / n,
        p99_ms=sum(r.p99_ms for r in runs) / n,
        requests=sum(r.requests for r in runs),
        non_2xx=sum(r.non_2xx for r in runs),
        socket_errors=sum(r.socket_errors for r in runs),
        server_cpu_us=sum(r.server_cpu_us for r in runs) / n,
        wrk_cores=sum(r.wrk_cores for r in runs) / n,
        other_cores=max(r.other_cores for r in runs),
    )


def measure_baseline(args: argparse.Namespace, env: dict[str, str], res: Results) -> None:
    server = start("hello", hello_command(free_port()), env, args.out / "hello.log")
    try:
        check_endpoint(server.base, BASELINE)
        res.baselines.append(measure_clean(server, BASELINE, res.load))
        report.wrk_line(BASELINE.name, res.baselines[-1], None)
        res.http[BASELINE.name] = mean_result(res.baselines)
    finally:
        server.stop()


def measure_half_rate(server: Server, endpoint: Endpoint, res: Results, seconds: int) -> None:
    """A new scenario a request at half the rate wrk just measured for ``endpoint``: the p99
    of a server that is not saturated (at saturation p99 measures wrk's queue)."""
    capacity = res.http[endpoint.name].requests_per_second
    if seconds <= 0 or capacity <= 0:
        return
    for attempt in range(RETRIES + 1):  # again when other programs took the CPU meanwhile
        wait_quiet(30)
        before, busy, own = server.cpu_seconds(), machine_busy_seconds(), _own_cpu()
        url = server.base + endpoint.path
        done = run_constant_rate(url, capacity / 2, seconds, endpoint.headers)
        other = machine_busy_seconds() - busy - (server.cpu_seconds() - before) - (_own_cpu() - own)
        done.other_cores = max(other, 0.0) / done.seconds
        if done.other_cores <= report.OTHER_LOAD_LIMIT or attempt == RETRIES:
            break
        print(f"  ({endpoint.name} at half capacity: others took {done.other_cores:.2f} cores)")
    res.half_rate[endpoint.name] = done
    report.half_rate_line(endpoint.name, done)


def _own_cpu() -> float:
    """This process's CPU seconds (the constant-rate load runs in it)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_fastapi_floor(
    env: dict[str, str], res: Results, out: Path, rate_seconds: int = 0
) -> None:
    server = start("fastapi", hello_command(free_port(), "fastapi"), env, out / "fastapi.log")
    try:
        check_endpoint(server.base, FASTAPI_FLOOR)
        res.http[FASTAPI_FLOOR.name] = measure_clean(server, FASTAPI_FLOOR, res.load)
        report.wrk_line(FASTAPI_FLOOR.name, res.http[FASTAPI_FLOOR.name], res.http[BASELINE.name])
        measure_half_rate(server, FASTAPI_FLOOR, res, rate_seconds)
    finally:
        server.stop()


def measure_app(
    args: argparse.Namespace, env: dict[str, str], res: Results, skip: set[str]
) -> None:
    server = start("calculator", production_command(free_port()), env, args.out / "server.log")
    try:
        check_bodies(server)
        baseline = res.http.get(BASELINE.name)
        only = {n.strip() for n in args.only.split(";") if n.strip()}
        chosen = [e for e in ENDPOINTS if not only or e.name in only]
        for endpoint in chosen if "http" not in skip else ():
            res.http[endpoint.name] = measure_clean(server, endpoint, res.load)
            report.wrk_line(endpoint.name, res.http[endpoint.name], baseline)
            if endpoint in UNIQUE_ENDPOINTS:
                measure_half_rate(server, endpoint, res, args.rate_seconds)
        if "soak" not in skip:  # issue 7: the live-update pattern, the partial then JSON
            for name, path, headers in LIVE_SOAKS:
                live = run_live_soak(server, name, path, headers, seconds=args.soak_seconds)
                res.live_soaks.append(live)
                report.live_soak_lines(live)
        if "mixed-soak" not in skip and args.mixed_soak:
            res.soak = run_soak(server, list(SOAK_ENDPOINTS), args.soak_rate, args.soak_seconds)
            report.soak_lines(res.soak)
        if "batch" not in skip:
            for warm in warm_up(server, args.batch_warmup_rows):
                res.warmups.append(warm)
                report.batch_line(warm, "warm-up")
        for rows in batch_sizes(args) if "batch" not in skip else []:
            for odds in (True, False):  # the odds on, and off by the rows' odds column
                res.batches.append(run_batch(server, rows, odds=odds))
                report.batch_line(res.batches[-1], "batch" if odds else "batch, odds off")
    finally:
        server.stop()


def batch_sizes(args: argparse.Namespace) -> list[int]:
    return [int(n) for n in str(args.batch_rows).split(",") if n.strip()]


def machine() -> dict[str, str]:
    import platform

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "python": platform.python_version(),
        "kernel": platform.release(),
        "code": code_version(),
    }


def code_version() -> str:
    """The commit measured, and whether the work tree had uncommitted changes (read-only)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    changed = [line for line in git("status", "--porcelain").splitlines() if line]
    return git("rev-parse", "--short", "HEAD") + (
        f" + {len(changed)} changed files" if changed else ""
    )


def busy_cores(seconds: float = 3.0) -> float:
    """Cores kept busy by other programs over the next ``seconds``."""
    before = machine_busy_seconds()
    time.sleep(seconds)
    return (machine_busy_seconds() - before) / seconds


def wait_quiet(limit: int) -> float:
    """Wait (at most ``limit`` seconds) until other programs use under QUIET_CORES."""
    deadline = time.monotonic() + limit
    busy = busy_cores()
    while busy > QUIET_CORES and time.monotonic() < deadline:
        print(f"waiting: other programs keep {busy:.2f} cores busy", flush=True)
        time.sleep(5)
        busy = busy_cores()
    if busy > QUIET_CORES:
        print(f"WARNING: measuring on a busy machine ({busy:.2f} cores in use)", flush=True)
    return busy


def save_json(path: Path, res: Results) -> None:
    def plain(value: Any) -> Any:
        return str(value) if isinstance(value, Path) else value

    path.write_text(json.dumps(asdict(res), indent=2, default=plain))


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds the finally blocks that stop the servers


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    args = parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if not {"http", "soak", "batch"} <= skip:
        require_wrk()
    args.out = args.out or Path(tempfile.mkdtemp(prefix="bench-"))
    args.out.mkdir(parents=True, exist_ok=True)
    load = LoadSettings(args.threads, args.connections, args.seconds, args.warmup)
    busy = wait_quiet(args.wait_quiet)
    res = Results(machine(), load, args.workers, "python bench/run.py")
    res.machine["busy cores at start"] = f"{busy:.2f}"
    report.header(res.machine, load, args.workers, args.out)
    env = server_env(args, batch_sizes(args))
    if "http" not in skip:
        measure_baseline(args, env, res)
        measure_fastapi_floor(env, res, args.out, args.rate_seconds)
    if not {"http", "soak", "batch"} <= skip:
        measure_app(args, env, res, skip)
    if "http" not in skip:
        measure_baseline(args, env, res)  # again: the ratios use the mean of both runs
        report.summary(res)
        report.headline(res)
    if "engine" not in skip:
        res.engine = run_engine()
        report.engine_lines(res.engine)
    if "profile" not in skip:
        res.profiles = run_profiles(args.out, args.profile_calls, args.profile_rows)
        report.profile_lines(res.profiles)
    report.floors(res)
    if args.json:
        save_json(args.json, res)
    return 0
