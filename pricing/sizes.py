"""What each environment runs in a month: the Docker hosts (type and count) and the
Kubernetes nodes, sized by the capacity check's rules (``pricing.capacity``).

Month 1 is production as entered. A non-production environment at p% holds p% of
production's workload, where the scenario gives one (workload_vcpu, workload_memory_gib,
workload_pods); without one, it is production scaled down: Docker hosts of the smallest size
in the production type's family with p% of its vCPU and memory, and p% of the nodes (rounded
up). As the workload grows, each setup steps up only when the month's workload no longer fits:
a Docker host to the cheapest type of its family (on the same architecture, of at most
MAX_HOST_VCPU vCPU or the type entered) at least as large that holds it on the same number of
hosts, then to more hosts (the fewest that hold it);
Kubernetes adds nodes of its type.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple

from pricing.allocatable import Allocatable, host_allocatable
from pricing.capacity import node_room, vms_needed
from pricing.resolve import Resolved

HUNDRED = Decimal(100)
MOST_VMS = 1000  # the Scenario's own bound on docker_hosts and k8s_nodes
# The largest Docker host a growing workload steps up to, in vCPU, unless the type entered is
# larger: past it, hosts are added. The sizing's own cap (SizingOptions.max_host_vcpu's
# default; docs/SIZING.md says why 32): one host is one failure domain, and Compose stops at
# a host.
MAX_HOST_VCPU = 32


class Demand(NamedTuple):
    """A workload: its CPU and memory requests and pods (each None where not given)."""

    vcpu: Decimal | None
    memory_gib: Decimal | None
    pods: int | None

    def times(self, factor: Decimal) -> Demand:
        return Demand(
            None if self.vcpu is None else self.vcpu * factor,
            None if self.memory_gib is None else self.memory_gib * factor,
            None if self.pods is None else math.ceil(self.pods * factor),
        )


class Hosts(NamedTuple):
    instance_type: str
    hosts: int


class Sizes(NamedTuple):
    """One month's VMs. ``nonprod_docker`` is each non-production environment's hosts;
    ``nonprod_nodes`` each non-production cluster's nodes, or (namespaces) the nodes they
    add to the one cluster. ``pods`` is production's workload where the tier bills pods."""

    docker: Hosts
    nodes: int
    nonprod_docker: Hosts | None = None
    nonprod_nodes: int = 0
    pods: Demand | None = None


class TooMany(Exception):
    """A size past the calculator's bounds: ``what`` needs ``count`` VMs."""

    def __init__(self, what: str, count: int) -> None:
        super().__init__(f"{what}: {count:,}")
        self.what = what
        self.count = count


def demand_of(resolved: Resolved) -> Demand | None:
    scenario = resolved.scenario
    demand = Demand(scenario.workload_vcpu, scenario.workload_memory_gib, scenario.workload_pods)
    return None if demand == Demand(None, None, None) else demand


class Sizer:
    """Sizes the environments of one resolved scenario, month by month."""

    def __init__(self, resolved: Resolved) -> None:
        scenario, matches = resolved
        self.scenario = scenario
        self.share = scenario.nonprod_size_percent / HUNDRED
        self.others = scenario.environments - 1
        self.namespaces = scenario.k8s_environments == "namespaces"
        self.pod_priced = matches.control_plane.pod_pricing is not None
        hours = scenario.vm_hours_per_month or scenario.hours_per_month
        spec = matches.docker_machine.spec
        provider, region = matches.provider, matches.region
        largest = max(MAX_HOST_VCPU, spec.vcpu)
        family = [
            key
            for key in region.instances
            if provider.instance_types[key].family == spec.family
            and provider.instance_types[key].arch == spec.arch
            and provider.instance_types[key].vcpu <= largest
        ]
        self.specs = {key: provider.instance_types[key] for key in family}
        self.rooms: dict[str, Allocatable] = {}  # each type's, when first asked
        # cheapest first, then smallest: the order every choice below takes
        self.family = sorted(
            family,
            key=lambda k: (region.instances[k].billed(hours), self.specs[k].vcpu, k),
        )
        self.node = node_room(resolved, matches.k8s_machine)

    def room(self, key: str) -> Allocatable:
        if key not in self.rooms:
            self.rooms[key] = host_allocatable(self.specs[key])
        return self.rooms[key]

    def _needed(self, room: Allocatable, pods_each: int | None, demand: Demand) -> Decimal:
        return vms_needed(
            room, pods_each, vcpu=demand.vcpu, memory_gib=demand.memory_gib, pods=demand.pods
        )

    def nodes_for(self, demand: Demand, what: str) -> int:
        needed = self._needed(self.node, self.node.pods, demand)
        return _bounded(what, needed)

    def fits(self, hosts: Hosts, demand: Demand) -> bool:
        return self._needed(self.room(hosts.instance_type), None, demand) <= hosts.hosts

    def hosts_for(self, demand: Demand, count: int, at_least: str | None, what: str) -> Hosts:
        """The cheapest family type (no smaller than ``at_least``) holding ``demand`` on
        ``count`` hosts; else the fewest hosts of any such type that hold it."""
        floor = self.specs[at_least] if at_least else None
        types = [
            key
            for key in self.family
            if floor is None
            or (
                self.specs[key].vcpu >= floor.vcpu
                and self.specs[key].memory_gib >= floor.memory_gib
            )
        ]
        for key in types:
            if self.fits(Hosts(key, count), demand):
                return Hosts(key, count)
        fewest = min(types, key=lambda k: math.ceil(self._needed(self.room(k), None, demand)))
        return Hosts(fewest, _bounded(what, self._needed(self.room(fewest), None, demand)))

    def scaled_host(self, hosts: Hosts) -> Hosts:
        """Without a workload: the smallest family size with the share of the host's vCPU
        and memory (the host's own type where it is that size), as many hosts."""
        spec = self.specs[hosts.instance_type]
        big_enough = [
            key
            for key in self.family
            if self.specs[key].vcpu >= spec.vcpu * self.share
            and self.specs[key].memory_gib >= spec.memory_gib * self.share
        ]
        smallest = min((self.specs[k].vcpu, self.specs[k].memory_gib) for k in big_enough)
        sized = [
            k for k in big_enough if (self.specs[k].vcpu, self.specs[k].memory_gib) == smallest
        ]
        key = hosts.instance_type if hosts.instance_type in sized else sized[0]
        return Hosts(key, hosts.hosts)

    def first(self, docker_type: str, demand: Demand | None) -> Sizes:
        """Month 1: production as entered, and the other environments sized beside it."""
        scenario = self.scenario
        production = Sizes(Hosts(docker_type, scenario.docker_hosts), scenario.k8s_nodes)
        pods = demand if self.pod_priced else None
        if self.others == 0:
            return production._replace(pods=pods)
        if demand is None:
            share = Decimal(self.others) if self.namespaces else Decimal(1)
            return self._checked(
                production._replace(
                    nonprod_docker=self.scaled_host(production.docker),
                    nonprod_nodes=math.ceil(scenario.k8s_nodes * share * self.share),
                )
            )
        return self._others(production._replace(pods=pods), demand, None)

    def _checked(self, sizes: Sizes) -> Sizes:
        """``sizes``, or TooMany where all environments together pass the bound."""
        hosts = sizes.nonprod_docker.hosts if sizes.nonprod_docker else 0
        if hosts * self.others > MOST_VMS:
            raise TooMany("Docker hosts across the other environments", hosts * self.others)
        if self.namespaces and sizes.nodes + sizes.nonprod_nodes > MOST_VMS:
            raise TooMany("nodes in production's cluster", sizes.nodes + sizes.nonprod_nodes)
        if not self.namespaces and sizes.nonprod_nodes * self.others > MOST_VMS:
            raise TooMany("nodes across the other clusters", sizes.nonprod_nodes * self.others)
        return sizes

    def _others(self, sizes: Sizes, demand: Demand, previous: Sizes | None) -> Sizes:
        """The non-production environments for a month's production ``demand``."""
        theirs = demand.times(self.share)
        docker = previous.nonprod_docker if previous else None
        count = docker.hosts if docker else self.scenario.docker_hosts
        if docker is None or not self.fits(docker, theirs):
            at_least = docker.instance_type if docker else None
            docker = self.hosts_for(
                theirs, count, at_least, "Docker hosts in each other environment"
            )
        if self.namespaces:
            everything = demand.times(1 + self.others * self.share)
            total = self.nodes_for(everything, "nodes in production's cluster")
            if previous is not None:
                total = max(total, previous.nodes + previous.nonprod_nodes)
            nodes = max(total - sizes.nodes, 0)
        else:
            nodes = self.nodes_for(theirs, "nodes in each other cluster")
            nodes = max(nodes, previous.nonprod_nodes if previous else 0)
        return self._checked(sizes._replace(nonprod_docker=docker, nonprod_nodes=nodes))

    def grown(self, previous: Sizes, demand: Demand) -> Sizes:
        """The month after ``previous`` with production's workload grown to ``demand``."""
        docker = previous.docker
        if not self.fits(docker, demand):
            docker = self.hosts_for(
                demand, docker.hosts, docker.instance_type, "production Docker hosts"
            )
        nodes = max(previous.nodes, self.nodes_for(demand, "production Kubernetes nodes"))
        sizes = Sizes(docker, nodes, pods=demand if self.pod_priced else None)
        if self.others == 0:
            return sizes
        return self._others(sizes, demand, previous)


def _bounded(what: str, needed: Decimal) -> int:
    """``needed`` rounded up to whole VMs, or TooMany past the calculator's bound."""
    if not needed.is_finite() or needed > MOST_VMS:
        raise TooMany(what, math.ceil(needed) if needed.is_finite() else MOST_VMS + 1)
    return max(math.ceil(needed), 1)
