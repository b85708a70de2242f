"""The JSON of a sizing, defined once (SizingOut, also the OpenAPI schema): what POST
/api/v1/size returns and ``dockerk8s-cost size --format json`` prints, written from the engine's
SizedEstimate (``Engine.size``) with the reasons for each choice (app.sizing.reasons) and the
calculator's permalink for the sized Scenario. Formatting only: the sizing and the prices come
from ``pricing``; the options a user may set are in ``app.sizing.options``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer

from app.present.estimate import ComparisonOut, ScenarioValues, comparison_source
from app.present.links import page_path, permalink_query
from app.present.output import Number, Output
from app.sizing.reasons import docker_reason, kubernetes_reason
from pricing import Engine, SizedEstimate
from pricing.workload.report import PlacedPod


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


class BurstableOut(Output):
    mode: str = Field(description="burstable_cpu: baseline, credits or full.")
    baseline_percent: Number | None = Field(
        description="The type's baseline, in percent of each vCPU; null when not burstable."
    )
    at_baseline: bool = Field(description="The requests were sized against the baseline.")
    cpu_counted: Number = Field(description="vCPU counted for pods on each VM.")
    surplus_monthly: Number = Field(
        description="Surplus credits a month above the baseline, in the sizing's currency."
    )


class PlacedPodOut(Output):
    name: str
    workload: str = Field(description="The workload (or system add-on) the pod belongs to.")
    role: str = Field(description="workload, daemonset, system, surge, ...")


def _pod_names(pods: Sequence[PlacedPod]) -> list[str]:
    return [pod.name for pod in pods]


class PlacementOut(Output):
    node: int = Field(description="The node (or host) number, from 1.")
    pods: Annotated[Any, PlainSerializer(_pod_names, return_type=list[str])] = Field(
        description="The pods' names, in placing order."
    )
    placed: list[PlacedPodOut] = Field(description="The pods with their workload and role.")
    cpu_used: Number
    memory_gib_used: Number


class AddOnOut(Output):
    name: str
    replicas: int
    cpu: Number = Field(description="vCPU requested per replica.")
    memory_gib: Number = Field(description="GiB requested per replica.")


class SystemPodsOut(Output):
    distribution: str
    label: str
    per_node: list[str] = Field(description="The distribution's pods on every node.")
    per_node_cpu: Number
    per_node_memory_gib: Number
    add_ons: list[AddOnOut] = Field(description="Its cluster add-ons and their replicas.")


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
    spread: bool = Field(description="The services are spread over several hosts.")
    load_balancer: bool = Field(description="A load balancer in front of the hosts.")
    placement: list[PlacementOut] = Field(description="What runs on each host when spread.")
    burstable: BurstableOut | None


class AllocatableOut(Output):
    cpu: Number = Field(description="vCPU per node for pods, after kubelet reservations.")
    memory_gib: Number
    pods: int = Field(description="Most pods per node.")


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
    system: SystemPodsOut | None = Field(description="The distribution's own pods.")
    burstable: BurstableOut | None
    single_node: bool = Field(description="A one-node cluster: no room to fail over.")


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
    burstable_cpu: str = Field(description="How burstable types' CPU was counted.")
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


def _vms(sizing: Any, reason: str) -> dict[str, Any]:
    """A Docker or Kubernetes sizing as its output model reads it: its fields, the reason for
    the choice, and each VM's pods both by name and as placed."""
    placement = [{**_values(vm), "placed": vm.pods} for vm in sizing.placement]
    return {**_values(sizing), "reason": reason, "placement": placement}


def sizing_source(sized: SizedEstimate, engine: Engine, root: str = "") -> dict[str, Any]:
    """A sizing as SizingOut reads it: the report's objects, the reasons, the priced scenario."""
    report = sized.sizing.report
    docker, cluster, currency = report.docker, report.kubernetes, report.currency
    return {
        **_values(report),
        "docker": _vms(docker, docker_reason(docker, currency)) if docker else None,
        "kubernetes": _vms(cluster, kubernetes_reason(cluster, currency)),
        "scenario": sized.estimate.comparison.scenario,
        "permalink": permalink_of(sized, engine, root),
        "comparison": comparison_source(sized.estimate),
    }


def sizing_json(sized: SizedEstimate, engine: Engine, root: str = "") -> bytes:
    """The body of POST /api/v1/size (and of ``dockerk8s-cost size --format json``)."""
    return SizingOut.to_json(sizing_source(sized, engine, root))
