"""estimate(): price both setups line by line and compare them over the horizon."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from pricing.advice import Advice, advise
from pricing.capacity import Fit, fits
from pricing.catalog import Catalog
from pricing.line_items import PEOPLE, LineItem, Pricer
from pricing.money import CENT, ROUNDING, ZERO, total
from pricing.resolution import Resolved, resolve
from pricing.scenario import Scenario, Setup


@dataclass(frozen=True, slots=True)
class SetupCost:
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


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """Cumulative cost of each setup from month 1 through ``month``."""

    month: int
    docker: Decimal
    kubernetes: Decimal


@dataclass(frozen=True, slots=True)
class Difference:
    """Kubernetes minus Docker: positive means Kubernetes costs more. ``break_even_month`` is
    the first month whose cumulative costs cross the other way from month 1 (None if never)."""

    monthly: Decimal
    first_month: Decimal
    horizon: Decimal
    ratio: Decimal | None
    cheaper: Literal["docker", "kubernetes", "equal"]
    break_even_month: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole result: what every face renders."""

    catalog_version: str
    as_of: date  # the oldest read date among the prices this comparison used
    scenario: Scenario
    docker: SetupCost
    kubernetes: SetupCost
    difference: Difference
    advice: Advice
    currency: str = "USD"
    fit: tuple[Fit, ...] = ()

    @property
    def timeline(self) -> tuple[TimelinePoint, ...]:
        """Cumulative cost month by month over the horizon (built when a face asks for it)."""
        return _timeline(self.docker, self.kubernetes, self.scenario)


def _setup_cost(
    setup: Setup, items: list[LineItem], first_people: LineItem, horizon: int, rampup: int
) -> SetupCost:
    infra = total([i.monthly for i in items if i.category != PEOPLE])
    people = total([i.monthly for i in items if i.category == PEOPLE])
    ramp_months = min(rampup, horizon)
    horizon_total = (infra + people) * horizon + (first_people.monthly - people) * ramp_months
    return SetupCost(
        setup=setup,
        line_items=tuple(items),
        infrastructure_monthly=infra,
        people_monthly=people,
        monthly_total=infra + people,
        people_first_month=first_people.monthly,
        first_month_total=infra + first_people.monthly,
        horizon_total=horizon_total,
    )


def price_docker(r: Resolved) -> SetupCost:
    """The single-host Docker (Compose) setup."""
    p, s = Pricer(r), r.scenario
    items = [
        p.compute(
            r.docker_machine, s.docker_hosts, s.docker_hourly_price, "host", r.docker_purchase
        )
    ]
    items += p.load_balancers(s.docker_load_balancers, s.docker_lb_usage)
    items += p.storage(s.docker_hosts, s.docker_disk_gb, "host")
    items += p.egress()
    items += p.seats("docker")
    people = p.people(s.docker_devops_hours, "DevOps engineering")
    items.append(people)
    return _setup_cost("docker", items, people, s.horizon_months, 0)


def _kubernetes_at(r: Resolved, nodes: int) -> SetupCost:
    p, s = Pricer(r), r.scenario
    items = [p.compute(r.k8s_machine, nodes, s.k8s_hourly_price, "node", r.k8s_purchase)]
    items += p.control_plane()
    items += p.load_balancers(s.k8s_load_balancers, s.k8s_lb_usage)
    items += p.storage(nodes, s.k8s_disk_gb, "node")
    items += p.egress()
    items += p.cross_zone()
    items += p.seats("kubernetes")
    steady = p.people(s.k8s_steady_hours, "DevOps engineering, steady state")
    items.append(steady)
    rampup = s.k8s_rampup_months
    first = p.people(s.k8s_rampup_hours, "DevOps engineering, ramp-up") if rampup > 0 else steady
    return _setup_cost("kubernetes", items, first, s.horizon_months, rampup)


def price_kubernetes(r: Resolved) -> SetupCost:
    """The managed (or self-managed) Kubernetes cluster, with its autoscaling range."""
    s = r.scenario
    cost = _kubernetes_at(r, s.k8s_nodes)
    if s.k8s_nodes_min is None and s.k8s_nodes_max is None:
        return cost
    low = _kubernetes_at(r, s.k8s_nodes_min or s.k8s_nodes).monthly_total
    high = _kubernetes_at(r, s.k8s_nodes_max or s.k8s_nodes).monthly_total
    return replace(cost, monthly_range=(low, high))


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
    r = resolve(scenario, catalog)
    docker = price_docker(r)
    kubernetes = price_kubernetes(r)
    dates = [i.as_of for i in (*docker.line_items, *kubernetes.line_items) if i.as_of]
    fit = fits(r)
    return Comparison(
        catalog_version=catalog.version,
        as_of=min(dates) if dates else catalog.as_of,
        scenario=r.scenario,
        docker=docker,
        kubernetes=kubernetes,
        difference=_difference(docker, kubernetes, r.scenario),
        advice=advise(r, docker.monthly_total, kubernetes.monthly_total, fit),
        currency=r.scenario.currency,
        fit=fit,
    )
