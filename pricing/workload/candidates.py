"""The instance types a region offers, as resolved machines, and what a count of them costs
at the list price."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import Catalog, Provider
from pricing.money import to_cents
from pricing.resolve import Machine
from pricing.scenario import Scenario
from pricing.workload.errors import SizingError
from pricing.workload.model import GIB

MILLI = Decimal(1000)
THOUSANDTH = Decimal("0.001")


def vcpu(millicores: int) -> Decimal:
    return (Decimal(millicores) / MILLI).quantize(THOUSANDTH)


def gib(amount: int) -> Decimal:
    return (Decimal(amount) / GIB).quantize(THOUSANDTH)


def monthly(machine: Machine, count: int, hours: Decimal) -> Decimal:
    """``count`` VMs for ``hours`` a month at the list price (the provider's currency)."""
    return to_cents(machine.price.billed(hours) * count)


def provider_of(scenario: Scenario, catalog: Catalog) -> Provider:
    provider = catalog.providers.get(scenario.provider)
    if provider is None:
        raise SizingError(f"unknown provider {scenario.provider!r}", field="provider")
    return provider


def candidates(scenario: Scenario, catalog: Catalog, *, arm: bool = False) -> list[Machine]:
    """Every type priced in the scenario's region, smallest first; Arm (arm64) types only
    when ``arm`` (the images must be built for arm64)."""
    provider = provider_of(scenario, catalog)
    region_key = scenario.region or provider.defaults.region
    region = provider.regions.get(region_key)
    if region is None:
        raise SizingError(f"unknown region {region_key!r} for {provider.name}", field="region")
    found = [
        Machine(key, provider.instance_types[key], price)
        for key, price in region.instances.items()
        if arm or provider.instance_types[key].arch != "arm64"
    ]
    return sorted(found, key=lambda m: (m.spec.vcpu, m.spec.memory_gib, m.key))
