"""The workload found in a team's files: plain data, read by the sizing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

from pricing.sizes import MAX_HOST_VCPU
from pricing.workload.yamlsafe import Limits

SourceKind = Literal["compose", "kubernetes"]
BurstableCpu = Literal["baseline", "credits", "full"]
Role = Literal["system", "daemon", "replica", "surge"]
BURSTABLE_CPU: tuple[BurstableCpu, ...] = ("baseline", "credits", "full")
GIB = 1024**3


@dataclass(frozen=True, slots=True)
class SizingOptions:
    """The sizing's editable assumptions; each default is stated in docs/SIZING.md."""

    default_cpu: Decimal = Decimal("0.25")
    """vCPU per replica for a workload that states no CPU."""
    default_memory_gib: Decimal = Decimal("0.5")
    """GiB per replica for a workload that states no memory."""
    headroom_percent: Decimal = Decimal(20)
    """Docker: the host must hold the workload plus this share of it."""
    k8s_headroom_percent: Decimal = Decimal(0)
    """Kubernetes: nodes are filled to at most allocatable / (1 + this share)."""
    docker_hosts: int = 1
    """Docker hosts, each able to hold the whole workload (failover)."""
    zones: int = 3
    """Replicas of one workload spread over at least min(replicas, zones) nodes."""
    min_nodes: int = 1
    """The fewest Kubernetes nodes to propose."""
    rolling_surge: bool = True
    """Room for one extra replica of the largest Deployment-like workload (maxSurge)."""
    max_pods: int | None = None
    """Override the provider's max pods per node (e.g. 30 for AKS with Azure CNI)."""
    profiles: tuple[str, ...] = ()
    """Compose profiles to activate; services in other profiles are not started."""
    arm: bool = False
    """Consider Arm (arm64) instance types too: only when every image is built for arm64."""
    burstable_cpu: BurstableCpu = "baseline"
    """Burstable types (t3, B-series): count only their baseline CPU ("baseline"), all of it
    and pay the surplus credits above the baseline where the provider sells them ("credits"),
    or all of it for free ("full": the load is not sustained)."""
    redundant_nodes: bool = True
    """At least two Kubernetes nodes when a workload has more than one replica or the Docker
    side is ``failover``."""
    docker_failover: bool = False
    """The Docker side is ``failover``: every host holds the whole workload."""
    max_host_vcpu: int = MAX_HOST_VCPU
    """The largest Docker host the sizing may choose, in vCPU: a workload larger than one such
    host is spread over several (see docs/SIZING.md for why 32)."""
    limits: Limits = field(default_factory=Limits)


class Warning(NamedTuple):
    """Something the reader assumed or skipped, and for which workload ("" for all)."""

    workload: str
    message: str


@dataclass(frozen=True, slots=True)
class Workload:
    """One thing that runs replicas of a pod (a Compose service, a Deployment, ...)."""

    name: str
    kind: str
    replicas: int
    cpu_millicores: int
    """Requested per replica (the pod's effective request)."""
    memory_bytes: int
    storage_bytes: int = 0
    """Persistent storage per replica (volumeClaimTemplates)."""
    assumed: tuple[str, ...] = ()
    per_node: bool = False
    """One replica on every node (DaemonSet, Compose ``deploy.mode: global``)."""
    surges: bool = False
    """Rolls out by starting an extra replica first (Deployment, Compose service)."""
    min_replicas: int | None = None
    max_replicas: int | None = None
    stateful: bool = False
    """Keeps data on its host (a named volume, a StatefulSet): all replicas on one host."""
    system: bool = False
    """Run by the Kubernetes distribution itself (CoreDNS, ...), not by the application."""


@dataclass(slots=True)
class Application:
    """Everything read from one application's files."""

    source: SourceKind
    documents: int
    workloads: list[Workload] = field(default_factory=list)
    load_balancers: int = 0
    claim_storage_bytes: int = 0
    """Standalone PersistentVolumeClaims (not from a StatefulSet's templates)."""
    stateful: bool = False
    jobs: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def warn(self, workload: str, message: str) -> None:
        self.warnings.append(Warning(workload, message))

    @property
    def steady(self) -> list[Workload]:
        """Workloads with a replica count (not per node)."""
        return [w for w in self.workloads if not w.per_node]

    @property
    def daemons(self) -> list[Workload]:
        return [w for w in self.workloads if w.per_node]

    @property
    def storage_bytes(self) -> int:
        total = sum(w.storage_bytes * w.replicas for w in self.workloads if not w.per_node)
        return total + self.claim_storage_bytes
