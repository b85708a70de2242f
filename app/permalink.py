"""Permalinks: the query string that carries only what differs from the defaults."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from app.form import CLOUD_KEYS, form_text
from pricing.catalog import Catalog
from pricing.scenario import DEFAULT_SCENARIO, Scenario


def permalink_fields(scenario: Scenario, catalog: Catalog) -> dict[str, str]:
    """Fields of ``scenario`` that differ from the defaults; a provider's own default region,
    machine types and tiers count as defaults too."""
    provider = catalog.providers.get(scenario.provider)
    own_defaults: dict[str, Any] = provider.defaults.model_dump() if provider else {}
    changed = {}
    for name, value in scenario.model_dump().items():
        if name in CLOUD_KEYS and value == own_defaults.get(name):
            continue
        if value != getattr(DEFAULT_SCENARIO, name):
            changed[name] = form_text(value)
    return changed


def permalink_query(scenario: Scenario, catalog: Catalog) -> str:
    return urlencode(permalink_fields(scenario, catalog))
