"""The catalog's entries: each price with its source URL, the date it was read and a
confidence, and the shapes of what a provider sells (VM types, control planes, load balancers,
disks, egress) and Docker's plans; the other network charges are in ``network``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pricing.money import to_cents

HOURS_PER_MONTH = Decimal(730)
PositivePrice = Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
NonNegativePrice = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
Confidence = Literal["A", "B", "C"]


class Entry(BaseModel):
    """A catalog entry: frozen, and no field the model does not name."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Entry):
    """Where a price comes from."""

    source: str = Field(pattern=r"^https://\S+$")
    as_of: date
    confidence: Confidence
    note: str | None = None


class Availability(Sourced):
    """What a provider promises in its service-level agreement, in percent of a month."""

    label: str
    percent: Decimal = Field(gt=0, le=100, allow_inf_nan=False)


class Rate(Sourced):
    """A sourced hourly price for a way of buying a VM (a commitment term, or spot)."""

    hourly: PositivePrice


def monthly_cap() -> Any:
    """The field of a price billed by the hour up to a monthly cap."""
    return Field(
        None,
        description="The most one unit is billed in a month, where the provider caps hourly "
        "billing at a monthly price (DigitalOcean, Linode, Hetzner).",
    )


class InstancePrice(Sourced):
    hourly: PositivePrice
    monthly_cap: PositivePrice | None = monthly_cap()
    commitments: dict[str, Rate] = Field(
        default_factory=dict, description="Sourced rates keyed 1-year, 3-year or spot."
    )

    @model_validator(mode="after")
    def _check_terms(self) -> InstancePrice:
        unknown = set(self.commitments) - {"1-year", "3-year", "spot"}
        if unknown:
            raise ValueError(f"commitments may be 1-year, 3-year or spot, not {sorted(unknown)}")
        return self

    def monthly(self, hours: Decimal = HOURS_PER_MONTH) -> Decimal:
        """The list price of a month at ``hours`` hours, rounded to the cent."""
        return to_cents(self.hourly * hours)

    def billed(self, hours: Decimal = HOURS_PER_MONTH) -> Decimal:
        """What one VM is billed for ``hours`` at the list price: no more than its monthly cap
        (not rounded)."""
        one = self.hourly * hours
        return one if self.monthly_cap is None else min(one, self.monthly_cap)


class Baseline(Sourced):
    """A burstable type's sustained CPU: the share of each vCPU it may use around the clock
    (AWS "baseline utilization per vCPU", Azure B-series "base CPU performance" over the
    vCPUs, Google's shared-core fraction); above it, it spends credits."""

    percent: Decimal = Field(gt=0, lt=100, allow_inf_nan=False)


class InstanceType(Entry):
    vcpu: int = Field(gt=0)
    memory_gib: Decimal = Field(gt=0, allow_inf_nan=False)
    family: str
    arch: Literal["x86_64", "arm64"] = "x86_64"
    max_pods: int | None = Field(
        None,
        gt=0,
        description="Most pods a node of this type may run on the provider's managed "
        "Kubernetes, where it depends on the type (EKS: ENIs x (IPv4 per ENI - 1) + 2).",
    )
    baseline: Baseline | None = Field(
        None, description="Burstable types only: the sustained share of each vCPU."
    )


class Region(Entry):
    name: str
    instances: dict[str, InstancePrice]
    caveat: str | None = Field(
        None, description="What the catalog prices here with another region's figures."
    )
    egress: Egress | None = Field(
        None,
        description="The region's own internet egress tiers, where they differ from the "
        "provider's (AWS GovCloud: no free 100 GB, higher rates).",
    )


class PodPricing(Sourced):
    """Kubernetes billed by the pods' requests instead of nodes (GKE Autopilot), at these
    rates in the listed regions."""

    vcpu_hour: PositivePrice
    gib_hour: PositivePrice
    regions: list[str] = Field(min_length=1)


class NodeFee(Sourced):
    """A management fee on every node, as a share of its on-demand price (EKS Auto Mode)."""

    percent: Decimal = Field(gt=0, lt=100, allow_inf_nan=False)


class ControlPlane(Sourced):
    label: str
    hourly: NonNegativePrice
    monthly_cap: PositivePrice | None = monthly_cap()
    monthly_credit: NonNegativePrice = Decimal(0)
    availability: Availability | None = Field(
        None, description="The control plane's SLA; none where the tier promises none."
    )
    pod_pricing: PodPricing | None = None
    node_fee: NodeFee | None = None


class LoadBalancer(Sourced):
    label: str
    hourly: NonNegativePrice
    monthly_cap: PositivePrice | None = monthly_cap()
    usage_price: NonNegativePrice
    usage_unit: str
    public_addresses: int = Field(
        0,
        ge=0,
        description="Public IPv4 addresses each load balancer holds that the provider bills "
        "as addresses (an AWS ALB: one in each of its two zones); 0 where the balancer's own "
        "price includes its address, or where there is no balancer.",
    )

    @property
    def usage_is_hourly(self) -> bool:
        """LCU-style usage is counted per hour (a GB processed in an hour is one unit-hour);
        GB processed is a plain volume."""
        return self.usage_unit.endswith("-hour")


class DiskSize(Sourced):
    """One size tier of a disk billed by the tier that holds it (Azure: P6 is 64 GiB)."""

    name: str
    up_to_gib: int = Field(gt=0)
    monthly: PositivePrice


class Disk(Sourced):
    """Block storage: billed per GB-month, or by the smallest size tier that holds the disk."""

    label: str
    gb_month: NonNegativePrice | None = None
    sizes: list[DiskSize] = Field(
        default_factory=list,
        description="Size tiers, smallest first: a disk is billed the monthly price of the "
        "smallest tier at least as large as it (Azure managed disks).",
    )

    @model_validator(mode="after")
    def _check_billing(self) -> Disk:
        if (self.gb_month is None) == (not self.sizes):
            raise ValueError("give either gb_month or sizes, not both or neither")
        bounds = [size.up_to_gib for size in self.sizes]
        if bounds != sorted(set(bounds)):
            raise ValueError("sizes must rise: each up_to_gib above the one before")
        return self

    def size_for(self, gib: int) -> DiskSize | None:
        """The tier a disk of ``gib`` is billed as: the smallest that holds it (None beyond
        the largest)."""
        return next((size for size in self.sizes if size.up_to_gib >= gib), None)

    @property
    def list_price(self) -> tuple[Decimal, str]:
        """What a form or a list shows: the price per GB-month, or the smallest tier's."""
        if self.gb_month is not None:
            return self.gb_month, "GB-month"
        smallest = self.sizes[0]
        return smallest.monthly, f"disk-month ({smallest.name}, {smallest.up_to_gib} GiB)"


class Tier(Entry):
    """Usage up to ``up_to`` units a month (beyond the previous tier) at ``price`` each;
    ``up_to`` null is the open-ended last tier."""

    up_to: Decimal | None = Field(None, gt=0, allow_inf_nan=False)
    price: NonNegativePrice


class Egress(Sourced):
    label: str
    unit: str
    gb_per_unit: Decimal = Field(
        Decimal(1),
        gt=0,
        allow_inf_nan=False,
        description="The scenario's GB in one unit of the tiers: 1 where the provider bills "
        "per GB (or GiB), 1000 where it bills per TB (Hetzner).",
    )
    tiers: list[Tier] = Field(min_length=1)
    included_per_vm: dict[str, NonNegativePrice] = Field(
        default_factory=dict,
        description="Transfer each VM of a type brings into the account's pool a month, in "
        "the egress unit; the setup's VMs pool their allowances (DigitalOcean, Linode).",
    )

    @model_validator(mode="after")
    def _check_tiers(self) -> Egress:
        bounds = [t.up_to for t in self.tiers]
        if any(b is None for b in bounds[:-1]):
            raise ValueError("only the last tier may be open-ended (up_to null)")
        known = [b for b in bounds if b is not None]
        if known != sorted(known) or len(set(known)) != len(known):
            raise ValueError("tiers must rise: each up_to above the one before")
        return self


class SustainedUse(Sourced):
    """A discount the provider gives by itself for the hours a VM runs in a month: each
    quarter of the month's hours is billed at its rate (a share of the list price)."""

    families: list[str] = Field(min_length=1, description="Instance-type families (prefixes).")
    quarter_rates: list[Annotated[Decimal, Field(gt=0, le=1)]] = Field(min_length=4, max_length=4)

    def applies_to(self, instance_type: str) -> bool:
        return instance_type.split("-")[0] in self.families


class SurplusCredits(Sourced):
    """What a burstable type in unlimited mode pays for CPU above its baseline, sustained
    over a day: a flat price per vCPU-hour (AWS T3/T4g Unlimited)."""

    families: list[str] = Field(min_length=1, description="Instance-type families (prefixes).")
    vcpu_hour: PositivePrice

    def applies_to(self, instance_type: str) -> bool:
        return instance_type.split(".")[0].split("-")[0] in self.families


class SystemPod(Sourced):
    """A pod the managed Kubernetes runs itself, with its requests: on every node (a DaemonSet
    such as kube-proxy or the CNI agent) or ``replicas`` times in the cluster (an add-on such
    as CoreDNS). ``storage`` pods (a CSI node plugin) run only where volumes are used."""

    name: str
    cpu_millicores: int = Field(ge=0)
    memory_mib: int = Field(ge=0)
    replicas: int | None = Field(None, ge=1, description="Cluster add-ons only: replicas.")
    storage: bool = Field(False, description="Runs only when the workload claims volumes.")


class SystemPods(Entry):
    """What a Kubernetes distribution runs in kube-system before any workload."""

    label: str
    per_node: list[SystemPod]
    cluster: list[SystemPod]
    note: str | None = None

    @model_validator(mode="after")
    def _check_replicas(self) -> SystemPods:
        if any(pod.replicas is not None for pod in self.per_node):
            raise ValueError("per_node pods run once on every node: no replicas")
        if any(pod.replicas is None for pod in self.cluster):
            raise ValueError("cluster pods need their replicas")
        return self


class Plan(Sourced):
    label: str
    annual: NonNegativePrice
    monthly: NonNegativePrice | None = None
