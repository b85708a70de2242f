"""estimate(): price both setups line by line and compare them over the horizon."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal, NamedTuple

from pricing.advice import Advice, advise, fit_notes
from pricing.capacity import Fit, fits
from pricing.catalog import Catalog
from pricing.infrastructure import Infrastructure, infrastructure
from pricing.line_items import LineItem, people
from pricing.money import CENT, ROUNDING, ZERO
from pricing.resolution import Lookups
from pricing.scenario import Scenario, Setup


class SetupCost(NamedTuple):
    """One setup's bill: the steady-state month's line items and the totals built from them.
    ``monthly_range`` is the monthly total at the fewest and most autoscaled nodes."""

    setup: Setup
    line_items: tuple[LineItem, ...]
    infrastructure_monthly: Decimal
    people_monthly: Decimal
    monthly_total: Decimal
    people_first_month: Decimal
    first_month_total: Decimal
    horizon_total: Decimal
    monthly_range: tuple[Decimal, Decimal] | None = None

    def month_cost(self, month: int, rampup_months: int) -> Decimal:
        """What month ``month`` (1-based) costs: ramp-up people cost until it is over."""
        people = self.people_first_month if month <= rampup_months else self.people_monthly
        return self.infrastructure_monthly + people


class TimelinePoint(NamedTuple):
    """Cumulative cost of each setup from month 1 through ``month``."""

    month: int
    docker: Decimal
    kubernetes: Decimal


class Difference(NamedTuple):
    """Kubernetes minus Docker: positive means Kubernetes costs more. ``break_even_month`` is
    the first month whose cumulative costs cross the other way from month 1 (None if never)."""

    monthly: Decimal
    first_month: Decimal
    horizon: Decimal
    ratio: Decimal | None
    cheaper: Literal["docker", "kubernetes", "equal"]
    break_even_month: int | None = None


@dataclass
class Comparison:
    """The whole result: what every face renders. ``given`` is the scenario as given;
    ``scenario`` is it with the keys it left empty filled (built when a face asks for it,
    which a batch row never does)."""

    catalog_version: str
    as_of: date  # the oldest read date among the prices this comparison used
    given: Scenario
    lookups: Lookups
    docker: SetupCost
    kubernetes: SetupCost
    difference: Difference
    advice: Advice
    currency: str = "USD"
    fit: tuple[Fit, ...] = ()

    @cached_property
    def scenario(self) -> Scenario:
        return self.lookups.filled(self.given)

    @property
    def timeline(self) -> tuple[TimelinePoint, ...]:
        """Cumulative cost month by month over the horizon (built when a face asks for it)."""
        return _timeline(self.docker, self.kubernetes, self.given)


def _setup_cost(
    setup: Setup,
    shared: tuple[LineItem, ...],
    shared_monthly: Decimal,
    people: LineItem,
    first_people: LineItem,
    horizon: int,
    rampup: int,
) -> SetupCost:
    """A setup's bill: its shared infrastructure lines, then its people line."""
    steady = shared_monthly + people.monthly
    ramp_months = min(rampup, horizon)
    return SetupCost(
        setup,
        (*shared, people),
        shared_monthly,
        people.monthly,
        steady,
        first_people.monthly,
        shared_monthly + first_people.monthly,
        steady * horizon + (first_people.monthly - people.monthly) * ramp_months,
    )


def price_docker(s: Scenario, infra: Infrastructure) -> SetupCost:
    """The single-host Docker (Compose) setup for ``s``, which shares ``infra``."""
    engineers = people(s, s.docker_devops_hours, "DevOps engineering")
    return _setup_cost(
        "docker", infra.docker, infra.docker_monthly, engineers, engineers, s.horizon_months, 0
    )


def price_kubernetes(s: Scenario, infra: Infrastructure) -> SetupCost:
    """The managed (or self-managed) Kubernetes cluster for ``s``, which shares ``infra``,
    with its autoscaling range."""
    steady = people(s, s.k8s_steady_hours, "DevOps engineering, steady state")
    rampup = s.k8s_rampup_months
    first = people(s, s.k8s_rampup_hours, "DevOps engineering, ramp-up") if rampup > 0 else steady
    cost = _setup_cost(
        "kubernetes",
        infra.kubernetes,
        infra.kubernetes_monthly,
        steady,
        first,
        s.horizon_months,
        rampup,
    )
    if infra.kubernetes_range is None:
        return cost
    low, high = (monthly + steady.monthly for monthly in infra.kubernetes_range)
    return cost._replace(monthly_range=(low, high))


def _timeline(docker: SetupCost, kubernetes: SetupCost, s: Scenario) -> tuple[TimelinePoint, ...]:
    points = []
    d_sum = k_sum = ZERO
    d_month = docker.month_cost(1, 0)
    k_ramp = kubernetes.month_cost(1, s.k8s_rampup_months)
    k_steady = kubernetes.monthly_total
    for month in range(1, s.horizon_months + 1):
        d_sum += d_month
        k_sum += k_ramp if month <= s.k8s_rampup_months else k_steady
        points.append(TimelinePoint(month, d_sum, k_sum))
    return tuple(points)


def break_even_month(docker: SetupCost, kubernetes: SetupCost, s: Scenario) -> int | None:
    """The first month whose cumulative costs lead the other way from month 1, or None.

    Month by month Kubernetes costs ``ramp`` more than Docker during the ramp-up and ``steady``
    more after it, so the cumulative lead after month m > r is ramp x r + steady x (m - r):
    it changes sign at m = r + ceil(ramp x r / -steady), when steady has the other sign.
    """
    r = min(s.k8s_rampup_months, s.horizon_months)
    d = docker.month_cost(1, 0)
    ramp = kubernetes.month_cost(1, s.k8s_rampup_months) - d
    steady = kubernetes.monthly_total - d
    if r == 0 or ramp == 0 or steady == 0 or (ramp > 0) == (steady > 0):
        return None
    month = r + math.ceil(ramp * r / -steady)
    return month if month <= s.horizon_months else None


def _difference(docker: SetupCost, kubernetes: SetupCost, s: Scenario) -> Difference:
    monthly = kubernetes.monthly_total - docker.monthly_total
    ratio = (
        (kubernetes.monthly_total / docker.monthly_total).quantize(CENT, ROUNDING)
        if docker.monthly_total
        else None
    )
    horizon = kubernetes.horizon_total - docker.horizon_total
    cheaper: Literal["docker", "kubernetes", "equal"] = (
        "docker" if horizon > 0 else "kubernetes" if horizon < 0 else "equal"
    )
    return Difference(
        monthly,
        kubernetes.first_month_total - docker.first_month_total,
        horizon,
        ratio,
        cheaper,
        break_even_month(docker, kubernetes, s),
    )


def estimate(scenario: Scenario, catalog: Catalog) -> Comparison:
    """Price both setups for ``scenario`` with ``catalog``'s prices and compare them."""
    infra = infrastructure(scenario, catalog)
    docker = price_docker(scenario, infra)
    kubernetes = price_kubernetes(scenario, infra)
    fit = fits(infra.lookups, scenario)
    return Comparison(
        catalog.version,
        infra.as_of or catalog.as_of,
        scenario,
        infra.lookups,
        docker,
        kubernetes,
        _difference(docker, kubernetes, scenario),
        advise(
            scenario,
            docker.monthly_total,
            kubernetes.monthly_total,
            infra.notes + fit_notes(fit),
        ),
        scenario.currency,
        fit,
    )
