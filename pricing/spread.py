"""The spread of people time: how far each setup's hours may fall from the likely values the
bill prices, drawn by Monte Carlo from every term's range (``pricing.labour``).

Each uncertain figure (a Scenario field's range, or the labour table's) is a PERT distribution
on [low, high] with its mode at likely. Its draws come from a generator seeded by the fixed
SEED and the field's name, so they are the same on every run and every machine with the same
numpy, and they are drawn once per (field, range) and remembered: the labour table's ranges are
drawn once per process. People time is linear in the coefficients, so a scenario's spread is a
few sums of those draws times its counts: about a millisecond, and nothing here is money (the
rate and the bills' exact totals are applied in ``pricing.odds``).
"""

from __future__ import annotations

import zlib
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from pricing.labour import PeopleTime, Term
from pricing.ranges import Range

SEED = 2026
DRAWS = 10_000
PERT_WEIGHT = 4  # the classic PERT: the likely value weighs four times each end
QUANTILES = (10, 50, 90)
# Each quantile's place among the sorted draws, interpolated linearly between the two order
# statistics around it (numpy's default "linear" method); a partition around those places is
# a tenth of the cost of np.percentile on 10,000 draws.
_PLACES = tuple(q / 100 * (DRAWS - 1) for q in QUANTILES)


def _order(places: tuple[float, ...], last: int) -> list[int]:
    """The order statistics around ``places``, for a partition."""
    return sorted({int(p) for p in places} | {min(int(p) + 1, last) for p in places})


_ORDER = _order(_PLACES, DRAWS - 1)
# The chart's band before the horizon is drawn from the first BAND_DRAWS draws only: a
# partition of 10,000 sums takes about 0.2 ms, and a 12-month band takes 12 of them; the
# band's middle months are a picture, not figures (its horizon month, which the image and
# its description state, takes every draw and is the odds' P10 and P90 to the cent).
BAND_DRAWS = 2_000
_BAND_PLACES = tuple(q / 100 * (BAND_DRAWS - 1) for q in (QUANTILES[0], QUANTILES[-1]))
_BAND_ORDER = _order(_BAND_PLACES, BAND_DRAWS - 1)

Samples = npt.NDArray[np.float64]


@lru_cache(maxsize=512)
def deviations(field: str, values: Range) -> Samples:
    """DRAWS values of a PERT(low, likely, high), minus likely: how far from the figure the
    bill uses each draw lands (zeros for a single figure). Read-only: the array is shared."""
    low, likely, high = (float(value) for value in values)
    if high == low:
        drawn = np.zeros(DRAWS)
    else:
        alpha = 1 + PERT_WEIGHT * (likely - low) / (high - low)
        beta = 1 + PERT_WEIGHT * (high - likely) / (high - low)
        generator = np.random.default_rng([SEED, zlib.crc32(field.encode())])
        drawn = low + (high - low) * generator.beta(alpha, beta, DRAWS) - likely
    drawn.setflags(write=False)
    return drawn


@lru_cache(maxsize=512)
def _centred(field: str, values: Range) -> tuple[Samples, float]:
    """The draws less their mean, and the sum of their squares (for correlations)."""
    drawn = deviations(field, values)
    centred = drawn - drawn.mean()
    centred.setflags(write=False)
    return centred, float(centred @ centred)


class Influence(NamedTuple):
    """An uncertain input (its Scenario field and name) and the share, from 0 to 1, of the
    horizon difference's spread it explains."""

    field: str
    name: str
    share: Decimal


Hours = tuple[Decimal, ...]  # at QUANTILES, in order, to the millionth of an hour


class Spread(NamedTuple):
    """Hours from the likely values in quantiles: each setup's steady month and horizon;
    Kubernetes' horizon minus Docker's, every draw's, sorted (a count of the draws below a
    figure is then a binary search); the uncertain inputs ranked by the share of that
    difference's variance each explains, largest first."""

    docker_month: Hours
    docker_horizon: Hours
    kubernetes_month: Hours
    kubernetes_horizon: Hours
    difference: Samples
    shares: tuple[Influence, ...]


def _sum(terms: tuple[Term, ...]) -> Samples:
    """Hours a month from the likely values, per draw: each term's count times its draws."""
    total = np.zeros(DRAWS)
    for term in terms:
        if not term.each.is_point:
            total += float(term.units) * deviations(term.field, term.each)
    return total


def _likely(terms: tuple[Term, ...]) -> float:
    return float(sum(term.likely for term in terms))


class _Kubernetes:
    """Kubernetes' hours from the likely values, per draw, added up to any month: a steady
    month's, the ramp-up's extra hours for as many of its months as have passed, and the
    upgrades made (the pieces drawn once, for every month asked)."""

    def __init__(self, people: PeopleTime) -> None:
        self.people = people
        time = people.kubernetes
        self.steady = _sum(time.steady)
        self.extra: Samples | None = None
        if time.months is not None and time.rampup:
            self.extra_likely = _likely(time.rampup) - _likely(time.steady)
            self.extra = self.extra_likely + _sum(time.rampup) - self.steady
            self.months = float(time.months.each.likely) + deviations(
                time.months.field, time.months.each
            )
            self.likely_months = float(time.rampup_months)

    def to(self, month: int, upgrades: int, draws: int = DRAWS) -> Samples:
        """Months 1 to ``month``, with ``upgrades`` cluster upgrades in them (the first
        ``draws`` draws)."""
        hours = self.steady[:draws] * month
        if self.extra is not None:
            ramped = self.extra[:draws] * np.minimum(self.months[:draws], month)
            hours += ramped - self.extra_likely * min(self.likely_months, month)
        upgrade = self.people.upgrade
        if upgrades and not upgrade.each.is_point:
            hours += upgrades * deviations(upgrade.field, upgrade.each)[:draws]
        return hours


def _shares(people: PeopleTime, difference: Samples, upgrades: int) -> tuple[Influence, ...]:
    """Each uncertain input's squared correlation with the horizon difference: for a sum of
    independent terms, the share of its variance that input explains."""
    centred = difference - difference.mean()
    total = float(centred @ centred)
    if total == 0:
        return ()
    terms = {
        term.field: term
        for time in (people.docker, people.kubernetes)
        for term in (*time.steady, *time.rampup, *((time.months,) if time.months else ()))
        if not term.each.is_point
    }
    if upgrades and not people.upgrade.each.is_point:
        terms[people.upgrade.field] = people.upgrade
    found = []
    for field, term in terms.items():
        mine, squares = _centred(field, term.each)
        found.append((float(mine @ centred) ** 2 / (squares * total), field, term.name))
    found.sort(key=lambda item: -item[0])
    return tuple(Influence(field, name, Decimal(f"{share:.2f}")) for share, field, name in found)


def _at_places(
    samples: Samples, places: tuple[float, ...] = _PLACES, order: list[int] = _ORDER
) -> tuple[float, ...]:
    """The samples' quantiles at ``places`` (QUANTILES' by default; ``order``: the order
    statistics around them) as floats."""
    last = len(samples) - 1
    ordered = np.partition(samples, order)
    found = []
    for place in places:
        low = int(place)
        high = min(low + 1, last)
        found.append(float(ordered[low] + (place - low) * (ordered[high] - ordered[low])))
    return tuple(found)


def _hours(values: tuple[float, ...], times: int = 1) -> Hours:
    """Quantiles (times ``times``) to the millionth of an hour."""
    return tuple(Decimal(f"{value * times:.6f}") for value in values)


def _quantiles(samples: Samples, times: int = 1) -> Hours:
    """The samples' QUANTILES (times ``times``), to the millionth of an hour."""
    return _hours(_at_places(samples), times)


def spread(people: PeopleTime, horizon: int, upgrades: int = 0) -> Spread:
    """The spread of both setups' people hours over ``horizon`` months, in which the team
    makes ``upgrades`` cluster upgrades."""
    docker = _sum(people.docker.steady)
    hours = _Kubernetes(people)
    kubernetes, kubernetes_horizon = hours.steady, hours.to(horizon, upgrades)
    difference = kubernetes_horizon - docker * horizon
    ordered = np.sort(difference)
    ordered.setflags(write=False)
    return Spread(
        docker_month=_quantiles(docker),
        docker_horizon=_quantiles(docker, horizon),
        kubernetes_month=_quantiles(kubernetes),
        kubernetes_horizon=_quantiles(kubernetes_horizon),
        difference=ordered,
        shares=_shares(people, difference, upgrades),
    )


class BandHours(NamedTuple):
    """Each setup's hours from the likely values at P10 and P90, added up over months 1 to
    ``month``: the cumulative chart's band at that month."""

    month: int
    docker: tuple[Decimal, Decimal]
    kubernetes: tuple[Decimal, Decimal]


def band(
    people: PeopleTime, months: tuple[int, ...], upgrades_to: tuple[int, ...]
) -> tuple[BandHours, ...]:
    """The band at each of ``months`` (1-based), the team having made ``upgrades_to[m - 1]``
    cluster upgrades by month m. Docker's hours are its steady month's times m (a quantile of
    m x hours is m x its quantile); Kubernetes' are drawn again at each month (the ramp-up and
    the upgrades bend them), so its band at the horizon is the odds' horizon P10 and P90."""
    docker = _at_places(_sum(people.docker.steady))
    hours = _Kubernetes(people)
    found = []
    for month in months:
        docker_to = _hours(docker, month)
        if month == months[-1]:
            kubernetes = _quantiles(hours.to(month, upgrades_to[month - 1]))
        else:  # BAND_DRAWS of them: see there
            drawn = hours.to(month, upgrades_to[month - 1], BAND_DRAWS)
            kubernetes = _hours(_at_places(drawn, _BAND_PLACES, _BAND_ORDER))
        found.append(
            BandHours(month, (docker_to[0], docker_to[-1]), (kubernetes[0], kubernetes[-1]))
        )
    return tuple(found)
