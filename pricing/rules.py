"""The rules across a scenario's fields that no single field's constraints can state (the
autoscaling range, failover, the rates of a display currency, what the provider's catalog
prices at all), checked against the provider; every problem collected, each naming its field,
so that a form shows them all at once."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

from pricing.catalog import Provider
from pricing.scenario import FieldProblem, Scenario

T = TypeVar("T")


class Problems:
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


def price_rate(scenario: Scenario, provider: Provider, problems: Problems) -> Decimal:
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


def check_pod_pricing(
    scenario: Scenario, label: str, regions: list[str], region_key: str, problems: Problems
) -> None:
    """A tier that bills pods needs their requests, and a sourced rate where they run."""
    if region_key not in regions:
        problems.add(
            "control_plane",
            f"the catalog has sourced {label} rates only in {', '.join(regions)}",
        )
    for field in ("workload_vcpu", "workload_memory_gib"):
        if getattr(scenario, field) is None:
            problems.add(field, f"{label} bills the pods' requests: enter the workload's total")


def check_rules(scenario: Scenario, provider: Provider, problems: Problems) -> None:
    """Rules across fields that a single field's constraints cannot state."""
    name = provider.name
    if scenario.k8s_nodes_min is not None and scenario.k8s_nodes_min > scenario.k8s_nodes:
        problems.add("k8s_nodes_min", "must not be more than k8s_nodes (the average)")
    if scenario.k8s_nodes_max is not None and scenario.k8s_nodes_max < scenario.k8s_nodes:
        problems.add("k8s_nodes_max", "must not be less than k8s_nodes (the average)")
    if scenario.docker_setup == "failover":
        if scenario.docker_hosts < 2:
            problems.add("docker_hosts", "a failover setup needs at least 2 hosts")
        if scenario.docker_load_balancers < 1:
            problems.add("docker_load_balancers", "a failover setup needs a load balancer in front")
    if scenario.k8s_private_nodes and provider.nat_gateway is None:
        problems.add(
            "k8s_private_nodes", f"the catalog has no sourced NAT gateway price for {name}"
        )
    if scenario.cross_zone_gb > 0 and provider.cross_zone is None:
        problems.add("cross_zone_gb", f"the catalog has no sourced cross-zone price for {name}")
    if scenario.egress_gb > 0:
        last = provider.egress.tiers[-1].up_to if provider.egress else Decimal(0)
        if last is not None and scenario.egress_gb > last:
            problems.add("egress_gb", f"the catalog prices {name} egress only up to {last} a month")
