"""The Kubernetes nodes: for each type, the fewest nodes FFD needs; the cheapest total wins.

Per node, DaemonSet pods come off the allocatable first. A workload of r replicas puts at
most ceil(r / min(r, zones)) on one node, so it spreads over at least min(r, zones) nodes.
With ``rolling_surge``, one extra replica of the largest Deployment-like workload must fit
too (a rolling update's maxSurge of one), with no spreading cap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import NamedTuple

from pricing.allocatable import Allocatable, Flavour, node_allocatable
from pricing.workload.candidates import Candidate, gib, vcpu
from pricing.workload.errors import SizingError, field_limit
from pricing.workload.model import Application, SizingOptions, Workload
from pricing.workload.packing import Node, Pod, Room, first_fit_decreasing
from pricing.workload.report import Choice, KubernetesSizing, NodeAllocatable, Placement

Replicas = Callable[[Workload], int]
NODES_LIMIT = field_limit("k8s_nodes")


def steady(workload: Workload) -> int:
    return workload.replicas


def fewest(workload: Workload) -> int:
    return workload.min_replicas or workload.replicas


def most(workload: Workload) -> int:
    return workload.max_replicas or workload.replicas


def pods_of(app: Application, replicas: Replicas, options: SizingOptions) -> list[Pod]:
    pods = [
        Pod(f"{w.name}-{index}", w.name, w.cpu_millicores, w.memory_bytes)
        for w in app.steady
        for index in range(1, replicas(w) + 1)
    ]
    surging = [w for w in app.steady if w.surges]
    if options.rolling_surge and surging:
        largest = max(surging, key=lambda w: (w.memory_bytes, w.cpu_millicores, w.name))
        pods.append(
            Pod(
                f"{largest.name}-surge",
                f"{largest.name} surge",
                largest.cpu_millicores,
                largest.memory_bytes,
            )
        )
    return pods


def caps_of(app: Application, replicas: Replicas, options: SizingOptions) -> dict[str, int]:
    caps = {}
    for workload in app.steady:
        count = replicas(workload)
        caps[workload.name] = math.ceil(count / max(min(count, options.zones), 1))
    return caps


def room_of(allocatable: Allocatable, app: Application, options: SizingOptions) -> Room:
    share = 100 / (100 + options.k8s_headroom_percent)
    daemons = app.daemons
    return Room(
        cpu_millicores=int(allocatable.cpu_millicores * share)
        - sum(d.cpu_millicores for d in daemons),
        memory_bytes=int(allocatable.memory_bytes * share) - sum(d.memory_bytes for d in daemons),
        pods=allocatable.pods - len(daemons),
    )


def pack(
    app: Application, allocatable: Allocatable, replicas: Replicas, options: SizingOptions
) -> list[Node] | None:
    room = room_of(allocatable, app, options)
    if room.cpu_millicores < 0 or room.memory_bytes < 0 or room.pods < 1:
        return None
    pods = pods_of(app, replicas, options)
    spread = {w.name: min(replicas(w), options.zones) for w in app.steady}
    caps = caps_of(app, replicas, options)
    return first_fit_decreasing(pods, room, caps, options.min_nodes, spread)


def _too_big(
    app: Application, types: list[Candidate], flavour: Flavour, options: SizingOptions
) -> SizingError:
    largest = max(types, key=lambda c: (c.spec.memory_gib, c.spec.vcpu))
    room = room_of(node_allocatable(flavour, largest.spec, options.max_pods), app, options)
    biggest = max(
        app.steady or app.workloads,
        key=lambda w: max(
            w.cpu_millicores / max(room.cpu_millicores, 1),
            w.memory_bytes / max(room.memory_bytes, 1),
        ),
    )
    return SizingError(
        f"workload {biggest.name} ({vcpu(biggest.cpu_millicores)} vCPU, "
        f"{gib(biggest.memory_bytes)} GiB per replica) fits no node type here: the largest, "
        f"{largest.key}, leaves {vcpu(room.cpu_millicores)} vCPU and {gib(room.memory_bytes)} GiB "
        "for pods after the system's reservations and the DaemonSets"
    )


def _placement(nodes: list[Node], daemons: list[Workload]) -> tuple[Placement, ...]:
    """Each node's pods, its DaemonSets' first, and what they use of its allocatable."""
    names = tuple(d.name for d in daemons)
    cpu = sum(d.cpu_millicores for d in daemons)
    memory = sum(d.memory_bytes for d in daemons)
    return tuple(
        Placement(
            number,
            (*names, *(p.name for p in node.pods)),
            vcpu(node.cpu_used + cpu),
            gib(node.memory_used + memory),
        )
        for number, node in enumerate(nodes, start=1)
    )


def holds_each_pod(app: Application, room: Room) -> bool:
    return all(
        w.cpu_millicores <= room.cpu_millicores and w.memory_bytes <= room.memory_bytes
        for w in app.steady
    )


class Demand(NamedTuple):
    """What every pod of a packing asks for together."""

    cpu_millicores: int
    memory_bytes: int
    pods: int


def demand_of(pods: Sequence[Pod]) -> Demand:
    return Demand(sum(p.cpu_millicores for p in pods), sum(p.memory_bytes for p in pods), len(pods))


def fewest_nodes(app: Application, demand: Demand, room: Room, options: SizingOptions) -> int:
    """A lower bound on the nodes any packing needs: the totals over one node's room, the
    widest spread, and the fewest nodes asked for."""
    if room.cpu_millicores <= 0 or room.memory_bytes <= 0 or room.pods < 1:
        return 0
    return max(
        math.ceil(demand.cpu_millicores / room.cpu_millicores),
        math.ceil(demand.memory_bytes / room.memory_bytes),
        math.ceil(demand.pods / room.pods),
        max((min(w.replicas, options.zones) for w in app.steady), default=1),
        options.min_nodes,
    )


def size_cluster(
    app: Application,
    types: list[Candidate],
    flavour: Flavour,
    hours: Decimal,
    options: SizingOptions,
) -> KubernetesSizing:
    """The cheapest node type and count that hold every pod.

    Types are packed cheapest lower bound first (the bound: ``fewest_nodes`` at the type's
    price), and packing stops once a bound exceeds the runner-up found so far: the same
    answer as packing every type, in a fraction of the packings on a large catalog."""
    bounded, over = [], []
    demand = demand_of(pods_of(app, steady, options))  # the same for every type: once
    for candidate in types:
        allocatable = node_allocatable(flavour, candidate.spec, options.max_pods)
        room = room_of(allocatable, app, options)
        least = fewest_nodes(app, demand, room, options)
        if least > NODES_LIMIT:
            if holds_each_pod(app, room):
                over.append((least, candidate.key))
        elif least:
            bounded.append((candidate.monthly(least, hours), candidate, allocatable))
    if over and not bounded:
        least, key = min(over)
        raise SizingError(
            f"the workload needs at least {least:,} Kubernetes nodes (of {key}, the type "
            f"needing the fewest), over the limit of {NODES_LIMIT:,} (k8s_nodes)"
        )
    bounded.sort(key=lambda item: item[0])
    options_tried: list[tuple[Decimal, int, str, Candidate, Allocatable, list[Node]]] = []
    for bound, candidate, allocatable in bounded:
        if len(options_tried) >= 2 and bound > sorted(options_tried, key=lambda o: o[:3])[1][0]:
            break
        nodes = pack(app, allocatable, steady, options)
        if nodes is not None:
            monthly = candidate.monthly(len(nodes), hours)
            options_tried.append(
                (monthly, len(nodes), candidate.key, candidate, allocatable, nodes)
            )
    if not options_tried:
        raise _too_big(app, types, flavour, options)
    options_tried.sort(key=lambda item: item[:3])
    monthly, count, _, best, allocatable, nodes = options_tried[0]
    runner_up = None
    if len(options_tried) > 1:
        second = options_tried[1]
        runner_up = Choice(second[2], second[1], second[0])
    nodes_min = nodes_max = None
    if any(w.min_replicas is not None for w in app.steady):
        low, high = pack(app, allocatable, fewest, options), pack(app, allocatable, most, options)
        nodes_min = min(len(low or nodes), count)
        nodes_max = max(len(high) if high is not None else count, count)
    return KubernetesSizing(
        instance_type=best.key,
        nodes=count,
        nodes_min=nodes_min,
        nodes_max=nodes_max,
        allocatable=NodeAllocatable(
            vcpu(allocatable.cpu_millicores), gib(allocatable.memory_bytes), allocatable.pods
        ),
        monthly=monthly,
        runner_up=runner_up,
        placement=_placement(nodes, app.daemons),
    )
