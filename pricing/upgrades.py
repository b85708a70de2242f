"""The people time of Kubernetes upgrades, in one place.

An upgrade of one minor version costs the team ``hours_per_upgrade`` for each cluster it
upgrades, at the scenario's DevOps rate. The hours come from the catalog
(``versions.upgrade_hours``: a sourced judgement, 4 / 16 / 240 hours, likely 16) until a
labour model supplies its own: pass them in as ``hours_per_upgrade``.
"""

from __future__ import annotations

from decimal import Decimal

from pricing import lines
from pricing.catalog import Catalog
from pricing.lines import LineItem
from pricing.scenario import Scenario


def hours_per_upgrade(catalog: Catalog) -> Decimal:
    """The hours one minor upgrade of one cluster takes: the catalog's likely figure."""
    return catalog.versions.upgrade_hours.likely


def upgrade_line(
    scenario: Scenario, *, hours_per_upgrade: Decimal, clusters: int, what: str
) -> LineItem:
    """The month's people line for upgrading ``clusters`` clusters (``what`` says which
    versions)."""
    each = f"{hours_per_upgrade.normalize():f} h"
    label = f"Kubernetes upgrade, {what}: {each}" + (
        f" × {clusters} clusters" if clusters > 1 else ""
    )
    return lines.people(scenario, hours=hours_per_upgrade * clusters, label=label)
