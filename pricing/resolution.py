"""Fit a Scenario to the catalog: fill the provider's defaults, check every key and every
cross-field rule, and report all problems at once, each naming its field."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import TypeVar

from pricing.catalog import (
    Catalog,
    ControlPlane,
    Disk,
    InstancePrice,
    InstanceType,
    LoadBalancer,
    Plan,
    Provider,
    Rate,
    Region,
)
from pricing.scenario import FieldProblem, Scenario, ScenarioError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Machine:
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
class Lookups:
    """What a scenario's keys found in the catalog. ``keys`` fills the keys it left empty
    with the provider's defaults. Scenarios that differ only in fields no lookup or rule
    reads (people, horizon, checklist, workload) share one Lookups."""

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

    def filled(self, scenario: Scenario) -> Scenario:
        """``scenario`` (one these lookups were made for) with its empty keys filled."""
        return scenario.model_copy(update=self.keys)

    def resolved(self, scenario: Scenario) -> Resolved:
        """``scenario`` (one these lookups were made for), filled, with its lookups."""
        found = {f.name: getattr(self, f.name) for f in fields(Lookups)}
        return Resolved(**found, scenario=self.filled(scenario))


@dataclass(frozen=True, slots=True)
class Resolved(Lookups):
    """A scenario with every catalog key looked up; ``scenario`` has no empty keys left."""

    scenario: Scenario


class _Lookup:
    """Collects every problem instead of stopping at the first, so a form shows them all."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message))

    def find(self, field: str, key: str, table: dict[str, T], what: str) -> T | None:
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


def _keys(scenario: Scenario, provider: Provider) -> dict[str, str]:
    d = provider.defaults
    return {
        "region": scenario.region or d.region,
        "docker_instance_type": scenario.docker_instance_type or d.docker_instance_type,
        "k8s_instance_type": scenario.k8s_instance_type or d.k8s_instance_type,
        "control_plane": scenario.control_plane or d.control_plane,
        "load_balancer": scenario.load_balancer or d.load_balancer,
        "disk": scenario.disk or d.disk,
    }


def _check_rules(s: Scenario, provider: Provider, look: _Lookup) -> None:
    """Rules across fields that a single field's constraints cannot state."""
    name = provider.name
    if s.k8s_nodes_min is not None and s.k8s_nodes_min > s.k8s_nodes:
        look.add("k8s_nodes_min", "must not be more than k8s_nodes (the average)")
    if s.k8s_nodes_max is not None and s.k8s_nodes_max < s.k8s_nodes:
        look.add("k8s_nodes_max", "must not be less than k8s_nodes (the average)")
    if s.currency == "USD" and s.exchange_rate != 1:
        look.add("exchange_rate", "must be 1 for USD; pick another currency to convert")
    if s.cross_zone_gb > 0 and provider.cross_zone is None:
        look.add("cross_zone_gb", f"the catalog has no sourced cross-zone price for {name}")
    if s.egress_gb > 0:
        last = provider.egress.tiers[-1].up_to if provider.egress else Decimal(0)
        if last is not None and s.egress_gb > last:
            look.add("egress_gb", f"the catalog prices {name} egress only up to {last} a month")


def look_up(scenario: Scenario, catalog: Catalog) -> Lookups:
    """Look up every key of ``scenario`` in ``catalog`` and check the rules across fields, or
    raise ScenarioError naming every field with a problem."""
    look = _Lookup()
    provider = look.find("provider", scenario.provider, catalog.providers, "a known provider")
    if provider is None:
        raise ScenarioError(look.problems)
    keys = _keys(scenario, provider)
    name = provider.name
    region = look.find("region", keys["region"], provider.regions, f"a region of {name}")
    docker = look.machine(
        "docker_instance_type", keys["docker_instance_type"], provider, region, keys["region"]
    )
    k8s = look.machine(
        "k8s_instance_type", keys["k8s_instance_type"], provider, region, keys["region"]
    )
    control = None
    if scenario.k8s_control_nodes > 0:
        control_key = scenario.k8s_control_instance_type or keys["k8s_instance_type"]
        control = look.machine(
            "k8s_control_instance_type", control_key, provider, region, keys["region"]
        )
    tier = look.find(
        "control_plane",
        keys["control_plane"],
        provider.control_planes,
        f"a control-plane tier of {name}",
    )
    lb = look.find(
        "load_balancer",
        keys["load_balancer"],
        provider.load_balancers,
        f"a load balancer of {name}",
    )
    disk = look.find("disk", keys["disk"], provider.disks, f"a disk type of {name}")
    docker_plan = look.find("docker_plan", scenario.docker_plan, catalog.plans, "a Docker plan")
    k8s_plan = look.find("k8s_plan", scenario.k8s_plan, catalog.plans, "a Docker plan")
    if scenario.plan_billing == "monthly" and scenario.seat_price is None:
        for field, plan in (("docker_plan", docker_plan), ("k8s_plan", k8s_plan)):
            if plan is not None and plan.monthly is None:
                look.add("plan_billing", f"{plan.label} ({field}) is billed annually only")
    docker_buy = look.purchase(
        "docker_commitment_percent",
        scenario.docker_pricing,
        scenario.docker_commitment_percent,
        docker,
    )
    k8s_buy = look.purchase(
        "k8s_commitment_percent", scenario.k8s_pricing, scenario.k8s_commitment_percent, k8s
    )
    _check_rules(scenario, provider, look)
    if look.problems:
        raise ScenarioError(look.problems)
    return Lookups(
        keys,
        provider,
        _found(region),
        _found(docker),
        _found(k8s),
        control,
        _found(tier),
        _found(lb),
        _found(disk),
        _found(docker_plan),
        _found(k8s_plan),
        docker_buy,
        k8s_buy,
    )


def _found(value: T | None) -> T:
    """A lookup that succeeded: every failed one was recorded as a problem and raised above."""
    if value is None:
        raise RuntimeError("a catalog lookup failed without a recorded problem")
    return value
