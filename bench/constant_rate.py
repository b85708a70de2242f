"""A constant offered rate (wrk2's idea, which Debian does not package): the p99 of a path
at a fixed share of its own capacity, not at saturation, where it measures the queue.

Each request has a scheduled send time, ``start + i / rate``, fixed before the run: a
dispatcher hands each one to a pool of keep-alive connections (raw HTTP/1.1 over asyncio
streams) when its time comes, whether or not the answers before it are back. Latency is
measured from the scheduled time to the last byte of the answer, so a request held back
because the server (or every connection) was busy counts its wait: no coordinated
omission. The scenario changes every request as in ``varied.lua`` (k8s_nodes 1..1000,
devops_hourly_rate 1..100), so the response cache cannot answer.

    .venv/bin/python -m bench.constant_rate URL RATE [SECONDS] [HEADER ...]
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CONNECTIONS = 64
SCENARIOS = 100_000


@dataclass
class RateResult:
    """What one constant-rate run measured."""

    rate: float  # offered requests per second
    seconds: float
    sent: int = 0  # answered after the warm-up
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)
    other_cores: float = 0.0  # cores other programs kept busy meanwhile (bench.main sets it)

    def percentile_ms(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0

    @property
    def achieved_rate(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


def varied_paths(path: str) -> Iterator[str]:
    """``path`` with a new ``k8s_nodes`` and ``devops_hourly_rate`` each time, as varied.lua
    makes them (everything from ``k8s_nodes=`` on is replaced)."""
    cut = path.find("k8s_nodes=")
    prefix = path[:cut] if cut >= 0 else path + ("&" if "?" in path else "?")
    n = 0
    while True:
        n = (n + 7919) % SCENARIOS
        yield f"{prefix}k8s_nodes={n % 1000 + 1}&devops_hourly_rate={n // 1000 + 1}"


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """Send one request, read its whole answer (Content-Length bodies); the status code."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding":
            raise RuntimeError("chunked answers are not read here")
    await reader.readexactly(length)
    return status


async def _connection(
    host: str,
    port: int,
    queue: asyncio.Queue[tuple[float, bytes] | None],
    result: RateResult,
    measured_from: list[float],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while (job := await queue.get()) is not None:  # None: the run is over
            scheduled, request = job
            try:
                status = await _exchange(reader, writer, request)
                problem = "" if status == 200 else f"HTTP {status}"
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                problem = repr(exc)
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
            if scheduled < measured_from[0]:
                continue  # the warm-up's: not counted
            result.latencies_ms.append((time.perf_counter() - scheduled) * 1000)
            result.sent += 1
            if problem:
                result.errors += 1
                if len(result.error_samples) < 5:
                    result.error_samples.append(problem)
    finally:
        writer.close()


async def _run(
    url: str, rate: float, seconds: float, headers: tuple[str, ...], warmup: float
) -> RateResult:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    extra = "".join(f"{h}\r\n" for h in headers)
    result = RateResult(rate, seconds)
    queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
    start = time.perf_counter() + 0.2  # let the connections open first
    measured_from = [start + warmup]
    workers = [
        asyncio.create_task(_connection(host, port, queue, result, measured_from))
        for _ in range(CONNECTIONS)
    ]
    paths = varied_paths(parts.path + ("?" + parts.query if parts.query else ""))
    total = int(rate * (warmup + seconds))
    for i in range(total):
        scheduled = start + i / rate
        wait = scheduled - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        request = f"GET {next(paths)} HTTP/1.1\r\nHost: {parts.netloc}\r\n{extra}\r\n"
        queue.put_nowait((scheduled, request.encode()))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    result.seconds = time.perf_counter() - measured_from[0]
    return result


def run_constant_rate(
    url: str, rate: float, seconds: float, headers: tuple[str, ...] = (), warmup: float = 2.0
) -> RateResult:
    """Offer ``rate`` requests a second to ``url`` (a new scenario each) for ``warmup`` and
    then ``seconds`` seconds; only the requests scheduled after the warm-up are counted."""
    try:
        import uvloop

        return uvloop.run(_run(url, rate, seconds, headers, warmup))
    except ImportError:  # pragma: no cover - uvloop comes with uvicorn[standard]
        return asyncio.run(_run(url, rate, seconds, headers, warmup))


if __name__ == "__main__":
    args = sys.argv[1:]
    done = run_constant_rate(
        args[0], float(args[1]), float(args[2]) if len(args) > 2 else 10.0, tuple(args[3:])
    )
    print(
        f"offered {done.rate:.0f}/s, answered {done.achieved_rate:.0f}/s, errors {done.errors}"
        f" {done.error_samples}; p50 {done.percentile_ms(0.5):.2f} ms, p99 "
        f"{done.percentile_ms(0.99):.2f} ms, p99.9 {done.percentile_ms(0.999):.2f} ms"
    )
