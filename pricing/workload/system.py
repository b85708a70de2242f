"""The pods a managed Kubernetes runs itself (catalog ``system_pods``): per node, they come off
each node's room as DaemonSets do; cluster add-ons (CoreDNS, ...) are placed like the
workload's own pods. Which distribution runs them follows the provider and control plane."""

from __future__ import annotations

from dataclasses import dataclass

from pricing.catalog import Catalog, SystemPod
from pricing.workload.model import Workload

MIB = 1024 * 1024
MANAGED = {"aws": "eks", "gcp": "gke", "azure": "aks", "digitalocean": "doks", "linode": "lke"}


def distribution_of(provider: str, control_plane: str) -> str:
    """The distribution whose system pods run: the provider's managed Kubernetes, or k3s when
    the control plane is self-managed (or the provider has none)."""
    if control_plane.startswith("self"):
        return "k3s"
    return MANAGED.get(provider, "k3s")


@dataclass(frozen=True, slots=True)
class SystemLoad:
    """What a distribution's own pods take: on every node, and as add-on workloads."""

    key: str
    label: str
    per_node: tuple[SystemPod, ...]
    add_ons: tuple[Workload, ...]

    @property
    def cpu_millicores(self) -> int:
        return sum(pod.cpu_millicores for pod in self.per_node)

    @property
    def memory_bytes(self) -> int:
        return sum(pod.memory_mib for pod in self.per_node) * MIB

    @property
    def pods(self) -> int:
        return len(self.per_node)


NO_SYSTEM = SystemLoad("none", "no system pods", (), ())


def system_load(catalog: Catalog, distribution: str, uses_storage: bool) -> SystemLoad:
    """The distribution's system pods (its storage plugins only when volumes are used)."""
    found = catalog.system_pods.get(distribution)
    if found is None:
        return NO_SYSTEM
    add_ons = tuple(
        Workload(
            name=pod.name,
            kind="system add-on",
            replicas=pod.replicas or 1,
            cpu_millicores=pod.cpu_millicores,
            memory_bytes=pod.memory_mib * MIB,
            system=True,
        )
        for pod in found.cluster
        if uses_storage or not pod.storage
    )
    per_node = tuple(pod for pod in found.per_node if uses_storage or not pod.storage)
    return SystemLoad(distribution, found.label, per_node, add_ons)
