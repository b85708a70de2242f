"""How one value is written in the API's formats: CSV cells and JSON numbers (display only)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cents_text(value: Decimal) -> str:
    """An amount as a plain decimal with two places: 443.00 (no currency sign, no separators)."""
    text = str(value)  # amounts are kept in whole cents, and str() is 4x cheaper than format
    return text if text[-3:-2] == "." else f"{value:.2f}"


def decimal_text(value: Decimal) -> str:
    """A plain decimal without trailing zeros or exponent: 0.0225, 730, 96.000000 -> 96."""
    return format(value.normalize(), "f")


def json_number(value: Decimal) -> float | int:
    """A JSON number: integral values as ints, others as floats (at most 6 places here)."""
    whole = int(value)  # exact for a whole value, and cheaper than to_integral_value()
    return whole if whole == value else float(value)


def optional_number(value: Decimal | None) -> float | int | None:
    return None if value is None else json_number(value)


def safe_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula; plain numbers stay numbers."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def to_csv(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """CSV (or TSV) text with CRLF line endings, as RFC 4180 and spreadsheets expect."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()
