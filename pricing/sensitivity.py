"""Sensitivity: which single input would have to change, and by how much, to flip which setup
is cheaper over the horizon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from pricing.comparison import Cheaper, Comparison
from pricing.money import CENT
from pricing.ranges import Range, point
from pricing.scenario import InputError, Scenario

# How a variant scenario is priced (the Engine passes its own, which remembers bills).
Estimator = Callable[[Scenario], Comparison]


@dataclass(frozen=True, slots=True)
class Flip:
    """Set ``field`` from ``current`` to ``needed`` and the other setup becomes the cheaper."""

    field: str
    label: str
    current: str
    needed: str
    change: str


def _try(estimate: Estimator, base: Scenario, **update: Any) -> Comparison | None:
    try:
        return estimate(base.model_copy(update=update))
    except InputError:
        return None


def _current(base: Comparison, field: str) -> Decimal | None:
    """The value of a linear input: a number, a single-figure range, or (for the steady
    Kubernetes hours the drivers estimate) their likely sum; None for a range."""
    value: Decimal | Range | None = getattr(base.scenario, field)
    if isinstance(value, Range):
        return value.likely if value.is_point else None
    if value is None and field == "k8s_steady_hours" and base.people is not None:
        return sum((term.likely for term in base.people.kubernetes.steady), Decimal(0))
    return value


def _other(cheaper: Cheaper) -> Cheaper:
    return "docker" if cheaper == "kubernetes" else "kubernetes"


def _linear(
    base: Comparison, estimate: Estimator, field: str, label: str, high: Decimal
) -> Flip | None:
    """Inputs the horizon difference is linear in: solve, then check on the rounded value."""
    scenario, current = base.scenario, _current(base, field)
    if current is None:
        return None
    as_input = point if isinstance(getattr(scenario, field), Range | None) else Decimal
    moved = _try(estimate, scenario, **{field: as_input(current + 1)})
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
    check = _try(estimate, scenario, **{field: as_input(needed)})
    if check is None or check.difference.cheaper != _other(base.difference.cheaper):
        return None
    change = f"{(needed - current) / current * 100:+.0f}%" if current else f"{needed - current:+}"
    return Flip(field, label, f"{current.normalize():f}", f"{needed}", change)


def _nodes(base: Comparison, estimate: Estimator) -> Flip | None:
    """The node count nearest the current one at which the other setup becomes cheaper."""
    scenario, now = base.scenario, base.scenario.k8s_nodes
    cheaper = base.difference.cheaper
    step = 1 if cheaper == "kubernetes" else -1
    limit = 1000 if step > 0 else 1

    def flips(n: int) -> bool:
        moved = _try(estimate, scenario, k8s_nodes=n, k8s_nodes_min=None, k8s_nodes_max=None)
        return moved is not None and moved.difference.cheaper == _other(cheaper)

    if not flips(limit):
        return None
    near, far = now, limit  # flips(far) is True, flips(near) is False
    while abs(far - near) > 1:
        mid = (near + far) // 2
        near, far = (near, mid) if flips(mid) else (mid, far)
    return Flip("k8s_nodes", "Kubernetes worker nodes", str(now), str(far), f"{far - now:+}")


def _node_type(base: Comparison, estimate: Estimator) -> Flip | None:
    """The worker-node type, priced nearest the current one, that flips the result."""
    scenario, matches = base.resolved
    now = matches.k8s_machine.price.hourly
    offered = matches.region.instances.items()
    for key, price in sorted(offered, key=lambda item: abs(item[1].hourly - now)):
        moved = _try(estimate, scenario, k8s_instance_type=key)
        if moved is not None and moved.difference.cheaper == _other(base.difference.cheaper):
            change = f"{(price.hourly - now) / now * 100:+.0f}% per hour"
            current = scenario.k8s_instance_type or ""
            return Flip("k8s_instance_type", "Kubernetes node type", current, key, change)
    return None


def sensitivity(base: Comparison, estimate: Estimator) -> tuple[Flip, ...]:
    """For each input below, the value at which the cheaper setup changes; ``estimate``
    prices the variants."""
    if base.difference.cheaper in ("equal", "neither"):
        return ()
    finders: list[Callable[[], Flip | None]] = [
        lambda: _linear(
            base, estimate, "devops_hourly_rate", "DevOps hourly rate", Decimal(10_000)
        ),
        lambda: _linear(
            base, estimate, "k8s_steady_hours", "Kubernetes steady DevOps hours", Decimal(744)
        ),
        lambda: _nodes(base, estimate),
        lambda: _node_type(base, estimate),
    ]
    return tuple(flip for find in finders if (flip := find()) is not None)
