"""The line items of each setup: what is bought, how much, at what unit price."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, NamedTuple

from pricing.catalog import Egress, Sourced
from pricing.money import to_cents
from pricing.resolution import Machine, Purchase, Resolved
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
PEOPLE: Category = "people"


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


def _s(count: int | Decimal) -> str:
    return "" if count == 1 else "s"


class Pricer:
    """Builds line items for one resolved scenario, in its display currency."""

    def __init__(self, r: Resolved) -> None:
        self.r = r
        self.s = r.scenario
        self.rate = r.scenario.exchange_rate

    def line(
        self,
        category: Category,
        label: str,
        quantity: Decimal,
        unit: str,
        usd_price: Decimal,
        sourced: Sourced | None = None,
        usd_list_price: Decimal | None = None,
    ) -> LineItem:
        price = in_currency(usd_price, self.rate)
        listed = None
        if usd_list_price is not None and usd_list_price != usd_price:
            listed = in_currency(usd_list_price, self.rate)
        return LineItem(
            category,
            label,
            quantity,
            unit,
            price,
            to_cents(quantity * price),
            sourced.source if sourced else None,
            sourced.as_of if sourced else None,
            listed,
        )

    def discounted(self, list_price: Decimal) -> Decimal:
        """The negotiated discount off a list price."""
        return list_price * (HUNDRED - self.s.discount_percent) / HUNDRED

    def vm_hours(self) -> Decimal:
        return self.s.vm_hours_per_month or self.s.hours_per_month

    def compute(
        self,
        machine: Machine,
        count: int,
        override: Decimal | None,
        noun: str,
        purchase: Purchase,
        category: Category = "compute",
    ) -> LineItem:
        spec, hours = machine.spec, self.vm_hours()
        label = f"{machine.key} × {count} {noun}{_s(count)} ({spec.vcpu} vCPU, "
        label += f"{spec.memory_gib} GiB)"
        if hours != self.s.hours_per_month:
            label += f", {hours} h a month"
        listed = machine.price.hourly
        if override is not None:
            return self.line(
                category, label + ", your price", count * hours, "hour", override, None, listed
            )
        price = self.discounted(listed)
        sourced: Sourced = machine.price
        if purchase.rate is not None:
            price, sourced = self.discounted(purchase.rate.hourly), purchase.rate
            label += f", {purchase.option} rate"
        elif purchase.percent is not None:
            price = price * (HUNDRED - purchase.percent) / HUNDRED
            label += f", {purchase.option} at {purchase.percent}% off"
        if purchase.option == "spot":
            label += " (can be interrupted)"
        return self.line(category, label, count * hours, "hour", price, sourced, listed)

    def control_plane(self) -> list[LineItem]:
        tier, hours = self.r.control_plane, self.s.hours_per_month
        fee = self.line(
            "control plane",
            tier.label,
            hours,
            "hour",
            self.discounted(tier.hourly),
            tier,
            tier.hourly,
        )
        items = [fee]
        if self.r.control_machine is not None:
            items.append(
                self.compute(
                    self.r.control_machine,
                    self.s.k8s_control_nodes,
                    None,
                    "control-plane node",
                    Purchase("on-demand"),
                    "control plane",
                )
            )
        credit = min(tier.monthly_credit * self.rate, fee.monthly)
        if credit > 0:
            items.append(
                self.line(
                    "credit",
                    f"{tier.label}: monthly credit",
                    Decimal(1),
                    "month",
                    -credit / self.rate,
                    tier,
                )
            )
        return items

    def load_balancers(self, count: int, usage: Decimal) -> list[LineItem]:
        if count == 0:
            return []
        lb, hours = self.r.load_balancer, self.s.hours_per_month
        items = [
            self.line(
                "load balancer",
                f"{lb.label} × {count}",
                count * hours,
                "hour",
                self.discounted(lb.hourly),
                lb,
                lb.hourly,
            )
        ]
        if usage > 0:
            volume = count * usage * (hours if lb.usage_is_hourly else 1)
            unit = lb.usage_unit
            measure = f"avg {unit.split('-')[0]}" if lb.usage_is_hourly else unit
            items.append(
                self.line(
                    "load balancer",
                    f"{lb.label} usage ({usage} {measure} each)",
                    volume,
                    unit,
                    self.discounted(lb.usage_price),
                    lb,
                    lb.usage_price,
                )
            )
        return items

    def storage(self, count: int, gb_each: int, noun: str) -> list[LineItem]:
        if gb_each == 0:
            return []
        disk = self.r.disk
        label = f"{disk.label}, {gb_each} GB × {count} {noun}{_s(count)}"
        return [
            self.line(
                "storage",
                label,
                Decimal(count * gb_each),
                "GB-month",
                self.discounted(disk.gb_month),
                disk,
                disk.gb_month,
            )
        ]

    def egress(self) -> list[LineItem]:
        egress = self.r.provider.egress
        if self.s.egress_gb == 0 or egress is None:
            return []
        return [
            self.line(
                "data transfer", f"{egress.label}, {label}", amount, egress.unit, price, egress
            )
            for label, amount, price in _tiers(egress, self.s.egress_gb)
        ]

    def cross_zone(self) -> list[LineItem]:
        zone = self.r.provider.cross_zone
        if self.s.cross_zone_gb == 0 or zone is None:
            return []
        return [
            self.line("data transfer", zone.label, self.s.cross_zone_gb, "GB", zone.gb_price, zone)
        ]

    def seats(self, setup: Setup) -> list[LineItem]:
        s = self.s
        seats = s.docker_seats if setup == "docker" else s.k8s_seats
        plan = self.r.docker_plan if setup == "docker" else self.r.k8s_plan
        if seats == 0:
            return []
        listed = plan.monthly if s.plan_billing == "monthly" and plan.monthly else plan.annual
        if s.docker_desktop_free:
            return [
                self.line(
                    "subscription",
                    f"{plan.label}: free, we qualify",
                    Decimal(seats),
                    "seat-month",
                    Decimal(0),
                    plan,
                    listed,
                )
            ]
        if s.seat_price is not None:
            return [
                self.line(
                    "subscription",
                    f"{plan.label}, your price",
                    Decimal(seats),
                    "seat-month",
                    s.seat_price,
                    None,
                    listed,
                )
            ]
        label = f"{plan.label} ({s.plan_billing} billing)"
        return [self.line("subscription", label, Decimal(seats), "seat-month", listed, plan)]


def in_currency(usd_price: Decimal, rate: Decimal) -> Decimal:
    """A unit price in US dollars converted at ``rate``, to the millionth."""
    return (usd_price * rate).quantize(UNIT_PRICE, rounding=ROUND_HALF_UP)


def people(s: Scenario, hours: Decimal, label: str) -> LineItem:
    """Engineering hours at the scenario's rate: the one line that needs no catalog."""
    price = in_currency(s.devops_hourly_rate, s.exchange_rate)
    return LineItem(PEOPLE, label, hours, "hour", price, to_cents(hours * price))


def _tiers(egress: Egress, amount: Decimal) -> list[tuple[str, Decimal, Decimal]]:
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
