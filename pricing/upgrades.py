"""The people time of Kubernetes upgrades, in one place.

An upgrade of one minor version costs the team the labour model's upgrade hours
(``k8s_upgrade_hours``, or the labour table's 4 / 16 / 80, likely 16: the term
``PeopleTime.upgrade``) for each cluster it upgrades, at the scenario's DevOps rate. When an
upgrade falls is the version calendar's (``pricing.versions``, ``upgrade_policy``).
"""

from __future__ import annotations

from decimal import Decimal

from pricing import lines
from pricing.labour import Term, term
from pricing.lines import LineItem
from pricing.scenario import Scenario


def upgrade_line(scenario: Scenario, *, upgrade: Term, clusters: int, what: str) -> LineItem:
    """The month's people line for upgrading ``clusters`` clusters (``what`` says which
    versions), at the likely hours of ``upgrade``, with their source when the table's."""
    each = f"{upgrade.each.likely.normalize():f} h"
    label = f"Kubernetes upgrade, {what}: {each}" + (
        f" × {clusters} clusters" if clusters > 1 else ""
    )
    made = term(
        upgrade.field, upgrade.name, label, Decimal(clusters), upgrade.each, upgrade.coefficient
    )
    [line] = lines.efforts((made,), lines.hourly_rate(scenario))
    return line
