"""The comparison of both setups: their bills, the difference, the timeline and break-even.

``estimate(scenario, catalog)`` is the whole path from an input to a Comparison; the Engine
(``pricing.engine``) takes the same path, remembering infrastructure bills on the way.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Literal, NamedTuple

from pricing.bill import Bill, InfrastructureBill, bill_infrastructure, docker_bill, kubernetes_bill
from pricing.capacity import Fit, fits
from pricing.catalog import Catalog
from pricing.labour import PeopleTime, people_time
from pricing.money import CENT, ROUNDING, ZERO
from pricing.resolve import Resolved, resolve
from pricing.scenario import Scenario

# "neither": no setup holds the workload, so none is called the cheaper.
Cheaper = Literal["docker", "kubernetes", "equal", "neither"]


class TimelinePoint(NamedTuple):
    """Cumulative cost of each setup from month 1 through ``month``."""

    month: int
    docker: Decimal
    kubernetes: Decimal


class Difference(NamedTuple):
    """Kubernetes minus Docker: positive means Kubernetes costs more. ``cheaper`` is the
    setup with the lower horizon total among those that hold the workload: a setup whose fit
    check fails is never called the cheaper. ``break_even_month`` is the first month whose
    cumulative costs cross the other way from month 1 (None if never)."""

    monthly: Decimal
    first_month: Decimal
    horizon: Decimal
    ratio: Decimal | None
    cheaper: Cheaper
    break_even_month: int | None = None


class Comparison(NamedTuple):
    """Both setups priced for one resolved scenario, and how they differ. (A NamedTuple: a
    frozen dataclass costs about 1 µs more to build, once per batch row.)"""

    catalog_version: str
    as_of: date  # the oldest read date among the prices this comparison used
    resolved: Resolved
    docker: Bill
    kubernetes: Bill
    difference: Difference
    fit: tuple[Fit, ...] = ()
    people: PeopleTime | None = None  # the labour model's terms the people lines price

    @property
    def not_fitting(self) -> tuple[Fit, ...]:
        """The fit of each setup that does not hold the workload."""
        return tuple(f for f in self.fit if not f.fits)

    @property
    def scenario(self) -> Scenario:
        """The scenario as priced: every catalog key filled."""
        return self.resolved.scenario

    @property
    def currency(self) -> str:
        return self.resolved.scenario.currency

    @property
    def timeline(self) -> tuple[TimelinePoint, ...]:
        """Cumulative cost month by month over the horizon (built when a face asks for it)."""
        return timeline(self.docker, self.kubernetes, self.scenario)


def timeline(docker: Bill, kubernetes: Bill, scenario: Scenario) -> tuple[TimelinePoint, ...]:
    """Each month's cumulative cost of both setups, month 1 to the horizon."""
    points = []
    docker_sum = kubernetes_sum = ZERO
    for month in range(1, scenario.horizon_months + 1):
        docker_sum += docker.month_cost(month)
        kubernetes_sum += kubernetes.month_cost(month)
        points.append(TimelinePoint(month, docker_sum, kubernetes_sum))
    return tuple(points)


def break_even_month(docker: Bill, kubernetes: Bill, scenario: Scenario) -> int | None:
    """The first month whose cumulative costs lead the other way from month 1, or None.

    Month by month Kubernetes costs ``ramp`` more than Docker during the ramp-up and ``steady``
    more after it, so the cumulative lead after month m > r is ramp x r + steady x (m - r):
    it changes sign at m = r + ceil(ramp x r / -steady), when steady has the other sign.
    """
    rampup = min(kubernetes.rampup_months, scenario.horizon_months)
    docker_month = docker.month_cost(1)
    ramp = kubernetes.month_cost(1) - docker_month
    steady = kubernetes.monthly_total - docker_month
    if rampup == 0 or ramp == 0 or steady == 0 or (ramp > 0) == (steady > 0):
        return None
    month = rampup + math.ceil(ramp * rampup / -steady)
    return month if month <= scenario.horizon_months else None


def cheaper_of(horizon: Decimal, fit: tuple[Fit, ...]) -> Cheaper:
    """Which setup is cheaper over the horizon (Kubernetes minus Docker: ``horizon``) among
    the setups that hold the workload."""
    unfit = {f.setup for f in fit if not f.fits}
    if unfit:
        runs = {"docker", "kubernetes"} - unfit
        return "kubernetes" if runs == {"kubernetes"} else "docker" if runs else "neither"
    return "docker" if horizon > 0 else "kubernetes" if horizon < 0 else "equal"


def difference(
    docker: Bill, kubernetes: Bill, scenario: Scenario, fit: tuple[Fit, ...] = ()
) -> Difference:
    """How much more Kubernetes costs, and which setup that holds the workload is cheaper
    over the horizon."""
    horizon = kubernetes.horizon_total - docker.horizon_total
    ratio = None
    if docker.monthly_total:
        ratio = (kubernetes.monthly_total / docker.monthly_total).quantize(CENT, ROUNDING)
    return Difference(
        monthly=kubernetes.monthly_total - docker.monthly_total,
        first_month=kubernetes.first_month_total - docker.first_month_total,
        horizon=horizon,
        ratio=ratio,
        cheaper=cheaper_of(horizon, fit),
        break_even_month=break_even_month(docker, kubernetes, scenario),
    )


def compare(
    resolved: Resolved,
    infrastructure: InfrastructureBill,
    catalog: Catalog,
    people: PeopleTime | None = None,
) -> Comparison:
    """Both setups' bills for ``resolved``, whose infrastructure is ``infrastructure`` and
    people time ``people`` (the labour model's, when not given)."""
    scenario = resolved.scenario
    if people is None:
        people = people_time(scenario, catalog.labour)
    docker = docker_bill(scenario, infrastructure, people.docker)
    kubernetes = kubernetes_bill(scenario, infrastructure, people.kubernetes)
    fit = fits(resolved)
    return Comparison(
        catalog_version=catalog.version,
        as_of=infrastructure.as_of or catalog.as_of,
        resolved=resolved,
        docker=docker,
        kubernetes=kubernetes,
        difference=difference(docker, kubernetes, scenario, fit),
        fit=fit,
        people=people,
    )


def estimate(scenario: Scenario, catalog: Catalog) -> Comparison:
    """Price both setups for ``scenario`` with ``catalog``'s prices and compare them, or raise
    InputError naming every field that does not fit the catalog."""
    resolved = resolve(scenario, catalog)
    return compare(resolved, bill_infrastructure(resolved), catalog)
