"""Pods onto nodes: first-fit decreasing by dominant resource share.

Pods are taken largest first (the larger of their CPU and memory share of one node), each
placed on the first open node with room for its CPU, memory and pod slot, and under its
workload's per-node cap; a new node is opened when none has room. Whole numbers only
(millicores, bytes), so the check is exact. tests/pricing/test_packing.py checks it against
exhaustive search on small cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pricing.workload.model import Role


@dataclass(frozen=True, slots=True)
class Pod:
    name: str
    workload: str
    cpu_millicores: int
    memory_bytes: int
    role: Role = "replica"


@dataclass(frozen=True, slots=True)
class Room:
    """What one node offers the pods being placed."""

    cpu_millicores: int
    memory_bytes: int
    pods: int


@dataclass(slots=True)
class Node:
    pods: list[Pod] = field(default_factory=list)
    cpu_used: int = 0
    memory_used: int = 0
    per_workload: dict[str, int] = field(default_factory=dict)

    def takes(self, pod: Pod, room: Room, cap: int, spreading: bool) -> bool:
        """Room for ``pod``; while its workload is still ``spreading`` (on fewer nodes than
        it must be), a node that already holds one of its replicas does not take another."""
        held = self.per_workload.get(pod.workload, 0)
        return (
            not (spreading and held)
            and self.cpu_used + pod.cpu_millicores <= room.cpu_millicores
            and self.memory_used + pod.memory_bytes <= room.memory_bytes
            and len(self.pods) < room.pods
            and held < cap
        )

    def add(self, pod: Pod) -> None:
        self.pods.append(pod)
        self.cpu_used += pod.cpu_millicores
        self.memory_used += pod.memory_bytes
        self.per_workload[pod.workload] = self.per_workload.get(pod.workload, 0) + 1


def fits_empty(pod: Pod, room: Room) -> bool:
    return (
        pod.cpu_millicores <= room.cpu_millicores
        and pod.memory_bytes <= room.memory_bytes
        and room.pods >= 1
    )


def first_fit_decreasing(
    pods: Sequence[Pod],
    room: Room,
    caps: dict[str, int] | None = None,
    min_nodes: int = 1,
    spread: dict[str, int] | None = None,
) -> list[Node] | None:
    """The nodes FFD fills (at least ``min_nodes``), or None when a pod fits no empty node.
    ``caps`` limits the replicas of a workload on one node; ``spread`` is the fewest nodes
    a workload's replicas must be on (absent: no limit)."""
    caps, spread = caps or {}, spread or {}
    holding: dict[str, int] = {}
    if any(not fits_empty(pod, room) for pod in pods):
        return None
    cpu, memory = max(room.cpu_millicores, 1), max(room.memory_bytes, 1)
    order = sorted(
        pods,
        key=lambda pod: (-max(pod.cpu_millicores / cpu, pod.memory_bytes / memory), pod.name),
    )
    nodes: list[Node] = []
    unbounded = len(pods) + 1
    for pod in order:
        cap = caps.get(pod.workload, unbounded)
        spreading = holding.get(pod.workload, 0) < spread.get(pod.workload, 0)
        target = next((node for node in nodes if node.takes(pod, room, cap, spreading)), None)
        if target is None:
            target = Node()
            nodes.append(target)
        if pod.workload not in target.per_workload:
            holding[pod.workload] = holding.get(pod.workload, 0) + 1
        target.add(pod)
    while len(nodes) < min_nodes:
        nodes.append(Node())
    return nodes
