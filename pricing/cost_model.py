"""estimate(): price both setups line by line and compare them over the horizon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pricing.advice import Advice, advise
from pricing.catalog import Catalog, Sourced
from pricing.money import ZERO, to_cents, total
from pricing.resolution import Machine, Resolved, resolve
from pricing.scenario import Scenario, Setup

UNIT_PRICE = Decimal("0.000001")
HUNDRED = Decimal(100)
Category = Literal[
    "compute", "control plane", "load balancer", "storage", "subscription", "credit", "people"
]
PEOPLE: Category = "people"


@dataclass(frozen=True, slots=True)
class LineItem:
    """One priced line: ``monthly`` is ``quantity * unit_price`` rounded to the cent."""

    category: Category
    label: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    monthly: Decimal
    source: str | None = None
    as_of: date | None = None


@dataclass(frozen=True, slots=True)
class SetupCost:
    """One setup's bill: the steady-state month's line items and the totals built from them."""

    setup: Setup
    line_items: tuple[LineItem, ...]
    infrastructure_monthly: Decimal
    people_monthly: Decimal
    monthly_total: Decimal
    people_first_month: Decimal
    first_month_total: Decimal
    horizon_total: Decimal

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
    """Kubernetes minus Docker: positive means Kubernetes costs more."""

    monthly: Decimal
    first_month: Decimal
    horizon: Decimal
    ratio: Decimal | None
    cheaper: Literal["docker", "kubernetes", "equal"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole result: what every face renders."""

    catalog_version: str
    as_of: date  # the oldest read date among the prices this comparison used
    scenario: Scenario
    docker: SetupCost
    kubernetes: SetupCost
    timeline: tuple[TimelinePoint, ...]
    difference: Difference
    advice: Advice


def _line(
    category: Category,
    label: str,
    quantity: Decimal,
    unit: str,
    unit_price: Decimal,
    sourced: Sourced | None = None,
) -> LineItem:
    price = unit_price.quantize(UNIT_PRICE, rounding=ROUND_HALF_UP)
    return LineItem(
        category,
        label,
        quantity,
        unit,
        price,
        to_cents(quantity * price),
        sourced.source if sourced else None,
        sourced.as_of if sourced else None,
    )


def _discounted(list_price: Decimal, scenario: Scenario) -> Decimal:
    return list_price * (HUNDRED - scenario.discount_percent) / HUNDRED


def _compute(
    r: Resolved, machine: Machine, count: int, override: Decimal | None, noun: str
) -> LineItem:
    s = r.scenario
    spec = machine.spec
    label = f"{machine.key} × {count} {noun}{'s' if count != 1 else ''} "
    label += f"({spec.vcpu} vCPU, {spec.memory_gib} GiB)"
    if override is not None:
        return _line("compute", label + ", your price", count * s.hours_per_month, "hour", override)
    price = _discounted(machine.price.hourly, s)
    return _line("compute", label, count * s.hours_per_month, "hour", price, machine.price)


def _load_balancers(r: Resolved, count: int, usage: Decimal) -> list[LineItem]:
    if count == 0:
        return []
    s, lb = r.scenario, r.load_balancer
    items = [
        _line(
            "load balancer",
            f"{lb.label} × {count}",
            count * s.hours_per_month,
            "hour",
            _discounted(lb.hourly, s),
            lb,
        )
    ]
    if usage > 0:
        volume = count * usage * (s.hours_per_month if lb.usage_is_hourly else 1)
        unit = lb.usage_unit
        measure = f"avg {unit.split('-')[0]}" if lb.usage_is_hourly else unit
        label = f"{lb.label} usage ({usage} {measure} each)"
        items.append(
            _line("load balancer", label, volume, unit, _discounted(lb.usage_price, s), lb)
        )
    return items


def _storage(r: Resolved, count: int, gb_each: int, noun: str) -> list[LineItem]:
    if gb_each == 0:
        return []
    disk = r.disk
    label = f"{disk.label}, {gb_each} GB × {count} {noun}{'s' if count != 1 else ''}"
    return [
        _line(
            "storage",
            label,
            Decimal(count * gb_each),
            "GB-month",
            _discounted(disk.gb_month, r.scenario),
            disk,
        )
    ]


def _seats(r: Resolved, setup: Setup) -> list[LineItem]:
    s = r.scenario
    seats = s.docker_seats if setup == "docker" else s.k8s_seats
    plan = r.docker_plan if setup == "docker" else r.k8s_plan
    if seats == 0:
        return []
    if s.seat_price is not None:
        return [
            _line(
                "subscription",
                f"{plan.label}, your price",
                Decimal(seats),
                "seat-month",
                s.seat_price,
            )
        ]
    price = (
        plan.monthly if s.plan_billing == "monthly" and plan.monthly is not None else plan.annual
    )
    label = f"{plan.label} ({s.plan_billing} billing)"
    return [_line("subscription", label, Decimal(seats), "seat-month", price, plan)]


def _control_plane(r: Resolved) -> list[LineItem]:
    s, tier = r.scenario, r.control_plane
    fee = _line(
        "control plane", tier.label, s.hours_per_month, "hour", _discounted(tier.hourly, s), tier
    )
    items = [fee]
    credit = min(tier.monthly_credit, fee.monthly)
    if credit > 0:
        items.append(
            _line("credit", f"{tier.label}: monthly credit", Decimal(1), "month", -credit, tier)
        )
    return items


def _people(hours: Decimal, rate: Decimal, label: str) -> LineItem:
    return _line(PEOPLE, label, hours, "hour", rate)


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
    s = r.scenario
    items = [_compute(r, r.docker_machine, s.docker_hosts, s.docker_hourly_price, "host")]
    items += _load_balancers(r, s.docker_load_balancers, s.docker_lb_usage)
    items += _storage(r, s.docker_hosts, s.docker_disk_gb, "host")
    items += _seats(r, "docker")
    people = _people(s.docker_devops_hours, s.devops_hourly_rate, "DevOps engineering")
    items.append(people)
    return _setup_cost("docker", items, people, s.horizon_months, 0)


def price_kubernetes(r: Resolved) -> SetupCost:
    """The managed (or self-managed) Kubernetes cluster."""
    s = r.scenario
    items = [_compute(r, r.k8s_machine, s.k8s_nodes, s.k8s_hourly_price, "node")]
    items += _control_plane(r)
    items += _load_balancers(r, s.k8s_load_balancers, s.k8s_lb_usage)
    items += _storage(r, s.k8s_nodes, s.k8s_disk_gb, "node")
    items += _seats(r, "kubernetes")
    steady = _people(s.k8s_steady_hours, s.devops_hourly_rate, "DevOps engineering, steady state")
    items.append(steady)
    rampup = s.k8s_rampup_months
    first = (
        _people(s.k8s_rampup_hours, s.devops_hourly_rate, "DevOps engineering, ramp-up")
        if rampup > 0
        else steady
    )
    return _setup_cost("kubernetes", items, first, s.horizon_months, rampup)


def _timeline(docker: SetupCost, kubernetes: SetupCost, s: Scenario) -> tuple[TimelinePoint, ...]:
    points = []
    d_sum = k_sum = ZERO
    for month in range(1, s.horizon_months + 1):
        d_sum += docker.month_cost(month, 0)
        k_sum += kubernetes.month_cost(month, s.k8s_rampup_months)
        points.append(TimelinePoint(month, d_sum, k_sum))
    return tuple(points)


def _difference(docker: SetupCost, kubernetes: SetupCost) -> Difference:
    monthly = kubernetes.monthly_total - docker.monthly_total
    ratio = (
        (kubernetes.monthly_total / docker.monthly_total).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if docker.monthly_total
        else None
    )
    horizon = kubernetes.horizon_total - docker.horizon_total
    cheaper: Literal["docker", "kubernetes", "equal"] = (
        "docker" if horizon > 0 else "kubernetes" if horizon < 0 else "equal"
    )
    return Difference(
        monthly, kubernetes.first_month_total - docker.first_month_total, horizon, ratio, cheaper
    )


def estimate(scenario: Scenario, catalog: Catalog) -> Comparison:
    """Price both setups for ``scenario`` with ``catalog``'s prices and compare them."""
    r = resolve(scenario, catalog)
    docker = price_docker(r)
    kubernetes = price_kubernetes(r)
    dates = [i.as_of for i in (*docker.line_items, *kubernetes.line_items) if i.as_of]
    return Comparison(
        catalog_version=catalog.version,
        as_of=min(dates, default=catalog.as_of),
        scenario=r.scenario,
        docker=docker,
        kubernetes=kubernetes,
        timeline=_timeline(docker, kubernetes, r.scenario),
        difference=_difference(docker, kubernetes),
        advice=advise(r.scenario, docker.monthly_total, kubernetes.monthly_total),
    )
