"""The rules across a scenario's fields and its catalog matches that no single field's
constraints can state; each broken rule is a FieldProblem naming the field to change.

``cross_field_problems`` reads the fields that decide the infrastructure; ``usage_problems``
the others (workload, requests), so it runs for every scenario, also one whose infrastructure
bill the Engine remembered; ``price_rate`` converts the provider's currency into the one shown,
at the rates the user entered."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pricing.catalog import ControlPlane, Disk, Provider, Region
from pricing.problems import FieldProblem
from pricing.scenario import Scenario


def cross_field_problems(
    scenario: Scenario,
    provider: Provider,
    *,
    region_key: str,
    tier: ControlPlane | None,
    disk: Disk | None,
) -> list[FieldProblem]:
    """Every broken rule of ``scenario`` with what it matched in ``provider``."""
    region = provider.regions.get(region_key)
    return [
        *_setup_problems(scenario),
        *_network_problems(scenario, provider, region),
        *_disk_problems(scenario, disk),
        *(_tier_problems(scenario, provider, tier, region_key) if tier is not None else []),
    ]


def _setup_problems(scenario: Scenario) -> Iterator[FieldProblem]:
    if scenario.k8s_nodes_min is not None and scenario.k8s_nodes_min > scenario.k8s_nodes:
        yield FieldProblem("k8s_nodes_min", "must not be more than k8s_nodes (the average)")
    if scenario.k8s_nodes_max is not None and scenario.k8s_nodes_max < scenario.k8s_nodes:
        yield FieldProblem("k8s_nodes_max", "must not be less than k8s_nodes (the average)")
    if scenario.docker_setup == "failover":
        if scenario.docker_hosts < 2:
            yield FieldProblem("docker_hosts", "a failover setup needs at least 2 hosts")
        if scenario.docker_load_balancers < 1:
            yield FieldProblem(
                "docker_load_balancers", "a failover setup needs a load balancer in front"
            )


def _network_problems(
    scenario: Scenario, provider: Provider, region: Region | None
) -> Iterator[FieldProblem]:
    name = provider.name
    if scenario.k8s_private_nodes and provider.nat_gateway is None:
        yield FieldProblem(
            "k8s_private_nodes", f"the catalog has no sourced NAT gateway price for {name}"
        )
    if scenario.cross_zone_gb > 0 and provider.cross_zone is None:
        yield FieldProblem(
            "cross_zone_gb", f"the catalog has no sourced cross-zone price for {name}"
        )
    egress = (region.egress if region else None) or provider.egress
    if scenario.egress_gb > 0 and egress is not None:
        last = egress.tiers[-1].up_to
        if last is not None and scenario.egress_gb > last * egress.gb_per_unit:
            yield FieldProblem(
                "egress_gb",
                f"the catalog prices {name} egress only up to {last} {egress.unit} a month",
            )


def _disk_problems(scenario: Scenario, disk: Disk | None) -> Iterator[FieldProblem]:
    """A disk billed by size tier must fit in its largest tier."""
    if disk is None or not disk.sizes:
        return
    largest = disk.sizes[-1]
    for field in ("docker_disk_gb", "k8s_disk_gb"):
        if getattr(scenario, field) > largest.up_to_gib:
            yield FieldProblem(
                field,
                f"the catalog prices {disk.label} only up to {largest.name} "
                f"({largest.up_to_gib} GiB a disk)",
            )


def _tier_problems(
    scenario: Scenario, provider: Provider, tier: ControlPlane, region_key: str
) -> Iterator[FieldProblem]:
    """A tier that bills pods needs their requests and a sourced rate where they run; a NAT
    gateway billed per VM needs the VMs, which such a tier hides."""
    gateway = provider.nat_gateway
    if scenario.k8s_private_nodes and gateway and gateway.per_vm and tier.pod_pricing:
        yield FieldProblem(
            "k8s_private_nodes",
            f"{gateway.label} is billed per VM, and {tier.label} does not show its nodes: "
            "the catalog cannot count them",
        )
    rates = tier.pod_pricing
    if rates is None:
        return
    if region_key in provider.regions and region_key not in rates.regions:
        yield FieldProblem(
            "control_plane",
            f"the catalog has sourced {tier.label} rates only in {', '.join(rates.regions)}",
        )


def usage_problems(scenario: Scenario, tier: ControlPlane | None) -> list[FieldProblem]:
    """The rules on fields no infrastructure line reads: a tier that bills pods needs their
    requests; growth needs a workload to grow; a request count and a request time go
    together."""
    problems = []
    if tier is not None and tier.pod_pricing is not None:
        problems += [
            FieldProblem(
                field, f"{tier.label} bills the pods' requests: enter the workload's total"
            )
            for field in ("workload_vcpu", "workload_memory_gib")
            if getattr(scenario, field) is None
        ]
    if scenario.growth_percent_per_month > 0 and (
        scenario.workload_vcpu is None
        and scenario.workload_memory_gib is None
        and scenario.workload_pods is None
    ):
        problems.append(
            FieldProblem(
                "growth_percent_per_month",
                "grows the workload: enter workload_vcpu, workload_memory_gib or workload_pods",
            )
        )
    if (scenario.monthly_requests is None) != (scenario.request_ms is None):
        missing, given = (
            ("request_ms", "monthly_requests")
            if scenario.request_ms is None
            else ("monthly_requests", "request_ms")
        )
        problems.append(
            FieldProblem(missing, f"enter it with {given}: per-request billing needs both")
        )
    return problems


def price_rate(scenario: Scenario, provider: Provider) -> tuple[Decimal, list[FieldProblem]]:
    """Units of the display currency per unit of the provider's currency, from the rates the
    user entered; and a problem where a rate is missing or contradicts the currency."""
    display, rate, eur_rate = scenario.currency, scenario.exchange_rate, scenario.eur_rate
    problems = list(_exchange_rate_problems(display, rate))
    if provider.currency == "USD":
        if eur_rate is not None:
            message = f"applies only to a provider that prices in euros, not {provider.name}"
            problems.append(FieldProblem("eur_rate", message))
        return rate, problems
    if display == "EUR":
        if eur_rate is not None and eur_rate != 1:
            message = "must be empty or 1 when the results are shown in EUR"
            problems.append(FieldProblem("eur_rate", message))
        return Decimal(1), problems
    if eur_rate is None:
        message = (
            f"{provider.name} prices in EUR: enter the {display} per euro rate, or show the "
            "results in EUR"
        )
        problems.append(FieldProblem("eur_rate", message))
        return Decimal(1), problems
    return eur_rate, problems


def _exchange_rate_problems(display: str, rate: Decimal) -> Iterator[FieldProblem]:
    if display == "USD" and rate != 1:
        yield FieldProblem("exchange_rate", "must be 1 for USD; pick another currency to convert")
    if display != "USD" and rate == 1:
        yield FieldProblem(
            "exchange_rate",
            f"enter the {display} per US dollar rate (the DevOps rate, the Docker seats and "
            "prices you enter are in USD)",
        )
