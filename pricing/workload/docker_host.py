"""The Docker hosts: the cheapest type whose room holds the whole workload and its headroom,
or, when no single host holds it (or the user asks for N hosts), the services spread over
hosts.

- ``failover`` (the Scenario's ``docker_setup``): each of the N hosts holds everything.
- One host asked for (the default): the cheapest type that holds it all; if none does, the
  cheapest type and count that hold it spread, first-fit decreasing over hosts.
- N > 1 hosts asked for, no failover: the cheapest type whose N hosts hold it spread.

Spread over hosts, a service's replicas may land on different hosts, but a stateful service
(a named volume: its data lives on one host) keeps all its replicas on one; a global service
runs on every host. Each host's room is its capacity less the system's share (as a Kubernetes
node with no pods, see ``host_allocatable``), divided by 1 + headroom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from pricing.allocatable import host_allocatable
from pricing.resolve import Machine
from pricing.workload.burstable import CpuRule, Surplus, burstable_use
from pricing.workload.candidates import gib, monthly, vcpu
from pricing.workload.errors import SizingError, field_limit
from pricing.workload.model import Application, SizingOptions, Warning, Workload
from pricing.workload.packing import Pod, Room, first_fit_decreasing
from pricing.workload.placement import fixed_load, placement_of
from pricing.workload.report import Choice, DockerSizing, PlacedPod, Placement

HOSTS_LIMIT = field_limit("docker_hosts")


def workload_sum(app: Application) -> tuple[int, int]:
    """CPU (millicores) and memory (bytes) of everything on one host: every replica, and
    each per-node workload once."""
    cpu = sum(w.cpu_millicores * (1 if w.per_node else w.replicas) for w in app.workloads)
    memory = sum(w.memory_bytes * (1 if w.per_node else w.replicas) for w in app.workloads)
    return cpu, memory


@dataclass(frozen=True, slots=True)
class HostOption:
    """A type and count of hosts that hold the workload, with what runs on each."""

    machine: Machine
    hosts: int
    monthly: Decimal
    surplus: Surplus
    cpu_counted: int
    memory_counted: int
    placement: tuple[Placement, ...]

    upkeep: Decimal = Decimal(0)  # the hosts' people time a month, at the likely hours

    @property
    def order(self) -> tuple[Decimal, int, str]:
        return (self.monthly + self.upkeep, self.hosts, self.machine.key)


def _room(machine: Machine, rule: CpuRule) -> tuple[int, int]:
    room = host_allocatable(machine.spec)
    return max(room.cpu_millicores - rule.withheld_millicores(machine), 0), room.memory_bytes


def _whole(app: Application, hosts: int) -> tuple[Placement, ...]:
    """Every host holding every service (one host, or failover)."""
    cpu, memory = workload_sum(app)
    pods = tuple(
        PlacedPod(f"{w.name}-{i}", w.name, "daemon" if w.per_node else "replica")
        for w in app.workloads
        for i in range(1, (1 if w.per_node else w.replicas) + 1)
    )
    return tuple(Placement(n, pods, vcpu(cpu), gib(memory)) for n in range(1, hosts + 1))


def single_hosts(
    app: Application, machines: list[Machine], hours: Decimal, options: SizingOptions, rule: CpuRule
) -> list[HostOption]:
    """Types whose one host holds it all (with headroom), priced for ``docker_hosts`` hosts."""
    cpu, memory = workload_sum(app)
    factor = (100 + options.headroom_percent) / 100
    need_cpu, need_memory = math.ceil(cpu * factor), math.ceil(memory * factor)
    hosts, found = options.docker_hosts, []
    for machine in machines:
        room_cpu, room_memory = _room(machine, rule)
        if need_cpu <= room_cpu and need_memory <= room_memory:
            surplus = rule.surplus(machine, [cpu] * hosts, hours)
            cost = monthly(machine, hosts, hours) + surplus.monthly
            found.append(
                HostOption(machine, hosts, cost, surplus, room_cpu, room_memory, _whole(app, hosts))
            )
    return sorted(found, key=lambda o: o.order)


def _pods(app: Application) -> list[Pod]:
    """Each replica a pod; a stateful service one pod of all its replicas (one host)."""
    pods = []
    for w in app.steady:
        if w.stateful:
            pods.append(
                Pod(w.name, w.name, w.cpu_millicores * w.replicas, w.memory_bytes * w.replicas)
            )
        else:
            pods += [
                Pod(f"{w.name}-{i}", w.name, w.cpu_millicores, w.memory_bytes)
                for i in range(1, w.replicas + 1)
            ]
    return pods


def _host_room(machine: Machine, rule: CpuRule, share: Decimal, globals_: list[Workload]) -> Room:
    room_cpu, room_memory = _room(machine, rule)
    return Room(
        int(room_cpu * share) - sum(w.cpu_millicores for w in globals_),
        int(room_memory * share) - sum(w.memory_bytes for w in globals_),
        2**31,  # a Docker host runs as many containers as fit
    )


def _fewest_hosts(pods: list[Pod], room: Room, hosts: int | None) -> int:
    """A lower bound on the hosts any spreading needs (0: the room holds nothing)."""
    if room.cpu_millicores <= 0 or room.memory_bytes <= 0:
        return 0
    return max(
        math.ceil(sum(p.cpu_millicores for p in pods) / room.cpu_millicores),
        math.ceil(sum(p.memory_bytes for p in pods) / room.memory_bytes),
        hosts or 1,
    )


def spread_hosts(
    app: Application,
    machines: list[Machine],
    hours: Decimal,
    options: SizingOptions,
    rule: CpuRule,
    hosts: int | None,
    per_host: Decimal = Decimal(0),
) -> list[HostOption]:
    """Types whose hosts hold the services spread (exactly ``hosts`` of them if given, else
    as many as first-fit decreasing needs, up to the Scenario's limit), cheapest first,
    ``per_host`` (each host's people time a month, in money) counted: 500 small hosts cost
    more than 125 large ones of the same price. Types are packed cheapest lower bound first,
    and packing stops once a bound passes the runner-up found so far, as for the cluster."""
    pods, globals_ = _pods(app), app.daemons
    share = Decimal(100) / (100 + options.headroom_percent)
    # N hosts asked for: each service's replicas over min(replicas, N) of them, evenly
    spreading = [w for w in app.steady if hosts and not w.stateful]
    spread = {w.name: min(w.replicas, hosts or 1) for w in spreading}
    caps = {w.name: math.ceil(w.replicas / spread[w.name]) for w in spreading}
    bounds = []
    for machine in machines:
        room = _host_room(machine, rule, share, globals_)
        least = _fewest_hosts(pods, room, hosts)
        if 0 < least <= (hosts or HOSTS_LIMIT):
            bound = monthly(machine, least, hours) + least * per_host
            bounds.append((bound, machine.key, machine, room))
    found: list[HostOption] = []
    for bound, _, machine, room in sorted(bounds):
        if len(found) >= 2 and bound > sorted(found, key=lambda o: o.order)[1].order[0]:
            break
        nodes = first_fit_decreasing(pods, room, caps, hosts or 1, spread)
        if nodes is None or len(nodes) > (hosts or HOSTS_LIMIT):
            continue
        used = [n.cpu_used + sum(w.cpu_millicores for w in globals_) for n in nodes]
        surplus = rule.surplus(machine, used, hours)
        cost = monthly(machine, len(nodes), hours) + surplus.monthly
        room_cpu, room_memory = _room(machine, rule)
        placement = placement_of(nodes, *fixed_load(app))
        upkeep = len(nodes) * per_host
        found.append(
            HostOption(machine, len(nodes), cost, surplus, room_cpu, room_memory, placement, upkeep)
        )
    return sorted(found, key=lambda o: o.order)


def allowed_hosts(machines: list[Machine], options: SizingOptions) -> list[Machine]:
    """The types the Docker host may be: at most ``max_host_vcpu`` vCPU; SizingError naming
    the option when none is."""
    allowed = [m for m in machines if m.spec.vcpu <= options.max_host_vcpu]
    if machines and not allowed:
        smallest = min(machines, key=lambda m: (m.spec.vcpu, m.spec.memory_gib, m.key))
        raise SizingError(
            f"no host type here has at most {options.max_host_vcpu} vCPU: the smallest, "
            f"{smallest.key}, has {smallest.spec.vcpu}",
            field="max_host_vcpu",
        )
    return allowed


def _host_options(
    app: Application,
    machines: list[Machine],
    hours: Decimal,
    options: SizingOptions,
    rule: CpuRule,
    per_host: Decimal,
) -> tuple[list[HostOption], bool, list[Warning]]:
    """The hosts that hold the workload, cheapest first; whether they are spread; warnings."""
    asked = options.docker_hosts if options.docker_hosts > 1 else None
    if options.docker_failover or asked is None:
        found = single_hosts(app, machines, hours, options, rule)
        spread = not found and not options.docker_failover
        if spread:
            found = spread_hosts(app, machines, hours, options, rule, None, per_host)
        return found, spread, []
    found = spread_hosts(app, machines, hours, options, rule, asked, per_host)
    if found:
        return found, True, []
    warning = Warning(
        "",
        f"{asked} Docker hosts of any type here cannot hold the workload: "
        "sized with as many hosts as it needs",
    )
    return spread_hosts(app, machines, hours, options, rule, None, per_host), True, [warning]


def _unheld(app: Application, machines: list[Machine], options: SizingOptions) -> Warning:
    """Why no host (or count of hosts) holds the workload."""
    cpu, memory = workload_sum(app)
    factor = (100 + options.headroom_percent) / 100
    largest = max(machines, key=lambda m: (m.spec.memory_gib, m.spec.vcpu))
    return Warning(
        "",
        f"no Docker host holds the workload ({vcpu(math.ceil(cpu * factor))} vCPU, "
        f"{gib(math.ceil(memory * factor))} GiB with {options.headroom_percent}% headroom), "
        + (
            "each of the failover hosts must hold it all; "
            if options.docker_failover
            else f"nor do {HOSTS_LIMIT:,} hosts (docker_hosts' limit) of any type here, "
            "the services spread over them; "
        )
        + f"the largest type here of at most {options.max_host_vcpu} vCPU (max_host_vcpu) "
        f"is {largest.key}",
    )


def size_docker(
    app: Application,
    machines: list[Machine],
    hours: Decimal,
    options: SizingOptions,
    rule: CpuRule,
    per_host: Decimal = Decimal(0),
) -> tuple[DockerSizing | None, list[Warning]]:
    """The cheapest hosts of at most ``max_host_vcpu`` vCPU for the workload, each host's
    people time a month (``per_host``) counted when the services are spread (None when no
    type holds it, with a warning)."""
    allowed = allowed_hosts(machines, options)
    found, spread, warnings = _host_options(app, allowed, hours, options, rule, per_host)
    if not found:
        return None, [*warnings, _unheld(app, allowed, options)]
    above = [m for m in machines if m.spec.vcpu > options.max_host_vcpu]
    capped = spread and options.docker_hosts == 1 and bool(above)
    capped = capped and bool(single_hosts(app, above, hours, options, rule))
    return _docker_sizing(app, found, options, rule, spread, capped), warnings


def _docker_sizing(
    app: Application,
    found: list[HostOption],
    options: SizingOptions,
    rule: CpuRule,
    spread: bool,
    capped: bool,
) -> DockerSizing:
    cpu, memory = workload_sum(app)
    factor = (100 + options.headroom_percent) / 100
    best = found[0]
    second = found[1] if len(found) > 1 else None
    return DockerSizing(
        instance_type=best.machine.key,
        hosts=best.hosts,
        vcpu=best.machine.spec.vcpu,
        memory_gib=best.machine.spec.memory_gib,
        needed_cpu=vcpu(math.ceil(cpu * factor)),
        needed_memory_gib=gib(math.ceil(memory * factor)),
        allocatable_cpu=vcpu(best.cpu_counted),
        allocatable_memory_gib=gib(best.memory_counted),
        monthly=best.monthly,
        runner_up=Choice(second.machine.key, second.hosts, second.monthly) if second else None,
        placement=best.placement,
        spread=spread,
        load_balancer=best.hosts > 1 and app.load_balancers > 0,
        burstable=burstable_use(rule, best.machine, best.cpu_counted, best.surplus),
        capped=capped,
    )
