"""Each provider of the catalog as JSON-ready dicts: its regions and instance types, services,
network charges, and this round's additions (managed container services, burstable baselines,
surplus-credit prices, each control-plane tier's version policy and system pods)."""

from __future__ import annotations

from typing import Any

from app.api.catalog.values import keyed, optional, plain, sourced
from app.present.cells import json_number, optional_number
from pricing.catalog import Catalog, Provider, Region
from pricing.workload.system import distribution_of


def _instances(p: Provider, region: Region) -> list[dict[str, Any]]:
    return [
        {
            "type": type_key,
            "vcpu": p.instance_types[type_key].vcpu,
            "memory_gib": json_number(p.instance_types[type_key].memory_gib),
            "family": p.instance_types[type_key].family,
            "arch": p.instance_types[type_key].arch,
            "max_pods": p.instance_types[type_key].max_pods,
            "hourly": json_number(price.hourly),
            "monthly": json_number(price.monthly()),
            "monthly_cap": optional_number(price.monthly_cap),
            **sourced(price),
        }
        for type_key, price in region.instances.items()
    ]


def _regions(p: Provider) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "name": region.name,
            "caveat": region.caveat,
            "egress": optional(region.egress),
            "instances": _instances(p, region),
        }
        for key, region in p.regions.items()
    ]


def _control_planes(catalog: Catalog, key: str, p: Provider) -> list[dict[str, Any]]:
    """Each tier with its fee, its pod or node pricing, the version policy it follows and
    the distribution whose system pods it runs."""
    policies = catalog.versions.tiers.get(key, {})
    return [
        {
            "key": tier,
            "label": c.label,
            "hourly": json_number(c.hourly),
            "monthly_credit": json_number(c.monthly_credit),
            "monthly_cap": optional_number(c.monthly_cap),
            "availability": optional(c.availability),
            "pod_pricing": optional(c.pod_pricing),
            "node_fee": optional(c.node_fee),
            "version_policy": policies.get(tier),
            "system_pods": distribution_of(key, tier),
            **sourced(c),
        }
        for tier, c in p.control_planes.items()
    ]


def _services(p: Provider) -> dict[str, Any]:
    """The provider's load balancers and disks."""
    return {
        "load_balancers": [
            {
                "key": k,
                "label": lb.label,
                "hourly": json_number(lb.hourly),
                "usage_price": json_number(lb.usage_price),
                "usage_unit": lb.usage_unit,
                "monthly_cap": optional_number(lb.monthly_cap),
                **sourced(lb),
            }
            for k, lb in p.load_balancers.items()
        ],
        "disks": [
            {
                "key": k,
                "label": d.label,
                "gb_month": optional_number(d.gb_month),
                "sizes": [optional(size) for size in d.sizes],
                **sourced(d),
            }
            for k, d in p.disks.items()
        ],
    }


def _burstable(p: Provider) -> dict[str, Any]:
    """Burstable types' sustained CPU, and the price of CPU above it where it is sold."""
    return {
        "burstable_baselines": [
            {"type": key, **plain(spec.baseline.model_dump())}
            for key, spec in p.instance_types.items()
            if spec.baseline is not None
        ],
        "surplus_credits": [plain(credits.model_dump()) for credits in p.surplus_credits],
    }


def provider_dict(catalog: Catalog, key: str, p: Provider) -> dict[str, Any]:
    return {
        "key": key,
        "name": p.name,
        "currency": p.currency,
        "note": p.note,
        "defaults": p.defaults.model_dump(),
        "regions": _regions(p),
        "control_planes": _control_planes(catalog, key, p),
        **_services(p),
        "egress": optional(p.egress),
        "cross_zone": optional(p.cross_zone),
        "public_ipv4": optional(p.public_ipv4),
        "nat_gateway": optional(p.nat_gateway),
        "vm_availability": optional(p.vm_availability),
        "sustained_use": [optional(rule) for rule in p.sustained_use],
        **_burstable(p),
        "managed_containers": keyed(p.managed_containers),
    }
