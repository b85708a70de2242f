"""Sizing for every face: the files sized and the sized Scenario priced (SizedEstimate), the
reasons for each choice, and the JSON of it all, defined once (SizingOut): what POST
/api/v1/size returns, and ``dockerk8s-cost size --format json`` prints. The options a user may
set are in ``app.sizing.options``. Formatting only: the sizing and the prices come from
``pricing``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

from pydantic import Field

from app.present.estimate import ComparisonOut, ScenarioValues, comparison_source
from app.present.links import page_path, permalink_query
from app.present.output import Number, Output
from pricing import Engine, Estimate
from pricing.money import format_money
from pricing.scenario import Scenario
from pricing.workload import Sizing, SizingOptions, size
from pricing.workload.report import Choice, DockerSizing, KubernetesSizing


@dataclass(frozen=True, slots=True)
class SizedEstimate:
    """An application sized, and the Comparison of its sized Scenario."""

    sizing: Sizing
    estimate: Estimate


def size_and_estimate(
    engine: Engine, texts: str | Sequence[str], scenario: Scenario, options: SizingOptions
) -> SizedEstimate:
    """Size the files for ``scenario`` and price the sized Scenario (raises InputError)."""
    sizing = size(texts, scenario, catalog=engine.catalog, options=options)
    return SizedEstimate(sizing, engine.estimate(sizing.scenario))


def _runner_up_text(choice: Choice | None, unit: str, currency: str) -> str:
    if choice is None:
        return "; no other type fits"
    plural = unit if choice.count == 1 else unit + "s"
    price = format_money(choice.monthly, currency)
    return f"; runner-up {choice.count} {plural} of {choice.instance_type} at {price}/month"


def docker_reason(docker: DockerSizing, currency: str) -> str:
    """Why this host type: the need, the list price (in ``currency``), the runner-up."""
    hosts = "" if docker.hosts == 1 else f" on each of {docker.hosts} hosts"
    return (
        f"the cheapest type that holds {docker.needed_cpu.normalize():f} vCPU and "
        f"{docker.needed_memory_gib.normalize():f} GiB (the workload with headroom){hosts}: "
        f"{format_money(docker.monthly, currency)}/month"
        + _runner_up_text(docker.runner_up, "host", currency)
    )


def kubernetes_reason(cluster: KubernetesSizing, currency: str) -> str:
    """Why this node type and count: the list price (in ``currency``), the runner-up."""
    nodes = "node" if cluster.nodes == 1 else "nodes"
    return (
        f"the cheapest node type and count that the pods fit after each node's reservations: "
        f"{cluster.nodes} {nodes} for {format_money(cluster.monthly, currency)}/month"
        + _runner_up_text(cluster.runner_up, "node", currency)
    )


class SourceOut(Output):
    kind: Literal["compose", "kubernetes"]
    documents: int = Field(description="YAML documents read.")


class WorkloadOut(Output):
    name: str
    kind: str = Field(description="Deployment, StatefulSet, DaemonSet, compose service, ...")
    replicas: int
    per_node: bool = Field(description="One replica on every node (DaemonSet, mode: global).")
    cpu: Number = Field(description="vCPU requested per replica.")
    memory_gib: Number = Field(description="GiB requested per replica.")
    storage_gib: Number = Field(description="Persistent storage per replica, GiB.")
    assumed: list[str] = Field(description="Resources not stated and assumed (cpu, memory).")
    min_replicas: int | None = Field(description="From a HorizontalPodAutoscaler, if any.")
    max_replicas: int | None


class SizingTotalsOut(Output):
    cpu: Number = Field(description="vCPU of every steady replica.")
    memory_gib: Number
    storage_gib: Number
    daemonset_cpu_per_node: Number
    daemonset_memory_gib_per_node: Number
    load_balancers: int
    pods: int = Field(description="Steady replicas (DaemonSet pods not included).")


class ChoiceOut(Output):
    instance_type: str
    count: int
    monthly: Number = Field(description="List price a month for that many VMs (see currency).")


class DockerSizingOut(Output):
    instance_type: str
    hosts: int
    vcpu: int
    memory_gib: Number
    needed_cpu: Number = Field(description="vCPU the host must hold: workload plus headroom.")
    needed_memory_gib: Number
    allocatable_cpu: Number = Field(description="vCPU left after the system's reservation.")
    allocatable_memory_gib: Number
    monthly: Number = Field(description="List price a month for the hosts (see currency).")
    runner_up: ChoiceOut | None = Field(description="The next cheapest type that fits.")
    reason: str


class AllocatableOut(Output):
    cpu: Number = Field(description="vCPU per node for pods, after kubelet reservations.")
    memory_gib: Number
    pods: int = Field(description="Most pods per node.")


class PlacementOut(Output):
    node: int
    pods: list[str]
    cpu_used: Number
    memory_gib_used: Number


class KubernetesSizingOut(Output):
    instance_type: str
    nodes: int
    nodes_min: int | None = Field(description="With HPAs: nodes at their min replicas.")
    nodes_max: int | None
    allocatable: AllocatableOut
    monthly: Number = Field(description="List price a month for the nodes (see currency).")
    runner_up: ChoiceOut | None
    reason: str
    placement: list[PlacementOut] = Field(
        description="The pods on each node, its DaemonSets' among them, and what they use."
    )


class SizingWarningOut(Output):
    workload: str = Field(description="The workload concerned; empty for the whole input.")
    message: str


class SizingOut(Output):
    source: SourceOut
    workloads: list[WorkloadOut]
    totals: SizingTotalsOut
    docker: DockerSizingOut | None = Field(description="null when no host type holds it all.")
    kubernetes: KubernetesSizingOut
    currency: str = Field(
        description="The currency of the sizing's monthly prices: the provider's list prices."
    )
    ignored: list[str] = Field(description="Objects read but not sized (ConfigMap, ...).")
    jobs: list[str] = Field(description="Jobs and CronJobs: listed, not sized.")
    warnings: list[SizingWarningOut]
    assumptions: list[str]
    scenario: ScenarioValues = Field(description="The sized Scenario, as priced.")
    permalink: str = Field(description="The calculator page for the sized Scenario.")
    comparison: ComparisonOut


def permalink_of(sized: SizedEstimate, engine: Engine, root: str = "") -> str:
    """The calculator page (its path under ``root``) for the sized Scenario."""
    return page_path(root, permalink_query(sized.sizing.scenario, engine.catalog))


def _values(data: Any) -> dict[str, Any]:
    """A dataclass's fields by name, for output models to read beside what a face adds."""
    return {field.name: getattr(data, field.name) for field in fields(data)}


def sizing_source(sized: SizedEstimate, engine: Engine, root: str = "") -> dict[str, Any]:
    """A sizing as SizingOut reads it: the report's objects, the reasons, the priced scenario."""
    report = sized.sizing.report
    docker, cluster, currency = report.docker, report.kubernetes, report.currency
    return {
        **_values(report),
        "docker": {**_values(docker), "reason": docker_reason(docker, currency)}
        if docker
        else None,
        "kubernetes": {**_values(cluster), "reason": kubernetes_reason(cluster, currency)},
        "scenario": sized.estimate.comparison.scenario,
        "permalink": permalink_of(sized, engine, root),
        "comparison": comparison_source(sized.estimate),
    }


def sizing_json(sized: SizedEstimate, engine: Engine, root: str = "") -> bytes:
    """The body of POST /api/v1/size (and of ``dockerk8s-cost size --format json``)."""
    return SizingOut.to_json(sizing_source(sized, engine, root))
