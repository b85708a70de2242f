"""Does the workload fit? Allocatable CPU and memory after the system's reservations.

Kubernetes nodes keep back, by the formulas EKS and GKE publish for the kubelet:
memory 255 MiB + 11 MiB per pod the node may run, plus a 100 MiB eviction threshold; CPU 6%
of the first core, 1% of the second, 0.5% of the next two and 0.25% of every core above four.
A Docker host keeps back the same with no pods: the operating system and the Docker daemon
need about what the kubelet reserves for the system.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from pricing.resolve import Machine, Resolved
from pricing.scenario import Scenario, Setup

MIB_PER_GIB = Decimal(1024)
BASE_MIB = Decimal(255)
PER_POD_MIB = Decimal(11)
EVICTION_MIB = Decimal(100)
# (cores in this band, share of each core reserved)
CPU_BANDS = ((1, Decimal("0.06")), (1, Decimal("0.01")), (2, Decimal("0.005")))
CPU_ABOVE = Decimal("0.0025")


def reserved_memory_mib(max_pods: int) -> Decimal:
    """Memory a node keeps back for the system and the kubelet, eviction threshold included."""
    return BASE_MIB + PER_POD_MIB * max_pods + EVICTION_MIB


def reserved_cpu(vcpu: int) -> Decimal:
    """vCPU a node keeps back for the system and the kubelet."""
    left, reserved = vcpu, Decimal(0)
    for cores, share in CPU_BANDS:
        used = min(left, cores)
        reserved += used * share
        left -= used
    return reserved + max(left, 0) * CPU_ABOVE


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


def _percent(used: Decimal | None, capacity: Decimal) -> Decimal | None:
    if used is None or capacity == 0:
        return None
    return (used / capacity * 100).quantize(Decimal("0.1"))


def _fit(
    setup: Setup, machine: Machine, count: int, pods_each: int | None, scenario: Scenario
) -> Fit:
    spec = machine.spec
    memory_mib = spec.memory_gib * MIB_PER_GIB - reserved_memory_mib(pods_each or 0)
    cpu = spec.vcpu - reserved_cpu(spec.vcpu)
    memory = max(memory_mib, Decimal(0)) / MIB_PER_GIB
    wants = [Decimal(1)]
    if scenario.workload_vcpu is not None:
        wants.append(scenario.workload_vcpu / cpu)
    if scenario.workload_memory_gib is not None:
        wants.append(scenario.workload_memory_gib / memory if memory else Decimal("Infinity"))
    if scenario.workload_pods is not None and pods_each:
        wants.append(Decimal(scenario.workload_pods) / pods_each)
    needed_exact = max(wants)
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
    )


def fits(resolved: Resolved) -> tuple[Fit, ...]:
    """Each setup's fit, when the resolved scenario describes a workload; else nothing."""
    scenario, matches = resolved
    if (
        scenario.workload_vcpu is None
        and scenario.workload_memory_gib is None
        and scenario.workload_pods is None
    ):
        return ()
    return (
        _fit("docker", matches.docker_machine, scenario.docker_hosts, None, scenario),
        _fit(
            "kubernetes", matches.k8s_machine, scenario.k8s_nodes, scenario.k8s_max_pods, scenario
        ),
    )
