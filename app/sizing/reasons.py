"""Why the sizing chose what it chose, in words every sizing face says alike (the API's JSON,
the page's panel, the terminal table): the reason for each choice, the system pods as placed,
how a burstable type's CPU was counted."""

from __future__ import annotations

from app.present.numbers import qty
from pricing.money import format_money
from pricing.workload.report import BurstableUse, Choice, DockerSizing, KubernetesSizing


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
            f"the cheapest type and count, with each host's upkeep hours, whose hosts hold "
            f"{need} spread over them{front}: {docker.hosts} hosts"
        )
        if docker.capped:
            what += " (one host larger than max_host_vcpu would hold it all)"
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
            f"{qty(use.surplus_vcpu)} vCPU a VM above the baseline, {surplus}/month of surplus "
            "credits, in its price and the comparison's (burstable_cpu=credits)"
        )
    return (
        f"{instance_type} is burstable (baseline {baseline}): its full CPU counted, nothing "
        "added for credits (burstable_cpu=full: the load is not sustained)"
    )
