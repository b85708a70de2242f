"""What the sizing found and chose, for every face to show (plain data)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pricing.scenario import Scenario
from pricing.workload.model import SourceKind, Warning


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


@dataclass(frozen=True, slots=True)
class NodeAllocatable:
    cpu: Decimal
    memory_gib: Decimal
    pods: int


@dataclass(frozen=True, slots=True)
class Placement:
    node: int
    pods: tuple[str, ...]
    cpu_used: Decimal
    memory_gib_used: Decimal


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


@dataclass(frozen=True, slots=True)
class Sizing:
    """The sized scenario (ready for ``estimate``) and how it was arrived at."""

    scenario: Scenario
    report: SizingReport
