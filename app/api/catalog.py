"""The catalog as JSON-ready dicts and CSV rows, for GET /api/v1/catalog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel

from app.present.cells import cents_text, decimal_text, json_number, optional_number, safe_cell
from pricing.catalog import HOURS_PER_MONTH, Catalog, Provider, Region, Sourced

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
            **_sourced(price),
        }
        for type_key, price in region.instances.items()
    ]


def _services(p: Provider) -> dict[str, Any]:
    """The provider's control-plane tiers, load balancers and disks."""
    return {
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
    }


def _provider_dict(key: str, p: Provider) -> dict[str, Any]:
    return {
        "key": key,
        "name": p.name,
        "currency": p.currency,
        "note": p.note,
        "defaults": p.defaults.model_dump(),
        "regions": [
            {"key": region_key, "name": region.name, "instances": _instances(p, region)}
            for region_key, region in p.regions.items()
        ],
        **_services(p),
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


class _Row(NamedTuple):
    """One priced entry as a CSV row (the cells of CSV_COLUMNS but the entry's source, date
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


def _instance_rows(pk: str, p: Provider) -> Iterator[_Row]:
    for rk, region in p.regions.items():
        for tk, price in region.instances.items():
            spec = p.instance_types[tk]
            yield _Row(
                *(pk, rk, "instance", tk, spec.family, price, decimal_text(price.hourly), "hour"),
                vcpu=spec.vcpu,
                memory=decimal_text(spec.memory_gib),
                monthly=cents_text(price.monthly()),
                max_pods=spec.max_pods or "",
            )


def _service_rows(pk: str, p: Provider) -> Iterator[_Row]:
    for k, c in p.control_planes.items():
        yield _Row(pk, "", "control_plane", k, c.label, c, decimal_text(c.hourly), "hour")
    for k, lb in p.load_balancers.items():
        yield _Row(pk, "", "load_balancer", k, lb.label, lb, decimal_text(lb.hourly), "hour")
        usage = decimal_text(lb.usage_price)
        yield _Row(pk, "", "load_balancer_usage", k, lb.label, lb, usage, lb.usage_unit)
    for k, d in p.disks.items():
        if d.gb_month is not None:
            yield _Row(pk, "", "disk", k, d.label, d, decimal_text(d.gb_month), "GB-month")
        for size in d.sizes:
            monthly = decimal_text(size.monthly)
            yield _Row(pk, "", "disk", f"{k} {size.name}", d.label, size, monthly, "disk-month")


def _network_rows(pk: str, p: Provider) -> Iterator[_Row]:
    if p.egress is not None:
        egress, floor = p.egress, "0"
        for tier in egress.tiers:
            top = decimal_text(tier.up_to) if tier.up_to is not None else ""
            key = f"{floor}-{top}" if top else f"over {floor}"
            price = decimal_text(tier.price)
            yield _Row(pk, "", "egress_tier", key, egress.label, egress, price, egress.unit)
            floor = top
    if p.cross_zone is not None:
        zone = p.cross_zone
        yield _Row(pk, "", "cross_zone", "", zone.label, zone, decimal_text(zone.gb_price), "GB")
    if p.public_ipv4 is not None:
        address = p.public_ipv4
        hourly = decimal_text(address.hourly)
        yield _Row(pk, "", "public_ipv4", "", address.label, address, hourly, "hour")


def _plan_rows(catalog: Catalog) -> Iterator[_Row]:
    """Docker's plans (in USD): a row for the annual price, and one for the monthly."""
    for k, plan in catalog.plans.items():
        annual = decimal_text(plan.annual)
        yield _Row("docker", "", "plan", k, plan.label, plan, annual, "seat-month, annual")
        if plan.monthly is not None:
            monthly = decimal_text(plan.monthly)
            yield _Row("docker", "", "plan", k, plan.label, plan, monthly, "seat-month, monthly")


def catalog_rows(catalog: Catalog) -> list[list[str]]:
    """The header, then one CSV row per priced entry, each in its provider's currency."""
    rows: list[list[object]] = [list(CSV_COLUMNS)]
    for pk, p in catalog.providers.items():
        for row in (*_instance_rows(pk, p), *_service_rows(pk, p), *_network_rows(pk, p)):
            rows.append(row.cells(p.currency))
    rows += [row.cells("USD") for row in _plan_rows(catalog)]
    return [[safe_cell(cell) for cell in row] for row in rows]
