"""Pricing batch rows: the same code whether a row is priced in the request's own process or
in one of the batch's worker processes (which load the catalog once, in ``start_worker``)."""

from __future__ import annotations

from pathlib import Path

from app.inputs import PRESET, InputError, scenario_of
from app.renderers import BATCH_RESULT_COLUMNS, batch_results, safe_cell, to_csv
from pricing import Catalog, ScenarioError, estimate, load_catalog

RESULT_COLUMNS = [*BATCH_RESULT_COLUMNS, "error"]
_BLANK = [""] * len(BATCH_RESULT_COLUMNS)
_catalog: Catalog | None = None  # a batch worker process's own catalog


def _failed(message: str) -> list[str]:
    return [*_BLANK, message]


def result_cells(header: list[str], row: list[str], catalog: Catalog) -> tuple[list[str], bool]:
    """The result cells of one row, and whether it was priced (else its error is in them)."""
    if len(row) != len(header):
        return _failed(f"row has {len(row)} cells but the header has {len(header)}"), False
    values = {name: cell for name, cell in zip(header, row, strict=True) if cell != ""}
    preset = values.pop(PRESET, None)
    try:
        comparison = estimate(scenario_of(values, preset), catalog)
    except InputError as exc:
        return _failed(str(exc)), False
    except ScenarioError as exc:
        return _failed(str(InputError(exc.problems))), False
    return [*batch_results(comparison), ""], True


def output_text(header: list[str], rows: list[list[str]], catalog: Catalog) -> tuple[str, int]:
    """CSV lines: each input row (its cells made safe for spreadsheets) followed by its
    results; and how many rows were priced."""
    lines, priced = [], 0
    for row in rows:
        cells, ok = result_cells(header, row, catalog)
        lines.append([*map(safe_cell, row), *cells])
        priced += ok
    return to_csv(lines), priced


def start_worker(override: str | None) -> None:
    """Initialise a batch worker process: load the same catalog as the server."""
    global _catalog
    _catalog = load_catalog(Path(override) if override else None)


def worker_output_text(header: list[str], rows: list[list[str]]) -> tuple[str, int]:
    """``output_text`` in a batch worker process, with the catalog it loaded at start."""
    if _catalog is None:
        raise RuntimeError("batch worker started without start_worker()")
    return output_text(header, rows, _catalog)
