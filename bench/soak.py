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


@dataclass
class LiveSoakResult:
    """The live-update soak of one path: ``clients`` clients, each a new scenario every
    ``interval`` seconds; the server's RSS (all processes, KiB) sampled once a second."""

    name: str
    clients: int
    interval: float
    seconds: float
    warmup: float
    sent: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    rss_kib: list[tuple[float, int]] = field(default_factory=list)

    def percentile_ms(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0

    def rss_after_warmup(self) -> tuple[int, int, int]:
        """RSS (KiB) at the end of the warm-up, its lowest and highest after it."""
        after = [kib for t, kib in self.rss_kib if t >= self.warmup] or [0]
        return after[0], min(after), max(after)

    def rss_growth_percent(self) -> float:
        first, _, high = self.rss_after_warmup()
        return 100.0 * (high - first) / first if first else 0.0


async def _client(
    client: httpx.AsyncClient,
    path: str,
    headers: dict[str, str],
    result: LiveSoakResult,
    index: int,
    deadline: float,
) -> None:
    """One person typing: a new scenario every ``interval`` (at once when the answer was late)."""
    tick = time.perf_counter() + index * result.interval / result.clients  # spread the starts
    n = 0
    while tick < deadline:  # bounded by the soak's duration
        delay = tick - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        serial = index * 100_000 + n  # unique per client and request
        query = f"k8s_nodes={serial % 1000 + 1}&devops_hourly_rate={serial // 1000 % 5000 + 1}"
        started = time.perf_counter()
        try:
            response = await client.get(f"{path}{query}", headers=headers)
            ok, problem = response.status_code == 200, f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok, problem = False, repr(exc)
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.sent += 1
        if not ok:
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(problem)
        n += 1
        tick += result.interval


async def _live(server: Server, path: str, headers: dict[str, str], result: LiveSoakResult) -> None:
    limits = httpx.Limits(max_connections=result.clients, max_keepalive_connections=result.clients)
    async with httpx.AsyncClient(base_url=server.base, limits=limits, timeout=10.0) as client:
        started = time.perf_counter()
        deadline = started + result.seconds

        async def sample() -> None:
            while time.perf_counter() < deadline:  # bounded by the soak's duration
                kib = sum(m.rss_kib for m in server.memory().values())
                result.rss_kib.append((time.perf_counter() - started, kib))
                await asyncio.sleep(1.0)

        clients = [
            _client(client, path, headers, result, i, deadline) for i in range(result.clients)
        ]
        await asyncio.gather(sample(), *clients)


def run_live_soak(
    server: Server,
    name: str,
    path: str,
    headers: dict[str, str],
    clients: int = 50,
    interval: float = 0.1,
    seconds: int = 60,
    warmup: float = 10.0,
) -> LiveSoakResult:
    """``clients`` clients for ``seconds``, each GET ``path`` + a new scenario's query every
    ``interval`` s; RSS is judged from ``warmup`` s on."""
    result = LiveSoakResult(name, clients, interval, float(seconds), warmup)
    asyncio.run(_live(server, path, headers, result))
    return result
