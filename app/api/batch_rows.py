"""Pricing batch rows: the same code whether a row is priced in the request's own process or
in one of the batch's worker processes (which build their engine once, in ``start_worker``).
A row goes through the same entry point as a single request (``parse_scenario``)."""

from __future__ import annotations

from pathlib import Path

from app.inputs import parse_scenario
from app.present import columns
from app.present.cells import safe_cell, to_csv
from pricing import Engine, InputError, load_catalog, new_memo

RESULT_COLUMNS = [*columns.header(columns.BATCH_COLUMNS), "error"]
_BLANK = [""] * len(columns.BATCH_COLUMNS)
_engine: Engine | None = None  # a batch worker process's own engine


def _failed(message: str) -> list[str]:
    return [*_BLANK, message]


def result_cells(header: list[str], row: list[str], engine: Engine) -> tuple[list[str], bool]:
    """The result cells of one row, and whether it was priced (else its error is in them)."""
    if len(row) != len(header):
        return _failed(f"row has {len(row)} cells but the header has {len(header)}"), False
    values = {name: cell for name, cell in zip(header, row, strict=True) if cell != ""}
    try:
        result = engine.estimate(parse_scenario(values))
    except InputError as exc:
        return _failed(str(exc)), False
    return [*columns.row(columns.BATCH_COLUMNS, result), ""], True


def output_text(header: list[str], rows: list[list[str]], engine: Engine) -> tuple[str, int]:
    """CSV lines: each input row (its cells made safe for spreadsheets, as many as the header
    has) followed by its results; and how many rows were priced."""
    lines, priced = [], 0
    width = len(header)
    for row in rows:
        cells, ok = result_cells(header, row, engine)
        # the input cells under their own columns, however many the row had (its error says)
        echoed = [*row[:width], *[""] * (width - len(row))]
        lines.append([*map(safe_cell, echoed), *cells])
        priced += ok
    return to_csv(lines), priced


def start_worker(override: str | None) -> None:
    """Initialise a batch worker process: an engine on the same catalog as the server's."""
    global _engine
    _engine = Engine(load_catalog(Path(override) if override else None), new_memo())


def worker_output_text(header: list[str], rows: list[list[str]]) -> tuple[str, int]:
    """``output_text`` in a batch worker process, with the engine it built at start."""
    if _engine is None:
        raise RuntimeError("batch worker started without start_worker()")
    return output_text(header, rows, _engine)
