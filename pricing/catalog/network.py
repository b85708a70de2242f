"""What a provider charges for the network beyond its egress tiers: traffic between zones, NAT
gateways for private nodes, and public IPv4 addresses."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from pricing.catalog.entries import Entry, NonNegativePrice, PositivePrice, Sourced


class CrossZone(Sourced):
    label: str
    gb_price: NonNegativePrice


class PerVmRate(Entry):
    """A gateway billed by the VMs that use it (Google Cloud NAT): ``hourly`` for each VM up
    to ``up_to`` VMs, ``beyond`` an hour in all for more."""

    hourly: PositivePrice
    up_to: int = Field(gt=0)
    beyond: PositivePrice

    def gateway_hourly(self, vms: int) -> Decimal:
        return self.hourly * vms if vms <= self.up_to else self.beyond


class NatGateway(Sourced):
    """A managed NAT gateway for private nodes' outbound traffic: by the hour (or by the VMs
    using it), per GB processed, and the addresses it holds."""

    label: str
    hourly: NonNegativePrice
    gb_price: NonNegativePrice
    per_vm: PerVmRate | None = None
    address_hourly: NonNegativePrice = Field(
        Decimal(0), description="The hourly price of the one public address the gateway holds."
    )


class PublicAddress(Sourced):
    """A public IPv4 address, billed by the hour whether in use or not."""

    label: str
    hourly: NonNegativePrice
    on_nodes: bool = Field(
        False,
        description="Cluster nodes that are not private hold a billed address each (Hetzner "
        "servers' primary IPv4; GKE nodes of a public cluster). False: nodes are taken to sit "
        "in private subnets.",
    )
