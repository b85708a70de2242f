"""Kubernetes billed beyond its nodes: by the pods' requests (GKE Autopilot) instead of nodes,
or with a management fee on every node (EKS Auto Mode)."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import PodPricing
from pricing.lines.item import HUNDRED, LineItem, priced
from pricing.resolve import Resolved


def pod_requests(resolved: Resolved) -> list[LineItem]:
    """The pods' CPU and memory requests for the month, at the tier's pod rates (the
    workload fields give the requests; resolve checks they are there)."""
    scenario, matches = resolved
    rates = matches.control_plane.pod_pricing
    if rates is None:
        return []
    cpu, memory = scenario.workload_vcpu or Decimal(0), scenario.workload_memory_gib or Decimal(0)
    return pod_lines(resolved, rates, cpu=cpu, memory=memory, hours=scenario.hours_per_month)


def pod_lines(
    resolved: Resolved, rates: PodPricing, *, cpu: Decimal, memory: Decimal, hours: Decimal
) -> list[LineItem]:
    """``cpu`` vCPU and ``memory`` GiB of pod requests for ``hours`` at ``rates``."""
    scenario, rate = resolved.scenario, resolved.matches.price_rate
    # Priced by the month (the hourly rate x the hours), not by the hour: the memory rate has
    # seven decimal places, and unit prices are kept to six.
    return [
        priced(
            scenario,
            category="compute",
            label=f"Pod requests: {cpu.normalize():f} vCPU at {rates.vcpu_hour} an hour, {hours} h",
            quantity=cpu,
            unit="vCPU-month",
            price=rates.vcpu_hour * hours,
            rate=rate,
            sourced=rates,
        ),
        priced(
            scenario,
            category="compute",
            label=f"Pod requests: {memory.normalize():f} GiB at {rates.gib_hour} an hour, "
            f"{hours} h",
            quantity=memory,
            unit="GiB-month",
            price=rates.gib_hour * hours,
            rate=rate,
            sourced=rates,
        ),
    ]


def node_fee(resolved: Resolved, *, nodes: int) -> list[LineItem]:
    """The tier's management fee on each node: a share of the node type's on-demand list
    price, whatever the node is bought at."""
    scenario, matches = resolved
    fee = matches.control_plane.node_fee
    if fee is None:
        return []
    machine = matches.k8s_machine
    hours = scenario.vm_hours_per_month or scenario.hours_per_month
    return [
        priced(
            scenario,
            category="control plane",
            label=f"{matches.control_plane.label}: {fee.percent}% of {machine.key}'s on-demand "
            f"price × {nodes} node{'' if nodes == 1 else 's'}",
            quantity=nodes * hours,
            unit="hour",
            price=machine.price.hourly * fee.percent / HUNDRED,
            rate=matches.price_rate,
            sourced=fee,
        )
    ]
