"""The catalog for GET /api/v1/catalog, as JSON and as CSV: every provider's prices
(``providers``, ``rows``), what the catalog says of Kubernetes itself (``kubernetes``), each
figure with its source, the date it was read and a confidence."""

from __future__ import annotations

from typing import Any

from app.api.catalog.kubernetes import kubernetes_rows, system_pods_list, versions_dict
from app.api.catalog.providers import provider_dict
from app.api.catalog.rows import CSV_COLUMNS, priced_rows
from app.api.catalog.values import plain, sourced
from app.present.cells import json_number, safe_cell
from pricing.catalog import HOURS_PER_MONTH, Catalog


def catalog_dict(catalog: Catalog) -> dict[str, Any]:
    return {
        "version": catalog.version,
        "as_of": catalog.as_of.isoformat(),
        "hours_per_month": json_number(HOURS_PER_MONTH),
        "providers": [provider_dict(catalog, k, p) for k, p in catalog.providers.items()],
        "plans": [
            {
                "key": k,
                "label": plan.label,
                "annual": json_number(plan.annual),
                "monthly": json_number(plan.monthly) if plan.monthly is not None else None,
                **sourced(plan),
            }
            for k, plan in catalog.plans.items()
        ],
        "versions": versions_dict(catalog),
        "system_pods": system_pods_list(catalog),
        # The people-time coefficients (pricing/data/labour.json): each driver's hours per
        # unit as low, likely and high, with its source, date and confidence.
        "labour": plain(catalog.labour.model_dump()),
    }


def catalog_rows(catalog: Catalog) -> list[list[str]]:
    """The header, then one CSV row per sourced entry: each price in its provider's currency
    (Docker's plans in USD), then the versions, policies and system pods (no currency)."""
    rows: list[list[object]] = [list(CSV_COLUMNS), *priced_rows(catalog), *kubernetes_rows(catalog)]
    return [[safe_cell(cell) for cell in row] for row in rows]
