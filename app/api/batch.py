"""POST /api/v1/batch: a CSV of scenarios in, a CSV of results out, streamed row by row.

The body is spooled (to disk past 1 MiB) and checked whole before any work: its size, its
header and its row count, so a 413 or a bad header comes before the first result row. A large
batch is priced by worker processes (``CALC_BATCH_PROCESSES``) a chunk of rows at a time, with
a bounded number of chunks in flight, and the chunks are written back in input order.
"""

from __future__ import annotations

import codecs
import csv
import math
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import IO, TYPE_CHECKING

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app.api.batch_rows import RESULT_COLUMNS, output_text, start_worker, worker_output_text
from app.inputs import PRESET
from app.present.cells import safe_cell, to_csv
from app.settings import Settings
from app.web.metrics import count_estimate
from app.web.responses import CSV_TYPE
from app.web.state import engine_of, settings_of
from pricing import Engine
from pricing.scenario import FIELD_NAMES, FieldProblem, InputError

if TYPE_CHECKING:
    from _csv import Reader  # what csv.reader returns (line_num included)

ACCEPTED_COLUMNS = frozenset((*FIELD_NAMES, PRESET))
SPOOL_IN_MEMORY = 1 << 20
ROWS_PER_CHUNK = 1000  # rows priced, and streamed, together
POOL_MIN_ROWS = 5000  # smaller batches are priced in the request's own process
CHUNKS_IN_FLIGHT = 4  # per pricing process: enough that none waits while another finishes


def _too_large(message: str) -> InputError:
    return InputError([FieldProblem("body", message)], "too_large")


async def _spool(request: Request, max_bytes: int) -> IO[bytes]:
    """The CSV bytes, from a raw text/csv body or the ``file`` part of a form upload."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=1)
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            return upload.file
        if isinstance(upload, str):  # a part without a filename arrives as text
            text: IO[bytes] = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
            text.write(upload.encode())
            return text
        raise InputError([FieldProblem("file", "upload the CSV as the form field 'file'")])
    spool: IO[bytes] = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            spool.close()
            raise _too_large(f"batch CSV larger than {max_bytes} bytes")
        spool.write(chunk)
    return spool


def _reader(raw: IO[bytes]) -> Reader:
    """The CSV from its start; strict, so a quote never closed is an error, not the rest of
    the file read as one cell."""
    raw.seek(0)
    return csv.reader(codecs.iterdecode(raw, "utf-8-sig"), strict=True)


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows that have cells: a blank line (most often a trailing one) is no scenario."""
    return (row for row in reader if row)


def _check_header(header: list[str]) -> None:
    if not header or all(not name.strip() for name in header):
        raise InputError([FieldProblem("columns", "the CSV needs a header row of field names")])
    unknown = [name for name in header if name not in ACCEPTED_COLUMNS]
    if unknown:
        shown = ", ".join(repr(n[:40]) for n in unknown[:10])
        more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        raise InputError(
            [
                FieldProblem(
                    "columns",
                    f"unknown column(s) {shown}{more}; valid columns: "
                    + ", ".join(sorted(ACCEPTED_COLUMNS)),
                )
            ]
        )
    repeated = sorted(name for name, n in Counter(header).items() if n > 1)
    if repeated:
        raise InputError([FieldProblem("columns", "repeated column(s): " + ", ".join(repeated))])


def _survey(raw: IO[bytes], max_rows: int) -> tuple[list[str], int]:
    """Check encoding, header and row count before any row is priced; the header and the
    number of rows."""
    rows = _reader(raw)
    count = 0
    try:
        header = next(rows, [])
        _check_header(header)
        for count, _ in enumerate(_rows(rows), start=1):
            if count > max_rows:
                raise _too_large(f"batch CSV has more than {max_rows} rows")
    except UnicodeDecodeError:
        raise InputError([FieldProblem("body", "the CSV is not UTF-8 text")], "malformed") from None
    except csv.Error as exc:
        hint = " (a quoted cell is never closed)" if "end of data" in str(exc) else ""
        message = f"the CSV cannot be read at line {rows.line_num}: {exc}{hint}"
        raise InputError([FieldProblem("body", message)], "malformed") from None
    return header, count


def _chunks(rows: Iterator[list[str]], size: int) -> Iterator[list[list[str]]]:
    chunk: list[list[str]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _priced_chunks(
    chunks: Iterator[list[list[str]]],
    header: list[str],
    engine: Engine,
    pool: ProcessPoolExecutor | None,
    window: int,
) -> Iterator[str]:
    """Output CSV text chunk by chunk, in input order: here (the app's engine counts its
    estimates), or in the pool with at most ``window`` chunks in flight (so memory stays flat
    however long the file is; its estimates are counted here as each chunk comes back)."""
    if pool is None:
        for chunk in chunks:
            yield output_text(header, chunk, engine)[0]
        return
    pending: deque[Future[tuple[str, int]]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(worker_output_text, header, chunk))
        if len(pending) >= window:
            yield _collect(pending.popleft())
    while pending:
        yield _collect(pending.popleft())


def _collect(future: Future[tuple[str, int]]) -> str:
    out, priced = future.result()
    count_estimate(priced)
    return out


def _results(
    raw: IO[bytes],
    header: list[str],
    engine: Engine,
    pool: ProcessPoolExecutor | None,
    processes: int,
) -> Iterator[str]:
    yield to_csv([[*map(safe_cell, header), *RESULT_COLUMNS]])
    rows = _reader(raw)
    next(rows)
    try:
        yield from _priced_chunks(
            _chunks(_rows(rows), ROWS_PER_CHUNK), header, engine, pool, CHUNKS_IN_FLIGHT * processes
        )
    finally:
        raw.close()


CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def usable_cpus(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """The CPUs this process may use: its CPU affinity, capped by a cgroup v2 CPU quota (what
    a container's ``--cpus`` or a Kubernetes CPU limit sets; ``os.cpu_count()`` counts the
    host's cores instead)."""
    cpus = len(os.sched_getaffinity(0))
    try:
        quota, period = cpu_max.read_text().split()
        if quota != "max":
            cpus = min(cpus, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass  # no cgroup v2 quota readable here: the affinity alone
    return cpus


_POOLS: dict[tuple[str | None, int], ProcessPoolExecutor] = {}


def _pool(settings: Settings, rows: int) -> tuple[ProcessPoolExecutor | None, int]:
    """The batch worker processes (started on first use, kept for the server's life), or
    None when this batch is small enough, or the setting says, to price it here."""
    processes = settings.batch_processes or usable_cpus()
    if processes < 2 or rows < POOL_MIN_ROWS:
        return None, 1
    override = str(settings.catalog_override) if settings.catalog_override else None
    key = (override, processes)
    if key not in _POOLS:
        _POOLS[key] = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(override,),
        )
    return _POOLS[key], processes


async def batch_response(request: Request) -> Response:
    settings = settings_of(request)
    raw = await _spool(request, settings.batch_max_bytes)
    try:
        header, rows = _survey(raw, settings.batch_max_rows)
    except InputError:
        raw.close()
        raise
    pool, processes = _pool(settings, rows)
    return StreamingResponse(
        _results(raw, header, engine_of(request), pool, processes),
        media_type=CSV_TYPE,
        headers={"Content-Disposition": 'attachment; filename="docker-vs-kubernetes-batch.csv"'},
    )
