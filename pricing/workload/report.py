"""What the sizing found and chose, for every face to show (plain data)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pricing.scenario import Scenario
from pricing.sizes import MAX_HOST_VCPU
from pricing.workload.model import BurstableCpu, Role, SourceKind, Warning


@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    documents: int


@dataclass(frozen=True, slots=True)
class WorkloadLine:
    name: str
    kind: str
    replicas: int
    cpu: Decimal
    """vCPU requested per replica."""
    memory_gib: Decimal
    storage_gib: Decimal
    assumed: tuple[str, ...]
    per_node: bool
    min_replicas: int | None
    max_replicas: int | None


@dataclass(frozen=True, slots=True)
class Totals:
    cpu: Decimal
    memory_gib: Decimal
    storage_gib: Decimal
    daemonset_cpu_per_node: Decimal
    daemonset_memory_gib_per_node: Decimal
    load_balancers: int
    pods: int
    """Replicas of the steady workloads (DaemonSet pods not included)."""


@dataclass(frozen=True, slots=True)
class Choice:
    instance_type: str
    count: int
    monthly: Decimal


@dataclass(frozen=True, slots=True)
class BurstableUse:
    """How the chosen type's CPU was counted (see pricing/workload/burstable.py)."""

    mode: BurstableCpu
    baseline_percent: Decimal | None
    """The type's baseline per vCPU; None when it is not burstable."""
    at_baseline: bool
    """True when requests were sized against the baseline only."""
    cpu_counted: Decimal
    """vCPU per VM the requests could use."""
    surplus_vcpu: Decimal
    """vCPU each VM uses above its baseline, averaged ("credits" only): the Scenario's
    docker_surplus_vcpu or k8s_surplus_vcpu."""
    surplus_monthly: Decimal
    """Surplus credits a month for CPU above the baseline (in ``monthly``), "credits" only."""


@dataclass(frozen=True, slots=True)
class PlacedPod:
    name: str
    workload: str
    """The workload (or "system" for the distribution's per-node pods) it belongs to."""
    role: Role


@dataclass(frozen=True, slots=True)
class Placement:
    """One VM (a node, or a Docker host) and what runs on it."""

    node: int
    pods: tuple[PlacedPod, ...]
    cpu_used: Decimal
    memory_gib_used: Decimal


@dataclass(frozen=True, slots=True)
class AddOn:
    """A cluster add-on of the distribution (CoreDNS, ...): its replicas and requests."""

    name: str
    replicas: int
    cpu: Decimal
    memory_gib: Decimal


@dataclass(frozen=True, slots=True)
class SystemPodsLine:
    """The distribution's own pods, as the sizing placed them."""

    distribution: str
    label: str
    per_node: tuple[str, ...]
    per_node_cpu: Decimal
    per_node_memory_gib: Decimal
    add_ons: tuple[AddOn, ...]
    """Cluster add-ons (placed as pods with role "system")."""


@dataclass(frozen=True, slots=True)
class DockerSizing:
    instance_type: str
    hosts: int
    vcpu: int
    memory_gib: Decimal
    needed_cpu: Decimal
    """The workload's vCPU with the headroom, on each host."""
    needed_memory_gib: Decimal
    allocatable_cpu: Decimal
    allocatable_memory_gib: Decimal
    monthly: Decimal
    runner_up: Choice | None
    placement: tuple[Placement, ...] = ()
    """What runs on each host (every host holds it all with failover)."""
    spread: bool = False
    """The services are spread over the hosts (no single host holds them all)."""
    load_balancer: bool = False
    """A load balancer in front: published ports and more than one host."""
    burstable: BurstableUse | None = None
    capped: bool = False
    """Spread because of ``max_host_vcpu``: one larger host would have held it all."""


@dataclass(frozen=True, slots=True)
class NodeAllocatable:
    cpu: Decimal
    memory_gib: Decimal
    pods: int


@dataclass(frozen=True, slots=True)
class KubernetesSizing:
    instance_type: str
    nodes: int
    nodes_min: int | None
    nodes_max: int | None
    allocatable: NodeAllocatable
    monthly: Decimal
    runner_up: Choice | None
    placement: tuple[Placement, ...]
    system: SystemPodsLine | None = None
    burstable: BurstableUse | None = None
    single_node: bool = False
    """One node: no node redundancy (a warning says so)."""


@dataclass(frozen=True, slots=True)
class SizingReport:
    source: Source
    workloads: tuple[WorkloadLine, ...]
    totals: Totals
    docker: DockerSizing | None
    """None when no host type holds the whole workload (see the warnings)."""
    kubernetes: KubernetesSizing
    ignored: tuple[str, ...]
    jobs: tuple[str, ...]
    warnings: tuple[Warning, ...]
    assumptions: tuple[str, ...]
    currency: str = "USD"
    """The currency of the monthly prices above: the provider's list prices."""
    burstable_cpu: BurstableCpu = "baseline"
    """How burstable types' CPU was counted (SizingOptions.burstable_cpu)."""
    max_host_vcpu: int = MAX_HOST_VCPU
    """The largest Docker host the sizing could choose (SizingOptions.max_host_vcpu)."""


@dataclass(frozen=True, slots=True)
class Sizing:
    """The sized scenario (ready for ``estimate``) and how it was arrived at."""

    scenario: Scenario
    report: SizingReport
