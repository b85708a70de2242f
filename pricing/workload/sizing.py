"""One application sized both ways, and the Scenario that prices it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import ValidationError

from pricing.allocatable import Flavour, flavour_of
from pricing.catalog import Catalog, ProviderDefaults
from pricing.labour import docker_host_hours
from pricing.resolve import OWN_PRICES
from pricing.scenario import DEFAULT_SCENARIO, Scenario
from pricing.workload.burstable import CpuRule
from pricing.workload.candidates import candidates, gib, provider_of, vcpu
from pricing.workload.cluster import size_cluster
from pricing.workload.docker_host import size_docker
from pricing.workload.errors import SizingError, sized_problems
from pricing.workload.model import Application, SizingOptions, Warning
from pricing.workload.reading import read_application
from pricing.workload.report import (
    DockerSizing,
    KubernetesSizing,
    Sizing,
    SizingReport,
    Source,
    Totals,
    WorkloadLine,
)
from pricing.workload.system import SystemLoad, distribution_of, system_load

GB_PER_GIB = Decimal("1.073741824")
NOUN = {"compose": "file has no services", "kubernetes": "manifests have no workloads"}


def _lines(app: Application) -> tuple[WorkloadLine, ...]:
    return tuple(
        WorkloadLine(
            name=w.name,
            kind=w.kind,
            replicas=w.replicas,
            cpu=vcpu(w.cpu_millicores),
            memory_gib=gib(w.memory_bytes),
            storage_gib=gib(w.storage_bytes),
            assumed=w.assumed,
            per_node=w.per_node,
            min_replicas=w.min_replicas,
            max_replicas=w.max_replicas,
        )
        for w in app.workloads
    )


def _totals(app: Application) -> Totals:
    steady = app.steady
    return Totals(
        cpu=vcpu(sum(w.cpu_millicores * w.replicas for w in steady)),
        memory_gib=gib(sum(w.memory_bytes * w.replicas for w in steady)),
        storage_gib=gib(app.storage_bytes),
        daemonset_cpu_per_node=vcpu(sum(w.cpu_millicores for w in app.daemons)),
        daemonset_memory_gib_per_node=gib(sum(w.memory_bytes for w in app.daemons)),
        load_balancers=app.load_balancers,
        pods=sum(w.replicas for w in steady),
    )


def _storage_gb(app: Application) -> int:
    return math.ceil(Decimal(app.storage_bytes) / 1024**3 * GB_PER_GIB)


def _surplus_vcpu(sized: DockerSizing | KubernetesSizing) -> Decimal:
    """The CPU each VM uses above its baseline, billed as surplus credits (0 unless sized
    with burstable_cpu=credits on a type that sells them)."""
    return sized.burstable.surplus_vcpu if sized.burstable else Decimal(0)


def sized_scenario(
    scenario: Scenario,
    app: Application,
    docker: DockerSizing | None,
    cluster: KubernetesSizing,
) -> Scenario:
    """``scenario`` with the sizing's choices filled in (see docs/SIZING.md for each field)."""
    totals, nodes = _totals(app), cluster.nodes
    update: dict[str, Any] = {
        "k8s_instance_type": cluster.instance_type,
        "k8s_nodes": nodes,
        "k8s_max_pods": cluster.allocatable.pods,
        "k8s_load_balancers": app.load_balancers,
        "workload_vcpu": max(totals.cpu + totals.daemonset_cpu_per_node * nodes, Decimal("0.001")),
        "workload_memory_gib": max(
            totals.memory_gib + totals.daemonset_memory_gib_per_node * nodes, Decimal("0.001")
        ),
        "workload_pods": totals.pods + len(app.daemons) * nodes,
        "services": max(len(app.workloads), 1),
        "stateful": scenario.stateful or app.stateful,
        "k8s_nodes_min": cluster.nodes_min,
        "k8s_nodes_max": cluster.nodes_max,
        "k8s_surplus_vcpu": _surplus_vcpu(cluster),
    }
    if cluster.nodes_min is not None:
        update["needs_autoscaling"] = True
    if docker is not None:
        update |= {
            "docker_instance_type": docker.instance_type,
            "docker_hosts": docker.hosts,
            "docker_surplus_vcpu": _surplus_vcpu(docker),
        }
        if docker.load_balancer and scenario.docker_load_balancers == 0:
            update["docker_load_balancers"] = 1
    storage = _storage_gb(app)
    if storage:
        update["docker_disk_gb"] = scenario.docker_disk_gb + storage
        update["k8s_disk_gb"] = scenario.k8s_disk_gb + math.ceil(storage / nodes)
    values = scenario.model_dump() | update
    try:
        return Scenario.model_validate(values)
    except ValidationError as exc:
        raise sized_problems(exc, values) from None


# How the notes name the VM whose own hourly price (OWN_PRICES) a sizing drops.
VM_NAMES = {"docker_instance_type": "Docker host", "k8s_instance_type": "Kubernetes nodes"}


def drop_stale_prices(
    scenario: Scenario, sized: Scenario, defaults: ProviderDefaults
) -> tuple[Scenario, list[Warning]]:
    """``sized`` without an hourly price override that was for another VM type than the
    sizer picked (a warning says so); kept when the type stays the same."""
    dropped: dict[str, Any] = {}
    warnings: list[Warning] = []
    for type_field, price_field in OWN_PRICES.items():
        what = VM_NAMES[type_field]
        price = getattr(scenario, price_field)
        before = getattr(scenario, type_field) or getattr(defaults, type_field)
        after = getattr(sized, type_field)
        if price is not None and after != before:
            dropped[price_field] = None
            warnings.append(
                Warning(
                    "",
                    f"your hourly price for the {what} ({price}/h) was for {before}; "
                    f"the sized {after} is priced at its list price",
                )
            )
    return (sized.model_copy(update=dropped) if dropped else sized), warnings


def _single_node_warning(nodes: int, options: SizingOptions) -> list[Warning]:
    if nodes > 1:
        return []
    why = (
        "redundant_nodes is off"
        if not options.redundant_nodes
        else "every workload has one replica and the Docker side is not failover"
    )
    return [
        Warning(
            "",
            f"one Kubernetes node: no node redundancy ({why}); a node failure or upgrade "
            "stops everything: set min_nodes=2 for two nodes across zones",
        )
    ]


class Setting(NamedTuple):
    """Where the sizing runs: the node reservations' formula, the distribution's system pods
    and the rule for burstable CPU."""

    flavour: Flavour
    system: SystemLoad
    rule: CpuRule


def setting_of(
    scenario: Scenario, catalog: Catalog, app: Application, options: SizingOptions
) -> Setting:
    provider = provider_of(scenario, catalog)
    control_plane = scenario.control_plane or provider.defaults.control_plane
    distribution = distribution_of(provider.provider, control_plane)
    return Setting(
        flavour_of(provider.provider, control_plane),
        system_load(catalog, distribution, app.storage_bytes > 0),
        CpuRule(options.burstable_cpu, provider),
    )


def size_workload(
    app: Application,
    scenario: Scenario = DEFAULT_SCENARIO,
    *,
    catalog: Catalog,
    options: SizingOptions | None = None,
) -> Sizing:
    """Size an application already read (see ``read_application``) for ``scenario``'s
    provider and region. ``app`` is not changed: the sizing's warnings are in the report."""
    options = options or SizingOptions()
    if not app.workloads:
        skipped = app.jobs + app.ignored
        raise SizingError(
            "no workloads found to size: "
            + ("only " + ", ".join(skipped) if skipped else f"the {NOUN[app.source]}")
        )
    machines = candidates(scenario, catalog, arm=options.arm)
    provider = provider_of(scenario, catalog)
    flavour, system, rule = setting_of(scenario, catalog, app, options)
    hours = scenario.hours_per_month
    cluster = size_cluster(app, machines, flavour, hours, options, system, rule)
    # Each host's upkeep (the labour model's per-host hours at the DevOps rate, in USD: for
    # Hetzner's euro prices a ranking, not a price) weighs against spreading over small hosts.
    per_host = docker_host_hours(scenario, catalog.labour) * scenario.devops_hourly_rate
    docker, warnings = size_docker(app, machines, hours, options, rule, per_host)
    sized = sized_scenario(scenario, app, docker, cluster)
    sized, dropped = drop_stale_prices(scenario, sized, provider.defaults)
    report = SizingReport(
        source=Source(app.source, app.documents),
        workloads=_lines(app),
        totals=_totals(app),
        docker=docker,
        kubernetes=cluster,
        ignored=tuple(app.ignored),
        jobs=tuple(app.jobs),
        warnings=(
            *app.warnings,
            *warnings,
            *dropped,
            *_single_node_warning(cluster.nodes, options),
        ),
        assumptions=tuple(app.assumptions),
        currency=provider.currency,
        burstable_cpu=options.burstable_cpu,
        max_host_vcpu=options.max_host_vcpu,
    )
    return Sizing(sized, report)


def size(
    texts: str | Sequence[str],
    scenario: Scenario = DEFAULT_SCENARIO,
    *,
    catalog: Catalog,
    options: SizingOptions | None = None,
) -> Sizing:
    """Read a Compose file or Kubernetes manifests (one text or several) and size both
    setups. Raises SizingError (an InputError) for input that cannot be sized."""
    return size_workload(
        read_application(texts, options), scenario, catalog=catalog, options=options
    )
