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
    Rate,
    Region,
)
from pricing.rules import cross_field_problems, usage_problems
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.versions import start_month

T = TypeVar("T")

# The Scenario fields that name an entry of the provider's catalog; empty means the
# provider's default (the control-plane VM type defaults to the node type instead).
CATALOG_FIELDS = (
    "k8s_control_instance_type",
    "region",
    "docker_instance_type",
    "k8s_instance_type",
    "control_plane",
    "load_balancer",
    "disk",
)
DEFAULTED_FIELDS = tuple(f for f in CATALOG_FIELDS if f != "k8s_control_instance_type")


def provider_defaults(provider: Provider) -> dict[str, str]:
    """The provider's own choice for each of DEFAULTED_FIELDS."""
    defaults = provider.defaults
    return {field: getattr(defaults, field) for field in DEFAULTED_FIELDS}


# The user's own hourly price, by the VM-type field whose machine it prices: it belongs to that
# type, so it goes when the type does.
OWN_PRICES = {
    "docker_instance_type": "docker_hourly_price",
    "k8s_instance_type": "k8s_hourly_price",
}


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


def _price_rate(scenario: Scenario, provider: Provider, problems: _Problems) -> Decimal:
    """Units of the display currency per unit of the provider's currency, from the rates the
    user entered; a problem where a rate is missing or contradicts the currency."""
    display, rate, eur_rate = scenario.currency, scenario.exchange_rate, scenario.eur_rate
    if display == "USD" and rate != 1:
        problems.add("exchange_rate", "must be 1 for USD; pick another currency to convert")
    if display != "USD" and rate == 1:
        problems.add(
            "exchange_rate",
            f"enter the {display} per US dollar rate (the DevOps rate, the Docker seats and "
            "prices you enter are in USD)",
        )
    if provider.currency == "USD":
        if eur_rate is not None:
            problems.add(
                "eur_rate", f"applies only to a provider that prices in euros, not {provider.name}"
            )
        return rate
    if display == "EUR":
        if eur_rate is not None and eur_rate != 1:
            problems.add("eur_rate", "must be empty or 1 when the results are shown in EUR")
        return Decimal(1)
    if eur_rate is None:
        problems.add(
            "eur_rate",
            f"{provider.name} prices in EUR: enter the {display} per euro rate, or show the "
            "results in EUR",
        )
        return Decimal(1)
    return eur_rate


def match(scenario: Scenario, catalog: Catalog) -> Matches:
    """Look up every key of ``scenario`` in ``catalog`` and check the rules across fields, or
    raise InputError naming every field with a problem."""
    problems = _Problems()
    provider = problems.find("provider", scenario.provider, catalog.providers, "a known provider")
    if provider is None:
        raise InputError(problems.found)
    keys = _filled_keys(scenario, provider)
    name, region_key = provider.name, keys["region"]
    region = problems.find("region", region_key, provider.regions, f"a region of {name}")

    def machine(field: str, key: str) -> Machine | None:
        return problems.machine(field, key, provider, region, region_key)

    docker = machine("docker_instance_type", keys["docker_instance_type"])
    k8s = machine("k8s_instance_type", keys["k8s_instance_type"])
    control = None
    if scenario.k8s_control_nodes > 0:
        control_key = scenario.k8s_control_instance_type or keys["k8s_instance_type"]
        control = machine("k8s_control_instance_type", control_key)
    tier = problems.find(
        "control_plane",
        keys["control_plane"],
        provider.control_planes,
        f"a control-plane tier of {name}",
    )
    balancer = problems.find(
        "load_balancer",
        keys["load_balancer"],
        provider.load_balancers,
        f"a load balancer of {name}",
    )
    disk = problems.find("disk", keys["disk"], provider.disks, f"a disk type of {name}")
    docker_plan = problems.find("docker_plan", scenario.docker_plan, catalog.plans, "a Docker plan")
    k8s_plan = problems.find("k8s_plan", scenario.k8s_plan, catalog.plans, "a Docker plan")
    if scenario.plan_billing == "monthly" and scenario.seat_price is None:
        for field, plan in (("docker_plan", docker_plan), ("k8s_plan", k8s_plan)):
            if plan is not None and plan.monthly is None:
                problems.add("plan_billing", f"{plan.label} ({field}) is billed annually only")
    docker_purchase = problems.purchase(
        "docker_commitment_percent",
        scenario.docker_pricing,
        scenario.docker_commitment_percent,
        docker,
    )
    k8s_purchase = problems.purchase(
        "k8s_commitment_percent", scenario.k8s_pricing, scenario.k8s_commitment_percent, k8s
    )
    problems.found.extend(
        cross_field_problems(scenario, provider, region_key=region_key, tier=tier, disk=disk)
    )
    problems.found.extend(usage_problems(scenario, tier))
    policy = catalog.versions.policy_for(provider.provider, keys["control_plane"])
    keys["start_month"] = start_month(scenario, catalog.versions, policy, problems.add)
    price_rate = _price_rate(scenario, provider, problems)
    if problems.found:
        raise InputError(problems.found)
    return Matches(
        keys=keys,
        provider=provider,
        region=_found(region),
        docker_machine=_found(docker),
        k8s_machine=_found(k8s),
        control_machine=control,
        control_plane=_found(tier),
        load_balancer=_found(balancer),
        disk=_found(disk),
        docker_plan=_found(docker_plan),
        k8s_plan=_found(k8s_plan),
        docker_purchase=docker_purchase,
        k8s_purchase=k8s_purchase,
        price_rate=price_rate,
    )


def resolve(scenario: Scenario, catalog: Catalog) -> Resolved:
    """``scenario`` matched to ``catalog`` and filled, or InputError naming every problem."""
    return resolved_with(scenario, match(scenario, catalog))


def _found(value: T | None) -> T:
    """A lookup that succeeded: every failed one was recorded as a problem and raised above."""
    if value is None:
        raise RuntimeError("a catalog lookup failed without a recorded problem")
    return value
