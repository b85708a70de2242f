"""What the report says of a packing: each VM's pods with their workloads and roles (what
runs on every VM first: the system's pods, the DaemonSets or global services), and the
distribution's system pods."""

from __future__ import annotations

from pricing.workload.candidates import gib, vcpu
from pricing.workload.model import Application, Workload
from pricing.workload.packing import Node, Pod
from pricing.workload.report import AddOn, PlacedPod, Placement, SystemPodsLine
from pricing.workload.system import SystemLoad


def placed(pod: Pod) -> PlacedPod:
    """A packed pod as the report names it: a surge pod belongs to its workload (packing
    keys it apart only so that the spreading cap does not apply to it)."""
    workload = pod.workload.removesuffix(" surge") if pod.role == "surge" else pod.workload
    return PlacedPod(pod.name, workload, pod.role)


def fixed_load(
    app: Application, system: SystemLoad | None = None
) -> tuple[list[PlacedPod], int, int]:
    """What runs on every VM before the packed pods, and its CPU (millicores) and memory
    (bytes): the system's per-node pods as one ``system`` entry, then each per-node
    workload (DaemonSet, Compose global service)."""
    daemons: list[Workload] = app.daemons
    fixed = [PlacedPod("system", "system", "system")] if system and system.per_node else []
    fixed += [PlacedPod(d.name, d.name, "daemon") for d in daemons]
    cpu = (system.cpu_millicores if system else 0) + sum(d.cpu_millicores for d in daemons)
    memory = (system.memory_bytes if system else 0) + sum(d.memory_bytes for d in daemons)
    return fixed, cpu, memory


def placement_of(
    nodes: list[Node], fixed: list[PlacedPod], cpu: int, memory: int
) -> tuple[Placement, ...]:
    """Each VM's pods, the ``fixed`` ones first, and what they use."""
    return tuple(
        Placement(
            number,
            (*fixed, *(placed(pod) for pod in node.pods)),
            vcpu(node.cpu_used + cpu),
            gib(node.memory_used + memory),
        )
        for number, node in enumerate(nodes, start=1)
    )


def system_line(system: SystemLoad) -> SystemPodsLine:
    return SystemPodsLine(
        distribution=system.key,
        label=system.label,
        per_node=tuple(pod.name for pod in system.per_node),
        per_node_cpu=vcpu(system.cpu_millicores),
        per_node_memory_gib=gib(system.memory_bytes),
        add_ons=tuple(
            AddOn(w.name, w.replicas, vcpu(w.cpu_millicores), gib(w.memory_bytes))
            for w in system.add_ons
        ),
    )
