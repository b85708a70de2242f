"""The line items of a bill: one function per kind of cost, each reading the resolved scenario.

Every line is ``quantity × unit price``, rounded to the cent; unit prices are converted into
the scenario's display currency first: the catalog's at the resolved ``price_rate`` (from the
provider's currency), the US-dollar amounts a user enters at the scenario's ``exchange_rate``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, NamedTuple

from pricing.catalog import Egress, Sourced
from pricing.money import to_cents
from pricing.resolve import Machine, Purchase, Resolved
from pricing.scenario import Scenario, Setup

UNIT_PRICE = Decimal("0.000001")
HUNDRED = Decimal(100)
Category = Literal[
    "compute",
    "control plane",
    "load balancer",
    "storage",
    "data transfer",
    "network",
    "subscription",
    "credit",
    "people",
]


class LineItem(NamedTuple):
    """One priced line: ``monthly`` is ``quantity * unit_price`` rounded to the cent.
    ``list_unit_price`` is the catalog's list price when yours differs from it."""

    category: Category
    label: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    monthly: Decimal
    source: str | None = None
    as_of: date | None = None
    list_unit_price: Decimal | None = None


def in_currency(price: Decimal, rate: Decimal) -> Decimal:
    """A unit price converted at ``rate`` (display units per unit of its currency), to the
    millionth."""
    return (price * rate).quantize(UNIT_PRICE, rounding=ROUND_HALF_UP)


def priced(
    scenario: Scenario,
    *,
    category: Category,
    label: str,
    quantity: Decimal,
    unit: str,
    price: Decimal,
    rate: Decimal,
    sourced: Sourced | None = None,
    list_price: Decimal | None = None,
    list_rate: Decimal | None = None,
) -> LineItem:
    """A line at ``price`` a unit, converted at ``rate``; the list price (converted at
    ``list_rate``, or the same rate) is kept beside it when it differs."""
    unit_price = in_currency(price, rate)
    listed = None
    if list_price is not None and list_price != price:
        listed = in_currency(list_price, rate if list_rate is None else list_rate)
    return LineItem(
        category=category,
        label=label,
        quantity=quantity,
        unit=unit,
        unit_price=unit_price,
        monthly=to_cents(quantity * unit_price),
        source=sourced.source if sourced else None,
        as_of=sourced.as_of if sourced else None,
        list_unit_price=listed,
    )


def by_the_hour(
    scenario: Scenario,
    *,
    category: Category,
    label: str,
    count: int,
    hours: Decimal,
    price: Decimal,
    list_price: Decimal,
    cap: Decimal | None,
    rate: Decimal,
    sourced: Sourced,
) -> LineItem:
    """``count`` units at ``price`` an hour for ``hours`` a month; where the provider caps
    hourly billing at a monthly price and the hours reach it, ``count`` months at the cap."""
    if cap is not None and price * hours > _discounted(scenario, cap):
        return priced(
            scenario,
            category=category,
            label=f"{label}, billed at the monthly cap",
            quantity=Decimal(count),
            unit="month",
            price=_discounted(scenario, cap),
            rate=rate,
            sourced=sourced,
            list_price=cap,
        )
    return priced(
        scenario,
        category=category,
        label=label,
        quantity=count * hours,
        unit="hour",
        price=price,
        rate=rate,
        sourced=sourced,
        list_price=list_price,
    )


def _discounted(scenario: Scenario, list_price: Decimal) -> Decimal:
    """The negotiated discount off a list price."""
    return list_price * (HUNDRED - scenario.discount_percent) / HUNDRED


def _plural(count: int | Decimal) -> str:
    return "" if count == 1 else "s"


def compute(
    resolved: Resolved,
    *,
    machine: Machine,
    count: int,
    your_price: Decimal | None,
    noun: str,
    purchase: Purchase,
    category: Category = "compute",
) -> LineItem:
    """``count`` VMs of ``machine`` for the hours they run: at your hourly price (in USD) if
    you gave one, else the list price less the discount and the commitment or spot saving,
    and no more a month than the provider's monthly cap."""
    scenario, matches = resolved
    spec, rate = machine.spec, matches.price_rate
    hours = scenario.vm_hours_per_month or scenario.hours_per_month
    label = f"{machine.key} × {count} {noun}{_plural(count)} ({spec.vcpu} vCPU, "
    label += f"{spec.memory_gib} GiB)"
    if hours != scenario.hours_per_month:
        label += f", {hours} h a month"
    listed = machine.price.hourly
    if your_price is not None:
        return priced(
            scenario,
            category=category,
            label=label + ", your price",
            quantity=count * hours,
            unit="hour",
            price=your_price,
            rate=scenario.exchange_rate,
            list_price=listed,
            list_rate=rate,
        )
    price: Decimal = _discounted(scenario, listed)
    sourced: Sourced = machine.price
    if purchase.rate is not None:
        price, sourced = _discounted(scenario, purchase.rate.hourly), purchase.rate
        label += f", {purchase.option} rate"
    elif purchase.percent is not None:
        price = price * (HUNDRED - purchase.percent) / HUNDRED
        label += f", {purchase.option} at {purchase.percent}% off"
    if purchase.option == "spot":
        label += " (can be interrupted)"
    discount = _sustained_use(resolved, machine) if purchase.option == "on-demand" else None
    if discount is not None:
        share, sourced = discount
        price = price * share
        label += f", sustained-use discount {(1 - share) * 100:.1f}%"
    return by_the_hour(
        scenario,
        category=category,
        label=label,
        count=count,
        hours=hours,
        price=price,
        list_price=listed,
        cap=machine.price.monthly_cap,
        rate=rate,
        sourced=sourced,
    )


def _sustained_use(resolved: Resolved, machine: Machine) -> tuple[Decimal, Sourced] | None:
    """The share of the list price a VM running the scenario's hours pays under the
    provider's sustained-use discount, and its source; None where none applies."""
    scenario = resolved.scenario
    for rule in resolved.matches.provider.sustained_use:
        if rule.applies_to(machine.key):
            hours = scenario.vm_hours_per_month or scenario.hours_per_month
            quarter = scenario.hours_per_month / 4
            billed = sum(
                (min(max(hours - step * quarter, Decimal(0)), quarter) * rate)
                for step, rate in enumerate(rule.quarter_rates)
            )
            return Decimal(billed) / hours, rule
    return None


def control_plane(resolved: Resolved) -> list[LineItem]:
    """The control-plane tier's fee, the VMs of a self-managed control plane, and the tier's
    monthly credit (up to the fee)."""
    scenario, matches = resolved
    tier, rate = matches.control_plane, matches.price_rate
    fee = by_the_hour(
        scenario,
        category="control plane",
        label=tier.label,
        count=1,
        hours=scenario.hours_per_month,
        price=_discounted(scenario, tier.hourly),
        list_price=tier.hourly,
        cap=tier.monthly_cap,
        rate=rate,
        sourced=tier,
    )
    items = [fee]
    if matches.control_machine is not None:
        items.append(
            compute(
                resolved,
                machine=matches.control_machine,
                count=scenario.k8s_control_nodes,
                your_price=None,
                noun="control-plane node",
                purchase=Purchase("on-demand"),
                category="control plane",
            )
        )
    credit = min(tier.monthly_credit * rate, fee.monthly)
    if credit > 0:
        items.append(
            priced(
                scenario,
                category="credit",
                label=f"{tier.label}: monthly credit",
                quantity=Decimal(1),
                unit="month",
                price=-credit / rate,
                rate=rate,
                sourced=tier,
            )
        )
    return items


def load_balancers(resolved: Resolved, *, count: int, usage: Decimal) -> list[LineItem]:
    """``count`` load balancers for the month, and their usage charge: ``usage`` is the GB each
    processes a month. AWS counts LCUs, the largest of four measures an hour; this counts the
    processed-bytes one (1 GB in an hour is 1 LCU-hour for an ALB, 1 NLCU-hour for an NLB)."""
    if count == 0:
        return []
    scenario, balancer = resolved.scenario, resolved.matches.load_balancer
    hours, rate = scenario.hours_per_month, resolved.matches.price_rate
    items = [
        by_the_hour(
            scenario,
            category="load balancer",
            label=f"{balancer.label} × {count}",
            count=count,
            hours=hours,
            price=_discounted(scenario, balancer.hourly),
            list_price=balancer.hourly,
            cap=balancer.monthly_cap,
            rate=rate,
            sourced=balancer,
        )
    ]
    if usage > 0 and balancer.usage_price > 0:
        per_gb = f", one {balancer.usage_unit} a GB" if balancer.usage_is_hourly else ""
        items.append(
            priced(
                scenario,
                category="load balancer",
                label=f"{balancer.label} usage ({usage} GB processed each{per_gb})",
                quantity=count * usage,
                unit=balancer.usage_unit,
                price=_discounted(scenario, balancer.usage_price),
                rate=rate,
                sourced=balancer,
                list_price=balancer.usage_price,
            )
        )
    return items


def storage(resolved: Resolved, *, count: int, gb_each: int, noun: str) -> list[LineItem]:
    """A disk of ``gb_each`` GB on each of ``count`` VMs."""
    if gb_each == 0:
        return []
    scenario, disk = resolved.scenario, resolved.matches.disk
    return [
        priced(
            scenario,
            category="storage",
            label=f"{disk.label}, {gb_each} GB × {count} {noun}{_plural(count)}",
            quantity=Decimal(count * gb_each),
            unit="GB-month",
            price=_discounted(scenario, disk.gb_month),
            rate=resolved.matches.price_rate,
            sourced=disk,
            list_price=disk.gb_month,
        )
    ]


def egress(resolved: Resolved, *, machine: Machine, count: int) -> list[LineItem]:
    """Internet egress, a line for each price tier it reaches, after the transfer the
    setup's ``count`` VMs of ``machine`` bring into the provider's pool (if it has one)."""
    scenario, tiers = resolved.scenario, resolved.matches.provider.egress
    if scenario.egress_gb == 0 or tiers is None:
        return []
    rate = resolved.matches.price_rate
    pooled = tiers.included_per_vm.get(machine.key, Decimal(0)) * count
    items = []
    if pooled > 0:
        items.append(
            priced(
                scenario,
                category="data transfer",
                label=f"{tiers.label}, included with the {count} VM{_plural(count)}' pool",
                quantity=min(scenario.egress_gb, pooled),
                unit=tiers.unit,
                price=Decimal(0),
                rate=rate,
                sourced=tiers,
            )
        )
    billable = scenario.egress_gb - pooled
    if billable <= 0:
        return items
    return items + [
        priced(
            scenario,
            category="data transfer",
            label=f"{tiers.label}, {label}",
            quantity=amount,
            unit=tiers.unit,
            price=price,
            rate=rate,
            sourced=tiers,
        )
        for label, amount, price in _tier_shares(tiers, billable)
    ]


def cross_zone(resolved: Resolved) -> list[LineItem]:
    """Traffic between the cluster's zones."""
    scenario, zone = resolved.scenario, resolved.matches.provider.cross_zone
    if scenario.cross_zone_gb == 0 or zone is None:
        return []
    return [
        priced(
            scenario,
            category="data transfer",
            label=zone.label,
            quantity=scenario.cross_zone_gb,
            unit="GB",
            price=zone.gb_price,
            rate=resolved.matches.price_rate,
            sourced=zone,
        )
    ]


def seats(resolved: Resolved, *, setup: Setup) -> list[LineItem]:
    """The Docker subscription seats of one setup: free, at your price or at the plan's."""
    scenario, matches = resolved
    count = scenario.docker_seats if setup == "docker" else scenario.k8s_seats
    plan = matches.docker_plan if setup == "docker" else matches.k8s_plan
    if count == 0:
        return []
    listed = plan.monthly if scenario.plan_billing == "monthly" and plan.monthly else plan.annual
    sourced: Sourced | None = plan
    if scenario.docker_desktop_free:
        label, price = f"{plan.label}: free, we qualify", Decimal(0)
    elif scenario.seat_price is not None:
        label, price, sourced = f"{plan.label}, your price", scenario.seat_price, None
    else:
        label, price = f"{plan.label} ({scenario.plan_billing} billing)", listed
    return [
        priced(
            scenario,
            category="subscription",
            label=label,
            quantity=Decimal(count),
            unit="seat-month",
            price=price,
            rate=scenario.exchange_rate,
            sourced=sourced,
            list_price=listed,
        )
    ]


def people(scenario: Scenario, *, hours: Decimal, label: str) -> LineItem:
    """Engineering hours at the scenario's rate: the one line that needs no catalog."""
    return priced(
        scenario,
        category="people",
        label=label,
        quantity=hours,
        unit="hour",
        price=scenario.devops_hourly_rate,
        rate=scenario.exchange_rate,
    )


def nat_gateway(resolved: Resolved) -> list[LineItem]:
    """A NAT gateway for private nodes, where the scenario has them and the provider prices
    one: the gateway's hours and the egress it processes."""
    scenario, matches = resolved
    gateway = matches.provider.nat_gateway
    if not scenario.k8s_private_nodes or gateway is None:
        return []
    items = [
        priced(
            scenario,
            category="network",
            label=gateway.label,
            quantity=scenario.hours_per_month,
            unit="hour",
            price=gateway.hourly,
            rate=matches.price_rate,
            sourced=gateway,
        )
    ]
    if scenario.egress_gb > 0:
        items.append(
            priced(
                scenario,
                category="network",
                label=f"{gateway.label}, egress processed",
                quantity=scenario.egress_gb,
                unit="GB",
                price=gateway.gb_price,
                rate=matches.price_rate,
                sourced=gateway,
            )
        )
    return items


# A load balancer spans two zones at the least (an AWS ALB needs two subnets), each with its
# own public address.
ADDRESSES_PER_LOAD_BALANCER = 2


def public_addresses(resolved: Resolved, *, hosts: int, load_balancers: int) -> list[LineItem]:
    """Public IPv4 addresses, where the scenario counts them and the provider charges for
    them: one per public VM, two per load balancer."""
    scenario, address = resolved.scenario, resolved.matches.provider.public_ipv4
    count = hosts + ADDRESSES_PER_LOAD_BALANCER * load_balancers
    if not scenario.public_ipv4 or address is None or count == 0:
        return []
    return [
        priced(
            scenario,
            category="network",
            label=f"{address.label} × {count}",
            quantity=count * scenario.hours_per_month,
            unit="hour",
            price=address.hourly,
            rate=resolved.matches.price_rate,
            sourced=address,
        )
    ]


def _tier_shares(egress: Egress, amount: Decimal) -> list[tuple[str, Decimal, Decimal]]:
    """Split ``amount`` over the tiers: (label, amount in the tier, price per unit)."""
    parts, floor = [], Decimal(0)
    for tier in egress.tiers:
        top = tier.up_to if tier.up_to is not None else amount
        inside = min(amount, top) - floor
        if inside > 0:
            span = f"{floor}-{tier.up_to} {egress.unit}" if tier.up_to else f"over {floor}"
            parts.append(
                (f"{span} tier" if tier.price else f"first {tier.up_to} free", inside, tier.price)
            )
        floor = top
        if amount <= floor:
            break
    return parts
