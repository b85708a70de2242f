"""What the VMs cost: the hours of a setup's VMs (with commitments, spot and sustained-use
discounts), the control plane's fee, VMs and credit, and the VMs' disks."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import ControlPlane, Sourced
from pricing.lines.item import HUNDRED, Category, LineItem, by_the_hour, discounted, plural, priced
from pricing.resolve import Machine, Purchase, Resolved


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
    label = f"{machine.key} × {count} {noun}{plural(count)} ({spec.vcpu} vCPU, "
    label += f"{spec.memory_gib} GiB)"
    if hours != scenario.hours_per_month:
        label += f", {hours} h a month"
    if your_price is not None:
        return _at_your_price(resolved, machine, count * hours, your_price, category, label)
    price, sourced, how = _bought(resolved, machine, purchase)
    return by_the_hour(
        scenario,
        category=category,
        label=label + how,
        count=count,
        hours=hours,
        price=price,
        list_price=machine.price.hourly,
        cap=machine.price.monthly_cap,
        rate=rate,
        sourced=sourced,
    )


def _at_your_price(
    resolved: Resolved,
    machine: Machine,
    hours: Decimal,
    your_price: Decimal,
    category: Category,
    label: str,
) -> LineItem:
    """The VMs' ``hours`` at the hourly price you gave (in USD), the list price beside it."""
    scenario, matches = resolved
    return priced(
        scenario,
        category=category,
        label=label + ", your price",
        quantity=hours,
        unit="hour",
        price=your_price,
        rate=scenario.exchange_rate,
        list_price=machine.price.hourly,
        list_rate=matches.price_rate,
    )


def _bought(
    resolved: Resolved, machine: Machine, purchase: Purchase
) -> tuple[Decimal, Sourced, str]:
    """A VM's hourly list price as bought: less the discount, then the commitment or spot
    saving, or the sustained-use discount; the source of the price paid; and how it was bought,
    for the label."""
    scenario = resolved.scenario
    price: Decimal = discounted(scenario, machine.price.hourly)
    sourced: Sourced = machine.price
    how = ""
    if purchase.rate is not None:
        price, sourced = discounted(scenario, purchase.rate.hourly), purchase.rate
        how += f", {purchase.option} rate"
    elif purchase.percent is not None:
        price = price * (HUNDRED - purchase.percent) / HUNDRED
        how += f", {purchase.option} at {purchase.percent}% off"
    if purchase.option == "spot":
        how += " (can be interrupted)"
    discount = _sustained_use(resolved, machine) if purchase.option == "on-demand" else None
    if discount is not None:
        share, sourced = discount
        price = price * share
        how += f", sustained-use discount {(1 - share) * 100:.1f}%"
    return price, sourced, how


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


def control_plane(resolved: Resolved, *, clusters: int = 1) -> list[LineItem]:
    """The control-plane tier's fee for ``clusters`` clusters, the VMs of a self-managed
    control plane, and the tier's monthly credit (up to the fee)."""
    scenario, matches = resolved
    fee, *credit = tier_fee(resolved, matches.control_plane, clusters=clusters)
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
    return items + credit


def tier_fee(
    resolved: Resolved, tier: ControlPlane, credit_note: str = "", *, clusters: int = 1
) -> list[LineItem]:
    """A control-plane tier's fee for the month for ``clusters`` clusters, then its monthly
    credit (up to the fee), where it has one; ``credit_note`` is added to the credit's label."""
    scenario, rate = resolved.scenario, resolved.matches.price_rate
    fee = by_the_hour(
        scenario,
        category="control plane",
        label=tier.label if clusters == 1 else f"{tier.label} × {clusters} clusters",
        count=clusters,
        hours=scenario.hours_per_month,
        price=discounted(scenario, tier.hourly),
        list_price=tier.hourly,
        cap=tier.monthly_cap,
        rate=rate,
        sourced=tier,
    )
    credit = min(tier.monthly_credit * rate, fee.monthly)
    if credit <= 0:
        return [fee]
    return [
        fee,
        priced(
            scenario,
            category="credit",
            label=f"{tier.label}: monthly credit{credit_note}",
            quantity=Decimal(1),
            unit="month",
            price=-credit / rate,
            rate=rate,
            sourced=tier,
        ),
    ]


def extended_support(
    resolved: Resolved, *, tier: ControlPlane, clusters: int, version: str
) -> LineItem:
    """What ``clusters`` clusters on ``version`` pay in a month of extended support beyond
    their tier's fee: the extended tier's hourly fee less the tier's, for the month's hours."""
    scenario, matches = resolved
    extra = tier.hourly - matches.control_plane.hourly
    label = f"{tier.label} for Kubernetes {version}: ${tier.hourly} a cluster-hour instead of "
    label += f"${matches.control_plane.hourly}"
    return by_the_hour(
        scenario,
        category="control plane",
        label=label + (f" × {clusters} clusters" if clusters > 1 else ""),
        count=clusters,
        hours=scenario.hours_per_month,
        price=discounted(scenario, extra),
        list_price=extra,
        cap=None,
        rate=matches.price_rate,
        sourced=tier,
    )


def storage(resolved: Resolved, *, count: int, gb_each: int, noun: str) -> list[LineItem]:
    """A disk of ``gb_each`` GB on each of ``count`` VMs: per GB-month, or at the monthly
    price of the size tier that holds it (resolve checks that one does)."""
    if gb_each == 0:
        return []
    scenario, disk = resolved.scenario, resolved.matches.disk
    rate, disks = resolved.matches.price_rate, f"{count} {noun}{plural(count)}"
    size = disk.size_for(gb_each)
    if size is not None:
        tier = f"{size.name} ({size.up_to_gib} GiB)"
        return [
            priced(
                scenario,
                category="storage",
                label=f"{disk.label} {tier} for {gb_each} GB × {disks}",
                quantity=Decimal(count),
                unit="disk-month",
                price=discounted(scenario, size.monthly),
                rate=rate,
                sourced=size,
                list_price=size.monthly,
            )
        ]
    per_gb = disk.gb_month or Decimal(0)
    return [
        priced(
            scenario,
            category="storage",
            label=f"{disk.label}, {gb_each} GB × {disks}",
            quantity=Decimal(count * gb_each),
            unit="GB-month",
            price=discounted(scenario, per_gb),
            rate=rate,
            sourced=disk,
            list_price=per_gb,
        )
    ]
