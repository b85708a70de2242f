"""The line items of a bill: one function per kind of cost, each reading the resolved scenario.

Every line is ``quantity × unit price``, rounded to the cent (``item``: LineItem and how one is
priced); the costs are in ``machines`` (compute, control plane, storage), ``credits``
(burstable VMs' surplus CPU credits), ``network`` (load
balancers, egress, cross-zone traffic, NAT gateway, public addresses), ``managed``
(Kubernetes billed by pod requests, or with a fee per node) and ``team`` (seats, people).
Every name is importable from here: ``lines.compute(...)``.
"""

from pricing.lines.credits import surplus_credits
from pricing.lines.item import Category, LineItem, by_the_hour, in_currency, priced
from pricing.lines.machines import compute, control_plane, extended_support, storage, tier_fee
from pricing.lines.managed import node_fee, pod_lines, pod_requests
from pricing.lines.network import (
    cross_zone,
    egress,
    load_balancers,
    nat_gateway,
    public_addresses,
    public_node_vms,
)
from pricing.lines.team import efforts, hourly_rate, seats

__all__ = [
    "Category",
    "LineItem",
    "by_the_hour",
    "compute",
    "control_plane",
    "cross_zone",
    "efforts",
    "egress",
    "extended_support",
    "hourly_rate",
    "in_currency",
    "load_balancers",
    "nat_gateway",
    "node_fee",
    "pod_lines",
    "pod_requests",
    "priced",
    "public_addresses",
    "public_node_vms",
    "seats",
    "storage",
    "surplus_credits",
    "tier_fee",
]
