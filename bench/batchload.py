"""POST /api/v1/batch with generated rows; rows per second and the workers' peak memory."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import httpx

from bench.procmem import PeakSampler, children_of, tree_memory, tree_of
from bench.servers import Server

COLUMNS = ("provider", "k8s_nodes", "devops_hourly_rate", "docker_seats", "horizon_months")
PROVIDERS = ("aws", "gcp", "azure")
SEED = 7


def scenario_values(count: int, seed: int = SEED) -> Iterator[dict[str, str]]:
    """``count`` varied, valid scenarios as text fields (the batch CSV's cells)."""
    rng = random.Random(seed)
    for _ in range(count):
        rate = Decimal(rng.randint(5000, 15000)) / 100
        yield {
            "provider": rng.choice(PROVIDERS),
            "k8s_nodes": str(rng.randint(1, 20)),
            "devops_hourly_rate": str(rate),
            "docker_seats": str(rng.randint(0, 50)),
            "horizon_months": str(rng.randint(1, 36)),
        }


def batch_csv(rows: int, seed: int = SEED, odds: bool = True) -> bytes:
    """A batch CSV: a header of COLUMNS and ``rows`` rows, CRLF line endings; with ``odds``
    false, a column ``odds`` of false too (the switch that skips the odds row by row)."""
    switch = [] if odds else ["false"]
    lines = [",".join([*COLUMNS, *(["odds"] if switch else [])])]
    lines += [",".join([*(v[c] for c in COLUMNS), *switch]) for v in scenario_values(rows, seed)]
    return ("\r\n".join(lines) + "\r\n").encode()


@dataclass(frozen=True, slots=True)
class BatchResult:
    rows: int
    seconds: float
    first_byte_seconds: float
    rows_out: int
    row_errors: int
    before_kib: dict[int, int]
    peak_kib: dict[int, int]  # every server process, batch pricing processes included
    odds: bool = True  # false: the rows carried odds=false

    @property
    def total_peak_kib(self) -> int:
        """The sum of every server process's peak RSS."""
        return sum(self.peak_kib.values())

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds

    @property
    def largest_peak_kib(self) -> int:
        """The peak RSS of the largest server process."""
        return max(self.peak_kib.values())

    @property
    def worst_growth_kib(self) -> int:
        """The largest rise of one process's RSS above its level before the batch, among the
        processes that were running before it."""
        return max(
            (self.peak_kib[p] - self.before_kib[p] for p in self.peak_kib if p in self.before_kib),
            default=0,
        )

    @property
    def started(self) -> int:
        """Server processes started during the batch (its pricing processes)."""
        return len(self.peak_kib.keys() - self.before_kib.keys())


def _count_lines(chunks: Iterator[bytes]) -> tuple[int, int]:
    """Result lines, and lines whose last cell (the error column) is not empty; counted in C
    (bytes.count), so the client takes little of the CPU the server shares with it."""
    lines = priced = 0
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        end = data.rfind(b"\r\n")
        cut = end + 2 if end >= 0 else 0  # where the complete lines end
        lines += data.count(b"\r\n", 0, cut)
        priced += data.count(b",\r\n", 0, cut)
        tail = data[cut:]
    return lines, lines - priced


def pricing_started(server: Server) -> bool:
    """Whether every server worker has started its batch pricing processes."""
    return all(children_of(worker) for worker in server.workers())


def warm_up(server: Server, rows: int, tries: int = 20) -> list[BatchResult]:
    """Send batches (rows unlike the measured ones: another seed) until every worker has
    started its pricing processes, as a long-running server has: the measured batches then
    time pricing, not process start-up. Returns the warm-up batches, for the report."""
    done: list[BatchResult] = []
    while not pricing_started(server) and len(done) < tries:
        done.append(run_batch(server, rows, seed=SEED + 1 + len(done)))
    return done


def run_batch(server: Server, rows: int, seed: int = SEED, odds: bool = True) -> BatchResult:
    """Send ``rows`` rows as one text/csv body (``odds``: see batch_csv); time it to the last
    result byte."""
    body = batch_csv(rows, seed, odds)
    root = server.process.pid
    before = {pid: m.rss_kib for pid, m in tree_memory(tree_of(root)).items()}
    timeout = httpx.Timeout(120.0, connect=10.0)
    with httpx.Client(timeout=timeout) as client, PeakSampler(root) as sampler:
        started = time.perf_counter()
        request = client.build_request(
            "POST",
            server.base + "/api/v1/batch",
            content=body,
            # identity, as curl sends it: the result CSV is not gzipped
            headers={"Content-Type": "text/csv", "Accept-Encoding": "identity"},
        )
        response = client.send(request, stream=True)
        first = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"batch answered {response.status_code}: {response.read()[:300]!r}")
        lines, errors = _count_lines(response.iter_raw())
        seconds = time.perf_counter() - started
        response.close()
    # The header's last cell is "error", so the header line counts as one "error" line.
    return BatchResult(rows, seconds, first, lines - 1, errors - 1, before, sampler.peaks, odds)
