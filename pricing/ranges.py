"""Range: an uncertain figure as its low, likely and high values, and how one is read from
text ("16" or "4/16/80") and checked against its limits. The labour table's coefficients and
the Scenario's people-time fields are Ranges."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

_PART = r"[0-9]{1,12}(?:\.[0-9]{1,6})?"
_WHOLE = r"[0-9]{1,9}"
RANGE_PATTERN = f"^{_PART}(/{_PART}/{_PART})?$"
WHOLE_RANGE_PATTERN = f"^{_WHOLE}(/{_WHOLE}/{_WHOLE})?$"
_RANGE = re.compile(RANGE_PATTERN)
_WHOLE_RANGE = re.compile(WHOLE_RANGE_PATTERN)


class Range(NamedTuple):
    """Low, likely and high values (low <= likely <= high); a single figure is all three."""

    low: Decimal
    likely: Decimal
    high: Decimal

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    def text(self) -> str:
        """``16`` for a single figure, ``4/16/80`` for a range (as a user types it)."""
        if self.is_point:
            return _plain(self.likely)
        return "/".join(_plain(value) for value in self)


def point(value: Decimal | int) -> Range:
    """A figure known exactly: low, likely and high alike."""
    amount = Decimal(value)
    return Range(amount, amount, amount)


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros after the point: 0.05, 16, 2.5."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def checked(values: Range, limit: Decimal, unit: str) -> Range:
    """``values`` if each lies between 0 and ``limit`` and they do not decrease; else
    ValueError saying which rule, with the limits in ``unit``."""
    low, likely, high = values
    if min(values) < 0 or max(values) > limit:
        raise ValueError(f"each value must be from 0 to {_plain(limit)} {unit}")
    if low > likely:
        raise ValueError(
            f"low {_plain(low)} is above likely {_plain(likely)}: give low/likely/high "
            f"with low <= likely <= high (each from 0 to {_plain(limit)} {unit})"
        )
    if likely > high:
        raise ValueError(
            f"likely {_plain(likely)} is above high {_plain(high)}: give low/likely/high "
            f"with low <= likely <= high (each from 0 to {_plain(limit)} {unit})"
        )
    return values


def parse_range(text: str, *, limit: Decimal, unit: str, whole: bool = False) -> Range:
    """A Range from ``16`` or ``4/16/80`` (plain decimals, or whole numbers when ``whole``),
    checked against ``limit``; ValueError in words otherwise."""
    pattern = _WHOLE_RANGE if whole else _RANGE
    if not pattern.fullmatch(text):
        example = (
            "a whole number such as 4, or low/likely/high such as 2/4/12"
            if whole
            else "a number such as 16, or low/likely/high such as 4/16/80"
        )
        raise ValueError(
            f"must be {example} (each from 0 to {_plain(limit)} {unit}, no sign or spaces)"
        )
    parts = [Decimal(part) for part in text.split("/")]
    values = point(parts[0]) if len(parts) == 1 else Range(*parts)
    return checked(values, limit, unit)
