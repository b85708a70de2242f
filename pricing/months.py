"""The months of the horizon priced: what each setup costs each month, and what happens in it.

A month is priced from its own lines: the infrastructure of its plan (``pricing.month_plan``),
the extra that extended support adds to the control plane, and the people: Docker's hours,
Kubernetes' ramp-up or steady hours and the hours of any upgrade that month
(``pricing.upgrades``). Each setup's horizon total is the sum of its months. The totals are
worked out for every estimate; the months themselves, with their categories and events, only
when a face asks (``Months.months``): a batch row needs only the totals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from pricing import lines
from pricing.bill import Bill
from pricing.events import Event
from pricing.growth import growth_events
from pricing.labour import Term
from pricing.lines import Category, LineItem
from pricing.money import ZERO
from pricing.month_plan import Infrastructure, Plan
from pricing.upgrades import upgrade_line
from pricing.whole_months import month_text


class SetupMonth(NamedTuple):
    """One setup's month: its total, the lines it bills (infrastructure and the month's
    extras) and its people cost beyond them (ramp-up or steady hours)."""

    total: Decimal
    lines: tuple[LineItem, ...]
    people: Decimal

    @property
    def categories(self) -> tuple[tuple[Category, Decimal], ...]:
        """The month's amounts by cost category, in the lines' order, people last."""
        amounts: dict[Category, Decimal] = {}
        for item in self.lines:
            amounts[item.category] = amounts.get(item.category, ZERO) + item.monthly
        amounts["people"] = amounts.pop("people", ZERO) + self.people
        return tuple(amounts.items())


class Month(NamedTuple):
    month: int  # 1-based
    calendar_month: str  # YYYY-MM
    docker: SetupMonth
    kubernetes: SetupMonth
    events: tuple[Event, ...] = ()


class _Pricer:
    """Prices the months of a plan with both setups' people costs."""

    def __init__(self, plan: Plan, docker: Bill, kubernetes: Bill, upgrade: Term) -> None:
        self.plan, self.docker, self.kubernetes = plan, docker, kubernetes
        scenario, matches = plan.resolved
        self.rampup = kubernetes.rampup_months
        self.clusters = scenario.environments if scenario.k8s_environments == "clusters" else 1
        self.upgrade = upgrade
        policy = plan.catalog.versions.policy_for(
            matches.provider.provider, scenario.control_plane or ""
        )
        tier = policy.extended_tier if policy else None
        self.extended_tier = None if tier is None else matches.provider.control_planes[tier]

    def extras(self, month: int) -> tuple[LineItem, ...]:
        """Month ``month``'s control-plane extra for extended support and its upgrade hours."""
        path = self.plan.path
        if path is None:
            return ()
        version = path.months[month - 1]
        if not version.events and version.phase != "extended":
            return ()
        found: list[LineItem] = []
        if version.phase == "extended" and self.extended_tier is not None:
            found.append(
                lines.extended_support(
                    self.plan.resolved,
                    tier=self.extended_tier,
                    clusters=self.clusters,
                    version=version.version,
                )
            )
        scenario = self.plan.resolved.scenario
        found += [
            upgrade_line(scenario, upgrade=self.upgrade, clusters=self.clusters, what=e.change)
            for e in version.events
            if e.team
        ]
        return tuple(found)

    def setups(self, month: int) -> tuple[SetupMonth, SetupMonth]:
        """Month ``month`` of Docker and of Kubernetes."""
        infrastructure: Infrastructure = self.plan.infrastructure[month - 1]
        docker = SetupMonth(
            infrastructure.docker_total + self.docker.people_cost(month),
            infrastructure.docker,
            self.docker.people_cost(month),
        )
        extras, people = self.extras(month), self.kubernetes.people_cost(month)
        total = infrastructure.kubernetes_total + people
        if extras:
            total += sum((item.monthly for item in extras), ZERO)
        kubernetes = SetupMonth(
            total,
            (*infrastructure.kubernetes, *extras) if extras else infrastructure.kubernetes,
            people,
        )
        return docker, kubernetes

    def month(self, month: int, setups: tuple[SetupMonth, SetupMonth]) -> Month:
        """Month ``month`` with its calendar month and events."""
        plan = self.plan
        events: list[Event] = []
        # Sizes that did not change are the same object (pricing.month_plan): no growth event.
        if month > 1 and plan.sizes[month - 2] is not plan.sizes[month - 1]:
            events = growth_events(
                plan.resolved.scenario, plan.sizes[month - 2], plan.sizes[month - 1]
            )
        if plan.path is not None:
            events += [
                Event("kubernetes", e.kind, e.text) for e in plan.path.months[month - 1].events
            ]
        return Month(month, month_text(plan.start + month - 1), *setups, tuple(events))


class Run(NamedTuple):
    """Months alike: ``length`` months from ``first`` (1-based) that cost the same."""

    first: int
    length: int
    docker: SetupMonth
    kubernetes: SetupMonth


@dataclass(frozen=True)
class Months:
    """The horizon month by month, as runs of months alike. ``docker_outgrown_month``: the
    first month production's Docker hosts no longer hold the workload and hosts are added;
    ``cheaper_changes_month``: the first month the other setup costs less that month than
    month 1's cheaper one; ``break_even_month``: the first month the cumulative costs cross
    the other way."""

    start_month: str
    kubernetes_version: str | None  # the cluster's version in month 1
    docker_total: Decimal
    kubernetes_total: Decimal
    docker_outgrown_month: int | None
    cheaper_changes_month: int | None
    break_even_month: int | None
    assumptions: tuple[str, ...]
    runs: tuple[Run, ...] = field(repr=False)
    pricer: _Pricer = field(repr=False, compare=False)

    @cached_property
    def upgrades(self) -> int:
        """Cluster upgrades the team makes over the horizon (the odds draw their hours; worked
        out when asked: a batch row with the odds off never does; counted without
        ``upgrades_to``'s month-by-month list, a fifth of the cost on a batch row)."""
        path, clusters = self.pricer.plan.path, self.pricer.clusters
        return 0 if path is None else clusters * sum(e.team for v in path.months for e in v.events)

    @cached_property
    def upgrades_to(self) -> tuple[int, ...]:
        """Cluster upgrades the team has made by the end of each month (the chart's band)."""
        path, clusters = self.pricer.plan.path, self.pricer.clusters
        if path is None:
            return (0,) * len(self.pricer.plan.sizes)
        made, found = 0, []
        for version in path.months:
            made += clusters * sum(e.team for e in version.events)
            found.append(made)
        return tuple(found)

    @cached_property
    def months(self) -> tuple[Month, ...]:
        """Every month with its categories and events (built when a face asks for them)."""
        return tuple(
            self.pricer.month(run.first + i, (run.docker, run.kubernetes))
            for run in self.runs
            for i in range(run.length)
        )


def price_months(plan: Plan, docker: Bill, kubernetes: Bill, upgrade: Term) -> Months:
    """The plan's months priced with the setups' people costs (``upgrade``: the labour
    model's hours per cluster upgrade), and what they show."""
    pricer = _Pricer(plan, docker, kubernetes, upgrade)
    runs = _runs(pricer)
    first_hosts = plan.sizes[0].docker.hosts
    outgrown = next((m for m in plan.changes if plan.sizes[m - 1].docker.hosts > first_hosts), None)
    return Months(
        start_month=month_text(plan.start),
        kubernetes_version=plan.path.start_version if plan.path else None,
        docker_total=sum((run.docker.total * run.length for run in runs), ZERO),
        kubernetes_total=sum((run.kubernetes.total * run.length for run in runs), ZERO),
        docker_outgrown_month=outgrown,
        cheaper_changes_month=lead_changes(runs, cumulative=False),
        break_even_month=lead_changes(runs, cumulative=True),
        assumptions=plan.assumptions,
        runs=runs,
        pricer=pricer,
    )


def _runs(pricer: _Pricer) -> tuple[Run, ...]:
    """The months in runs alike: a run ends where the infrastructure, the ramp-up or the
    version's month changes."""
    plan, horizon = pricer.plan, len(pricer.plan.sizes)
    starts = {*plan.changes, *(plan.path.changes if plan.path else ())}
    if 0 < pricer.rampup < horizon:
        starts.add(pricer.rampup + 1)
    firsts = sorted(starts)
    ends = [*firsts[1:], horizon + 1]
    return tuple(
        Run(first, end - first, *pricer.setups(first))
        for first, end in zip(firsts, ends, strict=True)
    )


def lead_changes(runs: tuple[Run, ...], *, cumulative: bool) -> int | None:
    """The first month after month 1 whose lead (Kubernetes' cost less Docker's, that month's
    or added up from month 1) differs in sign from month 1's; None if month 1's is nil or
    none does. Within a run the monthly lead is constant, so the month a cumulative lead
    crosses is worked out, not walked to."""
    first = _sign(runs[0].kubernetes.total - runs[0].docker.total)
    if not first:
        return None
    running = ZERO
    for run in runs:
        lead = run.kubernetes.total - run.docker.total
        if cumulative:
            month = _crossing(running, lead, first)
            if month is not None and month <= run.length:
                return run.first + month - 1
            running += lead * run.length
        elif run.first > 1 and _sign(lead) != first:
            return run.first
    return None


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def _crossing(running: Decimal, lead: Decimal, first: int) -> int | None:
    """The first month of a run (1-based) whose cumulative lead, ``running`` before it plus
    ``lead`` a month, no longer has the sign ``first`` (``running`` has it); None if none."""
    if first > 0 and lead < 0:
        return math.ceil(running / -lead)
    if first < 0 and lead > 0:
        return math.ceil(-running / lead)
    return None
