"""Scenario: the one input model. Its field names are the form fields, query parameters,
JSON keys and batch-CSV columns alike; every field has a default, so any subset is valid."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pricing.input_types import (
    Count,
    CurrencyCode,
    Name,
    OptionalAmount,
    OptionalCount,
    OptionalHours,
    OptionalMilliseconds,
    OptionalMonth,
    OptionalMonthsRange,
    OptionalName,
    OptionalNodes,
    OptionalPercent,
    OptionalPods,
    OptionalPrice,
    OptionalRange,
    OptionalRequests,
    PlainDecimal,
)

# Re-exported: most callers import the input's errors from here, beside the Scenario.
from pricing.problems import FieldProblem as FieldProblem
from pricing.problems import InputError as InputError
from pricing.problems import ProblemKind as ProblemKind
from pricing.roles import (
    CATALOG_KEY,
    CHECKLIST,
    NOT_INFRASTRUCTURE,
    SIZED,
    BelongsTo,
    OwnPriceOf,
    fields_with,
)

Setup = Literal["docker", "kubernetes"]
Commitment = Literal["on-demand", "1-year", "3-year"]
NodePricing = Literal["on-demand", "1-year", "3-year", "spot"]
DeployFrequency = Literal["weekly", "daily", "several-daily"]
_RANGE = " A number, or low/likely/high such as 3/5/10."
# A people-time figure: read by no infrastructure line.
PeopleRange = Annotated[OptionalRange, NOT_INFRASTRUCTURE]


def _coefficient(what: str) -> Any:
    """A people-time coefficient's field: empty means the labour table's range."""
    return Field(
        None,
        description=f"Hours {what}: a number, or low/likely/high such as 4/16/80. "
        "Empty: the labour table's range.",
    )


UpgradePolicy = Literal["current", "never"]
ClusterPerEnvironment = Literal["clusters", "namespaces"]


class Scenario(BaseModel):
    """Everything the calculator needs to price both setups and give advice."""

    # Defaults are not re-validated on every instance (a third of the cost of a small input);
    # tests/pricing/test_scenario.py checks that each default passes its own field's rules.
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Where
    provider: Name = Field(
        "aws", description="Cloud provider key from the catalog (GET /api/v1/catalog lists them)."
    )
    region: Annotated[OptionalName, CATALOG_KEY] = Field(
        None, description="Region key (e.g. us-east-1). Empty: the provider's default region."
    )
    hours_per_month: PlainDecimal = Field(
        Decimal(730),
        ge=1,
        le=744,
        description="Hours billed per month, in hours. 730 is the cloud calculators' convention.",
    )
    discount_percent: PlainDecimal = Field(
        Decimal(0),
        ge=0,
        lt=100,
        description="Negotiated discount on the provider's list prices (VMs, control plane, "
        "load balancers, disks), in percent. Not applied to an hourly price you enter yourself.",
    )
    load_balancer: Annotated[OptionalName, CATALOG_KEY] = Field(
        None, description="Load-balancer type key (e.g. alb). Empty: the provider's default."
    )
    disk: Annotated[OptionalName, CATALOG_KEY] = Field(
        None, description="Block-storage type key (e.g. gp3). Empty: the provider's default."
    )

    # The Docker host
    docker_instance_type: Annotated[OptionalName, CATALOG_KEY, SIZED] = Field(
        None, description="VM type of the Docker host. Empty: the provider's default."
    )
    docker_hosts: Count = Field(1, ge=1, le=1000, description="Docker hosts, a count.")
    docker_setup: Literal["single", "failover"] = Field(
        "single",
        description="single: one host (or several, each on its own); failover: two or more "
        "hosts behind a load balancer, each able to carry the application.",
    )
    docker_hourly_price: Annotated[OptionalPrice, OwnPriceOf("docker_instance_type")] = Field(
        None, description="Your hourly price per Docker host in USD, replacing the list price."
    )
    docker_disk_gb: Annotated[Count, SIZED] = Field(
        100, ge=0, le=100_000, description="Disk per Docker host, in GB."
    )
    docker_load_balancers: Count = Field(
        0, ge=0, le=100, description="Load balancers in front of the Docker host, a count."
    )
    docker_lb_usage: PlainDecimal = Field(
        Decimal(0),
        ge=0,
        le=10_000_000,
        description="Traffic each load balancer processes per month, in GB, on every provider "
        "(AWS bills it in LCUs: a GB processed in an hour is one LCU-hour).",
    )
    docker_plan: Name = Field(
        "team", description="Docker subscription plan key for the Docker side."
    )
    docker_seats: Count = Field(
        5, ge=0, le=100_000, description="Docker subscription seats, a count."
    )

    # The Kubernetes cluster
    k8s_instance_type: Annotated[OptionalName, CATALOG_KEY, SIZED] = Field(
        None, description="VM type of the Kubernetes worker nodes. Empty: the provider's default."
    )
    k8s_nodes: Annotated[Count, SIZED] = Field(
        3, ge=1, le=1000, description="Kubernetes worker nodes, a count."
    )
    k8s_hourly_price: Annotated[OptionalPrice, OwnPriceOf("k8s_instance_type")] = Field(
        None, description="Your hourly price per worker node in USD, replacing the list price."
    )
    k8s_disk_gb: Annotated[Count, SIZED] = Field(
        50, ge=0, le=100_000, description="Disk per worker node, in GB."
    )
    control_plane: Annotated[OptionalName, CATALOG_KEY] = Field(
        None,
        description="Control-plane tier key (e.g. eks-standard, aks-free, self-managed). "
        "Empty: the provider's default.",
    )
    k8s_load_balancers: Annotated[Count, SIZED] = Field(
        1, ge=0, le=100, description="Load balancers for the cluster's ingress, a count."
    )
    k8s_lb_usage: PlainDecimal = Field(
        Decimal(100),
        ge=0,
        le=10_000_000,
        description="Traffic each load balancer processes per month, in GB, on every provider "
        "(AWS bills it in LCUs: a GB processed in an hour is one LCU-hour).",
    )
    k8s_plan: Name = Field(
        "team", description="Docker subscription plan key for the Kubernetes side."
    )
    k8s_seats: Count = Field(5, ge=0, le=100_000, description="Docker subscription seats, a count.")

    # Subscriptions
    plan_billing: Literal["annual", "monthly"] = Field(
        "annual", description="How the Docker subscription is billed: annual or monthly."
    )
    seat_price: OptionalPrice = Field(
        None, description="Your price per Docker seat per month in USD, replacing the plan's."
    )

    # People and time
    devops_hourly_rate: Annotated[PlainDecimal, NOT_INFRASTRUCTURE] = Field(
        Decimal(96), ge=0, le=10_000, description="Cost of one DevOps engineering hour, in USD."
    )
    docker_devops_hours: PeopleRange = Field(
        None,
        description="DevOps hours per month to run the Docker setup, replacing the estimate "
        f"from its drivers.{_RANGE} Empty: estimated from the drivers.",
    )
    k8s_rampup_hours: PeopleRange = Field(
        None,
        description="DevOps hours per month on Kubernetes while the team ramps up, replacing "
        f"the steady hours and the ramp-up extra.{_RANGE} Empty: the steady hours plus the "
        "ramp-up extra.",
    )
    k8s_rampup_months: Annotated[OptionalMonthsRange, NOT_INFRASTRUCTURE] = Field(
        None,
        description="Months of Kubernetes ramp-up: whole months, or low/likely/high such as "
        "2/4/12. Empty: the labour table's range.",
    )
    k8s_steady_hours: PeopleRange = Field(
        None,
        description="DevOps hours per month on Kubernetes after the ramp-up, replacing the "
        f"estimate from its drivers.{_RANGE} Empty: estimated from the drivers.",
    )
    horizon_months: Annotated[Count, NOT_INFRASTRUCTURE] = Field(
        12, ge=1, le=120, description="Months to add up in the cumulative view, in months."
    )

    # People time, driver by driver: each field replaces the labour table's low/likely/high
    # for this scenario (docs/PRICING.md, "People time").
    docker_host_hours: PeopleRange = _coefficient("per Docker host a month: updates, backups")
    docker_service_hours: PeopleRange = _coefficient("per service a month on Docker")
    docker_stateful_hours: PeopleRange = _coefficient("per stateful service a month on Docker")
    docker_deploy_hours: PeopleRange = _coefficient("per deploy on Docker")
    docker_incident_hours: PeopleRange = _coefficient("of incidents per Docker host a month")
    k8s_cluster_hours: PeopleRange = _coefficient("per Kubernetes cluster a month")
    k8s_service_hours: PeopleRange = _coefficient("per service a month on Kubernetes")
    k8s_stateful_hours: PeopleRange = _coefficient("per stateful service a month on Kubernetes")
    k8s_deploy_hours: PeopleRange = _coefficient("per deploy on Kubernetes")
    k8s_incident_hours: PeopleRange = _coefficient("of incidents per Kubernetes cluster a month")
    k8s_upgrade_hours: PeopleRange = _coefficient("per minor upgrade of a Kubernetes cluster")
    k8s_rampup_extra_hours: PeopleRange = _coefficient("extra a month while learning Kubernetes")
    odds: Annotated[bool, NOT_INFRASTRUCTURE] = Field(
        True,
        description="Compute the odds: P10, P50 and P90 of each setup's totals and the "
        "probability that Kubernetes is cheaper over the horizon, from the people-time "
        "ranges. false skips them.",
    )

    # The months ahead: versions, environments, growth. The defaults leave the bill as it
    # was for a horizon that ends before the newest Kubernetes version's standard support.
    start_month: OptionalMonth = Field(
        None,
        description="The horizon's first month, YYYY-MM; the cluster starts on the newest "
        "Kubernetes version its provider offered then. Empty: the month the catalog's version "
        "calendar was read.",
    )
    upgrade_policy: UpgradePolicy = Field(
        "never",
        description="current: the team upgrades to each new Kubernetes minor version as the "
        "provider releases it (the upgrade's hours, about three times a year); never: the "
        "cluster stays on its version until the provider acts (extended-support fees where "
        "charged, the provider's upgrades).",
    )
    environments: Count = Field(
        1,
        ge=1,
        le=10,
        description="Environments, production included (e.g. 3 for production, staging and "
        "dev), a count.",
    )
    nonprod_size_percent: PlainDecimal = Field(
        Decimal(50),
        gt=0,
        le=100,
        description="Size of each non-production environment relative to production, in percent.",
    )
    k8s_environments: ClusterPerEnvironment = Field(
        "clusters",
        description="clusters: a Kubernetes cluster per environment, each with its control-"
        "plane fee; namespaces: one cluster, the other environments' workloads added to it.",
    )
    growth_percent_per_month: PlainDecimal = Field(
        Decimal(0),
        ge=0,
        le=100,
        description="Growth of the workload (workload_vcpu, workload_memory_gib, "
        "workload_pods), compounding each month, in percent; both setups are re-sized as it "
        "grows.",
    )

    # The article's decision checklist
    services: Annotated[Count, CHECKLIST, SIZED] = Field(
        3, ge=1, le=100_000, description="How many services you run, a count."
    )
    servers: Annotated[Count, CHECKLIST] = Field(
        1, ge=1, le=100_000, description="How many servers you need, a count."
    )
    deploy_frequency: Annotated[DeployFrequency, CHECKLIST] = Field(
        "daily", description="How often you deploy: weekly, daily or several-daily."
    )
    needs_autoscaling: Annotated[bool, CHECKLIST, SIZED] = Field(
        False, description="Does your load need autoscaling?"
    )
    has_ops_person: Annotated[bool, CHECKLIST] = Field(
        False, description="Do you have a dedicated ops person?"
    )
    tolerates_downtime: Annotated[bool, CHECKLIST] = Field(
        True, description="Can you tolerate 15 minutes of downtime per incident?"
    )
    stateful: Annotated[bool, CHECKLIST, SIZED] = Field(
        False, description="Do you run databases or other stateful workloads?"
    )
    stateful_services: Annotated[OptionalCount, NOT_INFRASTRUCTURE] = Field(
        None,
        description="How many of the services keep state (databases, queues with volumes), a "
        "count. Empty: 1 when stateful is true, else 0.",
    )

    # Pricing depth: every default leaves the results as they were without these fields.
    docker_pricing: Commitment = Field(
        "on-demand", description="How the Docker host is bought: on-demand, 1-year or 3-year."
    )
    docker_commitment_percent: OptionalPercent = Field(
        None,
        description="Discount of the Docker host's commitment off on-demand, in percent. "
        "Empty: the catalog's sourced rate, where it has one.",
    )
    k8s_pricing: NodePricing = Field(
        "on-demand",
        description="How the worker nodes are bought: on-demand, 1-year, 3-year or spot "
        "(spot nodes can be interrupted at short notice).",
    )
    k8s_commitment_percent: OptionalPercent = Field(
        None,
        description="Discount of the nodes' commitment or spot price off on-demand, in "
        "percent. Empty: the catalog's sourced rate, where it has one.",
    )
    vm_hours_per_month: OptionalHours = Field(
        None,
        description="Hours the VMs actually run per month, e.g. 264 for 12 h x 22 working "
        "days. Empty: hours_per_month. Disks, control plane and load balancers bill the "
        "whole month.",
    )
    docker_surplus_vcpu: Annotated[PlainDecimal, SIZED, BelongsTo("docker_instance_type")] = Field(
        Decimal(0),
        ge=0,
        le=1000,
        description="Burstable Docker hosts in unlimited mode (AWS t3, t3a, t4g): the CPU "
        "each host uses steadily above its baseline, in vCPU, billed as surplus CPU "
        "credits per vCPU-hour. 0: none (the load stays within the baseline).",
    )
    k8s_surplus_vcpu: Annotated[PlainDecimal, SIZED, BelongsTo("k8s_instance_type")] = Field(
        Decimal(0),
        ge=0,
        le=1000,
        description="Burstable worker nodes in unlimited mode (AWS t3, t3a, t4g): the CPU each "
        "node uses steadily above its baseline, in vCPU, billed as surplus CPU credits per "
        "vCPU-hour. 0: none (the load stays within the baseline).",
    )
    k8s_nodes_min: Annotated[OptionalNodes, SIZED] = Field(
        None, description="Autoscaling: fewest worker nodes, a count. k8s_nodes is the average."
    )
    k8s_nodes_max: Annotated[OptionalNodes, SIZED] = Field(
        None, description="Autoscaling: most worker nodes, a count. k8s_nodes is the average."
    )
    k8s_control_nodes: Count = Field(
        0,
        ge=0,
        le=100,
        description="Control-plane VMs you run yourself (self-managed Kubernetes), a count.",
    )
    k8s_control_instance_type: Annotated[OptionalName, CATALOG_KEY] = Field(
        None, description="VM type of the self-managed control plane. Empty: the node type."
    )
    workload_vcpu: Annotated[OptionalAmount, SIZED] = Field(
        None, description="Does it fit? The workload's total CPU requests, in vCPU."
    )
    workload_memory_gib: Annotated[OptionalAmount, SIZED] = Field(
        None, description="Does it fit? The workload's total memory requests, in GiB."
    )
    workload_pods: Annotated[OptionalPods, NOT_INFRASTRUCTURE, SIZED] = Field(
        None, description="Does it fit? Pods to run, a count."
    )
    k8s_max_pods: Annotated[OptionalNodes, NOT_INFRASTRUCTURE, SIZED] = Field(
        None,
        description="Most pods per node (the kubelet's max-pods), a count. Empty: the "
        "provider's maximum for the node type (EKS: from its network interfaces; GKE 110; "
        "AKS 250; self-managed 110).",
    )
    egress_gb: PlainDecimal = Field(
        Decimal(0),
        ge=0,
        le=10_000_000,
        description="Internet egress per month, in GB (GiB on Google Cloud and DigitalOcean, "
        "which bill per GiB); the same for both setups.",
    )
    cross_zone_gb: PlainDecimal = Field(
        Decimal(0),
        ge=0,
        le=10_000_000,
        description="Traffic between the cluster's zones per month, in GB (Kubernetes only).",
    )
    docker_desktop_free: bool = Field(
        False,
        description="We qualify for free Docker Desktop (under 250 employees and under $10M "
        "annual revenue, and not a government entity): seats cost nothing.",
    )
    currency: CurrencyCode = Field("USD", description="Currency to show results in (ISO code).")
    exchange_rate: PlainDecimal = Field(
        Decimal(1),
        gt=0,
        le=1_000_000,
        description="Units of that currency per US dollar, entered by you (no live rates). "
        "Inputs stay in USD.",
    )
    eur_rate: OptionalAmount = Field(
        None,
        description="Units of the display currency per euro, entered by you, for a provider "
        "whose prices are in euros (Hetzner). Empty: 1 when the display currency is EUR.",
    )
    k8s_private_nodes: bool = Field(
        False,
        description="The cluster's nodes have no public addresses and reach the internet "
        "through a managed NAT gateway (AWS, Azure, Google Cloud NAT), priced by the hour (or "
        "per VM) and per GB of egress.",
    )
    public_ipv4: bool = Field(
        False,
        description="Price public IPv4 addresses where the provider charges for them (AWS, "
        "Google Cloud, Azure, Hetzner): one per Docker host, those each load balancer holds "
        "(an AWS ALB two, an Azure load balancer one), and one per cluster node where nodes "
        "have their own (Hetzner servers, GKE nodes; not private nodes).",
    )
    monthly_requests: Annotated[OptionalRequests, NOT_INFRASTRUCTURE] = Field(
        None,
        description="Managed containers (a reference beside the two setups): HTTP requests a "
        "month, a count, for the services that bill by request (Cloud Run request-based, "
        "Azure Container Apps). Empty: those are priced as if every replica were busy all "
        "month. Give request_ms with it.",
    )
    request_ms: Annotated[OptionalMilliseconds, NOT_INFRASTRUCTURE] = Field(
        None,
        description="Managed containers: the average time one request keeps an instance "
        "busy, in milliseconds. Give monthly_requests with it.",
    )


FIELD_NAMES: tuple[str, ...] = tuple(Scenario.model_fields)
# The fields by role (pricing.roles), each role stated on the fields above.
CHECKLIST_FIELDS = fields_with(Scenario, CHECKLIST)
SIZED_FIELDS = frozenset(fields_with(Scenario, SIZED))

DEFAULT_SCENARIO = Scenario()
