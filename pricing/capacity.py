"""Does the workload fit? Allocatable CPU and memory after the system's reservations.

A Kubernetes node keeps back what its provider's formula says (``pricing.allocatable``: EKS,
GKE and AKS publish theirs; self-managed clusters take the EKS one), for as many pods as the
node may run: the scenario's ``k8s_max_pods`` when given, else the provider's maximum for the
node type (EKS: from its network interfaces, 58 on m6i.xlarge). A Docker host keeps back what
the kubelet reserves for the system: the operating system and the Docker daemon need about
that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from pricing.allocatable import (
    GIB,
    Allocatable,
    flavour_of,
    host_allocatable,
    max_pods_for,
    node_allocatable,
)
from pricing.resolve import Machine, Resolved
from pricing.scenario import Scenario, Setup

MILLI = Decimal(1000)


@dataclass(frozen=True, slots=True)
class Fit:
    """Whether one setup holds the workload, how full it is, and how many VMs it needs."""

    setup: Setup
    fits: bool
    count: int
    needed: int
    cpu_allocatable: Decimal
    memory_allocatable_gib: Decimal
    cpu_utilisation: Decimal | None
    memory_utilisation: Decimal | None
    pods_per_vm: int | None = None

    @property
    def shortfall(self) -> str:
        """What the setup needs, in words: "needs 31 hosts, not 1"."""
        noun = "hosts" if self.setup == "docker" else "nodes"
        return f"needs {self.needed} {noun}, not {self.count}"


def _percent(used: Decimal | None, capacity: Decimal) -> Decimal | None:
    if used is None or capacity == 0:
        return None
    return (used / capacity * 100).quantize(Decimal("0.1"))


def vms_needed(
    room: Allocatable,
    pods_each: int | None,
    *,
    vcpu: Decimal | None,
    memory_gib: Decimal | None,
    pods: int | None,
) -> Decimal:
    """How many VMs with ``room`` each (and ``pods_each`` pods) the workload needs, as an
    exact fraction, at least 1 (Infinity where a VM has no memory to give)."""
    cpu = room.cpu_millicores / MILLI
    memory = Decimal(room.memory_bytes) / GIB
    wants = [Decimal(1)]
    if vcpu is not None:
        wants.append(vcpu / cpu)
    if memory_gib is not None:
        wants.append(memory_gib / memory if memory else Decimal("Infinity"))
    if pods is not None and pods_each:
        wants.append(Decimal(pods) / pods_each)
    return max(wants)


def _fit(
    setup: Setup, room: Allocatable, count: int, pods_each: int | None, scenario: Scenario
) -> Fit:
    cpu = room.cpu_millicores / MILLI
    memory = Decimal(room.memory_bytes) / GIB
    needed_exact = vms_needed(
        room,
        pods_each,
        vcpu=scenario.workload_vcpu,
        memory_gib=scenario.workload_memory_gib,
        pods=scenario.workload_pods,
    )
    needed = math.ceil(needed_exact) if needed_exact.is_finite() else 0
    return Fit(
        setup,
        fits=needed_exact <= count,
        count=count,
        needed=needed,
        cpu_allocatable=cpu.quantize(Decimal("0.001")),
        memory_allocatable_gib=memory.quantize(Decimal("0.01")),
        cpu_utilisation=_percent(scenario.workload_vcpu, cpu * count),
        memory_utilisation=_percent(scenario.workload_memory_gib, memory * count),
        pods_per_vm=pods_each,
    )


def node_room(resolved: Resolved, machine: Machine) -> Allocatable:
    """What one node of ``machine`` leaves for pods in the resolved scenario's cluster."""
    scenario, matches = resolved
    flavour = flavour_of(matches.provider.provider, scenario.control_plane)
    pods = scenario.k8s_max_pods or max_pods_for(flavour, machine.spec)
    return node_allocatable(flavour, machine.spec, pods)


def fits(resolved: Resolved) -> tuple[Fit, ...]:
    """Each setup's fit, when the resolved scenario describes a workload; else nothing."""
    scenario, matches = resolved
    if (
        scenario.workload_vcpu is None
        and scenario.workload_memory_gib is None
        and scenario.workload_pods is None
    ):
        return ()
    host = host_allocatable(matches.docker_machine.spec)
    docker = _fit("docker", host, scenario.docker_hosts, None, scenario)
    if matches.control_plane.pod_pricing is not None:
        return (docker,)  # the provider sizes the nodes for the pods it bills
    node = node_room(resolved, matches.k8s_machine)
    return (docker, _fit("kubernetes", node, scenario.k8s_nodes, node.pods, scenario))
