"""What a refresh changes, and the table the operator reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pricing.refresh.jsonio import decimal_text
from pricing.refresh.model import ROUNDING

PERCENT = Decimal("0.01")
HEADER = ("status", "region", "instance type", "old", "new", "change")


@dataclass(frozen=True, slots=True)
class Line:
    """One (region, instance type) and its old and new hourly USD price (None: none)."""

    region: str
    instance_type: str
    old: Decimal | None = None
    new: Decimal | None = None


@dataclass(slots=True)
class Diff:
    """Changed prices, new entries, entries the price list no longer has (they stay in the
    file as they were), requested entries it never had, and how many stayed the same."""

    provider: str
    changed: list[Line] = field(default_factory=list)
    added: list[Line] = field(default_factory=list)
    disappeared: list[Line] = field(default_factory=list)
    not_found: list[Line] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes_file(self) -> bool:
        return bool(self.changed or self.added)

    def summary(self) -> str:
        return (
            f"{self.provider}: {len(self.changed)} changed, {len(self.added)} new, "
            f"{len(self.disappeared)} disappeared (kept as they were), "
            f"{len(self.not_found)} requested but not in the price list, "
            f"{self.unchanged} unchanged"
        )


def percent_change(old: Decimal, new: Decimal) -> str:
    """ "+4.17%": the change from old to new in percent, two places, half up."""
    change = ((new - old) * 100 / old).quantize(PERCENT, rounding=ROUNDING)
    return f"{change:+}%"


def _money(amount: Decimal | None) -> str:
    return "-" if amount is None else decimal_text(amount)


def _rows(diff: Diff) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    groups = (
        ("changed", diff.changed),
        ("new", diff.added),
        ("disappeared", diff.disappeared),
        ("not found", diff.not_found),
    )
    for status, lines in groups:
        for line in lines:
            if status == "changed" and line.old is not None and line.new is not None:
                note = percent_change(line.old, line.new)
            else:
                note = {"disappeared": "kept unchanged", "not found": "not added"}.get(status, "")
            old, new = _money(line.old), _money(line.new)
            rows.append((status, line.region, line.instance_type, old, new, note))
    return rows


def render(diff: Diff) -> str:
    """The report: a summary line, then one aligned row per entry that is not unchanged."""
    rows = _rows(diff)
    if not rows:
        return diff.summary() + "\n"
    table = [HEADER, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(HEADER))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in table
    ]
    return diff.summary() + "\n\n" + "\n".join(line.rstrip() for line in lines) + "\n"
