"""A scenario matched to the catalog: its empty keys filled with the provider's defaults, each
key looked up, every rule across fields checked, and all problems reported at once, each
naming its field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple, TypeVar

from pricing.catalog import (
    Catalog,
    ControlPlane,
    Disk,
    Egress,
    InstancePrice,
    InstanceType,
    LoadBalancer,
    Plan,
    Provider,
    ProviderDefaults,
    Rate,
    Region,
)
from pricing.roles import CATALOG_KEY, fields_with, own_prices
from pricing.rules import cross_field_problems, machine_problems, price_rate, usage_problems
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.versions import start_month

T = TypeVar("T")

# The Scenario fields that name an entry of the provider's catalog (their role, CATALOG_KEY):
# those the provider has a default for (an empty one means it), and the control-plane VM type,
# which defaults to the node type instead.
DEFAULTED_FIELDS = tuple(ProviderDefaults.model_fields)
CATALOG_FIELDS = (
    *(name for name in fields_with(Scenario, CATALOG_KEY) if name not in DEFAULTED_FIELDS),
    *DEFAULTED_FIELDS,
)


def provider_defaults(provider: Provider) -> dict[str, str]:
    """The provider's own choice for each of DEFAULTED_FIELDS."""
    defaults = provider.defaults
    return {field: getattr(defaults, field) for field in DEFAULTED_FIELDS}


# The user's own hourly price, by the VM-type field whose machine it prices (their role,
# OwnPriceOf): it belongs to that type, so it goes when the type does.
OWN_PRICES = own_prices(Scenario)


def catalog_choices(provider: Provider, region_key: str) -> dict[str, Mapping[str, object]]:
    """For each of CATALOG_FIELDS, the catalog table its value must be a key of (in
    ``region_key`` for the VM types; the control-plane VM type may also be empty)."""
    instances = provider.regions[region_key].instances
    return {
        "k8s_control_instance_type": {"": None, **instances},
        "region": provider.regions,
        "docker_instance_type": instances,
        "k8s_instance_type": instances,
        "control_plane": provider.control_planes,
        "load_balancer": provider.load_balancers,
        "disk": provider.disks,
    }


@dataclass(frozen=True, slots=True)
class Machine:
    """A VM type as found in one region: its spec and its price there."""

    key: str
    spec: InstanceType
    price: InstancePrice


@dataclass(frozen=True, slots=True)
class Purchase:
    """How a VM is bought: on-demand, a commitment term or spot, at a percent off on-demand
    the user entered, or at the catalog's sourced rate."""

    option: str
    percent: Decimal | None = None
    rate: Rate | None = None


@dataclass(frozen=True, slots=True)
class Matches:
    """What a scenario's keys found in the catalog. ``keys`` are the keys it left empty,
    filled with the provider's defaults. Scenarios that differ only in fields no lookup or
    rule reads (people, horizon, checklist, workload) have equal matches."""

    keys: dict[str, str]
    provider: Provider
    region: Region
    docker_machine: Machine
    k8s_machine: Machine
    control_machine: Machine | None
    control_plane: ControlPlane
    load_balancer: LoadBalancer
    disk: Disk
    docker_plan: Plan
    k8s_plan: Plan
    docker_purchase: Purchase
    k8s_purchase: Purchase
    price_rate: Decimal  # units of the display currency per unit of the provider's currency

    @property
    def egress(self) -> Egress | None:
        """The internet egress tiers that apply: the region's own, else the provider's."""
        return self.region.egress or self.provider.egress


class Resolved(NamedTuple):
    """One resolved scenario: ``scenario`` with no empty key left, and its catalog matches."""

    scenario: Scenario
    matches: Matches


def resolved_with(scenario: Scenario, matches: Matches) -> Resolved:
    """``scenario`` resolved with ``matches`` made for it (or for a scenario that differs
    from it only in fields no lookup reads), or InputError where its usage fields break a
    rule (checked here, so a remembered bill does not skip them)."""
    problems = usage_problems(scenario, matches.control_plane)
    if problems:
        raise InputError(problems)
    return Resolved(scenario.model_copy(update=matches.keys), matches)


class _Problems:
    """Collects every problem instead of stopping at the first, so a form shows them all."""

    def __init__(self) -> None:
        self.found: list[FieldProblem] = []

    def add(self, field: str, message: str) -> None:
        self.found.append(FieldProblem(field, message))

    def find(self, field: str, key: str, table: Mapping[str, T], what: str) -> T | None:
        if key in table:
            return table[key]
        self.add(field, f"{key!r} is not {what}; choose one of: {', '.join(sorted(table))}")
        return None

    def machine(
        self, field: str, key: str, provider: Provider, region: Region | None, region_key: str
    ) -> Machine | None:
        if region is None:
            return None
        price = self.find(field, key, region.instances, f"offered in {region_key}")
        return Machine(key, provider.instance_types[key], price) if price else None

    def purchase(
        self, field: str, option: str, percent: Decimal | None, machine: Machine | None
    ) -> Purchase:
        if option == "on-demand":
            if percent is not None:
                self.add(field, "applies only to a 1-year, 3-year or spot purchase")
            return Purchase(option)
        rate = machine.price.commitments.get(option) if machine else None
        if percent is None and rate is None and machine is not None:
            self.add(
                field,
                f"the catalog has no sourced {option} rate for {machine.key}: "
                "enter your discount off on-demand, in percent",
            )
        return Purchase(option, percent, None if percent is not None else rate)


def _filled_keys(scenario: Scenario, provider: Provider) -> dict[str, str]:
    defaults = provider_defaults(provider)
    return {field: getattr(scenario, field) or defaults[field] for field in DEFAULTED_FIELDS}


class _Found(NamedTuple):
    """What each key found in the catalog; None where it found nothing (a problem says why)."""

    region: Region | None
    docker: Machine | None
    k8s: Machine | None
    control: Machine | None
    tier: ControlPlane | None
    balancer: LoadBalancer | None
    disk: Disk | None
    docker_plan: Plan | None
    k8s_plan: Plan | None


def _look_up(
    scenario: Scenario,
    catalog: Catalog,
    provider: Provider,
    keys: dict[str, str],
    problems: _Problems,
) -> _Found:
    """Every key of ``scenario`` looked up (its empty ones filled in ``keys``)."""
    name, region_key = provider.name, keys["region"]
    region = problems.find("region", region_key, provider.regions, f"a region of {name}")

    def machine(field: str, key: str) -> Machine | None:
        return problems.machine(field, key, provider, region, region_key)

    docker = machine("docker_instance_type", keys["docker_instance_type"])
    k8s = machine("k8s_instance_type", keys["k8s_instance_type"])
    # A control-plane type given is checked even with no control nodes: a wrong key is
    # refused, not ignored until the day someone adds the nodes.
    control_key = scenario.k8s_control_instance_type or keys["k8s_instance_type"]
    checked = scenario.k8s_control_nodes > 0 or scenario.k8s_control_instance_type
    control = machine("k8s_control_instance_type", control_key) if checked else None
    if scenario.k8s_control_nodes == 0:
        control = None
    tiers, balancers = provider.control_planes, provider.load_balancers
    tier = problems.find(
        "control_plane", keys["control_plane"], tiers, f"a control-plane tier of {name}"
    )
    balancer = problems.find(
        "load_balancer", keys["load_balancer"], balancers, f"a load balancer of {name}"
    )
    disk = problems.find("disk", keys["disk"], provider.disks, f"a disk type of {name}")
    docker_plan = problems.find("docker_plan", scenario.docker_plan, catalog.plans, "a Docker plan")
    k8s_plan = problems.find("k8s_plan", scenario.k8s_plan, catalog.plans, "a Docker plan")
    if scenario.plan_billing == "monthly" and scenario.seat_price is None:
        for field, plan in (("docker_plan", docker_plan), ("k8s_plan", k8s_plan)):
            if plan is not None and plan.monthly is None:
                problems.add("plan_billing", f"{plan.label} ({field}) is billed annually only")
    return _Found(region, docker, k8s, control, tier, balancer, disk, docker_plan, k8s_plan)


def _purchases(scenario: Scenario, found: _Found, problems: _Problems) -> tuple[Purchase, Purchase]:
    """How the Docker host and the nodes are bought."""
    docker = problems.purchase(
        "docker_commitment_percent",
        scenario.docker_pricing,
        scenario.docker_commitment_percent,
        found.docker,
    )
    k8s = problems.purchase(
        "k8s_commitment_percent", scenario.k8s_pricing, scenario.k8s_commitment_percent, found.k8s
    )
    return docker, k8s


def match(scenario: Scenario, catalog: Catalog) -> Matches:
    """Look up every key of ``scenario`` in ``catalog`` and check the rules across fields, or
    raise InputError naming every field with a problem."""
    problems = _Problems()
    provider = problems.find("provider", scenario.provider, catalog.providers, "a known provider")
    if provider is None:
        raise InputError(problems.found)
    keys = _filled_keys(scenario, provider)
    found = _look_up(scenario, catalog, provider, keys, problems)
    docker_purchase, k8s_purchase = _purchases(scenario, found, problems)
    problems.found.extend(
        cross_field_problems(
            scenario, provider, region_key=keys["region"], tier=found.tier, disk=found.disk
        )
    )
    problems.found.extend(
        machine_problems(
            scenario, provider, keys["control_plane"], found.tier, found.docker, found.k8s
        )
    )
    problems.found.extend(usage_problems(scenario, found.tier))
    policy = catalog.versions.policy_for(provider.provider, keys["control_plane"])
    keys["start_month"] = start_month(scenario, catalog.versions, policy, problems.add)
    rate, rate_problems = price_rate(scenario, provider)
    problems.found.extend(rate_problems)
    if problems.found:
        raise InputError(problems.found)
    return Matches(
        keys=keys,
        provider=provider,
        region=_found(found.region),
        docker_machine=_found(found.docker),
        k8s_machine=_found(found.k8s),
        control_machine=found.control,
        control_plane=_found(found.tier),
        load_balancer=_found(found.balancer),
        disk=_found(found.disk),
        docker_plan=_found(found.docker_plan),
        k8s_plan=_found(found.k8s_plan),
        docker_purchase=docker_purchase,
        k8s_purchase=k8s_purchase,
        price_rate=rate,
    )


def resolve(scenario: Scenario, catalog: Catalog) -> Resolved:
    """``scenario`` matched to ``catalog`` and filled, or InputError naming every problem."""
    return resolved_with(scenario, match(scenario, catalog))


def _found(value: T | None) -> T:
    """A lookup that succeeded: every failed one was recorded as a problem and raised above."""
    if value is None:
        raise RuntimeError("a catalog lookup failed without a recorded problem")
    return value
