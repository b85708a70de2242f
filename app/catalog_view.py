"""The catalog as JSON-ready dicts and CSV rows, for GET /api/v1/catalog and the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from app.cells import cents_text, decimal_text, json_number, optional_number, safe_cell
from pricing.catalog import HOURS_PER_MONTH, Catalog, Provider, Sourced

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


def _sourced(entry: Sourced) -> dict[str, Any]:
    return {
        "source": entry.source,
        "as_of": entry.as_of.isoformat(),
        "confidence": entry.confidence,
    }


def _plain(value: Any) -> Any:
    """A model's dump as JSON-ready values: decimals as numbers, dates as ISO text."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _optional(entry: BaseModel | None) -> Any:
    return None if entry is None else _plain(entry.model_dump(exclude={"note"}))


def _provider_dict(key: str, p: Provider) -> dict[str, Any]:
    return {
        "key": key,
        "name": p.name,
        "currency": p.currency,
        "note": p.note,
        "defaults": p.defaults.model_dump(),
        "regions": [
            {
                "key": region_key,
                "name": region.name,
                "instances": [
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
                        **_sourced(price),
                    }
                    for type_key, price in region.instances.items()
                ],
            }
            for region_key, region in p.regions.items()
        ],
        "control_planes": [
            {
                "key": k,
                "label": c.label,
                "hourly": json_number(c.hourly),
                "monthly_credit": json_number(c.monthly_credit),
                "monthly_cap": optional_number(c.monthly_cap),
                "availability": _optional(c.availability),
                **_sourced(c),
            }
            for k, c in p.control_planes.items()
        ],
        "load_balancers": [
            {
                "key": k,
                "label": lb.label,
                "hourly": json_number(lb.hourly),
                "usage_price": json_number(lb.usage_price),
                "usage_unit": lb.usage_unit,
                "monthly_cap": optional_number(lb.monthly_cap),
                **_sourced(lb),
            }
            for k, lb in p.load_balancers.items()
        ],
        "disks": [
            {
                "key": k,
                "label": d.label,
                "gb_month": optional_number(d.gb_month),
                "sizes": [_optional(size) for size in d.sizes],
                **_sourced(d),
            }
            for k, d in p.disks.items()
        ],
        "egress": _optional(p.egress),
        "cross_zone": _optional(p.cross_zone),
        "public_ipv4": _optional(p.public_ipv4),
        "vm_availability": _optional(p.vm_availability),
        "sustained_use": [_optional(rule) for rule in p.sustained_use],
    }


def catalog_dict(catalog: Catalog) -> dict[str, Any]:
    return {
        "version": catalog.version,
        "as_of": catalog.as_of.isoformat(),
        "hours_per_month": json_number(HOURS_PER_MONTH),
        "providers": [_provider_dict(k, p) for k, p in catalog.providers.items()],
        "plans": [
            {
                "key": k,
                "label": plan.label,
                "annual": json_number(plan.annual),
                "monthly": json_number(plan.monthly) if plan.monthly is not None else None,
                **_sourced(plan),
            }
            for k, plan in catalog.plans.items()
        ],
    }


def catalog_rows(catalog: Catalog) -> list[list[str]]:
    """One CSV row per priced entry."""
    rows: list[list[object]] = [list(CSV_COLUMNS)]

    def add(
        provider: str,
        region: str,
        kind: str,
        key: str,
        label: str,
        entry: Sourced,
        price: str,
        unit: str,
        vcpu: object = "",
        memory: object = "",
        monthly: str = "",
        max_pods: object = "",
    ) -> None:
        rows.append(
            [
                provider,
                region,
                kind,
                key,
                label,
                vcpu,
                memory,
                price,
                unit,
                monthly,
                entry.source,
                entry.as_of.isoformat(),
                entry.confidence,
                catalog.providers[provider].currency if provider in catalog.providers else "USD",
                max_pods,
            ]
        )

    for pk, p in catalog.providers.items():
        for rk, region in p.regions.items():
            for tk, price in region.instances.items():
                spec = p.instance_types[tk]
                add(
                    pk,
                    rk,
                    "instance",
                    tk,
                    spec.family,
                    price,
                    decimal_text(price.hourly),
                    "hour",
                    spec.vcpu,
                    decimal_text(spec.memory_gib),
                    cents_text(price.monthly()),
                    spec.max_pods or "",
                )
        for k, c in p.control_planes.items():
            add(pk, "", "control_plane", k, c.label, c, decimal_text(c.hourly), "hour")
        for k, lb in p.load_balancers.items():
            add(pk, "", "load_balancer", k, lb.label, lb, decimal_text(lb.hourly), "hour")
            add(
                pk,
                "",
                "load_balancer_usage",
                k,
                lb.label,
                lb,
                decimal_text(lb.usage_price),
                lb.usage_unit,
            )
        for k, d in p.disks.items():
            if d.gb_month is not None:
                add(pk, "", "disk", k, d.label, d, decimal_text(d.gb_month), "GB-month")
            for size in d.sizes:
                monthly = decimal_text(size.monthly)
                add(pk, "", "disk", f"{k} {size.name}", d.label, size, monthly, "disk-month")
        if p.egress is not None:
            floor = "0"
            for tier in p.egress.tiers:
                top = decimal_text(tier.up_to) if tier.up_to is not None else ""
                key = f"{floor}-{top}" if top else f"over {floor}"
                tier_price = decimal_text(tier.price)
                add(pk, "", "egress_tier", key, p.egress.label, p.egress, tier_price, p.egress.unit)
                floor = top
        if p.cross_zone is not None:
            zone = p.cross_zone
            add(pk, "", "cross_zone", "", zone.label, zone, decimal_text(zone.gb_price), "GB")
        if p.public_ipv4 is not None:
            address = p.public_ipv4
            hourly = decimal_text(address.hourly)
            add(pk, "", "public_ipv4", "", address.label, address, hourly, "hour")
    for k, plan in catalog.plans.items():  # Docker's plans: in USD
        add(
            "docker",
            "",
            "plan",
            k,
            plan.label,
            plan,
            decimal_text(plan.annual),
            "seat-month, annual",
        )
        if plan.monthly is not None:
            add(
                "docker",
                "",
                "plan",
                k,
                plan.label,
                plan,
                decimal_text(plan.monthly),
                "seat-month, monthly",
            )
    return [[safe_cell(cell) for cell in row] for row in rows]
