"""The catalog's priced entries as CSV rows, one per price, each with its source, date and
confidence: instances, services, network charges, managed container rates, burstable
baselines and surplus credits, Docker's plans."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from app.present.cells import cents_text, decimal_text
from pricing.catalog import Catalog, ContainerRates, ContainerService, Egress, Provider, Sourced

CSV_COLUMNS = [
    "provider",
    "region",
    "kind",
    "key",
    "label",
    "vcpu",
    "memory_gib",
    "price",
    "unit",
    "monthly_at_730h",
    "source",
    "as_of",
    "confidence",
    "currency",
    "max_pods",
]


class Row(NamedTuple):
    """One sourced entry as a CSV row (the cells of CSV_COLUMNS but the entry's source, date
    and confidence, and the currency)."""

    provider: str
    region: str
    kind: str
    key: str
    label: str
    entry: Sourced
    price: str
    unit: str
    vcpu: object = ""
    memory: object = ""
    monthly: str = ""
    max_pods: object = ""

    def cells(self, currency: str) -> list[object]:
        entry = self.entry
        return [
            *(self.provider, self.region, self.kind, self.key, self.label),
            *(self.vcpu, self.memory, self.price, self.unit, self.monthly),
            *(entry.source, entry.as_of.isoformat(), entry.confidence, currency, self.max_pods),
        ]


def _instance_rows(pk: str, p: Provider) -> Iterator[Row]:
    for rk, region in p.regions.items():
        for tk, price in region.instances.items():
            spec = p.instance_types[tk]
            yield Row(
                *(pk, rk, "instance", tk, spec.family, price, decimal_text(price.hourly), "hour"),
                vcpu=spec.vcpu,
                memory=decimal_text(spec.memory_gib),
                monthly=cents_text(price.monthly()),
                max_pods=spec.max_pods or "",
            )


def _tier_rows(pk: str, p: Provider) -> Iterator[Row]:
    """Each control-plane tier's fee, and its pod rates or node fee where it bills so."""
    for k, c in p.control_planes.items():
        yield Row(pk, "", "control_plane", k, c.label, c, decimal_text(c.hourly), "hour")
        if c.pod_pricing is not None:
            pods = c.pod_pricing
            vcpu, gib = decimal_text(pods.vcpu_hour), decimal_text(pods.gib_hour)
            for region in pods.regions:
                yield Row(pk, region, "pod_vcpu", k, c.label, pods, vcpu, "vCPU-hour")
                yield Row(pk, region, "pod_memory", k, c.label, pods, gib, "GiB-hour")
        if c.node_fee is not None:
            percent = decimal_text(c.node_fee.percent)
            unit = "% of each node's on-demand price"
            yield Row(pk, "", "node_fee", k, c.label, c.node_fee, percent, unit)


def _service_rows(pk: str, p: Provider) -> Iterator[Row]:
    yield from _tier_rows(pk, p)
    for k, lb in p.load_balancers.items():
        yield Row(pk, "", "load_balancer", k, lb.label, lb, decimal_text(lb.hourly), "hour")
        usage = decimal_text(lb.usage_price)
        yield Row(pk, "", "load_balancer_usage", k, lb.label, lb, usage, lb.usage_unit)
    for k, d in p.disks.items():
        if d.gb_month is not None:
            yield Row(pk, "", "disk", k, d.label, d, decimal_text(d.gb_month), "GB-month")
        for size in d.sizes:
            monthly = decimal_text(size.monthly)
            yield Row(pk, "", "disk", f"{k} {size.name}", d.label, size, monthly, "disk-month")


def _egress_rows(pk: str, region: str, egress: Egress) -> Iterator[Row]:
    floor = "0"
    for tier in egress.tiers:
        top = decimal_text(tier.up_to) if tier.up_to is not None else ""
        key = f"{floor}-{top}" if top else f"over {floor}"
        price = decimal_text(tier.price)
        yield Row(pk, region, "egress_tier", key, egress.label, egress, price, egress.unit)
        floor = top


def _network_rows(pk: str, p: Provider) -> Iterator[Row]:
    if p.egress is not None:
        yield from _egress_rows(pk, "", p.egress)
    for rk, region in p.regions.items():
        if region.egress is not None:
            yield from _egress_rows(pk, rk, region.egress)
    if p.cross_zone is not None:
        zone = p.cross_zone
        yield Row(pk, "", "cross_zone", "", zone.label, zone, decimal_text(zone.gb_price), "GB")
    if p.public_ipv4 is not None:
        address = p.public_ipv4
        hourly = decimal_text(address.hourly)
        yield Row(pk, "", "public_ipv4", "", address.label, address, hourly, "hour")
    yield from _nat_rows(pk, p)


def _nat_rows(pk: str, p: Provider) -> Iterator[Row]:
    """A NAT gateway's hourly price (or per VM using it), per GB and for its address."""
    if p.nat_gateway is not None:
        nat = p.nat_gateway
        yield Row(pk, "", "nat_gateway", "", nat.label, nat, decimal_text(nat.hourly), "hour")
        data = decimal_text(nat.gb_price)
        yield Row(pk, "", "nat_gateway_data", "", nat.label, nat, data, "GB processed")
        if nat.per_vm is not None:
            each, beyond = decimal_text(nat.per_vm.hourly), decimal_text(nat.per_vm.beyond)
            unit = f"VM-hour, up to {nat.per_vm.up_to} VMs"
            yield Row(pk, "", "nat_gateway_per_vm", "", nat.label, nat, each, unit)
            unit = f"hour, over {nat.per_vm.up_to} VMs"
            yield Row(pk, "", "nat_gateway_per_vm", "", nat.label, nat, beyond, unit)
        if nat.address_hourly:
            held = decimal_text(nat.address_hourly)
            yield Row(pk, "", "nat_gateway_address", "", nat.label, nat, held, "hour")


def _free(amount: Decimal | int, what: str) -> str:
    return f", first {amount:,} {what} a month free" if amount else ""


def _rate_rows(
    pk: str, key: str, service: ContainerService, rates: ContainerRates
) -> Iterator[Row]:
    """One managed container service's rates in each region they apply to."""
    per, memory = rates.per, rates.memory_unit
    prices = [
        (
            "container_vcpu",
            rates.vcpu,
            f"vCPU-{per}" + _free(rates.free_vcpu_seconds, "vCPU-seconds"),
        ),
        (
            "container_memory",
            rates.memory,
            f"{memory}-{per}" + _free(rates.free_memory_seconds, f"{memory}-seconds"),
        ),
        ("container_idle_vcpu", rates.idle_vcpu, f"vCPU-{per}, idle"),
        ("container_idle_memory", rates.idle_memory, f"{memory}-{per}, idle"),
        (
            "container_requests",
            rates.per_million_requests,
            "million requests" + _free(rates.free_requests, "requests"),
        ),
    ]
    for region in rates.regions:
        for kind, price, unit in prices:
            if price is not None:
                yield Row(pk, region, kind, key, service.label, rates, decimal_text(price), unit)


def _container_rows(pk: str, p: Provider) -> Iterator[Row]:
    for key, service in p.managed_containers.items():
        if service.control_plane is not None:  # billed at the tier's pod rates (pod_vcpu, ...)
            unit = f"billed at control plane {service.control_plane}'s pod rates"
            yield Row(pk, "", "container_service", key, service.label, service, "", unit)
        for rates in service.rates:
            yield from _rate_rows(pk, key, service, rates)


def _burstable_rows(pk: str, p: Provider) -> Iterator[Row]:
    for key, spec in p.instance_types.items():
        if spec.baseline is not None:
            percent = decimal_text(spec.baseline.percent)
            yield Row(
                *(pk, "", "burstable_baseline", key, spec.family, spec.baseline, percent),
                "% of each vCPU, sustained",
                vcpu=spec.vcpu,
                memory=decimal_text(spec.memory_gib),
            )
    for credits in p.surplus_credits:
        families = " ".join(credits.families)
        label = "CPU above a burstable type's baseline (unlimited mode)"
        price = decimal_text(credits.vcpu_hour)
        yield Row(pk, "", "surplus_credits", families, label, credits, price, "vCPU-hour")


def _plan_rows(catalog: Catalog) -> Iterator[Row]:
    """Docker's plans (in USD): a row for the annual price, and one for the monthly."""
    for k, plan in catalog.plans.items():
        annual = decimal_text(plan.annual)
        yield Row("docker", "", "plan", k, plan.label, plan, annual, "seat-month, annual")
        if plan.monthly is not None:
            monthly = decimal_text(plan.monthly)
            yield Row("docker", "", "plan", k, plan.label, plan, monthly, "seat-month, monthly")


def priced_rows(catalog: Catalog) -> list[list[object]]:
    """A row per price of every provider (in its currency), then Docker's plans (in USD)."""
    rows: list[list[object]] = []
    for pk, p in catalog.providers.items():
        for row in (
            *_instance_rows(pk, p),
            *_service_rows(pk, p),
            *_network_rows(pk, p),
            *_container_rows(pk, p),
            *_burstable_rows(pk, p),
        ):
            rows.append(row.cells(p.currency))
    rows += [row.cells("USD") for row in _plan_rows(catalog)]
    return rows
