"""Catalog entries as JSON-ready values: decimals as numbers, dates as ISO text, and each
price's source, date and confidence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from app.present.cells import json_number
from pricing.catalog import Sourced


def sourced(entry: Sourced) -> dict[str, Any]:
    """Where an entry's figure comes from: its source, the date read and the confidence."""
    return {
        "source": entry.source,
        "as_of": entry.as_of.isoformat(),
        "confidence": entry.confidence,
    }


def plain(value: Any) -> Any:
    """A model's dump as JSON-ready values: decimals as numbers, dates as ISO text."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def optional(entry: BaseModel | None) -> Any:
    """An entry without its note as JSON-ready values, or None."""
    return None if entry is None else plain(entry.model_dump(exclude={"note"}))


def keyed(entries: Mapping[str, BaseModel]) -> list[dict[str, Any]]:
    """Entries by key as a list, each with its key first and its note (the why of a figure)."""
    return [{"key": key, **plain(entry.model_dump())} for key, entry in entries.items()]
