"""The price catalog: every price with its source URL and the date it was read.

``load_catalog`` is the package's only I/O: it reads the bundled files in ``pricing/data``
and, optionally, an operator's override file merged over them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pricing.money import to_cents

HOURS_PER_MONTH = Decimal(730)
PositivePrice = Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
NonNegativePrice = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
Confidence = Literal["A", "B", "C"]


class CatalogError(ValueError):
    """A catalog file that cannot be used; the message names the file, the entry and the field."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Entry):
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


class InstanceType(_Entry):
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


class Region(_Entry):
    name: str
    instances: dict[str, InstancePrice]
    caveat: str | None = Field(
        None, description="What the catalog prices here with another region's figures."
    )


class ControlPlane(Sourced):
    label: str
    hourly: NonNegativePrice
    monthly_cap: PositivePrice | None = monthly_cap()
    monthly_credit: NonNegativePrice = Decimal(0)
    availability: Availability | None = Field(
        None, description="The control plane's SLA; none where the tier promises none."
    )


class LoadBalancer(Sourced):
    label: str
    hourly: NonNegativePrice
    monthly_cap: PositivePrice | None = monthly_cap()
    usage_price: NonNegativePrice
    usage_unit: str

    @property
    def usage_is_hourly(self) -> bool:
        """LCU-style usage is counted per hour (a GB processed in an hour is one unit-hour);
        GB processed is a plain volume."""
        return self.usage_unit.endswith("-hour")


class Disk(Sourced):
    label: str
    gb_month: NonNegativePrice


class Tier(_Entry):
    """Usage up to ``up_to`` units a month (beyond the previous tier) at ``price`` each;
    ``up_to`` null is the open-ended last tier."""

    up_to: Decimal | None = Field(None, gt=0, allow_inf_nan=False)
    price: NonNegativePrice


class Egress(Sourced):
    label: str
    unit: str
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


class CrossZone(Sourced):
    label: str
    gb_price: NonNegativePrice


class SustainedUse(Sourced):
    """A discount the provider gives by itself for the hours a VM runs in a month: each
    quarter of the month's hours is billed at its rate (a share of the list price)."""

    families: list[str] = Field(min_length=1, description="Instance-type families (prefixes).")
    quarter_rates: list[Annotated[Decimal, Field(gt=0, le=1)]] = Field(min_length=4, max_length=4)

    def applies_to(self, instance_type: str) -> bool:
        return instance_type.split("-")[0] in self.families


class NatGateway(Sourced):
    """A managed NAT gateway for private nodes' outbound traffic: by the hour and per GB."""

    label: str
    hourly: NonNegativePrice
    gb_price: NonNegativePrice


class PublicAddress(Sourced):
    """A public IPv4 address, billed by the hour whether in use or not."""

    label: str
    hourly: NonNegativePrice


class Plan(Sourced):
    label: str
    annual: NonNegativePrice
    monthly: NonNegativePrice | None = None


class ProviderDefaults(_Entry):
    region: str
    docker_instance_type: str
    k8s_instance_type: str
    control_plane: str
    load_balancer: str
    disk: str


class Provider(_Entry):
    provider: str
    name: str
    currency: Literal["USD", "EUR"] = Field(
        "USD", description="The currency of every price in this provider's file."
    )
    note: str | None = None
    defaults: ProviderDefaults
    instance_types: dict[str, InstanceType]
    regions: dict[str, Region]
    control_planes: dict[str, ControlPlane]
    load_balancers: dict[str, LoadBalancer]
    disks: dict[str, Disk]
    egress: Egress | None = None
    cross_zone: CrossZone | None = None
    public_ipv4: PublicAddress | None = None
    nat_gateway: NatGateway | None = None
    sustained_use: list[SustainedUse] = Field(default_factory=list)
    vm_availability: Availability | None = Field(
        None, description="The SLA for one VM on its own, where the provider publishes one."
    )

    @model_validator(mode="after")
    def _check_references(self) -> Provider:
        for region_key, region in self.regions.items():
            for type_key in region.instances:
                if type_key not in self.instance_types:
                    raise ValueError(
                        f"regions.{region_key}.instances.{type_key} is not in instance_types"
                    )
        d = self.defaults
        checks: list[tuple[str, str, Mapping[str, object]]] = [
            ("region", d.region, self.regions),
            ("control_plane", d.control_plane, self.control_planes),
            ("load_balancer", d.load_balancer, self.load_balancers),
            ("disk", d.disk, self.disks),
        ]
        for field, key, table in checks:
            if key not in table:
                raise ValueError(f"defaults.{field} {key!r} is not in the catalog")
        home = self.regions[d.region].instances
        for field, key in (
            ("docker_instance_type", d.docker_instance_type),
            ("k8s_instance_type", d.k8s_instance_type),
        ):
            if key not in home:
                raise ValueError(f"defaults.{field} {key!r} is not priced in {d.region}")
        return self


class Catalog(_Entry):
    version: str
    providers: dict[str, Provider]
    plans: dict[str, Plan]

    @property
    def as_of(self) -> date:
        """The oldest date any price was read: "prices as of" errs on the honest side."""
        return min(entry.as_of for entry in self.sourced_entries())

    def sourced_entries(self) -> list[Sourced]:
        """Every priced entry, for audits and the "every price has a source" test."""
        entries: list[Sourced] = list(self.plans.values())
        for provider in self.providers.values():
            for region in provider.regions.values():
                entries.extend(region.instances.values())
            entries.extend(provider.control_planes.values())
            entries.extend(provider.load_balancers.values())
            entries.extend(provider.disks.values())
            entries.extend(
                entry
                for entry in (
                    provider.egress,
                    provider.cross_zone,
                    provider.public_ipv4,
                    provider.nat_gateway,
                    provider.vm_availability,
                    *provider.sustained_use,
                    *(tier.availability for tier in provider.control_planes.values()),
                )
                if entry is not None
            )
        return entries


def _read_json(path: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{path}: not valid JSON: {exc}") from exc


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate(path: str, data: Any) -> Catalog:
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        *entry, field = [str(part) for part in first["loc"]] or ["(top level)"]
        where = ".".join(entry) or "(top level)"
        raise CatalogError(
            f"{path}: entry {where}: field {field}: {first['msg']}"
            + (f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else "")
        ) from None


def bundled_data() -> dict[str, Any]:
    """The catalog as shipped, before any operator override."""
    folder = resources.files("pricing") / "data"
    manifest = _read_json("pricing/data/catalog.json", (folder / "catalog.json").read_text())
    providers = {
        key: _read_json(f"pricing/data/{key}.json", (folder / f"{key}.json").read_text())
        for key in manifest["providers"]
    }
    plans = _read_json("pricing/data/docker.json", (folder / "docker.json").read_text())
    return {"version": manifest["version"], "providers": providers, "plans": plans["plans"]}


def load_catalog(override: Path | None = None) -> Catalog:
    """Load the bundled catalog, merging an operator's override file over it when given."""
    data = bundled_data()
    catalog = _validate("pricing/data", data)
    if override is None:
        return catalog
    try:
        text = override.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{override}: cannot be read: {exc}") from exc
    extra = _read_json(str(override), text)
    if not isinstance(extra, dict):
        raise CatalogError(f"{override}: entry (top level): must be a JSON object")
    return _validate(str(override), _deep_merge(data, extra))
