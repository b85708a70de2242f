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
    """One (region, instance type) and its old and new hourly price (None: none), and for
    providers that cap hourly billing, its old and new monthly cap."""

    region: str
    instance_type: str
    old: Decimal | None = None
    new: Decimal | None = None
    old_monthly: Decimal | None = None
    new_monthly: Decimal | None = None

    @property
    def has_monthly(self) -> bool:
        return self.old_monthly is not None or self.new_monthly is not None


@dataclass(slots=True)
class Diff:
    """Changed prices, new entries, entries the price list no longer has (they stay in the
    file as they were), requested entries it never had, and how many stayed the same."""

    provider: str
    changed: list[Line] = field(default_factory=list)
    resourced: list[Line] = field(default_factory=list)
    added: list[Line] = field(default_factory=list)
    disappeared: list[Line] = field(default_factory=list)
    not_found: list[Line] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes_file(self) -> bool:
        return bool(self.changed or self.added or self.resourced)

    def summary(self) -> str:
        resourced = (
            f"{len(self.resourced)} re-sourced (same price, now from the price list), "
            if self.resourced
            else ""
        )
        return (
            f"{self.provider}: {len(self.changed)} changed, {resourced}{len(self.added)} new, "
            f"{len(self.disappeared)} disappeared (kept as they were), "
            f"{len(self.not_found)} requested but not in the price list, "
            f"{self.unchanged} unchanged"
        )


def percent_change(old: Decimal, new: Decimal) -> str:
    """ "+4.17%": the change from old to new in percent, two places, half up."""
    change = ((new - old) * 100 / old).quantize(PERCENT, rounding=ROUNDING)
    return f"{change:+}%"


MONTHLY_HEADER = ("old monthly", "new monthly")
NOTES = {
    "re-sourced": "source now the price list",
    "disappeared": "kept unchanged",
    "not found": "not added",
}


def _money(amount: Decimal | None) -> str:
    return "-" if amount is None else decimal_text(amount)


def _change(line: Line) -> str:
    """The hourly change in percent; a monthly cap that moved, appeared or went is added."""
    notes = []
    if line.old is not None and line.new is not None and line.old != line.new:
        notes.append(percent_change(line.old, line.new))
    if line.old_monthly != line.new_monthly:
        if line.old_monthly is None:
            notes.append("monthly cap added")
        elif line.new_monthly is None:
            notes.append("monthly cap removed")
        else:
            notes.append("monthly " + percent_change(line.old_monthly, line.new_monthly))
    return ", ".join(notes)


def _rows(diff: Diff, monthly: bool) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    groups = (
        ("changed", diff.changed),
        ("re-sourced", diff.resourced),
        ("new", diff.added),
        ("disappeared", diff.disappeared),
        ("not found", diff.not_found),
    )
    for status, lines in groups:
        for line in lines:
            note = _change(line) if status == "changed" else NOTES.get(status, "")
            old, new = _money(line.old), _money(line.new)
            caps = (_money(line.old_monthly), _money(line.new_monthly)) if monthly else ()
            rows.append((status, line.region, line.instance_type, old, new, *caps, note))
    return rows


def render(diff: Diff) -> str:
    """The report: a summary line, then one aligned row per entry that is not unchanged.
    Monthly-cap columns appear when a line has a cap (Linode, DigitalOcean, Hetzner)."""
    lines_with_caps = (*diff.changed, *diff.resourced, *diff.added, *diff.disappeared)
    monthly = any(line.has_monthly for line in lines_with_caps)
    rows = _rows(diff, monthly)
    if not rows:
        return diff.summary() + "\n"
    header = (*HEADER[:5], *MONTHLY_HEADER, HEADER[5]) if monthly else HEADER
    table = [header, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in table
    ]
    return diff.summary() + "\n\n" + "\n".join(line.rstrip() for line in lines) + "\n"
