"""The odds: each setup's monthly and horizon totals as P10, P50 and P90, the probability that
Kubernetes is cheaper over the horizon, the inputs the answer turns on, and all of it in a
sentence.

A total is the bill's exact total (every term at its likely value) plus the rate times the
hours the draws land from the likely values (``pricing.spread``): money stays Decimal, rounded
to the cent once per figure. A setup that does not hold the workload is never the cheaper:
the probability is then null, and the sentence says which setup holds it (docs/PRICING.md,
"The odds").
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pricing.comparison import Comparison
from pricing.lines import in_currency
from pricing.money import CENT, ROUNDING, to_cents
from pricing.scenario import Setup
from pricing.spread import DRAWS, SEED, BandHours, Hours, Influence, Spread

# An input is named in the sentence when it explains at least this share of the spread.
NAMED_SHARE = Decimal("0.1")
_DRAWS = Decimal(DRAWS)
NAMES = {"docker": "Docker", "kubernetes": "Kubernetes"}


class Quantiles(NamedTuple):
    p10: Decimal
    p50: Decimal
    p90: Decimal


class SetupOdds(NamedTuple):
    monthly_total: Quantiles
    horizon_total: Quantiles


class Odds(NamedTuple):
    """``kubernetes_cheaper_probability`` is None when either setup does not hold the
    workload (there is nothing to be cheaper than);
    ``turns_on`` ranks the uncertain inputs (``pricing.spread.Influence``)."""

    kubernetes_cheaper_probability: Decimal | None
    docker: SetupOdds
    kubernetes: SetupOdds
    draws: int
    seed: int
    turns_on: tuple[Influence, ...]
    not_fitting: tuple[Setup, ...]
    summary: str


def _other(setup: Setup) -> Setup:
    return "kubernetes" if setup == "docker" else "docker"


def _money(total: Decimal, rate: Decimal, hours: Hours) -> Quantiles:
    """The bill's ``total`` plus ``rate`` times each quantile's hours, to the cent (the
    rounding of pricing.money, inline and unrolled: four of these for every batch row)."""
    p10, p50, p90 = hours
    return Quantiles(
        total + (p10 * rate).quantize(CENT, ROUNDING),
        total + (p50 * rate).quantize(CENT, ROUNDING),
        total + (p90 * rate).quantize(CENT, ROUNDING),
    )


def _kubernetes_cheaper(comparison: Comparison, spread: Spread, rate: Decimal) -> Decimal:
    """The share of draws in which Kubernetes' horizon total is below Docker's: rate x hours
    difference below the bills' gap."""
    gap = comparison.docker.horizon_total - comparison.kubernetes.horizon_total
    if rate > 0:  # hours of difference below the gap's hours: a count, so floats will do
        cheaper = int(spread.difference.searchsorted(float(gap) / float(rate), "left"))
    else:
        cheaper = DRAWS if gap > 0 else 0
    return Decimal(cheaper) / _DRAWS


def _percent(share: Decimal) -> str:
    """A share of the draws in words: "87% of plausible cases", "more than 99% ...",
    "every plausible case"."""
    if share == 1:
        return "every plausible case"
    whole = (share * 100).quantize(Decimal(1), rounding=ROUNDING)
    return f"{'more than 99' if whole == 100 else whole}% of plausible cases"


def _unfit_summary(comparison: Comparison, runs: Setup | None) -> str:
    needs = "; ".join(f"{NAMES[f.setup]} {f.shortfall}" for f in comparison.not_fitting)
    if runs is None:
        return f"Neither setup holds the workload as entered: {needs}."
    return f"Only {NAMES[runs]} holds the workload as entered: {needs}."


def summary(probability: Decimal, turns_on: tuple[Influence, ...]) -> str:
    """The odds in a sentence, e.g. "Docker is cheaper in 87% of plausible cases; the answer
    turns on Kubernetes upgrade hours and Kubernetes incident hours." """
    if probability * 2 == 1:
        sentence = "Each setup is cheaper in half of the plausible cases"
    else:
        winner = "Kubernetes" if probability * 2 > 1 else "Docker"
        share = probability if winner == "Kubernetes" else 1 - probability
        sentence = f"{winner} is cheaper in {_percent(share)}"
    named = [influence.name for influence in turns_on if influence.share >= NAMED_SHARE][:2]
    if not named or probability in (0, 1):
        return sentence + "."
    return f"{sentence}; the answer turns on {' and '.join(named)}."


def odds(comparison: Comparison, spread: Spread) -> Odds:
    """The odds of ``comparison`` from the spread of its people time."""
    scenario = comparison.scenario
    rate = in_currency(scenario.devops_hourly_rate, scenario.exchange_rate)
    docker, kubernetes = comparison.docker, comparison.kubernetes
    unfit = tuple(f.setup for f in comparison.not_fitting)
    turns_on = spread.shares
    probability: Decimal | None
    if unfit:
        # No odds of being cheaper against a setup that cannot run the workload at all.
        runs: Setup | None = None if len(unfit) == 2 else _other(unfit[0])
        probability = None
        words = _unfit_summary(comparison, runs)
    else:
        probability = _kubernetes_cheaper(comparison, spread, rate)
        words = summary(probability, turns_on)
    return Odds(  # positional: built for every batch row
        probability,
        SetupOdds(
            _money(docker.monthly_total, rate, spread.docker_month),
            _money(docker.horizon_total, rate, spread.docker_horizon),
        ),
        SetupOdds(
            _money(kubernetes.monthly_total, rate, spread.kubernetes_month),
            _money(kubernetes.horizon_total, rate, spread.kubernetes_horizon),
        ),
        DRAWS,
        SEED,
        turns_on,
        unfit,
        words,
    )


class BandPoint(NamedTuple):
    """Each setup's cumulative total at P10 and P90 by the end of ``month``."""

    month: int
    docker: tuple[Decimal, Decimal]
    kubernetes: tuple[Decimal, Decimal]


def band(comparison: Comparison, hours: tuple[BandHours, ...]) -> tuple[BandPoint, ...]:
    """The cumulative chart's band: each month's cumulative total (every term at its likely
    value) plus the rate times the band's hours, to the cent, as the odds' totals are; at the
    horizon it is the odds' horizon P10 and P90."""
    scenario = comparison.scenario
    rate = in_currency(scenario.devops_hourly_rate, scenario.exchange_rate)
    timeline = comparison.timeline

    def plus(total: Decimal, hours: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
        low, high = hours
        return total + to_cents(low * rate), total + to_cents(high * rate)

    return tuple(
        BandPoint(
            point.month,
            plus(timeline[point.month - 1].docker, point.docker),
            plus(timeline[point.month - 1].kubernetes, point.kubernetes),
        )
        for point in hours
    )
