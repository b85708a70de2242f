"""The months of the horizon before people: each month's sizes (``pricing.growth``), the
infrastructure they cost on both setups (production's and the other environments':
``pricing.environments``), re-priced only in the months the sizes change, and the cluster's
Kubernetes version each month (``pricing.versions``). ``pricing.months`` prices the plan
with the people.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from pricing import lines
from pricing.bill import InfrastructureBill, bill_infrastructure
from pricing.catalog import Catalog
from pricing.environments import (
    EnvironmentLines,
    environment_lines,
    pod_lines,
    with_pods,
    your_price_for,
)
from pricing.growth import size_months
from pricing.lines import LineItem
from pricing.money import total
from pricing.resolve import Resolved, resolve, resolved_with
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.sizes import Sizes
from pricing.versions import VersionPath, version_path
from pricing.whole_months import month_text, parse_month


class Infrastructure(NamedTuple):
    """A month's infrastructure lines on both setups (production's and the others'), and
    their sums."""

    docker: tuple[LineItem, ...]
    kubernetes: tuple[LineItem, ...]
    docker_total: Decimal
    kubernetes_total: Decimal


Versions = tuple[VersionPath | None, tuple[str, ...]]
VersionsOf = Callable[[Resolved, Catalog, int], Versions]


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """The months before people: each month's sizes and infrastructure, the version path,
    and the month-1 infrastructure bill (the other environments' lines included)."""

    resolved: Resolved
    catalog: Catalog
    start: int
    sizes: tuple[Sizes, ...]
    infrastructure: tuple[Infrastructure, ...]
    changes: tuple[int, ...]  # the months (1-based) whose infrastructure differs, 1 too
    first: InfrastructureBill
    path: VersionPath | None
    assumptions: tuple[str, ...]


def plan_months(
    resolved: Resolved,
    first: InfrastructureBill,
    catalog: Catalog,
    versions: VersionsOf | None = None,
) -> Plan:
    """Sizes, infrastructure and versions for every month of ``resolved``'s horizon, whose
    production month 1 is ``first``; InputError where a month cannot be sized or priced.
    ``versions`` gives the version path (``versions_of``, or a memo of it)."""
    scenario = resolved.scenario
    start = parse_month(scenario.start_month or "")
    sizes = size_months(resolved, start=start)
    builder = _Builder(resolved, first, sizes[0], catalog, start)
    months: list[Infrastructure] = []
    changes: list[int] = []  # the months whose infrastructure differs from the month before's
    for month, size in enumerate(sizes, 1):
        if months and size is sizes[month - 2]:
            months.append(months[-1])
            continue
        months.append(builder.month(size, month))
        if month == 1 or months[-1] is not months[-2]:
            changes.append(month)
    infrastructure = tuple(months)
    path, notes = (versions or versions_of)(resolved, catalog, start)
    return Plan(
        resolved=resolved,
        catalog=catalog,
        start=start,
        sizes=sizes,
        infrastructure=infrastructure,
        changes=tuple(changes),
        first=_first_bill(first, infrastructure[0], scenario.environments),
        path=path,
        assumptions=notes,
    )


class _Builder:
    """Each month's infrastructure; production and the other environments each re-priced
    only in the months their sizes change."""

    def __init__(
        self,
        resolved: Resolved,
        first: InfrastructureBill,
        sizes: Sizes,
        catalog: Catalog,
        start: int,
    ) -> None:
        self.resolved, self.catalog, self.start = resolved, catalog, start
        self.production = {(sizes.docker, sizes.nodes): first}
        self.others: dict[tuple[object, ...], EnvironmentLines] = {}
        self.built: dict[Sizes, Infrastructure] = {}
        # the catalog's matches by Docker host type: sizes change counts, not lookups
        self.matches = {resolved.scenario.docker_instance_type: resolved.matches}

    def resolve(self, scenario: Scenario) -> Resolved:
        """``scenario`` (a month's or the other environments') matched to the catalog."""
        key = scenario.docker_instance_type
        if key not in self.matches:
            self.matches[key] = resolve(scenario, self.catalog).matches
        return resolved_with(scenario, self.matches[key])

    def month(self, sizes: Sizes, month: int) -> Infrastructure:
        if sizes not in self.built:
            try:
                self.built[sizes] = self._built(sizes)
            except InputError as error:
                raise _in_month(error, month, self.start) from None
        return self.built[sizes]

    def _built(self, sizes: Sizes) -> Infrastructure:
        """The lines for ``sizes``: each side's bill when its hosts or nodes change; where
        the tier bills pods, their lines (first on each Kubernetes bill) every month."""
        resolved = self.resolved
        # where the tier bills pods, the nodes bill nothing: only the hosts matter
        by_nodes = sizes.pods is None
        ours = (sizes.docker, sizes.nodes if by_nodes else 0)
        theirs = (sizes.nonprod_docker, sizes.nonprod_nodes if by_nodes else 0)
        if ours not in self.production:
            self.production[ours] = bill_infrastructure(self.resolve(_production(resolved, sizes)))
        if theirs not in self.others:
            self.others[theirs] = environment_lines(resolved, sizes, self.resolve)
        production, others = self.production[ours], self.others[theirs]
        kubernetes = (*production.kubernetes_lines, *others.kubernetes)
        kubernetes_total = production.kubernetes_monthly + others.kubernetes_total
        if sizes.pods is not None:
            pods = lines.pod_requests(with_pods(resolved, sizes.pods))
            their_pods = pod_lines(resolved, sizes.pods)
            kubernetes = (
                *pods,
                *production.kubernetes_lines[len(pods) :],
                *their_pods,
                *others.kubernetes[len(their_pods) :],
            )
            kubernetes_total = _sum(kubernetes)
        return Infrastructure(
            docker=(*production.docker_lines, *others.docker),
            kubernetes=kubernetes,
            docker_total=production.docker_monthly + others.docker_total,
            kubernetes_total=kubernetes_total,
        )


def _production(resolved: Resolved, sizes: Sizes) -> Scenario:
    """Production's scenario with a later month's sizes."""
    scenario = resolved.scenario
    update: dict[str, object] = {
        "docker_instance_type": sizes.docker.instance_type,
        "docker_hourly_price": your_price_for(scenario, sizes.docker.instance_type),
        "docker_hosts": sizes.docker.hosts,
        "k8s_nodes": sizes.nodes,
        "k8s_nodes_min": None,
        "k8s_nodes_max": None,
    }
    if sizes.pods is not None:
        update |= {"workload_vcpu": sizes.pods.vcpu, "workload_memory_gib": sizes.pods.memory_gib}
    return scenario.model_copy(update=update)


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
    docker, kubernetes = with_others.docker_total, with_others.kubernetes_total
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


def versions_of(resolved: Resolved, catalog: Catalog, start: int) -> Versions:
    """The cluster's version path from ``start`` (None where the tier follows no calendar),
    and what it assumes."""
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
