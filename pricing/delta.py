"""Two priced scenarios side by side: the inputs that differ, and what each line item and total
of each setup changes by (new minus old). What "compare with...", ``GET /api/v1/compare`` and
``dockerk8s-cost diff`` report.

Lines are paired by setup, category and order within the category, not by label: a label
carries counts ("m6i.xlarge × 3 nodes"), which are exactly what a change moves. A line with no
partner in the other scenario is added (old is None) or removed (new is None).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from pricing.advice import Recommendation
from pricing.bill import Bill
from pricing.comparison import Cheaper
from pricing.engine import Estimate
from pricing.lines import LineItem
from pricing.money import ZERO
from pricing.scenario import FieldProblem, InputError, Setup

SETUPS: tuple[Setup, Setup] = ("docker", "kubernetes")
# The totals of a setup that a delta reports, as the Bill names them.
TOTALS = ("infrastructure_monthly", "people_monthly", "monthly_total", "horizon_total")


class FieldChange(NamedTuple):
    """An input whose resolved value differs between the two scenarios."""

    field: str
    old: Any
    new: Any


class LineChange(NamedTuple):
    """One line of a setup in both scenarios (either may be missing) and its monthly change."""

    setup: Setup
    category: str
    old: LineItem | None
    new: LineItem | None

    @property
    def label(self) -> str:
        line = self.new or self.old
        return line.label if line else ""

    @property
    def change(self) -> Decimal:
        return (self.new.monthly if self.new else ZERO) - (self.old.monthly if self.old else ZERO)


class TotalChange(NamedTuple):
    setup: Setup
    name: str
    old: Decimal
    new: Decimal

    @property
    def change(self) -> Decimal:
        return self.new - self.old


class Delta(NamedTuple):
    """Everything that differs between ``old`` and ``new``."""

    old: Estimate
    new: Estimate
    fields: tuple[FieldChange, ...]
    lines: tuple[LineChange, ...]
    totals: tuple[TotalChange, ...]

    @property
    def cheaper(self) -> tuple[Cheaper, Cheaper]:
        """Which setup is cheaper over the horizon, before and after."""
        return (
            self.old.comparison.difference.cheaper,
            self.new.comparison.difference.cheaper,
        )

    @property
    def recommendation(self) -> tuple[Recommendation, Recommendation]:
        """What the checklist recommends, before and after."""
        return (self.old.advice.recommendation, self.new.advice.recommendation)

    def total(self, setup: Setup, name: str) -> TotalChange:
        """One total of one setup (a name of TOTALS), before and after."""
        for change in self.totals:
            if change.setup == setup and change.name == name:
                return change
        raise KeyError((setup, name))

    def changed_lines(self) -> tuple[LineChange, ...]:
        """The lines whose monthly cost or label changed, or that came or went."""
        return tuple(
            line
            for line in self.lines
            if line.change
            or line.old is None
            or line.new is None
            or line.old.label != line.new.label
        )


def field_changes(old: Estimate, new: Estimate) -> tuple[FieldChange, ...]:
    """The resolved inputs that differ, in the Scenario's field order."""
    before = old.comparison.scenario.model_dump()
    after = new.comparison.scenario.model_dump()
    return tuple(
        FieldChange(name, before[name], after[name])
        for name in before
        if before[name] != after[name]
    )


def _by_category(items: Iterable[LineItem]) -> dict[str, list[LineItem]]:
    grouped: dict[str, list[LineItem]] = defaultdict(list)
    for line in items:
        grouped[line.category].append(line)
    return grouped


def _paired(setup: Setup, old: Bill, new: Bill) -> Iterator[LineChange]:
    before, after = _by_category(old.line_items), _by_category(new.line_items)
    categories = [*before, *(c for c in after if c not in before)]
    for category in categories:
        olds, news = before.get(category, []), after.get(category, [])
        for index in range(max(len(olds), len(news))):
            yield LineChange(
                setup,
                category,
                olds[index] if index < len(olds) else None,
                news[index] if index < len(news) else None,
            )


def delta(old: Estimate, new: Estimate) -> Delta:
    """What changes from ``old`` to ``new``: inputs, every line of both setups, the totals.
    Amounts in two currencies do not subtract: InputError naming ``currency``."""
    if old.comparison.currency != new.comparison.currency:
        message = (
            f"must be the same in both scenarios to subtract them "
            f"({old.comparison.currency} and {new.comparison.currency})"
        )
        raise InputError([FieldProblem("currency", message)])
    lines: list[LineChange] = []
    totals: list[TotalChange] = []
    for setup in SETUPS:
        before: Bill = getattr(old.comparison, setup)
        after: Bill = getattr(new.comparison, setup)
        lines.extend(_paired(setup, before, after))
        totals.extend(
            TotalChange(setup, name, getattr(before, name), getattr(after, name)) for name in TOTALS
        )
    return Delta(old, new, field_changes(old, new), tuple(lines), tuple(totals))
