"""Permalinks: the query string that carries only what differs from the defaults."""

from __future__ import annotations

from urllib.parse import urlencode

from app.form import form_text
from pricing.catalog import Catalog
from pricing.resolve import provider_defaults
from pricing.scenario import DEFAULT_SCENARIO, Scenario
from pricing.versions import catalog_month


def permalink_fields(scenario: Scenario, catalog: Catalog) -> dict[str, str]:
    """Fields of ``scenario`` that differ from the defaults; a provider's own default region,
    machine types and tiers, and the catalog's month, count as defaults too."""
    provider = catalog.providers.get(scenario.provider)
    own_defaults = provider_defaults(provider) if provider else {}
    own_defaults["start_month"] = catalog_month(catalog.versions)
    changed = {}
    for name, value in scenario.model_dump().items():
        if name in own_defaults and value == own_defaults[name]:
            continue
        if value != getattr(DEFAULT_SCENARIO, name):
            changed[name] = form_text(value)
    return changed


def permalink_query(scenario: Scenario, catalog: Catalog) -> str:
    return urlencode(permalink_fields(scenario, catalog))
