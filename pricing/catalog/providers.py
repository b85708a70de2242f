"""A provider's file (Provider, with the defaults it must price) and the Catalog of them all
with Docker's plans."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from pricing.catalog.entries import (
    Availability,
    ControlPlane,
    CrossZone,
    Disk,
    Egress,
    Entry,
    InstanceType,
    LoadBalancer,
    NatGateway,
    Plan,
    PublicAddress,
    Region,
    Sourced,
    SustainedUse,
)
from pricing.catalog.labour import Labour


class ProviderDefaults(Entry):
    region: str
    docker_instance_type: str
    k8s_instance_type: str
    control_plane: str
    load_balancer: str
    disk: str


class Provider(Entry):
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


class Catalog(Entry):
    version: str
    providers: dict[str, Provider]
    plans: dict[str, Plan]
    labour: Labour

    @property
    def as_of(self) -> date:
        """The oldest date any price was read: "prices as of" errs on the honest side."""
        return min(entry.as_of for entry in self.sourced_entries())

    def sourced_entries(self) -> list[Sourced]:
        """Every priced entry, for audits and the "every price has a source" test."""
        entries: list[Sourced] = [*self.plans.values(), *self.labour.sourced_entries()]
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
                    *(tier.pod_pricing for tier in provider.control_planes.values()),
                    *(tier.node_fee for tier in provider.control_planes.values()),
                )
                if entry is not None
            )
        return entries
