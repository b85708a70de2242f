"""The line items of a bill: one function per kind of cost, each reading the resolved scenario.

Every line is ``quantity × unit price``, rounded to the cent; unit prices are converted from
US dollars into the scenario's display currency first.
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


def in_currency(usd_price: Decimal, rate: Decimal) -> Decimal:
    """A unit price in US dollars converted at ``rate``, to the millionth."""
    return (usd_price * rate).quantize(UNIT_PRICE, rounding=ROUND_HALF_UP)


def priced(
    scenario: Scenario,
    *,
    category: Category,
    label: str,
    quantity: Decimal,
    unit: str,
    usd_price: Decimal,
    sourced: Sourced | None = None,
    usd_list_price: Decimal | None = None,
) -> LineItem:
    """A line at ``usd_price`` a unit, in ``scenario``'s currency; the list price is kept
    beside it when it differs."""
    rate = scenario.exchange_rate
    price = in_currency(usd_price, rate)
    listed = None
    if usd_list_price is not None and usd_list_price != usd_price:
        listed = in_currency(usd_list_price, rate)
    return LineItem(
        category=category,
        label=label,
        quantity=quantity,
        unit=unit,
        unit_price=price,
        monthly=to_cents(quantity * price),
        source=sourced.source if sourced else None,
        as_of=sourced.as_of if sourced else None,
        list_unit_price=listed,
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
    """``count`` VMs of ``machine`` for the hours they run: at your hourly price if you gave
    one, else the list price less the discount and the commitment or spot saving."""
    scenario, spec = resolved.scenario, machine.spec
    hours = scenario.vm_hours_per_month or scenario.hours_per_month
    label = f"{machine.key} × {count} {noun}{_plural(count)} ({spec.vcpu} vCPU, "
    label += f"{spec.memory_gib} GiB)"
    if hours != scenario.hours_per_month:
        label += f", {hours} h a month"
    listed = machine.price.hourly
    if your_price is not None:
        label += ", your price"
        sourced: Sourced | None = None
        price = your_price
    else:
        price, sourced = _discounted(scenario, listed), machine.price
        if purchase.rate is not None:
            price, sourced = _discounted(scenario, purchase.rate.hourly), purchase.rate
            label += f", {purchase.option} rate"
        elif purchase.percent is not None:
            price = price * (HUNDRED - purchase.percent) / HUNDRED
            label += f", {purchase.option} at {purchase.percent}% off"
        if purchase.option == "spot":
            label += " (can be interrupted)"
    return priced(
        scenario,
        category=category,
        label=label,
        quantity=count * hours,
        unit="hour",
        usd_price=price,
        sourced=sourced,
        usd_list_price=listed,
    )


def control_plane(resolved: Resolved) -> list[LineItem]:
    """The control-plane tier's fee, the VMs of a self-managed control plane, and the tier's
    monthly credit (up to the fee)."""
    scenario, matches = resolved
    tier = matches.control_plane
    fee = priced(
        scenario,
        category="control plane",
        label=tier.label,
        quantity=scenario.hours_per_month,
        unit="hour",
        usd_price=_discounted(scenario, tier.hourly),
        sourced=tier,
        usd_list_price=tier.hourly,
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
    rate = scenario.exchange_rate
    credit = min(tier.monthly_credit * rate, fee.monthly)
    if credit > 0:
        items.append(
            priced(
                scenario,
                category="credit",
                label=f"{tier.label}: monthly credit",
                quantity=Decimal(1),
                unit="month",
                usd_price=-credit / rate,
                sourced=tier,
            )
        )
    return items


def load_balancers(resolved: Resolved, *, count: int, usage: Decimal) -> list[LineItem]:
    """``count`` load balancers for the month, and their usage charge: ``usage`` is each one's
    average hourly units (AWS LCUs) or monthly volume (GB processed)."""
    if count == 0:
        return []
    scenario, balancer = resolved.scenario, resolved.matches.load_balancer
    hours = scenario.hours_per_month
    items = [
        priced(
            scenario,
            category="load balancer",
            label=f"{balancer.label} × {count}",
            quantity=count * hours,
            unit="hour",
            usd_price=_discounted(scenario, balancer.hourly),
            sourced=balancer,
            usd_list_price=balancer.hourly,
        )
    ]
    if usage > 0:
        hourly = balancer.usage_is_hourly
        unit = balancer.usage_unit
        measure = f"avg {unit.split('-')[0]}" if hourly else unit
        items.append(
            priced(
                scenario,
                category="load balancer",
                label=f"{balancer.label} usage ({usage} {measure} each)",
                quantity=count * usage * (hours if hourly else 1),
                unit=unit,
                usd_price=_discounted(scenario, balancer.usage_price),
                sourced=balancer,
                usd_list_price=balancer.usage_price,
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
            usd_price=_discounted(scenario, disk.gb_month),
            sourced=disk,
            usd_list_price=disk.gb_month,
        )
    ]


def egress(resolved: Resolved) -> list[LineItem]:
    """Internet egress, a line for each price tier it reaches."""
    scenario, tiers = resolved.scenario, resolved.matches.provider.egress
    if scenario.egress_gb == 0 or tiers is None:
        return []
    return [
        priced(
            scenario,
            category="data transfer",
            label=f"{tiers.label}, {label}",
            quantity=amount,
            unit=tiers.unit,
            usd_price=price,
            sourced=tiers,
        )
        for label, amount, price in _tier_shares(tiers, scenario.egress_gb)
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
            usd_price=zone.gb_price,
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
            usd_price=price,
            sourced=sourced,
            usd_list_price=listed,
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
        usd_price=scenario.devops_hourly_rate,
    )


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
