"""Drive ``wrk`` (Debian's package) and read its ``--latency`` report."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from bench.procmem import machine_busy_seconds

INSTALL_HINT = "apt-get update && apt-get install -y wrk"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([0-9.]+)(us|ms|s|m)\s*$", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec:\s+([0-9.]+)", re.MULTILINE)
_TOTAL = re.compile(r"^\s+([0-9]+) requests in", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+([0-9]+)")
_SOCKET = re.compile(
    r"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)"
)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A URL path (with query string) and the headers wrk sends with it."""

    name: str
    path: str
    headers: tuple[str, ...] = ()
    script: Path | None = None  # a wrk Lua script that varies the request


@dataclass(frozen=True, slots=True)
class LoadSettings:
    threads: int = 2
    connections: int = 32
    seconds: int = 10
    warmup_seconds: int = 2


@dataclass(frozen=True, slots=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int
    server_cpu_us: float = 0.0  # server CPU time (all processes) per request
    wrk_cores: float = 0.0  # cores wrk itself kept busy
    other_cores: float = 0.0  # cores busy with anything else on the machine (should be ~0)


def require_wrk() -> str:
    """The path of wrk, or SystemExit saying how to install it."""
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit(f"wrk is not installed; install it with: {INSTALL_HINT}")
    return path


def check_endpoint(base: str, endpoint: Endpoint) -> bytes:
    """GET the endpoint once; its body, or RuntimeError unless it answers 200."""
    request = urllib.request.Request(base + endpoint.path)
    for header in endpoint.headers:
        name, _, value = header.partition(":")
        request.add_header(name.strip(), value.strip())
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            raise RuntimeError(f"{endpoint.name}: {endpoint.path} answered {response.status}")
        body: bytes = response.read()
        return body


def parse_wrk(output: str) -> WrkResult:
    """The figures of one ``wrk --latency`` report."""
    latency = {int(p): float(v) * _UNITS[u] for p, v, u in _LATENCY.findall(output)}
    rate, total = _RATE.search(output), _TOTAL.search(output)
    if rate is None or total is None or 50 not in latency or 99 not in latency:
        raise RuntimeError("cannot read wrk's report:\n" + output)
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET.search(output)
    return WrkResult(
        requests_per_second=float(rate.group(1)),
        p50_ms=latency[50],
        p99_ms=latency[99],
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def run_wrk(base: str, endpoint: Endpoint, settings: LoadSettings, seconds: int) -> WrkResult:
    """One wrk run of ``seconds`` against ``endpoint``."""
    command = [
        require_wrk(),
        f"-t{settings.threads}",
        f"-c{settings.connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    for header in endpoint.headers:
        command += ["-H", header]
    if endpoint.script is not None:
        command += ["-s", str(endpoint.script)]
    command.append(base + endpoint.path)
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)
    return parse_wrk(done.stdout)


def measure(
    base: str, endpoint: Endpoint, settings: LoadSettings, cpu: Callable[[], float]
) -> WrkResult:
    """Warm up, then measure; the warm-up's figures are dropped. ``cpu`` reads the server's
    CPU seconds, so the result also says what one request costs the server."""
    if settings.warmup_seconds > 0:
        run_wrk(base, endpoint, settings, settings.warmup_seconds)
    before, busy, wrk = cpu(), machine_busy_seconds(), _children_cpu()
    result = run_wrk(base, endpoint, settings, settings.seconds)
    server = cpu() - before
    wrk = _children_cpu() - wrk
    other = machine_busy_seconds() - busy - server - wrk
    return replace(
        result,
        server_cpu_us=server / max(result.requests, 1) * 1e6,
        wrk_cores=wrk / settings.seconds,
        other_cores=max(other, 0.0) / settings.seconds,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
