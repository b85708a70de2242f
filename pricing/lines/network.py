"""What the network costs: load balancers and their usage, internet egress over the price
tiers, cross-zone traffic, a NAT gateway for private nodes, and public IPv4 addresses."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import Egress
from pricing.lines.item import LineItem, by_the_hour, discounted, plural, priced
from pricing.resolve import Machine, Resolved


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
            price=discounted(scenario, balancer.hourly),
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
                price=discounted(scenario, balancer.usage_price),
                rate=rate,
                sourced=balancer,
                list_price=balancer.usage_price,
            )
        )
    return items


def _pooled(
    resolved: Resolved, tiers: Egress, count: int, amount: Decimal, pooled: Decimal
) -> LineItem:
    """The egress the VMs' own transfer allowance covers, at no charge."""
    return priced(
        resolved.scenario,
        category="data transfer",
        label=f"{tiers.label}, included with the {count} VM{plural(count)}' pool "
        f"({pooled.normalize():f} {tiers.unit})",
        quantity=min(amount, pooled),
        unit=tiers.unit,
        price=Decimal(0),
        rate=resolved.matches.price_rate,
        sourced=tiers,
    )


def egress(resolved: Resolved, *, machine: Machine, count: int) -> list[LineItem]:
    """Internet egress, a line for each price tier it reaches, after the transfer the
    setup's ``count`` VMs of ``machine`` bring into the provider's pool (if it has one). The
    scenario's GB are converted to the tiers' unit (a TB at Hetzner)."""
    scenario, tiers = resolved.scenario, resolved.matches.egress
    if scenario.egress_gb == 0 or tiers is None:
        return []
    rate = resolved.matches.price_rate
    amount = scenario.egress_gb / tiers.gb_per_unit
    pooled = tiers.included_per_vm.get(machine.key, Decimal(0)) * count
    items = [_pooled(resolved, tiers, count, amount, pooled)] if pooled > 0 else []
    billable = amount - pooled
    if billable <= 0:
        return items
    return items + [
        priced(
            scenario,
            category="data transfer",
            label=f"{tiers.label}, {label}",
            quantity=share,
            unit=tiers.unit,
            price=price,
            rate=rate,
            sourced=tiers,
        )
        for label, share, price in _tier_shares(tiers, billable)
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


def nat_gateway(resolved: Resolved, *, vms: int, clusters: int = 1) -> list[LineItem]:
    """A NAT gateway for each cluster's private nodes, where the scenario has them and the
    provider prices one: the gateways' hours (or the hours of the ``vms`` using them), the
    egress they process, and the address each holds."""
    scenario, matches = resolved
    gateway = matches.provider.nat_gateway
    if not scenario.k8s_private_nodes or gateway is None:
        return []
    hours = scenario.hours_per_month

    def line(label: str, quantity: Decimal, unit: str, price: Decimal) -> LineItem:
        return priced(
            scenario,
            category="network",
            label=label,
            quantity=quantity,
            unit=unit,
            price=price,
            rate=matches.price_rate,
            sourced=gateway,
        )

    per_vm = gateway.per_vm
    each = "" if clusters == 1 else f" × {clusters}"
    if per_vm is None:
        items = [line(gateway.label + each, hours * clusters, "hour", gateway.hourly)]
    elif vms <= per_vm.up_to:
        label = f"{gateway.label}, {vms} VM{plural(vms)} using it"
        items = [line(label, vms * hours, "VM-hour", per_vm.hourly)]
    else:
        label = f"{gateway.label}, {vms} VMs using it (more than {per_vm.up_to})"
        items = [line(label, hours, "hour", per_vm.beyond)]
    if scenario.egress_gb > 0:
        processed = f"{gateway.label}, egress processed"
        items.append(line(processed, scenario.egress_gb, "GB", gateway.gb_price))
    if gateway.address_hourly > 0:
        address = f"{gateway.label}, its public address{each}"
        items.append(line(address, hours * clusters, "hour", gateway.address_hourly))
    return items


def public_addresses(resolved: Resolved, *, vms: int, load_balancers: int) -> list[LineItem]:
    """Public IPv4 addresses, where the scenario counts them and the provider charges for
    them: one for each of ``vms`` public VMs, and those each load balancer holds."""
    scenario, matches = resolved
    address = matches.provider.public_ipv4
    held = matches.load_balancer.public_addresses * load_balancers
    count = vms + held
    if not scenario.public_ipv4 or address is None or count == 0:
        return []
    parts = [f"{vms} VM{plural(vms)}"] if vms else []
    parts += [f"{held} on load balancers"] if held else []
    return [
        priced(
            scenario,
            category="network",
            label=f"{address.label} × {count} ({', '.join(parts)})",
            quantity=count * scenario.hours_per_month,
            unit="hour",
            price=address.hourly,
            rate=matches.price_rate,
            sourced=address,
        )
    ]


def public_node_vms(resolved: Resolved, *, nodes: int) -> int:
    """The cluster's VMs that hold a billed public address of their own: none where nodes
    are private or taken to sit in private subnets, or where the tier shows no nodes."""
    scenario, matches = resolved
    address = matches.provider.public_ipv4
    if address is None or not address.on_nodes or scenario.k8s_private_nodes:
        return 0
    if matches.control_plane.pod_pricing is not None:
        return 0
    return nodes + (scenario.k8s_control_nodes if matches.control_machine else 0)


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
