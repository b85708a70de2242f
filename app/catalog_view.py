"""The catalog as JSON-ready dicts and CSV rows, for GET /api/v1/catalog and the form."""

from __future__ import annotations

from typing import Any

from app.cells import cents_text, decimal_text, json_number, safe_cell
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
]


def _sourced(entry: Sourced) -> dict[str, Any]:
    return {
        "source": entry.source,
        "as_of": entry.as_of.isoformat(),
        "confidence": entry.confidence,
    }


def _provider_dict(key: str, p: Provider) -> dict[str, Any]:
    return {
        "key": key,
        "name": p.name,
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
                        "hourly": json_number(price.hourly),
                        "monthly": json_number(price.monthly()),
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
                **_sourced(lb),
            }
            for k, lb in p.load_balancers.items()
        ],
        "disks": [
            {"key": k, "label": d.label, "gb_month": json_number(d.gb_month), **_sourced(d)}
            for k, d in p.disks.items()
        ],
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
            add(pk, "", "disk", k, d.label, d, decimal_text(d.gb_month), "GB-month")
    for k, plan in catalog.plans.items():
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
