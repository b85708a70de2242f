"""Response shapes, for the OpenAPI document (the renderers build the same dicts)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Problem(BaseModel):
    field: str = Field(description="The input field (or 'body', 'preset', 'columns') at fault.")
    message: str = Field(description="What is wrong, in words.")


class ErrorResponse(BaseModel):
    detail: list[Problem]


class LineItemOut(BaseModel):
    category: str
    label: str
    quantity: float
    unit: str
    unit_price: float = Field(description="USD per unit, up to 6 decimal places.")
    monthly: float = Field(description="Per month: quantity x unit_price, rounded to cents.")
    list_unit_price: float | None = Field(
        description="The catalog's list price, when the unit price you pay differs from it."
    )
    source: str | None
    as_of: str | None


class SetupOut(BaseModel):
    line_items: list[LineItemOut]
    infrastructure_monthly: float
    people_monthly: float
    monthly_total: float
    people_first_month: float
    first_month_total: float
    horizon_total: float
    monthly_range: list[float] | None = Field(
        description="Monthly total at the fewest and the most autoscaled nodes, if given."
    )


class EventOut(BaseModel):
    setup: Literal["docker", "kubernetes"]
    kind: Literal[
        "upgrade",
        "forced-upgrade",
        "automatic-upgrade",
        "extended-support",
        "support-ends",
        "host-added",
        "host-type-change",
        "node-added",
    ] = Field(
        description="upgrade: the team upgrades a minor version; forced-upgrade: the provider "
        "upgrades the control plane and the team the rest; automatic-upgrade: the provider "
        "upgrades the cluster; extended-support: extended (or long-term) support starts; "
        "support-ends: the version gets no more patches; host-added, host-type-change, "
        "node-added: the workload grew past a setup."
    )
    text: str


class TimelinePointOut(BaseModel):
    month: int
    docker: float = Field(description="Cumulative USD through this month.")
    kubernetes: float = Field(description="Cumulative USD through this month.")
    calendar_month: str = Field(description="The month, YYYY-MM.")
    docker_month: float = Field(description="What Docker costs in this month alone.")
    kubernetes_month: float = Field(description="What Kubernetes costs in this month alone.")
    events: list[EventOut] = Field(description="What happens in this month.")


class MonthsOut(BaseModel):
    start_month: str = Field(description="The horizon's first month, YYYY-MM.")
    kubernetes_version: str | None = Field(
        description="The cluster's Kubernetes version in the first month; null where the "
        "tier does not follow the version calendar."
    )
    docker_outgrown_month: int | None = Field(
        description="First month production's Docker hosts no longer hold the workload and "
        "hosts are added; null if not within the horizon."
    )
    cheaper_changes_month: int | None = Field(
        description="First month whose own cost makes the other setup the cheaper one; null "
        "if never within the horizon."
    )
    assumptions: list[str] = Field(description="What the months assume (extrapolated versions).")


class DifferenceOut(BaseModel):
    monthly: float = Field(description="Kubernetes minus Docker, steady-state month, USD.")
    first_month: float
    horizon: float
    ratio: float | None = Field(description="Kubernetes / Docker monthly; null if Docker is 0.")
    cheaper: Literal["docker", "kubernetes", "equal", "neither"] = Field(
        description="The setup with the lower horizon total among those that hold the "
        "workload; neither when no setup holds it."
    )
    break_even_month: int | None = Field(
        description="First month the cumulative costs cross the other way; null if never."
    )


class ReasonOut(BaseModel):
    question: str
    points_to: Literal["docker", "kubernetes", "neutral"]
    text: str
    weight: int


class AdviceOut(BaseModel):
    recommendation: Literal["docker", "kubernetes", "either", "neither"]
    summary: str
    reasons: list[ReasonOut]
    notes: list[str] = Field(description="Cost traps this scenario walks into.")


class FitOut(BaseModel):
    setup: Literal["docker", "kubernetes"]
    fits: bool
    count: int
    needed: int = Field(description="Fewest hosts or nodes that hold the workload.")
    cpu_allocatable: float = Field(description="vCPU per VM after system reservations.")
    memory_allocatable_gib: float = Field(description="GiB per VM after reservations.")
    cpu_utilisation: float | None = Field(description="Percent of allocatable CPU used.")
    memory_utilisation: float | None = Field(description="Percent of allocatable memory used.")


class FlipOut(BaseModel):
    field: str
    label: str
    current: str
    needed: str = Field(description="The value at which the other setup becomes cheaper.")
    change: str


class CurrencyOut(BaseModel):
    code: str
    per_usd: float


class CatalogRef(BaseModel):
    version: str
    as_of: str


class ComparisonOut(BaseModel):
    catalog: CatalogRef
    currency: CurrencyOut
    scenario: dict[str, str | int | float | bool | None]
    docker: SetupOut
    kubernetes: SetupOut
    timeline: list[TimelinePointOut]
    months: MonthsOut
    difference: DifferenceOut
    advice: AdviceOut
    fit: list[FitOut] = Field(description="Does the workload fit? Empty without a workload.")
    sensitivity: list[FlipOut] | None = Field(
        None, description="With sensitivity=true: single inputs that flip the cheaper setup."
    )


class SourceOut(BaseModel):
    kind: Literal["compose", "kubernetes"]
    documents: int = Field(description="YAML documents read.")


class WorkloadOut(BaseModel):
    name: str
    kind: str = Field(description="Deployment, StatefulSet, DaemonSet, compose service, ...")
    replicas: int
    per_node: bool = Field(description="One replica on every node (DaemonSet, mode: global).")
    cpu: float = Field(description="vCPU requested per replica.")
    memory_gib: float = Field(description="GiB requested per replica.")
    storage_gib: float = Field(description="Persistent storage per replica, GiB.")
    assumed: list[str] = Field(description="Resources not stated and assumed (cpu, memory).")
    min_replicas: int | None = Field(description="From a HorizontalPodAutoscaler, if any.")
    max_replicas: int | None


class SizingTotalsOut(BaseModel):
    cpu: float = Field(description="vCPU of every steady replica.")
    memory_gib: float
    storage_gib: float
    daemonset_cpu_per_node: float
    daemonset_memory_gib_per_node: float
    load_balancers: int
    pods: int = Field(description="Steady replicas (DaemonSet pods not included).")


class ChoiceOut(BaseModel):
    instance_type: str
    count: int
    monthly: float = Field(description="USD per month for that many VMs, list price.")


class DockerSizingOut(BaseModel):
    instance_type: str
    hosts: int
    vcpu: int
    memory_gib: float
    needed_cpu: float = Field(description="vCPU the host must hold: workload plus headroom.")
    needed_memory_gib: float
    allocatable_cpu: float = Field(description="vCPU left after the system's reservation.")
    allocatable_memory_gib: float
    monthly: float = Field(description="USD per month for the hosts, list price.")
    runner_up: ChoiceOut | None = Field(description="The next cheapest type that fits.")
    reason: str


class AllocatableOut(BaseModel):
    cpu: float = Field(description="vCPU per node for pods, after kubelet reservations.")
    memory_gib: float
    pods: int = Field(description="Most pods per node.")


class PlacementOut(BaseModel):
    node: int
    pods: list[str]
    cpu_used: float
    memory_gib_used: float


class KubernetesSizingOut(BaseModel):
    instance_type: str
    nodes: int
    nodes_min: int | None = Field(description="With HPAs: nodes at their min replicas.")
    nodes_max: int | None
    allocatable: AllocatableOut
    monthly: float = Field(description="USD per month for the nodes, list price.")
    runner_up: ChoiceOut | None
    reason: str
    placement: list[PlacementOut] = Field(
        description="The pods on each node, its DaemonSets' among them, and what they use."
    )


class SizingWarningOut(BaseModel):
    workload: str = Field(description="The workload concerned; empty for the whole input.")
    message: str


class SizingOut(BaseModel):
    source: SourceOut
    workloads: list[WorkloadOut]
    totals: SizingTotalsOut
    docker: DockerSizingOut | None = Field(description="null when no host type holds it all.")
    kubernetes: KubernetesSizingOut
    ignored: list[str] = Field(description="Objects read but not sized (ConfigMap, ...).")
    jobs: list[str] = Field(description="Jobs and CronJobs: listed, not sized.")
    warnings: list[SizingWarningOut]
    assumptions: list[str]
    scenario: dict[str, str | int | float | bool | None]
    permalink: str = Field(description="The calculator page for the sized Scenario.")
    comparison: ComparisonOut
