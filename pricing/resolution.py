"""Fit a Scenario to the catalog: fill the provider's defaults, check every key exists."""

from __future__ import annotations

from dataclasses import dataclass
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
class Resolved:
    """A scenario with every catalog key looked up; ``scenario`` has no empty keys left."""

    scenario: Scenario
    provider: Provider
    region: Region
    docker_machine: Machine
    k8s_machine: Machine
    control_plane: ControlPlane
    load_balancer: LoadBalancer
    disk: Disk
    docker_plan: Plan
    k8s_plan: Plan


def _choices(table: dict[str, T]) -> str:
    return ", ".join(sorted(table))


class _Lookup:
    """Collects every problem instead of stopping at the first, so a form shows them all."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def find(self, field: str, key: str, table: dict[str, T], what: str) -> T | None:
        if key in table:
            return table[key]
        self.problems.append(
            FieldProblem(field, f"{key!r} is not {what}; choose one of: {_choices(table)}")
        )
        return None


def resolve(scenario: Scenario, catalog: Catalog) -> Resolved:
    """Look up every key of ``scenario`` in ``catalog`` or raise ScenarioError naming the fields."""
    look = _Lookup()
    provider = look.find("provider", scenario.provider, catalog.providers, "a known provider")
    if provider is None:
        raise ScenarioError(look.problems)
    d = provider.defaults
    keys = {
        "region": scenario.region or d.region,
        "docker_instance_type": scenario.docker_instance_type or d.docker_instance_type,
        "k8s_instance_type": scenario.k8s_instance_type or d.k8s_instance_type,
        "control_plane": scenario.control_plane or d.control_plane,
        "load_balancer": scenario.load_balancer or d.load_balancer,
        "disk": scenario.disk or d.disk,
    }
    s = scenario.model_copy(update=keys)
    where = f"a region of {provider.name}"
    region = look.find("region", keys["region"], provider.regions, where)
    machines: list[Machine | None] = []
    for field, key in (
        ("docker_instance_type", keys["docker_instance_type"]),
        ("k8s_instance_type", keys["k8s_instance_type"]),
    ):
        if region is None:
            machines.append(None)
            continue
        price = look.find(field, key, region.instances, f"offered in {keys['region']}")
        machines.append(Machine(key, provider.instance_types[key], price) if price else None)
    control_plane = look.find(
        "control_plane",
        keys["control_plane"],
        provider.control_planes,
        f"a control-plane tier of {provider.name}",
    )
    lb = look.find(
        "load_balancer",
        keys["load_balancer"],
        provider.load_balancers,
        f"a load balancer of {provider.name}",
    )
    disk = look.find("disk", keys["disk"], provider.disks, f"a disk type of {provider.name}")
    docker_plan = look.find("docker_plan", s.docker_plan, catalog.plans, "a Docker plan")
    k8s_plan = look.find("k8s_plan", s.k8s_plan, catalog.plans, "a Docker plan")
    if s.plan_billing == "monthly" and s.seat_price is None:
        for field, plan in (("docker_plan", docker_plan), ("k8s_plan", k8s_plan)):
            if plan is not None and plan.monthly is None:
                look.problems.append(
                    FieldProblem("plan_billing", f"{plan.label} ({field}) is billed annually only")
                )
    if look.problems:
        raise ScenarioError(look.problems)
    docker_machine, k8s_machine = machines
    return Resolved(
        s,
        provider,
        _found(region),
        _found(docker_machine),
        _found(k8s_machine),
        _found(control_plane),
        _found(lb),
        _found(disk),
        _found(docker_plan),
        _found(k8s_plan),
    )


def _found(value: T | None) -> T:
    """A lookup that succeeded: every failed one was recorded as a problem and raised above."""
    if value is None:
        raise RuntimeError("a catalog lookup failed without a recorded problem")
    return value
