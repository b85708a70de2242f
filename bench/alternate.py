"""Two checkouts' servers and FastAPI's floor under wrk in turns: a before/after that holds on
a machine other programs keep busy (each gets the same mix of quiet and busy moments, and the
best of its turns is kept).

    .venv/bin/python -m bench.alternate OTHER_CHECKOUT [ROUNDS] [SECONDS]

Starts three servers with the production command and one worker each: FastAPI's floor
(``bench.hello fastapi``), this checkout's calculator, and OTHER_CHECKOUT's (its app, pricing
and templates, this checkout's virtualenv); then, ROUNDS times, measures each new-scenario
path (``varied.lua``) on each server for SECONDS after a 1 s warm-up, and prints each one's best
requests/s and least server CPU a request, and their share of the floor's best.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.loadgen import LoadSettings, measure
from bench.main import FASTAPI_FLOOR, UNIQUE_ENDPOINTS
from bench.servers import ROOT, Server, free_port, hello_command, production_command, start

ENV = {"CALC_WORKERS": "1"}


def start_other(checkout: Path, log: Path) -> Server:
    """The calculator of ``checkout``: the production command, its code first on the path."""
    port = free_port()
    env = {**os.environ, **ENV, "PYTHONPATH": str(checkout)}
    output = log.open("wb")
    process = subprocess.Popen(
        production_command(port),
        cwd=checkout,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server("other", process, f"http://127.0.0.1:{port}", output)
    try:
        server.wait_ready("/healthz", 1)
    except BaseException:
        server.stop()
        raise
    return server


def main(other: Path, rounds: int, seconds: int) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-alternate-"))
    load = LoadSettings(seconds=seconds, warmup_seconds=1)
    servers = {
        "floor": start("fastapi", hello_command(free_port(), "fastapi"), ENV, out / "floor.log"),
        "this": start("calculator", production_command(free_port()), ENV, out / "this.log"),
    }
    try:
        servers["other"] = start_other(other, out / "other.log")
        best: dict[tuple[str, str], tuple[float, float]] = {}
        for _ in range(rounds):
            for endpoint in (FASTAPI_FLOOR, *UNIQUE_ENDPOINTS):
                for name, server in servers.items():
                    if (name == "floor") != (endpoint is FASTAPI_FLOOR):
                        continue
                    result = measure(server.base, endpoint, load, server.cpu_seconds)
                    rate, cpu = best.get((endpoint.name, name), (0.0, float("inf")))
                    best[endpoint.name, name] = (
                        max(rate, result.requests_per_second),
                        min(cpu, result.server_cpu_us),
                    )
        report(best, other)
    finally:
        for server in servers.values():
            server.stop()


def report(best: dict[tuple[str, str], tuple[float, float]], other: Path) -> None:
    floor_rate, floor_cpu = best[FASTAPI_FLOOR.name, "floor"]
    print(f"FastAPI's floor: {floor_rate:,.0f} req/s, {floor_cpu:.0f} µs/req (best of turns)")
    print(
        f"| path | {other} req/s | of floor | µs/req | {ROOT} req/s | of floor | µs/req | "
        "floor's µs / path's µs (this) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for endpoint in UNIQUE_ENDPOINTS:
        cells = []
        for name in ("other", "this"):
            rate, cpu = best[endpoint.name, name]
            cells += [f"{rate:,.0f}", f"{rate / floor_rate:.1%}", f"{cpu:.0f}"]
        this_cpu = best[endpoint.name, "this"][1]
        print(f"| {endpoint.name} | {' | '.join(cells)} | {floor_cpu / this_cpu:.1%} |")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        Path(args[0]).resolve(),
        int(args[1]) if len(args) > 1 else 3,
        int(args[2]) if len(args) > 2 else 4,
    )
