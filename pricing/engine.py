"""The Engine: what the app, the batch and the benchmark call to price scenarios.

It takes the same path as ``pricing.comparison.estimate`` (resolve, bill the infrastructure,
compare) and then advises. Its one speed trick lives here and nowhere else: a memo of
infrastructure bills (and their price traps), shared by every scenario with the same
INFRASTRUCTURE_FIELDS: a batch row, or a form edit of people, time or checklist answers, then
skips the catalog lookups and all but the people lines. Beside it, a memo of the people time's
spreads (``pricing.spread``), shared by every scenario with the same people-time terms and
horizon: the odds then cost a few Decimal sums, not a Monte Carlo run.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple, TypeVar

from pricing.advice import Advice, advise, price_notes
from pricing.bill import INFRASTRUCTURE_FIELDS, InfrastructureBill, bill_infrastructure
from pricing.catalog import Catalog
from pricing.comparison import Comparison, compare, estimate
from pricing.labour import LABOUR_FIELDS, PeopleTime, people_time
from pricing.memo import Memo
from pricing.month_plan import Versions, versions_of
from pricing.odds import BandPoint, Odds, band, odds
from pricing.resolve import Resolved, resolve, resolved_with
from pricing.scenario import Scenario
from pricing.sensitivity import Flip, sensitivity
from pricing.spread import BandHours, Spread, spread
from pricing.spread import band as band_hours
from pricing.workload import Application, Sizing, SizingOptions, read_application, size_workload

# Infrastructure bills remembered: about 7.5 KiB each, so at most about 30 MiB per process.
REMEMBERED_BILLS = 4096
# Version paths remembered (by provider, tier, start, horizon and policy): a few KiB each.
REMEMBERED_PATHS = 1024
# Spreads remembered: about 80 KiB each (the draws' differences), so at most about 5 MiB.
REMEMBERED_SPREADS = 64
# People times remembered (a few KiB each): the terms of each set of LABOUR_FIELDS.
REMEMBERED_PEOPLE = 1024

V = TypeVar("V")

# All the key's fields in one C call: a third of a remembered bill's cost with getattr().
_infrastructure_values = itemgetter(*INFRASTRUCTURE_FIELDS)
_labour_values = itemgetter(*LABOUR_FIELDS)


class Estimate(NamedTuple):
    """What every face shows: the comparison of both setups, the advice on it, and the odds
    (None when the scenario asks for none: ``odds=false``)."""

    comparison: Comparison
    advice: Advice
    odds: Odds | None = None


class SizedEstimate(NamedTuple):
    """An application sized (the sized Scenario and the report) and the estimate of the
    sized Scenario."""

    sizing: Sizing
    estimate: Estimate


class Remembered(NamedTuple):
    """What the memo keeps for a set of INFRASTRUCTURE_FIELDS: the bill, and the price traps
    (which those fields alone decide too)."""

    bill: InfrastructureBill
    traps: tuple[str, ...]


def _remembered(memo: Memo[V] | None, key: Hashable, make: Callable[[], V]) -> V:
    """What ``memo`` keeps under ``key``, else ``make()`` kept there (made every time
    without a memo)."""
    if memo is None:
        return make()
    found = memo.find(key)
    return found if found is not None else memo.keep(key, make())


def new_memo() -> Memo[Remembered]:
    """A memo sized for one server process."""
    return Memo(REMEMBERED_BILLS)


class Engine:
    """Prices scenarios with one catalog; ``memo`` remembers infrastructure bills (None:
    every scenario is priced from scratch)."""

    def __init__(self, catalog: Catalog, memo: Memo[Remembered] | None) -> None:
        self.catalog = catalog
        self.memo = memo
        remember = memo is not None
        self.paths: Memo[Versions] | None = Memo(REMEMBERED_PATHS) if remember else None
        self.people: Memo[PeopleTime] | None = Memo(REMEMBERED_PEOPLE) if remember else None
        self.spreads: Memo[Spread] | None = Memo(REMEMBERED_SPREADS) if remember else None
        self.bands: Memo[tuple[BandHours, ...]] | None = (
            Memo(REMEMBERED_SPREADS) if remember else None
        )

    def _people(self, scenario: Scenario) -> PeopleTime:
        """The labour model's terms for ``scenario``, remembered by its LABOUR_FIELDS (their
        labels write every figure one way, so equal values may share them)."""
        key = _labour_values(scenario.__dict__)
        return _remembered(self.people, key, lambda: people_time(scenario, self.catalog.labour))

    def _versions(self, resolved: Resolved, catalog: Catalog, start: int) -> Versions:
        """The cluster's version path, remembered: scenarios share a handful of them."""
        scenario = resolved.scenario
        key = (
            resolved.matches.provider.provider,
            scenario.control_plane,
            start,
            scenario.horizon_months,
            scenario.upgrade_policy,
        )
        return _remembered(self.paths, key, lambda: versions_of(resolved, catalog, start))

    def _priced(self, scenario: Scenario) -> tuple[Comparison, tuple[str, ...] | None]:
        """The comparison, and the price traps when the memo kept them."""
        if self.memo is None:
            return estimate(scenario, self.catalog), None
        # Decimals by their text: 1.0 equals 1, but a label shows them differently.
        values = _infrastructure_values(scenario.__dict__)
        key = tuple([str(v) if v.__class__ is Decimal else v for v in values])
        kept = self.memo.find(key)
        if kept is None:
            resolved = resolve(scenario, self.catalog)
            bill = bill_infrastructure(resolved)
            kept = self.memo.keep(key, Remembered(bill, price_notes(resolved)))
        else:
            resolved = resolved_with(scenario, kept.bill.matches)
        people = self._people(scenario)
        return compare(resolved, kept.bill, self.catalog, self._versions, people), kept.traps

    def compare(self, scenario: Scenario) -> Comparison:
        """Both setups priced for ``scenario``, or InputError naming every problem."""
        return self._priced(scenario)[0]

    def estimate(self, scenario: Scenario) -> Estimate:
        """The comparison for ``scenario``, the advice on it and, unless it asks for none,
        the odds."""
        comparison, traps = self._priced(scenario)
        chances = self.odds(comparison) if scenario.odds else None
        return Estimate(comparison, advise(comparison, traps), chances)

    def odds(self, comparison: Comparison) -> Odds:
        """The odds of ``comparison``: its people time's spread, remembered per terms,
        horizon and the upgrades the team makes in it."""
        people, months = comparison.people, comparison.scenario.horizon_months
        if people is None:
            raise ValueError("a comparison without its people time has no odds")
        upgrades = comparison.months.upgrades
        key = (_labour_values(comparison.scenario.__dict__), months, upgrades)
        found = _remembered(self.spreads, key, lambda: spread(people, months, upgrades))
        return odds(comparison, found)

    def band(self, result: Estimate, months: tuple[int, ...]) -> tuple[BandPoint, ...]:
        """The cumulative chart's P10-P90 band at ``months`` (1-based), or nothing when the
        estimate has no odds; its hours remembered per terms, months and upgrades."""
        comparison = result.comparison
        people = comparison.people
        if result.odds is None or people is None:
            return ()
        upgrades = comparison.months.upgrades_to
        key = (_labour_values(comparison.scenario.__dict__), months, upgrades)
        found = _remembered(self.bands, key, lambda: band_hours(people, months, upgrades))
        return band(comparison, found)

    def sensitivity(self, comparison: Comparison) -> tuple[Flip, ...]:
        """The single inputs that would flip which setup is cheaper."""
        return sensitivity(comparison, self.compare)

    def size(
        self,
        texts: str | Sequence[str] | Application,
        scenario: Scenario,
        options: SizingOptions | None = None,
    ) -> SizedEstimate:
        """Size an application's files (a Compose file or Kubernetes manifests: one text,
        several, or an Application already read) for ``scenario``'s provider and region, and
        price the sized Scenario. Raises InputError (SizingError) for input it cannot size."""
        options = options or SizingOptions()
        app = texts if isinstance(texts, Application) else read_application(texts, options)
        sizing = size_workload(app, scenario, catalog=self.catalog, options=options)
        return SizedEstimate(sizing, self.estimate(sizing.scenario))
