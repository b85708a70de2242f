"""The months of the horizon: what each setup costs each month, and what happens in it.

A month is priced from its own lines: the infrastructure of that month's sizes (production
and the other environments: ``pricing.growth``, ``pricing.environments``), the extra that
extended support adds to the control plane, and the people: Docker's hours, Kubernetes'
ramp-up or steady hours and the hours of any upgrade that month (``pricing.upgrades``). Each
setup's horizon total is the sum of its months. Built in two steps: ``plan_months`` before
the bills (sizes, versions, infrastructure), ``price_months`` with them (people, totals).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import NamedTuple

from pricing import lines
from pricing.bill import Bill, InfrastructureBill, bill_infrastructure
from pricing.catalog import Catalog
from pricing.environments import environment_lines
from pricing.events import Event
from pricing.growth import growth_events, size_months
from pricing.lines import Category, LineItem
from pricing.money import ZERO, total
from pricing.resolve import Resolved, resolve
from pricing.scenario import FieldProblem, InputError
from pricing.sizes import Sizes
from pricing.upgrades import hours_per_upgrade, upgrade_line
from pricing.versions import VersionPath, month_text, parse_month, version_path

Categories = tuple[tuple[Category, Decimal], ...]


class SetupMonth(NamedTuple):
    """One setup's month: its total and the amounts by cost category (in the lines' order)."""

    total: Decimal
    categories: Categories


class Month(NamedTuple):
    month: int  # 1-based
    calendar_month: str  # YYYY-MM
    docker: SetupMonth
    kubernetes: SetupMonth
    events: tuple[Event, ...] = ()


class Months(NamedTuple):
    """The horizon month by month. ``docker_outgrown_month``: the first month production's
    Docker hosts no longer hold the workload and hosts are added; ``cheaper_changes_month``:
    the first month the other setup costs less that month than month 1's cheaper one."""

    start_month: str
    kubernetes_version: str | None  # the cluster's version in month 1
    months: tuple[Month, ...]
    docker_total: Decimal
    kubernetes_total: Decimal
    docker_outgrown_month: int | None
    cheaper_changes_month: int | None
    assumptions: tuple[str, ...]


class Infrastructure(NamedTuple):
    """A month's infrastructure lines on both setups (production's and the others')."""

    docker: tuple[LineItem, ...]
    kubernetes: tuple[LineItem, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """The months before people: each month's sizes and infrastructure, the version path,
    and the month-1 infrastructure bill (the other environments' lines included)."""

    resolved: Resolved
    catalog: Catalog
    start: int
    sizes: tuple[Sizes, ...]
    infrastructure: tuple[Infrastructure, ...]
    first: InfrastructureBill
    path: VersionPath | None
    assumptions: tuple[str, ...]


def plan_months(resolved: Resolved, first: InfrastructureBill, catalog: Catalog) -> Plan:
    """Sizes, infrastructure and versions for every month of ``resolved``'s horizon, whose
    production month 1 is ``first``; InputError where a month cannot be sized or priced."""
    scenario = resolved.scenario
    start = parse_month(scenario.start_month or "")
    sizes = size_months(resolved, start=start)
    built: dict[Sizes, Infrastructure] = {}
    for month, size in enumerate(sizes, start=1):
        if size not in built:
            built[size] = _infrastructure(resolved, first, sizes[0], size, catalog, month, start)
    path, notes = _path(resolved, catalog, start)
    return Plan(
        resolved=resolved,
        catalog=catalog,
        start=start,
        sizes=sizes,
        infrastructure=tuple(built[size] for size in sizes),
        first=_first_bill(first, built[sizes[0]], scenario.environments),
        path=path,
        assumptions=notes,
    )


def _infrastructure(
    resolved: Resolved,
    first: InfrastructureBill,
    first_sizes: Sizes,
    sizes: Sizes,
    catalog: Catalog,
    month: int,
    start: int,
) -> Infrastructure:
    """Both setups' infrastructure lines for a month sized ``sizes``."""
    same = (sizes.docker, sizes.nodes, sizes.pods) == (
        first_sizes.docker,
        first_sizes.nodes,
        first_sizes.pods,
    )
    try:
        production = first if same else _production(resolved, sizes, catalog)
        others = environment_lines(resolved, sizes, catalog)
    except InputError as error:
        raise _in_month(error, month, start) from None
    return Infrastructure(
        docker=(*production.docker_lines, *others.docker),
        kubernetes=(*production.kubernetes_lines, *others.kubernetes),
    )


def _production(resolved: Resolved, sizes: Sizes, catalog: Catalog) -> InfrastructureBill:
    """Production's infrastructure re-priced for a later month's sizes."""
    scenario = resolved.scenario
    same_type = sizes.docker.instance_type == scenario.docker_instance_type
    update: dict[str, object] = {
        "docker_instance_type": sizes.docker.instance_type,
        "docker_hourly_price": scenario.docker_hourly_price if same_type else None,
        "docker_hosts": sizes.docker.hosts,
        "k8s_nodes": sizes.nodes,
        "k8s_nodes_min": None,
        "k8s_nodes_max": None,
    }
    if sizes.pods is not None:
        update |= {"workload_vcpu": sizes.pods.vcpu, "workload_memory_gib": sizes.pods.memory_gib}
    return bill_infrastructure(resolve(scenario.model_copy(update=update), catalog))


def _in_month(error: InputError, month: int, start: int) -> InputError:
    when = f"month {month} ({month_text(start + month - 1)})"
    return InputError([FieldProblem(p.field, f"{when}: {p.message}") for p in error.problems])


def _first_bill(
    first: InfrastructureBill, with_others: Infrastructure, environments: int
) -> InfrastructureBill:
    """Month 1's bill with the other environments' lines (and the autoscaling range moved
    by their cost)."""
    if environments == 1:
        return first
    docker, kubernetes = _sum(with_others.docker), _sum(with_others.kubernetes)
    extra = kubernetes - first.kubernetes_monthly
    scaled = first.kubernetes_range
    dates = [i.as_of for i in (*with_others.docker, *with_others.kubernetes) if i.as_of]
    return dataclasses.replace(
        first,
        docker_lines=with_others.docker,
        docker_monthly=docker,
        kubernetes_lines=with_others.kubernetes,
        kubernetes_monthly=kubernetes,
        kubernetes_range=None if scaled is None else (scaled[0] + extra, scaled[1] + extra),
        as_of=min(dates) if dates else first.as_of,
    )


def _path(
    resolved: Resolved, catalog: Catalog, start: int
) -> tuple[VersionPath | None, tuple[str, ...]]:
    scenario, matches = resolved
    policy = catalog.versions.policy_for(matches.provider.provider, scenario.control_plane or "")
    if policy is None:
        note = f"{matches.control_plane.label}: the same fee every month; the Kubernetes "
        note += "version calendar does not apply to this tier."
        return None, (note,)
    path = version_path(
        catalog.versions,
        policy,
        start=start,
        horizon=scenario.horizon_months,
        upgrade_policy=scenario.upgrade_policy,
    )
    return path, path.assumptions


def _sum(items: tuple[LineItem, ...] | list[LineItem]) -> Decimal:
    return total([item.monthly for item in items])


class _Pricer:
    """Prices the months of a plan with both setups' people costs."""

    def __init__(self, plan: Plan, docker: Bill, kubernetes: Bill) -> None:
        self.plan, self.docker, self.kubernetes = plan, docker, kubernetes
        scenario = plan.resolved.scenario
        self.rampup = scenario.k8s_rampup_months
        self.clusters = scenario.environments if scenario.k8s_environments == "clusters" else 1
        self.hours = hours_per_upgrade(plan.catalog)
        self._extended: dict[str, LineItem] = {}

    def extended(self, version: str) -> list[LineItem]:
        """The month's extended-support extra on every cluster, where the tier charges one."""
        resolved, path = self.plan.resolved, self.plan.path
        policy = self.plan.catalog.versions.policy_for(
            resolved.matches.provider.provider, resolved.scenario.control_plane or ""
        )
        if path is None or policy is None or policy.extended_tier is None:
            return []
        if version not in self._extended:
            tier = resolved.matches.provider.control_planes[policy.extended_tier]
            self._extended[version] = lines.extended_support(
                resolved, tier=tier, clusters=self.clusters, version=version
            )
        return [self._extended[version]]

    def kubernetes_extras(self, month: int) -> tuple[list[LineItem], list[Event]]:
        """Month ``month``'s control-plane extra and upgrade hours, and its version events."""
        path = self.plan.path
        if path is None:
            return [], []
        version = path.months[month - 1]
        extras = self.extended(version.version) if version.phase == "extended" else []
        scenario = self.plan.resolved.scenario
        for event in version.events:
            if event.team:
                extras.append(
                    upgrade_line(
                        scenario,
                        hours_per_upgrade=self.hours,
                        clusters=self.clusters,
                        what=event.change,
                    )
                )
        return extras, [Event("kubernetes", e.kind, e.text) for e in version.events]

    def month(self, month: int) -> Month:
        plan = self.plan
        infrastructure = plan.infrastructure[month - 1]
        extras, events = self.kubernetes_extras(month)
        docker = _setup_month(infrastructure.docker, [], self.docker.people_cost(month, 0))
        kubernetes = _setup_month(
            infrastructure.kubernetes, extras, self.kubernetes.people_cost(month, self.rampup)
        )
        if month > 1:
            scenario = plan.resolved.scenario
            sizes = plan.sizes
            events = growth_events(scenario, sizes[month - 2], sizes[month - 1]) + events
        calendar = month_text(plan.start + month - 1)
        return Month(month, calendar, docker, kubernetes, tuple(events))


def _setup_month(
    infrastructure: tuple[LineItem, ...], extras: list[LineItem], people: Decimal
) -> SetupMonth:
    """A setup's month: its lines by category, then people (extras' people lines added)."""
    amounts: dict[Category, Decimal] = {}
    for item in (*infrastructure, *extras):
        amounts[item.category] = amounts.get(item.category, ZERO) + item.monthly
    amounts["people"] = amounts.pop("people", ZERO) + people
    return SetupMonth(sum(amounts.values(), ZERO), tuple(amounts.items()))


def price_months(plan: Plan, docker: Bill, kubernetes: Bill) -> Months:
    """The plan's months priced with the setups' people costs, and what they show."""
    pricer = _Pricer(plan, docker, kubernetes)
    months = tuple(pricer.month(m) for m in range(1, len(plan.sizes) + 1))
    first_hosts = plan.sizes[0].docker.hosts
    outgrown = next((i + 1 for i, s in enumerate(plan.sizes) if s.docker.hosts > first_hosts), None)
    return Months(
        start_month=month_text(plan.start),
        kubernetes_version=plan.path.start_version if plan.path else None,
        months=months,
        docker_total=sum((m.docker.total for m in months), ZERO),
        kubernetes_total=sum((m.kubernetes.total for m in months), ZERO),
        docker_outgrown_month=outgrown,
        cheaper_changes_month=lead_changes(months, cumulative=False),
        assumptions=plan.assumptions,
    )


def lead_changes(months: tuple[Month, ...], *, cumulative: bool) -> int | None:
    """The first month after month 1 whose lead (Kubernetes' cost less Docker's, that month's
    or added up from month 1) differs in sign from month 1's; None if month 1's is nil or
    none does."""
    running, first = ZERO, 0
    for month in months:
        lead = month.kubernetes.total - month.docker.total
        if cumulative:
            running += lead
            lead = running
        sign = (lead > 0) - (lead < 0)
        if month.month == 1:
            first = sign
        elif first and sign != first:
            return month.month
    return None
