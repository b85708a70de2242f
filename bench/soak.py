"""A soak at a fixed request rate: errors, latency and the servers' memory at start and end."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

from bench.loadgen import Endpoint
from bench.procmem import Memory
from bench.servers import Server

MAX_IN_FLIGHT = 64
VARIED = 1000  # "{n}" in a path takes the values 1..VARIED in turn


@dataclass
class SoakResult:
    rate: int
    seconds: float
    sent: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    start_memory: dict[int, Memory] = field(default_factory=dict)
    end_memory: dict[int, Memory] = field(default_factory=dict)

    @property
    def achieved_rate(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0

    def percentile_ms(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0

    def growth_percent(self, pid: int) -> float:
        start, end = self.start_memory[pid].rss_kib, self.end_memory[pid].rss_kib
        return 100.0 * (end - start) / start

    def total_growth_percent(self) -> float:
        pids = self.start_memory.keys() & self.end_memory.keys()
        start = sum(self.start_memory[p].rss_kib for p in pids)
        end = sum(self.end_memory[p].rss_kib for p in pids)
        return 100.0 * (end - start) / start


async def _one(client: httpx.AsyncClient, endpoint: Endpoint, result: SoakResult, n: int) -> None:
    headers = dict(h.split(": ", 1) for h in endpoint.headers)
    path = endpoint.path.replace("{n}", str(n % VARIED + 1))
    started = time.perf_counter()
    try:
        response = await client.get(path, headers=headers)
        ok = response.status_code == 200
        problem = f"{endpoint.name}: HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        ok, problem = False, f"{endpoint.name}: {exc!r}"
    result.latencies_ms.append((time.perf_counter() - started) * 1000)
    if not ok:
        result.errors += 1
        if len(result.error_samples) < 5:
            result.error_samples.append(problem)


async def _drive(base: str, endpoints: list[Endpoint], result: SoakResult, total: int) -> None:
    limits = httpx.Limits(max_connections=MAX_IN_FLIGHT, max_keepalive_connections=MAX_IN_FLIGHT)
    gate = asyncio.Semaphore(MAX_IN_FLIGHT)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10.0) as client:

        async def gated(endpoint: Endpoint, n: int) -> None:
            async with gate:
                await _one(client, endpoint, result, n)

        tasks = []
        started = time.perf_counter()
        for n in range(total):  # bounded: rate x seconds requests
            delay = started + n / result.rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            endpoint = endpoints[n % len(endpoints)]
            tasks.append(asyncio.create_task(gated(endpoint, n // len(endpoints))))
            result.sent += 1
        await asyncio.gather(*tasks)
        result.seconds = time.perf_counter() - started


def run_soak(server: Server, endpoints: list[Endpoint], rate: int, seconds: int) -> SoakResult:
    """``rate`` requests per second for ``seconds``, round-robin over ``endpoints``; a
    ``{n}`` in a path becomes 1, 2, ... VARIED, then 1 again."""
    result = SoakResult(rate=rate, seconds=float(seconds))
    result.start_memory = server.memory()
    asyncio.run(_drive(server.base, endpoints, result, rate * seconds))
    result.end_memory = server.memory()
    return result
