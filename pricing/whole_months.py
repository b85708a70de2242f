"""Whole calendar months: a month is an index, ``year * 12 + month - 1``, and a change dated
inside a month takes effect from the next one (``month_from``)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache


def month_index(day: date) -> int:
    """The month ``day`` falls in."""
    return day.year * 12 + day.month - 1


def month_from(day: date) -> int:
    """The first month that starts on or after ``day``: when a change on ``day`` is billed."""
    return month_index(day) + (0 if day.day == 1 else 1)


def parse_month(text: str) -> int:
    """A month written YYYY-MM (the Scenario checked the form)."""
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


# Kept: a few hundred months are ever asked, about 14 times an estimate (its timeline and
# calendar); formatting one took 0.76 µs, a kept one 0.08.
@lru_cache(maxsize=4096)
def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the day of the month kept, at most the 28th)."""
    index = month_index(day) + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))
