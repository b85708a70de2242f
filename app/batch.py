"""POST /api/v1/batch: a CSV of scenarios in, a CSV of results out, streamed row by row.

The body is spooled (to disk past 1 MiB) and checked whole before any work: its size, its
header and its row count, so a 413 or a bad header comes before the first result row.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from tempfile import SpooledTemporaryFile
from typing import IO

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app.inputs import PRESET, InputError, compare, scenario_of
from app.renderers import BATCH_RESULT_COLUMNS, batch_results, safe_cell
from app.responses import CSV_TYPE
from app.state import catalog_of, settings_of
from pricing.catalog import Catalog
from pricing.scenario import FIELD_NAMES, FieldProblem

RESULT_COLUMNS = [*BATCH_RESULT_COLUMNS, "error"]
ACCEPTED_COLUMNS = frozenset((*FIELD_NAMES, PRESET))
SPOOL_IN_MEMORY = 1 << 20
ROWS_PER_CHUNK = 256


def _too_large(message: str) -> InputError:
    return InputError([FieldProblem("body", message)], status=413)


async def _spool(request: Request, max_bytes: int) -> IO[bytes]:
    """The CSV bytes, from a raw text/csv body or the ``file`` part of a form upload."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=1)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError([FieldProblem("file", "upload the CSV as the form field 'file'")])
        return upload.file
    spool: IO[bytes] = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            spool.close()
            raise _too_large(f"batch CSV larger than {max_bytes} bytes")
        spool.write(chunk)
    return spool


def _reader(raw: IO[bytes]) -> Iterator[list[str]]:
    raw.seek(0)
    return csv.reader(codecs.iterdecode(raw, "utf-8-sig"))


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


def _survey(raw: IO[bytes], max_rows: int) -> list[str]:
    """Check encoding, header and row count before any row is priced; return the header."""
    rows = _reader(raw)
    try:
        header = next(rows, [])
        _check_header(header)
        for count, _ in enumerate(rows, start=1):
            if count > max_rows:
                raise _too_large(f"batch CSV has more than {max_rows} rows")
    except UnicodeDecodeError:
        raise InputError([FieldProblem("body", "the CSV is not UTF-8 text")], 400) from None
    except csv.Error as exc:
        raise InputError([FieldProblem("body", f"the CSV cannot be read: {exc}")], 400) from None
    return header


def _result_cells(header: list[str], row: list[str], catalog: Catalog) -> list[str]:
    if len(row) != len(header):
        return [""] * (len(RESULT_COLUMNS) - 1) + [
            f"row has {len(row)} cells but the header has {len(header)}"
        ]
    values = {name: cell for name, cell in zip(header, row, strict=True) if cell != ""}
    preset = values.pop(PRESET, None)
    try:
        c = compare(scenario_of(values, preset), catalog)
    except InputError as exc:
        return [""] * (len(RESULT_COLUMNS) - 1) + [str(exc)]
    return [*batch_results(c), ""]


def _results(raw: IO[bytes], header: list[str], catalog: Catalog) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*(safe_cell(h) for h in header), *RESULT_COLUMNS])
    rows = _reader(raw)
    next(rows)
    for n, row in enumerate(rows, start=1):
        writer.writerow([*(safe_cell(cell) for cell in row), *_result_cells(header, row, catalog)])
        if n % ROWS_PER_CHUNK == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
    raw.close()


async def batch_response(request: Request) -> Response:
    settings = settings_of(request)
    raw = await _spool(request, settings.batch_max_bytes)
    try:
        header = _survey(raw, settings.batch_max_rows)
    except InputError:
        raw.close()
        raise
    return StreamingResponse(
        _results(raw, header, catalog_of(request)),
        media_type=CSV_TYPE,
        headers={"Content-Disposition": 'attachment; filename="docker-vs-kubernetes-batch.csv"'},
    )
