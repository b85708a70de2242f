"""The comparison of both setups: their bills, the difference, the timeline and break-even.

``estimate(scenario, catalog)`` is the whole path from an input to a Comparison; the Engine
(``pricing.engine``) takes the same path, remembering infrastructure bills on the way.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal, NamedTuple

from pricing.bill import Bill, InfrastructureBill, bill_infrastructure, docker_bill, kubernetes_bill
from pricing.capacity import Fit, fits
from pricing.catalog import Catalog
from pricing.containers import ContainerQuote, managed_containers
from pricing.events import Event
from pricing.labour import PeopleTime, people_time
from pricing.money import CENT, ROUNDING, ZERO
from pricing.month_plan import VersionsOf, plan_months
from pricing.months import Months, price_months
from pricing.resolve import Resolved, resolve
from pricing.scenario import Scenario

# "neither": no setup holds the workload, so none is called the cheaper.
Cheaper = Literal["docker", "kubernetes", "equal", "neither"]


class TimelinePoint(NamedTuple):
    """Cumulative cost of each setup from month 1 through ``month``, that month's own cost
    and what happens in it."""

    month: int
    docker: Decimal
    kubernetes: Decimal
    calendar_month: str = ""
    docker_month: Decimal = ZERO
    kubernetes_month: Decimal = ZERO
    events: tuple[Event, ...] = ()


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
    months: Months
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
        return timeline(self.months)

    @property
    def managed_containers(self) -> tuple[ContainerQuote, ...]:
        """The workload on the provider's managed container services: a reference beside the
        two setups, in no total or difference (built when a face asks for it; empty where
        the provider has none or no workload is given)."""
        return managed_containers(self.resolved)


def timeline(months: Months) -> tuple[TimelinePoint, ...]:
    """Each month's cumulative cost of both setups, month 1 to the horizon, with that
    month's own cost and events."""
    points = []
    docker_sum = kubernetes_sum = ZERO
    for month in months.months:
        docker_sum += month.docker.total
        kubernetes_sum += month.kubernetes.total
        points.append(
            TimelinePoint(
                month.month,
                docker_sum,
                kubernetes_sum,
                month.calendar_month,
                month.docker.total,
                month.kubernetes.total,
                month.events,
            )
        )
    return tuple(points)


def break_even_month(months: Months) -> int | None:
    """The first month whose cumulative costs lead the other way from month 1, or None."""
    return months.break_even_month


def cheaper_of(horizon: Decimal, fit: tuple[Fit, ...]) -> Cheaper:
    """Which setup is cheaper over the horizon (Kubernetes minus Docker: ``horizon``) among
    the setups that hold the workload."""
    unfit = {f.setup for f in fit if not f.fits}
    if unfit:
        runs = {"docker", "kubernetes"} - unfit
        return "kubernetes" if runs == {"kubernetes"} else "docker" if runs else "neither"
    return "docker" if horizon > 0 else "kubernetes" if horizon < 0 else "equal"


def difference(
    docker: Bill,
    kubernetes: Bill,
    break_even: int | None = None,
    fit: tuple[Fit, ...] = (),
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
        break_even_month=break_even,
    )


def compare(
    resolved: Resolved,
    infrastructure: InfrastructureBill,
    catalog: Catalog,
    versions: VersionsOf | None = None,
    people: PeopleTime | None = None,
) -> Comparison:
    """Both setups' bills for ``resolved``, whose production infrastructure in month 1 is
    ``infrastructure``, month by month over the horizon (``versions``: how to find the
    cluster's version path; the Engine passes its memo of them), with the people time
    ``people`` (the labour model's, when not given)."""
    scenario = resolved.scenario
    if people is None:
        people = people_time(scenario, catalog.labour)
    plan = plan_months(resolved, infrastructure, catalog, versions)
    docker = docker_bill(scenario, plan.first, people.docker)
    kubernetes = kubernetes_bill(scenario, plan.first, people.kubernetes)
    months = price_months(plan, docker, kubernetes, people.upgrade)
    docker = docker._replace(horizon_total=months.docker_total)
    kubernetes = kubernetes._replace(horizon_total=months.kubernetes_total)
    fit = fits(resolved)
    return Comparison(
        catalog_version=catalog.version,
        as_of=plan.first.as_of or catalog.as_of,
        resolved=resolved,
        docker=docker,
        kubernetes=kubernetes,
        difference=difference(docker, kubernetes, break_even_month(months), fit),
        months=months,
        fit=fit,
        people=people,
    )


def estimate(scenario: Scenario, catalog: Catalog) -> Comparison:
    """Price both setups for ``scenario`` with ``catalog``'s prices and compare them, or raise
    InputError naming every field that does not fit the catalog."""
    resolved = resolve(scenario, catalog)
    return compare(resolved, bill_infrastructure(resolved), catalog)
