"""The environments beside production: their lines on each setup's bill.

Every non-production environment is the same: production's setup at ``nonprod_size_percent``
of its size (``pricing.sizes`` decides the hosts and nodes). All of them are priced as one
scenario: their hosts, nodes, load balancers (each with that share of production's traffic)
and self-managed control-plane VMs together, with the control-plane fee and NAT gateway once
per cluster. They add no Docker seats, internet egress or cross-zone traffic (the developers
and the users are production's), and no second free-tier credit. With ``k8s_environments``
``namespaces`` they run in production's cluster: only the nodes they add are billed.
Each line's label says which environments it is for.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from pricing import lines
from pricing.bill import bill_infrastructure, node_lines
from pricing.lines import LineItem
from pricing.money import ZERO, total
from pricing.resolve import Resolved
from pricing.scenario import Scenario
from pricing.sizes import HUNDRED, Demand, Sizes

NAMES = {1: "staging", 2: "staging and dev"}


def names(scenario: Scenario) -> str:
    """What the non-production environments are called: "staging and dev" for two."""
    return NAMES.get(scenario.environments - 1, "non-production")


def describe(scenario: Scenario) -> str:
    """The environments beside production, e.g. "staging and dev: 2 environments at 50%"."""
    others = scenario.environments - 1
    percent = scenario.nonprod_size_percent.normalize()
    plural = "" if others == 1 else "s"
    return f"{names(scenario)}: {others} environment{plural} at {percent:f}%"


class EnvironmentLines(NamedTuple):
    docker: tuple[LineItem, ...]
    kubernetes: tuple[LineItem, ...]
    docker_total: Decimal
    kubernetes_total: Decimal


NO_LINES = EnvironmentLines((), (), ZERO, ZERO)


def your_price_for(scenario: Scenario, docker_type: str) -> Decimal | None:
    """Your hourly price for a Docker host of ``docker_type``: it is your price for the
    scenario's own type, and goes when the type does."""
    return scenario.docker_hourly_price if docker_type == scenario.docker_instance_type else None


def their_scenario(resolved: Resolved, sizes: Sizes) -> Scenario:
    """Every non-production environment together, as one scenario (see the module's text)."""
    scenario = resolved.scenario
    others, share = scenario.environments - 1, scenario.nonprod_size_percent / HUNDRED
    hosts = sizes.nonprod_docker or sizes.docker
    nodes = sizes.nonprod_nodes * (others if scenario.k8s_environments == "clusters" else 1)
    update: dict[str, object] = {
        "environments": 1,
        "growth_percent_per_month": Decimal(0),
        "docker_instance_type": hosts.instance_type,
        "docker_hourly_price": your_price_for(scenario, hosts.instance_type),
        "docker_hosts": hosts.hosts * others,
        "docker_load_balancers": scenario.docker_load_balancers * others,
        "docker_lb_usage": _plain(scenario.docker_lb_usage * share),
        "k8s_nodes": max(nodes, 1),
        "k8s_nodes_min": None,
        "k8s_nodes_max": None,
        "k8s_load_balancers": scenario.k8s_load_balancers * others,
        "k8s_lb_usage": _plain(scenario.k8s_lb_usage * share),
        "k8s_control_nodes": scenario.k8s_control_nodes * others,
        "docker_seats": 0,
        "k8s_seats": 0,
        "egress_gb": Decimal(0),
        "cross_zone_gb": Decimal(0),
    }
    if sizes.pods is not None:  # the tier bills their pods' requests: all of them
        pods = sizes.pods.times(others * share)
        update |= {"workload_vcpu": pods.vcpu, "workload_memory_gib": pods.memory_gib}
    return scenario.model_copy(update=update)


def _plain(amount: Decimal) -> Decimal:
    """``amount`` without trailing zeros or an exponent (labels show it: 223.38, not 223.3800)."""
    return Decimal(f"{amount.normalize():f}")


def environment_lines(
    resolved: Resolved, sizes: Sizes, resolver: Callable[[Scenario], Resolved]
) -> EnvironmentLines:
    """The non-production environments' lines for a month sized ``sizes`` (none without
    them), their scenario matched to the catalog by ``resolver``, which raises InputError
    where it does not resolve (a commitment rate the catalog lacks for their host type)."""
    scenario = resolved.scenario
    others = scenario.environments - 1
    if others == 0:
        return NO_LINES
    theirs = resolver(their_scenario(resolved, sizes))
    if scenario.k8s_environments == "clusters":
        bill = bill_infrastructure(theirs, clusters=others)
        # the free tier's credit is one per billing account: production's
        kubernetes = [item for item in bill.kubernetes_lines if item.category != "credit"]
    else:
        bill = bill_infrastructure(theirs)
        kubernetes = _added_to_the_cluster(theirs, sizes.nonprod_nodes)
    return EnvironmentLines(
        docker=_labelled(bill.docker_lines, describe(scenario)),
        kubernetes=_labelled(kubernetes, _kubernetes_suffix(scenario)),
        docker_total=bill.docker_monthly,
        kubernetes_total=total([item.monthly for item in kubernetes]),
    )


def pod_lines(resolved: Resolved, pods: Demand) -> tuple[LineItem, ...]:
    """Where the tier bills pods: the other environments' pods for a month whose production
    workload is ``pods`` (the first of their Kubernetes lines, the only ones it moves)."""
    scenario = resolved.scenario
    if scenario.environments == 1:
        return ()
    theirs = pods.times((scenario.environments - 1) * scenario.nonprod_size_percent / HUNDRED)
    return _labelled(lines.pod_requests(with_pods(resolved, theirs)), _kubernetes_suffix(scenario))


def with_pods(resolved: Resolved, pods: Demand) -> Resolved:
    """``resolved`` with another workload: all a tier that bills pods reads of it."""
    update = {"workload_vcpu": pods.vcpu, "workload_memory_gib": pods.memory_gib}
    return Resolved(resolved.scenario.model_copy(update=update), resolved.matches)


def _kubernetes_suffix(scenario: Scenario) -> str:
    suffix = describe(scenario)
    if scenario.k8s_environments == "namespaces":
        suffix = suffix.replace(":", " in production's cluster:", 1)
    return suffix


def _added_to_the_cluster(theirs: Resolved, nodes: int) -> list[LineItem]:
    """The nodes (or, where the tier bills pods, the pods) the environments add to
    production's cluster, with the nodes' disks."""
    if theirs.matches.control_plane.pod_pricing is not None:
        return node_lines(theirs, nodes)
    if nodes == 0:
        return []
    scenario = theirs.scenario
    return [
        *node_lines(theirs, nodes),
        *lines.storage(theirs, count=nodes, gb_each=scenario.k8s_disk_gb, noun="node"),
    ]


def _labelled(items: list[LineItem] | tuple[LineItem, ...], suffix: str) -> tuple[LineItem, ...]:
    return tuple(item._replace(label=f"{item.label}, {suffix}") for item in items)
