"""What a node leaves for pods: capacity less the system's and the kubelet's reservations,
by the formulas each managed Kubernetes publishes (sources in docs/SIZING.md).

All amounts are whole numbers: CPU in millicores, memory in bytes (rounded down, so a pod
never gets more than the node has).

- EKS (the Amazon Linux AMI's bootstrap): memory 255 MiB + 11 MiB x max pods; CPU 6% of the
  first core, 1% of the second, 0.5% of the next two, 0.25% of each core above four;
  eviction threshold 100 MiB; max pods from the type's ENIs (catalog ``max_pods``).
- GKE: memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next
  112, 2% above 128 GiB (255 MiB under 1 GiB); CPU as EKS; eviction 100 MiB; 110 pods.
- AKS (1.29 and later): memory the lesser of 20 MiB x max pods + 50 MiB and 25% of memory;
  CPU by the published table of cores; eviction 100 MiB; 250 pods (Azure CNI Overlay); no
  node of fewer than 2 vCPUs.
- Self-managed and other providers: the EKS formula with 110 pods (the kubelet's default).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from pricing.catalog import InstanceType

MIB = 1024 * 1024
GIB = 1024 * MIB
EVICTION_BYTES = 100 * MIB
KUBELET_DEFAULT_MAX_PODS = 110
GKE_MAX_PODS = 110
AKS_MAX_PODS = 250
Flavour = Literal["eks", "gke", "aks", "self-managed"]

# (cores in this band, share of each core reserved); above the bands, 0.25% a core.
_CPU_BANDS = ((1, Decimal("0.06")), (1, Decimal("0.01")), (2, Decimal("0.005")))
_CPU_ABOVE = Decimal("0.0025")
# (GiB in this tier, share reserved); above the tiers, 2%.
_GKE_MEMORY_TIERS = (
    (4, Decimal("0.25")),
    (4, Decimal("0.20")),
    (8, Decimal("0.10")),
    (112, Decimal("0.06")),
)
_GKE_MEMORY_ABOVE = Decimal("0.02")
# AKS kube-reserved CPU in millicores by the node's cores.
_AKS_CPU = ((1, 60), (2, 100), (4, 140), (8, 180), (16, 260), (32, 420), (64, 740))


# The fewest vCPUs a node may have, where the managed service says: AKS ("VM sizes with less
# than 2 CPUs may not be used with AKS", learn.microsoft.com/azure/aks/quotas-skus-regions).
MIN_NODE_VCPU: dict[Flavour, int] = {"aks": 2}


@dataclass(frozen=True, slots=True)
class Allocatable:
    """What the scheduler may hand out on one node."""

    cpu_millicores: int
    memory_bytes: int
    pods: int


def flavour_of(provider: str, control_plane: str | None = None) -> Flavour:
    """Which formula applies: the provider's managed service unless the control plane is
    self-managed."""
    if control_plane is not None and control_plane.startswith("self"):
        return "self-managed"
    managed: dict[str, Flavour] = {"aws": "eks", "gcp": "gke", "azure": "aks"}
    return managed.get(provider, "self-managed")


def banded_cpu_reserved(vcpu: int) -> Decimal:
    """Millicores the EKS and GKE formulas keep back on a node of ``vcpu`` cores."""
    left, reserved = vcpu, Decimal(0)
    for cores, share in _CPU_BANDS:
        used = min(left, cores)
        reserved += used * share
        left -= used
    return (reserved + max(left, 0) * _CPU_ABOVE) * 1000


def aks_cpu_reserved(vcpu: int) -> Decimal:
    """Millicores AKS keeps back: the table's entry for the largest size not above ``vcpu``."""
    reserved = _AKS_CPU[0][1]
    for cores, millicores in _AKS_CPU:
        if cores <= vcpu:
            reserved = millicores
    return Decimal(reserved)


def gke_memory_reserved(memory: int) -> Decimal:
    """Bytes GKE keeps back for the kubelet (eviction threshold not included)."""
    if memory < GIB:
        return Decimal(255 * MIB)
    left, reserved = Decimal(memory), Decimal(0)
    for gib, share in _GKE_MEMORY_TIERS:
        used = min(left, Decimal(gib * GIB))
        reserved += used * share
        left -= used
    return reserved + max(left, Decimal(0)) * _GKE_MEMORY_ABOVE


def too_small_for(flavour: Flavour, instance: InstanceType) -> int | None:
    """The fewest vCPUs ``flavour`` takes for a node, where ``instance`` has fewer."""
    least = MIN_NODE_VCPU.get(flavour)
    return least if least is not None and instance.vcpu < least else None


def max_pods_for(flavour: Flavour, instance: InstanceType) -> int:
    """The kubelet's max-pods on this flavour and type."""
    if flavour == "eks":
        return instance.max_pods or KUBELET_DEFAULT_MAX_PODS
    if flavour == "gke":
        return GKE_MAX_PODS
    if flavour == "aks":
        return AKS_MAX_PODS
    return KUBELET_DEFAULT_MAX_PODS


def _floor(value: Decimal) -> int:
    return max(int(value.to_integral_value(rounding=ROUND_FLOOR)), 0)


def node_allocatable(
    flavour: Flavour, instance: InstanceType, max_pods: int | None = None
) -> Allocatable:
    """A Kubernetes node's allocatable CPU, memory and pods."""
    pods = max_pods or max_pods_for(flavour, instance)
    memory = int(instance.memory_gib * GIB)
    if flavour == "gke":
        memory_reserved = gke_memory_reserved(memory)
    elif flavour == "aks":
        memory_reserved = min(Decimal((20 * pods + 50) * MIB), Decimal(memory) / 4)
    else:
        memory_reserved = Decimal((255 + 11 * pods) * MIB)
    cpu_reserved = aks_cpu_reserved(instance.vcpu) if flavour == "aks" else None
    if cpu_reserved is None:
        cpu_reserved = banded_cpu_reserved(instance.vcpu)
    return Allocatable(
        cpu_millicores=_floor(instance.vcpu * 1000 - cpu_reserved),
        memory_bytes=_floor(memory - memory_reserved - EVICTION_BYTES),
        pods=pods,
    )


def host_allocatable(instance: InstanceType) -> Allocatable:
    """A Docker host's room for containers: the EKS reservation with no pods (the operating
    system and the Docker daemon need about what the kubelet keeps for the system), as
    pricing/capacity.py assumes. ``pods`` is not limited there (reported as 0)."""
    memory = int(instance.memory_gib * GIB)
    return Allocatable(
        cpu_millicores=_floor(instance.vcpu * 1000 - banded_cpu_reserved(instance.vcpu)),
        memory_bytes=_floor(Decimal(memory - 255 * MIB - EVICTION_BYTES)),
        pods=0,
    )
