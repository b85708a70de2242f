"""A provider's file (Provider, with the defaults it must price) and the Catalog of them all
with Docker's plans; the checks across a provider's entries, and where their problems lie."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from pricing.catalog.containers import ContainerService
from pricing.catalog.entries import (
    Availability,
    ControlPlane,
    Disk,
    Egress,
    Entry,
    InstanceType,
    LoadBalancer,
    Plan,
    Region,
    Sourced,
    SurplusCredits,
    SustainedUse,
    SystemPods,
)
from pricing.catalog.labour import Labour
from pricing.catalog.network import CrossZone, NatGateway, PublicAddress
from pricing.catalog.versions import VersionCalendars, check_tiers


class EntryError(ValueError):
    """A check across entries failed at ``field`` of ``entry``, a path below the model that
    raised it (``("egress", "included_per_vm")``): ``first_problem`` adds it to the location."""

    def __init__(self, entry: tuple[str, ...], field: str, reason: str) -> None:
        super().__init__(f"{'.'.join(entry)}: field {field}: {reason}")
        self.entry, self.field, self.reason = entry, field, reason


def first_problem(exc: ValidationError) -> tuple[list[str], str]:
    """Where the first problem of a catalog file lies (its path, the field last) and what it
    is, taking the path an ``EntryError`` names below its model."""
    first = exc.errors()[0]
    where = [str(part) for part in first["loc"]]
    error = first.get("ctx", {}).get("error")
    if isinstance(error, EntryError):
        return [*where, *error.entry, error.field], error.reason
    return where, first["msg"]


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
    surplus_credits: list[SurplusCredits] = Field(
        default_factory=list,
        description="The price of CPU above a burstable type's baseline, where it is sold.",
    )
    vm_availability: Availability | None = Field(
        None, description="The SLA for one VM on its own, where the provider publishes one."
    )
    managed_containers: dict[str, ContainerService] = Field(
        default_factory=dict,
        description="Managed container services, priced as a reference beside the setups.",
    )

    def surplus_for(self, instance_type: str) -> SurplusCredits | None:
        """The surplus-credit price of ``instance_type``'s family, where the provider sells
        CPU above a burstable type's baseline (AWS T3/T4g Unlimited)."""
        return next((rule for rule in self.surplus_credits if rule.applies_to(instance_type)), None)

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
        for key, service in self.managed_containers.items():
            tier = self.control_planes.get(service.control_plane or "")
            if service.control_plane is not None and (tier is None or tier.pod_pricing is None):
                raise ValueError(
                    f"managed_containers.{key}: control_plane {service.control_plane!r} is "
                    "not a tier that bills pods"
                )
        home = self.regions[d.region].instances
        for field, key in (
            ("docker_instance_type", d.docker_instance_type),
            ("k8s_instance_type", d.k8s_instance_type),
        ):
            if key not in home:
                raise ValueError(f"defaults.{field} {key!r} is not priced in {d.region}")
        return self

    @model_validator(mode="after")
    def _check_allowances(self) -> Provider:
        """Where egress gives VMs a transfer allowance, every type it serves has one (else its
        egress would be overstated), and each names a type it serves."""
        scopes: list[tuple[tuple[str, ...], Egress | None, Iterable[str]]]
        scopes = [(("egress",), self.egress, self.instance_types)]
        scopes += [
            (("regions", key, "egress"), region.egress, region.instances)
            for key, region in self.regions.items()
        ]
        for where, egress, types in scopes:
            if egress is not None and egress.included_per_vm:
                _check_allowance_types((*where, "included_per_vm"), egress, types)
        return self


def _check_allowance_types(entry: tuple[str, ...], egress: Egress, types: Iterable[str]) -> None:
    allowed, served = set(egress.included_per_vm), set(types)
    missing, unknown = sorted(served - allowed), sorted(allowed - served)
    if missing:
        others = f"; {len(missing) - 1} more lack one: {', '.join(missing[1:])}"
        raise EntryError(
            entry,
            missing[0],
            f"instance type {missing[0]} has no transfer allowance: give it one ({egress.unit} "
            "a month), since every type needs one where any has one"
            + (others if missing[1:] else ""),
        )
    if unknown:
        problem = f"an allowance for {unknown[0]}, which is not an instance type served here"
        raise EntryError(entry, unknown[0], problem)


class Catalog(Entry):
    version: str
    providers: dict[str, Provider]
    plans: dict[str, Plan]
    labour: Labour
    system_pods: dict[str, SystemPods] = Field(
        default_factory=dict,
        description="Per Kubernetes distribution (eks, gke, aks, doks, lke, k3s): the pods it "
        "runs itself, which the sizing places before the workload's.",
    )
    versions: VersionCalendars

    @model_validator(mode="after")
    def _check_versions(self) -> Catalog:
        check_tiers(self.versions, {k: set(p.control_planes) for k, p in self.providers.items()})
        return self

    @property
    def as_of(self) -> date:
        """The oldest date any price was read: "prices as of" errs on the honest side."""
        return min(entry.as_of for entry in self.sourced_entries())

    def sourced_entries(self) -> list[Sourced]:
        """Every priced entry, for audits and the "every price has a source" test."""
        entries: list[Sourced] = [
            *self.plans.values(),
            *self.versions.sourced_entries(),
            *self.labour.sourced_entries(),
        ]
        for distribution in self.system_pods.values():
            entries.extend([*distribution.per_node, *distribution.cluster])
        for provider in self.providers.values():
            for region in provider.regions.values():
                entries.extend(region.instances.values())
                entries.extend([region.egress] if region.egress else [])
            entries.extend(provider.control_planes.values())
            entries.extend(t.baseline for t in provider.instance_types.values() if t.baseline)
            entries.extend(provider.load_balancers.values())
            for disk in provider.disks.values():
                entries.extend([disk, *disk.sizes])
            for service in provider.managed_containers.values():
                entries.extend([service, *service.rates])
            entries.extend(
                entry
                for entry in (
                    provider.egress,
                    provider.cross_zone,
                    provider.public_ipv4,
                    provider.nat_gateway,
                    provider.vm_availability,
                    *provider.sustained_use,
                    *provider.surplus_credits,
                    *(tier.availability for tier in provider.control_planes.values()),
                    *(tier.pod_pricing for tier in provider.control_planes.values()),
                    *(tier.node_fee for tier in provider.control_planes.values()),
                )
                if entry is not None
            )
        return entries
