"""Sensitivity: which single input would have to change, and by how much, to flip which setup
is cheaper over the horizon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from pricing.catalog import Catalog
from pricing.cost_model import Comparison, estimate
from pricing.money import CENT
from pricing.scenario import Scenario, ScenarioError


@dataclass(frozen=True, slots=True)
class Flip:
    """Set ``field`` from ``current`` to ``needed`` and the other setup becomes the cheaper."""

    field: str
    label: str
    current: str
    needed: str
    change: str


def _try(base: Scenario, catalog: Catalog, **update: Any) -> Comparison | None:
    try:
        return estimate(base.model_copy(update=update), catalog)
    except ScenarioError:
        return None


def _linear(
    base: Comparison, catalog: Catalog, field: str, label: str, high: Decimal
) -> Flip | None:
    """Inputs the horizon difference is linear in: solve, then check on the rounded value."""
    s, current = base.scenario, getattr(base.scenario, field)
    moved = _try(s, catalog, **{field: current + 1})
    if moved is None:
        return None
    slope = moved.difference.horizon - base.difference.horizon
    if slope == 0:
        return None
    exact = current - base.difference.horizon / slope
    rounding = ROUND_CEILING if (exact > current) else ROUND_FLOOR
    needed = exact.quantize(CENT, rounding=rounding)
    if not (0 <= needed <= high):
        return None
    check = _try(s, catalog, **{field: needed})
    if check is None or check.difference.cheaper == base.difference.cheaper:
        return None
    change = f"{(needed - current) / current * 100:+.0f}%" if current else f"{needed - current:+}"
    return Flip(field, label, f"{current}", f"{needed}", change)


def _nodes(base: Comparison, catalog: Catalog) -> Flip | None:
    """The node count nearest the current one at which the other setup becomes cheaper."""
    s, now = base.scenario, base.scenario.k8s_nodes
    cheaper = base.difference.cheaper
    step = 1 if cheaper == "kubernetes" else -1
    limit = 1000 if step > 0 else 1

    def flips(n: int) -> bool:
        c = _try(s, catalog, k8s_nodes=n, k8s_nodes_min=None, k8s_nodes_max=None)
        return c is not None and c.difference.cheaper != cheaper

    if not flips(limit):
        return None
    near, far = now, limit  # flips(far) is True, flips(near) is False
    while abs(far - near) > 1:
        mid = (near + far) // 2
        near, far = (near, mid) if flips(mid) else (mid, far)
    return Flip("k8s_nodes", "Kubernetes worker nodes", str(now), str(far), f"{far - now:+}")


def _node_type(base: Comparison, catalog: Catalog) -> Flip | None:
    """The worker-node type, priced nearest the current one, that flips the result."""
    s = base.scenario
    region = catalog.providers[s.provider].regions[s.region or ""]
    now = region.instances[s.k8s_instance_type or ""].hourly
    candidates = sorted(region.instances.items(), key=lambda kv: abs(kv[1].hourly - now))
    for key, price in candidates:
        c = _try(s, catalog, k8s_instance_type=key)
        if c is not None and c.difference.cheaper != base.difference.cheaper:
            change = f"{(price.hourly - now) / now * 100:+.0f}% per hour"
            return Flip(
                "k8s_instance_type", "Kubernetes node type", s.k8s_instance_type or "", key, change
            )
    return None


def sensitivity(base: Comparison, catalog: Catalog) -> tuple[Flip, ...]:
    """For each input the issue names, the value at which the cheaper setup changes."""
    if base.difference.cheaper == "equal":
        return ()
    finders: list[Callable[[], Flip | None]] = [
        lambda: _linear(base, catalog, "devops_hourly_rate", "DevOps hourly rate", Decimal(10_000)),
        lambda: _linear(
            base, catalog, "k8s_steady_hours", "Kubernetes steady DevOps hours", Decimal(744)
        ),
        lambda: _nodes(base, catalog),
        lambda: _node_type(base, catalog),
    ]
    return tuple(flip for find in finders if (flip := find()) is not None)
