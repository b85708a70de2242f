"""The Kubernetes nodes: for each type, the fewest nodes FFD needs; the cheapest total wins.

Per node, the distribution's system pods and the DaemonSets come off the allocatable first.
A workload of r replicas puts at most ceil(r / min(r, zones)) on one node, so it spreads over
at least min(r, zones) nodes; the distribution's add-ons (CoreDNS, ...) are placed with the
pods, without that rule (their anti-affinity is only preferred). With ``rolling_surge``, one
extra replica of the largest Deployment-like workload must fit too (a rolling update's
maxSurge of one), with no spreading cap.

The steps, in order: ``plan_of`` (the pods, the same for every type), ``shape_of`` (a type's
room), ``bounded`` (a lower bound of each type's cost), ``cheapest`` (pack types cheapest
bound first, stop once a bound passes the runner-up), then ``autoscaling_range`` and
``placement_of`` for the report.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pricing.allocatable import Allocatable, Flavour, node_allocatable
from pricing.resolve import Machine
from pricing.workload.burstable import CpuRule, burstable_use
from pricing.workload.candidates import gib, monthly, vcpu
from pricing.workload.errors import SizingError, field_limit
from pricing.workload.model import Application, Role, SizingOptions, Workload
from pricing.workload.packing import Node, Pod, Room, first_fit_decreasing
from pricing.workload.placement import fixed_load, placement_of, system_line
from pricing.workload.report import (
    Choice,
    KubernetesSizing,
    NodeAllocatable,
)
from pricing.workload.system import SystemLoad

Replicas = Callable[[Workload], int]
NODES_LIMIT = field_limit("k8s_nodes")


def steady(workload: Workload) -> int:
    return workload.replicas


def fewest(workload: Workload) -> int:
    return workload.min_replicas or workload.replicas


def most(workload: Workload) -> int:
    return workload.max_replicas or workload.replicas


@dataclass(frozen=True, slots=True)
class Plan:
    """What every type must hold: the pods, their spreading, and each node's fixed load
    (system pods and DaemonSets)."""

    pods: list[Pod]
    caps: dict[str, int]
    spread: dict[str, int]
    per_node_cpu: int
    per_node_memory: int
    per_node_pods: int
    min_nodes: int

    @property
    def widest(self) -> int:
        return max(self.spread.values(), default=1)


def fewest_nodes_asked(app: Application, options: SizingOptions) -> int:
    """``min_nodes``, raised to two for node redundancy when a workload has more than one
    replica or the Docker side is failover (``redundant_nodes``)."""
    replicated = any(w.replicas > 1 for w in app.steady) or options.docker_failover
    return max(options.min_nodes, 2 if options.redundant_nodes and replicated else 1)


def plan_of(
    app: Application, system: SystemLoad, options: SizingOptions, replicas: Replicas = steady
) -> Plan:
    placed = [*app.steady, *system.add_ons]
    pods = [
        Pod(f"{w.name}-{i}", w.name, w.cpu_millicores, w.memory_bytes, _role(w))
        for w in placed
        for i in range(1, replicas(w) + 1)
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
                "surge",
            )
        )
    # The add-ons' anti-affinity is only preferred (EKS's CoreDNS): they may share a node.
    spread = {w.name: min(replicas(w), options.zones) for w in app.steady}
    return Plan(
        pods=pods,
        caps={w.name: math.ceil(replicas(w) / max(spread[w.name], 1)) for w in app.steady},
        spread=spread,
        per_node_cpu=system.cpu_millicores + sum(d.cpu_millicores for d in app.daemons),
        per_node_memory=system.memory_bytes + sum(d.memory_bytes for d in app.daemons),
        per_node_pods=system.pods + len(app.daemons),
        min_nodes=fewest_nodes_asked(app, options),
    )


def _role(workload: Workload) -> Role:
    return "system" if workload.system else "replica"


@dataclass(frozen=True, slots=True)
class Shape:
    """A type as the packing sees it: its allocatable (CPU under the burstable rule) and
    the room left for pods on each node."""

    machine: Machine
    allocatable: Allocatable
    room: Room

    @property
    def usable(self) -> bool:
        room = self.room
        return room.cpu_millicores >= 0 and room.memory_bytes >= 0 and room.pods >= 1

    def holds_each(self, pods: list[Pod]) -> bool:
        room = self.room
        return all(
            p.cpu_millicores <= room.cpu_millicores and p.memory_bytes <= room.memory_bytes
            for p in pods
        )


def shape_of(
    machine: Machine, flavour: Flavour, plan: Plan, rule: CpuRule, options: SizingOptions
) -> Shape:
    full = node_allocatable(flavour, machine.spec, options.max_pods)
    cpu = max(full.cpu_millicores - rule.withheld_millicores(machine), 0)
    allocatable = Allocatable(cpu, full.memory_bytes, full.pods)
    share = 100 / (100 + options.k8s_headroom_percent)
    room = Room(
        cpu_millicores=int(allocatable.cpu_millicores * share) - plan.per_node_cpu,
        memory_bytes=int(allocatable.memory_bytes * share) - plan.per_node_memory,
        pods=allocatable.pods - plan.per_node_pods,
    )
    return Shape(machine, allocatable, room)


def fewest_nodes(plan: Plan, room: Room) -> int:
    """A lower bound on the nodes any packing needs: the totals over one node's room, the
    widest spread, and the fewest nodes asked for (0: the room holds nothing)."""
    if room.cpu_millicores <= 0 or room.memory_bytes <= 0 or room.pods < 1:
        return 0
    return max(
        math.ceil(sum(p.cpu_millicores for p in plan.pods) / room.cpu_millicores),
        math.ceil(sum(p.memory_bytes for p in plan.pods) / room.memory_bytes),
        math.ceil(len(plan.pods) / room.pods),
        plan.widest,
        plan.min_nodes,
    )


def bounded(shapes: list[Shape], plan: Plan, hours: Decimal) -> list[tuple[Decimal, Shape]]:
    """Each usable type with a lower bound of its monthly cost, cheapest first; SizingError
    when every type that holds each pod needs more nodes than a Scenario allows."""
    found, over = [], []
    for shape in shapes:
        least = fewest_nodes(plan, shape.room)
        if least > NODES_LIMIT:
            if shape.holds_each(plan.pods):
                over.append((least, shape.machine.key))
        elif least:
            found.append((monthly(shape.machine, least, hours), shape))
    if over and not found:
        least, key = min(over)
        raise SizingError(
            f"the workload needs at least {least:,} Kubernetes nodes (of {key}, the type "
            f"needing the fewest), over the limit of {NODES_LIMIT:,} (k8s_nodes)"
        )
    return sorted(found, key=lambda item: item[0])


@dataclass(frozen=True, slots=True)
class Packing:
    """One type packed: its nodes and their monthly cost (VMs and surplus credits)."""

    shape: Shape
    nodes: list[Node]
    monthly: Decimal
    surplus: Decimal

    @property
    def order(self) -> tuple[Decimal, int, str]:
        return (self.monthly, len(self.nodes), self.shape.machine.key)


def pack(shape: Shape, plan: Plan) -> list[Node] | None:
    if not shape.usable:
        return None
    return first_fit_decreasing(plan.pods, shape.room, plan.caps, plan.min_nodes, plan.spread)


def packing_of(
    shape: Shape, nodes: list[Node], plan: Plan, rule: CpuRule, hours: Decimal
) -> Packing:
    surplus = sum(
        (
            rule.surplus_monthly(shape.machine, node.cpu_used + plan.per_node_cpu, hours)
            for node in nodes
        ),
        Decimal(0),
    )
    return Packing(shape, nodes, monthly(shape.machine, len(nodes), hours) + surplus, surplus)


def cheapest(
    candidates: list[tuple[Decimal, Shape]], plan: Plan, rule: CpuRule, hours: Decimal
) -> list[Packing]:
    """The packings tried, cheapest first: types are packed in order of their bound, and
    packing stops once a bound exceeds the runner-up found so far (the same answer as
    packing every type, in a fraction of the packings on a large catalog). A packing of
    more nodes than a Scenario allows is no answer; if every one is, SizingError says how
    many the fewest needs."""
    tried: list[Packing] = []
    over: list[int] = []
    for bound, shape in candidates:
        if len(tried) >= 2 and bound > sorted(tried, key=lambda p: p.order)[1].monthly:
            break
        nodes = pack(shape, plan)
        if nodes is not None and len(nodes) > NODES_LIMIT:
            over.append(len(nodes))
        elif nodes is not None:
            tried.append(packing_of(shape, nodes, plan, rule, hours))
    if over and not tried:
        raise SizingError(
            f"the sized workload needs {min(over):,} Kubernetes nodes, over the limit of "
            f"{NODES_LIMIT:,} (k8s_nodes)"
        )
    return sorted(tried, key=lambda p: p.order)


def too_big(app: Application, shapes: list[Shape]) -> SizingError:
    """No type holds some pod: name the workload that fits worst and the largest type."""
    largest = max(shapes, key=lambda s: (s.machine.spec.memory_gib, s.machine.spec.vcpu))
    room = largest.room
    if room.pods < 1:
        return SizingError(
            f"no pod slot is left on any node type here: the largest, {largest.machine.key}, "
            f"takes {largest.allocatable.pods} pods, all of them the system's and the "
            "DaemonSets' (raise k8s_max_pods)"
        )
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
        f"{largest.machine.key}, leaves {vcpu(max(room.cpu_millicores, 0))} vCPU and "
        f"{gib(max(room.memory_bytes, 0))} GiB for pods after the system's reservations, its "
        "system pods and the DaemonSets"
    )


def autoscaling_range(
    app: Application, system: SystemLoad, shape: Shape, count: int, options: SizingOptions
) -> tuple[int | None, int | None]:
    """Nodes at the autoscalers' fewest and most replicas (None without autoscalers)."""
    if all(w.min_replicas is None for w in app.steady):
        return None, None
    low = pack(shape, plan_of(app, system, options, fewest))
    high = pack(shape, plan_of(app, system, options, most))
    return min(len(low) if low else count, count), max(len(high) if high else count, count)


def size_cluster(
    app: Application,
    machines: list[Machine],
    flavour: Flavour,
    hours: Decimal,
    options: SizingOptions,
    system: SystemLoad,
    rule: CpuRule,
) -> KubernetesSizing:
    """The cheapest node type and count that hold every pod, the system's included."""
    plan = plan_of(app, system, options)
    shapes = [shape_of(machine, flavour, plan, rule, options) for machine in machines]
    packings = cheapest(bounded(shapes, plan, hours), plan, rule, hours)
    if not packings:
        raise too_big(app, shapes)
    best = packings[0]
    shape, count = best.shape, len(best.nodes)
    second = packings[1] if len(packings) > 1 else None
    nodes_min, nodes_max = autoscaling_range(app, system, shape, count, options)
    room = shape.allocatable
    return KubernetesSizing(
        instance_type=shape.machine.key,
        nodes=count,
        nodes_min=nodes_min,
        nodes_max=nodes_max,
        allocatable=NodeAllocatable(vcpu(room.cpu_millicores), gib(room.memory_bytes), room.pods),
        monthly=best.monthly,
        runner_up=Choice(second.shape.machine.key, len(second.nodes), second.monthly)
        if second
        else None,
        placement=placement_of(best.nodes, *fixed_load(app, system)),
        system=system_line(system),
        burstable=burstable_use(rule, shape.machine, room.cpu_millicores, best.surplus),
        single_node=count == 1,
    )
