"""A setup's bill: its line items and the totals built from them.

A bill has two parts. The infrastructure (VMs, control plane, load balancers, storage,
network, seats) is decided by a scenario's INFRASTRUCTURE_FIELDS alone, so many scenarios
can share it; the people lines are the scenario's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pricing import lines, roles
from pricing.catalog import Availability
from pricing.labour import SetupTime
from pricing.lines import LineItem
from pricing.money import total
from pricing.resolve import Matches, Resolved
from pricing.roles import fields_with
from pricing.scenario import CHECKLIST_FIELDS, FIELD_NAMES, Scenario, Setup

# Fields no infrastructure line reads (their role says so, pricing.roles, and the checklist's
# answers shape the advice, not the costs): scenarios that differ only in these share one
# InfrastructureBill. (workload_vcpu and workload_memory_gib are read by the pod lines of a
# tier that bills pods, GKE Autopilot: they are part of the key.)
NOT_INFRASTRUCTURE = frozenset(
    (*fields_with(Scenario, roles.NOT_INFRASTRUCTURE), *CHECKLIST_FIELDS)
)
INFRASTRUCTURE_FIELDS = tuple(f for f in FIELD_NAMES if f not in NOT_INFRASTRUCTURE)


class Bill(NamedTuple):
    """One setup's bill: the steady-state month's line items and the totals built from them.
    ``monthly_range`` is the monthly total at the fewest and most autoscaled nodes;
    ``rampup_items`` are the people lines of a month during the ``rampup_months`` of
    ramp-up (all of them: they replace the steady month's people lines)."""

    setup: Setup
    line_items: tuple[LineItem, ...]
    infrastructure_monthly: Decimal
    people_monthly: Decimal
    monthly_total: Decimal
    people_first_month: Decimal
    first_month_total: Decimal
    horizon_total: Decimal
    monthly_range: tuple[Decimal, Decimal] | None = None
    availability: Availability | None = None  # what the provider promises for this setup
    rampup_items: tuple[LineItem, ...] = ()
    rampup_months: int = 0

    def people_cost(self, month: int) -> Decimal:
        """What month ``month`` (1-based) costs in people: ramp-up until it is over."""
        return self.people_first_month if month <= self.rampup_months else self.people_monthly

    def month_cost(self, month: int) -> Decimal:
        """What month ``month`` (1-based) costs with month 1's infrastructure."""
        return self.infrastructure_monthly + self.people_cost(month)


@dataclass(frozen=True, slots=True)
class InfrastructureBill:
    """Both setups' lines before people, with their sums, and Kubernetes' infrastructure at
    its fewest and most autoscaled nodes; ``matches`` are the catalog entries they price."""

    matches: Matches
    docker_lines: tuple[LineItem, ...]
    docker_monthly: Decimal
    kubernetes_lines: tuple[LineItem, ...]
    kubernetes_monthly: Decimal
    kubernetes_range: tuple[Decimal, Decimal] | None
    as_of: date | None  # the oldest read date among these lines' prices


def _docker_lines(resolved: Resolved) -> list[LineItem]:
    scenario, matches = resolved
    return [
        lines.compute(
            resolved,
            machine=matches.docker_machine,
            count=scenario.docker_hosts,
            your_price=scenario.docker_hourly_price,
            noun="host",
            purchase=matches.docker_purchase,
        ),
        *lines.surplus_credits(
            resolved,
            machine=matches.docker_machine,
            count=scenario.docker_hosts,
            above=scenario.docker_surplus_vcpu,
            noun="host",
        ),
        *lines.load_balancers(
            resolved, count=scenario.docker_load_balancers, usage=scenario.docker_lb_usage
        ),
        *lines.storage(
            resolved, count=scenario.docker_hosts, gb_each=scenario.docker_disk_gb, noun="host"
        ),
        *lines.egress(resolved, machine=matches.docker_machine, count=scenario.docker_hosts),
        *lines.public_addresses(
            resolved, vms=scenario.docker_hosts, load_balancers=scenario.docker_load_balancers
        ),
        *lines.seats(resolved, setup="docker"),
    ]


def node_lines(resolved: Resolved, nodes: int) -> list[LineItem]:
    """The worker nodes (and a management fee on them, where the tier has one), or, where
    the tier bills pods instead, the pods' requests."""
    scenario, matches = resolved
    if matches.control_plane.pod_pricing is not None:
        return lines.pod_requests(resolved)
    return [
        lines.compute(
            resolved,
            machine=matches.k8s_machine,
            count=nodes,
            your_price=scenario.k8s_hourly_price,
            noun="node",
            purchase=matches.k8s_purchase,
        ),
        *lines.surplus_credits(
            resolved,
            machine=matches.k8s_machine,
            count=nodes,
            above=scenario.k8s_surplus_vcpu,
            noun="node",
        ),
        *lines.node_fee(resolved, nodes=nodes),
    ]


def _kubernetes_lines(resolved: Resolved, nodes: int, clusters: int = 1) -> list[LineItem]:
    # The node lines come first: where the tier bills pods (pod_requests' lines),
    # pricing.month_plan replaces them month by month as the workload grows.
    scenario, matches = resolved
    disks = matches.control_plane.pod_pricing is None  # pods bring no node disks
    return [
        *node_lines(resolved, nodes),
        *lines.control_plane(resolved, clusters=clusters),
        *lines.load_balancers(
            resolved, count=scenario.k8s_load_balancers, usage=scenario.k8s_lb_usage
        ),
        *(
            lines.storage(resolved, count=nodes, gb_each=scenario.k8s_disk_gb, noun="node")
            if disks
            else []
        ),
        *lines.egress(resolved, machine=matches.k8s_machine, count=nodes),
        *lines.cross_zone(resolved),
        *lines.nat_gateway(resolved, vms=nodes + scenario.k8s_control_nodes, clusters=clusters),
        *lines.public_addresses(
            resolved,
            vms=lines.public_node_vms(resolved, nodes=nodes),
            load_balancers=scenario.k8s_load_balancers,
        ),
        *lines.seats(resolved, setup="kubernetes"),
    ]


def _sum(items: list[LineItem] | tuple[LineItem, ...]) -> Decimal:
    return total([item.monthly for item in items])


def bill_infrastructure(resolved: Resolved, *, clusters: int = 1) -> InfrastructureBill:
    """Every line of both setups but people's, priced for the resolved scenario (its nodes
    spread over ``clusters`` clusters, each with its control plane)."""
    scenario = resolved.scenario
    docker = _docker_lines(resolved)
    kubernetes = _kubernetes_lines(resolved, scenario.k8s_nodes, clusters)
    scaled = None
    by_nodes = resolved.matches.control_plane.pod_pricing is None
    if by_nodes and (scenario.k8s_nodes_min is not None or scenario.k8s_nodes_max is not None):
        fewest = scenario.k8s_nodes_min or scenario.k8s_nodes
        most = scenario.k8s_nodes_max or scenario.k8s_nodes
        scaled = (
            _sum(_kubernetes_lines(resolved, fewest)),
            _sum(_kubernetes_lines(resolved, most)),
        )
    dates = [item.as_of for item in (*docker, *kubernetes) if item.as_of]
    return InfrastructureBill(
        matches=resolved.matches,
        docker_lines=tuple(docker),
        docker_monthly=_sum(docker),
        kubernetes_lines=tuple(kubernetes),
        kubernetes_monthly=_sum(kubernetes),
        kubernetes_range=scaled,
        as_of=min(dates) if dates else None,
    )


def _bill(
    setup: Setup,
    scenario: Scenario,
    *,
    infrastructure: tuple[LineItem, ...],
    infrastructure_monthly: Decimal,
    time: SetupTime,
    availability: Availability | None,
) -> Bill:
    """A setup's bill: its infrastructure lines, then a people line per term of its time."""
    rate = lines.hourly_rate(scenario)
    people = lines.efforts(time.steady, rate)
    people_monthly = _sum(people)
    months = time.rampup_months
    rampup: list[LineItem] = []
    if months:  # a ramp-up month: its extra lines, with the steady month's or in their place
        rampup = lines.efforts(time.extra, rate)
        rampup = rampup if time.replaces else people + rampup
    first = _sum(rampup) if rampup else people_monthly
    steady = infrastructure_monthly + people_monthly
    ramp_months = min(months, scenario.horizon_months)
    return Bill(
        setup=setup,
        line_items=(*infrastructure, *people),
        infrastructure_monthly=infrastructure_monthly,
        people_monthly=people_monthly,
        monthly_total=steady,
        people_first_month=first,
        first_month_total=infrastructure_monthly + first,
        horizon_total=steady * scenario.horizon_months + (first - people_monthly) * ramp_months,
        availability=availability,
        rampup_items=tuple(rampup),
        rampup_months=months if rampup else 0,
    )


def docker_bill(scenario: Scenario, infrastructure: InfrastructureBill, time: SetupTime) -> Bill:
    """The Docker (Compose) setup: its infrastructure, its people time, and the SLA of one of
    its hosts (with failover too: the provider promises nothing more for two hosts)."""
    return _bill(
        "docker",
        scenario,
        infrastructure=infrastructure.docker_lines,
        infrastructure_monthly=infrastructure.docker_monthly,
        time=time,
        availability=infrastructure.matches.provider.vm_availability,
    )


def kubernetes_bill(
    scenario: Scenario, infrastructure: InfrastructureBill, time: SetupTime
) -> Bill:
    """The Kubernetes cluster: its infrastructure, its people time (more while the team ramps
    up), its autoscaling range and its control plane's SLA."""
    bill = _bill(
        "kubernetes",
        scenario,
        infrastructure=infrastructure.kubernetes_lines,
        infrastructure_monthly=infrastructure.kubernetes_monthly,
        time=time,
        availability=infrastructure.matches.control_plane.availability,
    )
    if infrastructure.kubernetes_range is None:
        return bill
    low, high = (monthly + bill.people_monthly for monthly in infrastructure.kubernetes_range)
    return bill._replace(monthly_range=(low, high))
