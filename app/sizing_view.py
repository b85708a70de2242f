"""Sizing for every face: a SizingReport with its Comparison as the JSON dict that
POST /api/v1/size returns (the CLI's --format json and the page use it too), and the reasons for
each choice. The options a user may set are in ``app.sizing_options``. Formatting only: the
sizing and the prices come from ``pricing``."""

from __future__ import annotations

from typing import Any

from app.cells import json_number
from app.formatting import qty
from app.permalink import permalink_query
from app.renderers import estimate_dict, scenario_dict
from pricing import Engine, SizedEstimate
from pricing.money import format_money
from pricing.workload import SizingReport
from pricing.workload.report import (
    BurstableUse,
    Choice,
    DockerSizing,
    KubernetesSizing,
    Placement,
    SystemPodsLine,
)

# What the sizing writes into the Scenario (pricing.workload.sizing.sized_scenario). The page
# drops them from the scenario it sizes for, so sizing the files again gives the same answer
# (docker_disk_gb and k8s_disk_gb grow by the storage found: they would grow twice).
SIZED_FIELDS = frozenset(
    {
        "docker_instance_type",
        "k8s_instance_type",
        "k8s_nodes",
        "k8s_max_pods",
        "k8s_load_balancers",
        "k8s_nodes_min",
        "k8s_nodes_max",
        "workload_vcpu",
        "workload_memory_gib",
        "workload_pods",
        "services",
        "stateful",
        "needs_autoscaling",
        "docker_disk_gb",
        "k8s_disk_gb",
    }
)


def _choice_dict(choice: Choice | None) -> dict[str, Any] | None:
    if choice is None:
        return None
    return {
        "instance_type": choice.instance_type,
        "count": choice.count,
        "monthly": json_number(choice.monthly),
    }


def _runner_up_text(choice: Choice | None, unit: str, currency: str) -> str:
    if choice is None:
        return "; no other type fits"
    plural = unit if choice.count == 1 else unit + "s"
    price = format_money(choice.monthly, currency)
    return f"; runner-up {choice.count} {plural} of {choice.instance_type} at {price}/month"


def docker_reason(docker: DockerSizing, currency: str) -> str:
    """Why these hosts: the need, the list price (in ``currency``), the runner-up."""
    need = (
        f"{docker.needed_cpu.normalize():f} vCPU and {docker.needed_memory_gib.normalize():f} "
        "GiB (the workload with headroom)"
    )
    if docker.spread:
        front = " behind a load balancer" if docker.load_balancer else ""
        what = (
            f"the cheapest type and count whose hosts hold {need} spread over them{front}: "
            f"{docker.hosts} hosts"
        )
    else:
        hosts = "" if docker.hosts == 1 else f" on each of {docker.hosts} hosts"
        what = f"the cheapest type that holds {need}{hosts}"
    return f"{what}: {format_money(docker.monthly, currency)}/month" + _runner_up_text(
        docker.runner_up, "host", currency
    )


def kubernetes_reason(cluster: KubernetesSizing, currency: str) -> str:
    """Why this node type and count: the list price (in ``currency``), the runner-up."""
    nodes = "node" if cluster.nodes == 1 else "nodes"
    return (
        f"the cheapest node type and count that the pods fit after each node's reservations: "
        f"{cluster.nodes} {nodes} for {format_money(cluster.monthly, currency)}/month"
        + _runner_up_text(cluster.runner_up, "node", currency)
    )


def system_text(cluster: KubernetesSizing) -> str | None:
    """The distribution's own pods, as placed: per node, and its cluster add-ons."""
    system = cluster.system
    if system is None or not (system.per_node or system.add_ons):
        return None
    parts = []
    if system.per_node:
        parts.append(
            f"on every node {', '.join(system.per_node)} ({qty(system.per_node_cpu)} vCPU, "
            f"{qty(system.per_node_memory_gib)} GiB)"
        )
    if system.add_ons:
        parts.append(
            "in the cluster "
            + ", ".join(f"{add_on.name} x {add_on.replicas}" for add_on in system.add_ons)
        )
    return f"System pods ({system.label}): " + "; ".join(parts)


def burstable_text(use: BurstableUse | None, instance_type: str, currency: str) -> str | None:
    """How the chosen type's CPU was counted, when it is burstable."""
    if use is None or use.baseline_percent is None:
        return None
    baseline = f"{use.baseline_percent.normalize():f}% of each vCPU"
    if use.at_baseline:
        return (
            f"{instance_type} is burstable: the requests were sized against its baseline "
            f"({baseline}), {qty(use.cpu_counted)} vCPU for pods (burstable_cpu={use.mode})"
        )
    if use.mode == "credits":
        surplus = format_money(use.surplus_monthly, currency)
        return (
            f"{instance_type} is burstable (baseline {baseline}): its full CPU counted, and "
            f"{surplus}/month of surplus credits above the baseline in its price "
            "(burstable_cpu=credits)"
        )
    return (
        f"{instance_type} is burstable (baseline {baseline}): its full CPU counted, nothing "
        "added for credits (burstable_cpu=full: the load is not sustained)"
    )


def _placement_dict(placement: tuple[Placement, ...]) -> list[dict[str, Any]]:
    return [
        {
            "node": node.node,
            "pods": [pod.name for pod in node.pods],
            "placed": [
                {"name": pod.name, "workload": pod.workload, "role": pod.role} for pod in node.pods
            ],
            "cpu_used": json_number(node.cpu_used),
            "memory_gib_used": json_number(node.memory_gib_used),
        }
        for node in placement
    ]


def _burstable_dict(use: BurstableUse | None) -> dict[str, Any] | None:
    if use is None:
        return None
    return {
        "mode": use.mode,
        "baseline_percent": None
        if use.baseline_percent is None
        else json_number(use.baseline_percent),
        "at_baseline": use.at_baseline,
        "cpu_counted": json_number(use.cpu_counted),
        "surplus_monthly": json_number(use.surplus_monthly),
    }


def _system_dict(system: SystemPodsLine | None) -> dict[str, Any] | None:
    if system is None:
        return None
    return {
        "distribution": system.distribution,
        "label": system.label,
        "per_node": list(system.per_node),
        "per_node_cpu": json_number(system.per_node_cpu),
        "per_node_memory_gib": json_number(system.per_node_memory_gib),
        "add_ons": [
            {
                "name": add_on.name,
                "replicas": add_on.replicas,
                "cpu": json_number(add_on.cpu),
                "memory_gib": json_number(add_on.memory_gib),
            }
            for add_on in system.add_ons
        ],
    }


def _docker_dict(docker: DockerSizing | None, currency: str) -> dict[str, Any] | None:
    if docker is None:
        return None
    return {
        "instance_type": docker.instance_type,
        "hosts": docker.hosts,
        "vcpu": docker.vcpu,
        "memory_gib": json_number(docker.memory_gib),
        "needed_cpu": json_number(docker.needed_cpu),
        "needed_memory_gib": json_number(docker.needed_memory_gib),
        "allocatable_cpu": json_number(docker.allocatable_cpu),
        "allocatable_memory_gib": json_number(docker.allocatable_memory_gib),
        "monthly": json_number(docker.monthly),
        "runner_up": _choice_dict(docker.runner_up),
        "reason": docker_reason(docker, currency),
        "spread": docker.spread,
        "load_balancer": docker.load_balancer,
        "placement": _placement_dict(docker.placement),
        "burstable": _burstable_dict(docker.burstable),
    }


def _kubernetes_dict(cluster: KubernetesSizing, currency: str) -> dict[str, Any]:
    return {
        "instance_type": cluster.instance_type,
        "nodes": cluster.nodes,
        "nodes_min": cluster.nodes_min,
        "nodes_max": cluster.nodes_max,
        "allocatable": {
            "cpu": json_number(cluster.allocatable.cpu),
            "memory_gib": json_number(cluster.allocatable.memory_gib),
            "pods": cluster.allocatable.pods,
        },
        "monthly": json_number(cluster.monthly),
        "runner_up": _choice_dict(cluster.runner_up),
        "reason": kubernetes_reason(cluster, currency),
        "placement": _placement_dict(cluster.placement),
        "system": _system_dict(cluster.system),
        "burstable": _burstable_dict(cluster.burstable),
        "single_node": cluster.single_node,
    }


def report_dict(report: SizingReport) -> dict[str, Any]:
    """What was read, assumed and chosen (no prices of the Comparison)."""
    totals = report.totals
    return {
        "source": {"kind": report.source.kind, "documents": report.source.documents},
        "workloads": [
            {
                "name": line.name,
                "kind": line.kind,
                "replicas": line.replicas,
                "per_node": line.per_node,
                "cpu": json_number(line.cpu),
                "memory_gib": json_number(line.memory_gib),
                "storage_gib": json_number(line.storage_gib),
                "assumed": list(line.assumed),
                "min_replicas": line.min_replicas,
                "max_replicas": line.max_replicas,
            }
            for line in report.workloads
        ],
        "totals": {
            "cpu": json_number(totals.cpu),
            "memory_gib": json_number(totals.memory_gib),
            "storage_gib": json_number(totals.storage_gib),
            "daemonset_cpu_per_node": json_number(totals.daemonset_cpu_per_node),
            "daemonset_memory_gib_per_node": json_number(totals.daemonset_memory_gib_per_node),
            "load_balancers": totals.load_balancers,
            "pods": totals.pods,
        },
        "docker": _docker_dict(report.docker, report.currency),
        "kubernetes": _kubernetes_dict(report.kubernetes, report.currency),
        "currency": report.currency,
        "burstable_cpu": report.burstable_cpu,
        "ignored": list(report.ignored),
        "jobs": list(report.jobs),
        "warnings": [{"workload": w.workload, "message": w.message} for w in report.warnings],
        "assumptions": list(report.assumptions),
    }


def permalink_of(sized: SizedEstimate, engine: Engine, root: str = "") -> str:
    query = permalink_query(sized.sizing.scenario, engine.catalog)
    return f"{root}/?{query}" if query else f"{root}/"


def sizing_dict(sized: SizedEstimate, engine: Engine, root: str = "") -> dict[str, Any]:
    """The body of POST /api/v1/size (and of ``dockerk8s-cost size --format json``)."""
    return {
        **report_dict(sized.sizing.report),
        "scenario": scenario_dict(sized.estimate.comparison.scenario),
        "permalink": permalink_of(sized, engine, root),
        "comparison": estimate_dict(sized.estimate),
    }
