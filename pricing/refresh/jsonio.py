"""JSON in and out: numbers read as Decimal, typed accessors that name the entry at fault,
and the catalog files' own layout (one entry per line) written byte for byte."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from pricing.refresh.model import RefreshError, Request

INDENT = "  "


def parse_json(file: str, text: str | bytes) -> Any:
    """Parse JSON with every non-integer number as an exact Decimal (money never meets float)."""
    try:
        return json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RefreshError(file, None, f"not valid JSON (truncated or corrupt?): {exc}") from None


def obj(value: Any, file: str, entry: str | None, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RefreshError(file, entry, f"{what} must be a JSON object")
    return value


def arr(value: Any, file: str, entry: str | None, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise RefreshError(file, entry, f"{what} must be a JSON array")
    return value


def text(value: Any, file: str, entry: str | None, what: str) -> str:
    if not isinstance(value, str):
        raise RefreshError(file, entry, f"{what} is missing or not a string")
    return value


def key(mapping: dict[str, Any], name: str, file: str, entry: str | None) -> Any:
    """``mapping[name]``, or an error naming the file, the entry and the missing key."""
    if name not in mapping:
        raise RefreshError(file, entry, f'missing key "{name}"')
    return mapping[name]


def number(value: Any, file: str, entry: str | None, what: str) -> Decimal:
    """A price as Decimal, from a JSON string ("0.096") or number (0.46, read as Decimal)."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise RefreshError(file, entry, f"{what} is missing or not a number: {value!r}")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise RefreshError(file, entry, f"{what} is not a number: {value!r}") from None
    if not amount.is_finite():
        raise RefreshError(file, entry, f"{what} is not a finite number: {value!r}")
    return amount


def requested_rows(
    file: str, data: Any, array: str, ident: str, what: str, request: Request
) -> Iterator[tuple[str, dict[str, Any], list[str]]]:
    """Each entry of the page's ``array`` whose ``ident`` names an instance type the request
    asks for, with its name and the regions asked for it (sorted); a page without the array
    is not ``what``."""
    page = obj(data, file, None, "the file")
    if array not in page:
        raise RefreshError(file, None, f'not {what}: no "{array}" array')
    for index, raw in enumerate(arr(page[array], file, None, array)):
        where = f"{array}[{index}]"
        row = obj(raw, file, where, "an entry")
        name = text(key(row, ident, file, where), file, where, ident)
        regions = sorted(region for region, type_key in request.pairs if type_key == name)
        if regions:
            yield name, row, regions


def decimal_text(amount: Decimal) -> str:
    """A decimal as plain text with no exponent: Decimal('1E+2') -> '100'."""
    return format(amount, "f")


def format_data(data: Any) -> str:
    """The catalog layout: 2-space indent; below the top two levels an object whose values
    are all scalars sits on one line, so each price is one line; trailing newline."""
    return _value(data, 0) + "\n"


def _value(value: Any, depth: int) -> str:
    if isinstance(value, dict):
        return _object(value, depth)
    if isinstance(value, list):
        return _array(value, depth)
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)  # keeps the file's own spelling: 3.750 stays 3.750
    return json.dumps(value, ensure_ascii=False)


def _flat(items: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in items)


def _object(value: dict[str, Any], depth: int) -> str:
    if not value:
        return "{}"
    if depth >= 2 and _flat(list(value.values())):
        inner = ", ".join(f"{_scalar(k)}: {_scalar(v)}" for k, v in value.items())
        return "{" + inner + "}"
    pad = INDENT * (depth + 1)
    lines = [f"{pad}{_scalar(k)}: {_value(v, depth + 1)}" for k, v in value.items()]
    return "{\n" + ",\n".join(lines) + "\n" + INDENT * depth + "}"


def _array(value: list[Any], depth: int) -> str:
    if not value:
        return "[]"
    if _flat(value):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    pad = INDENT * (depth + 1)
    lines = [pad + _value(item, depth + 1) for item in value]
    return "[\n" + ",\n".join(lines) + "\n" + INDENT * depth + "]"
