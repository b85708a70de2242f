"""Helpers shared by the pricing tests (not a test module): pricing a scenario, picking a
line item, and the Hypothesis strategies for generated scenarios."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pricing import Catalog, Comparison, Engine, Estimate, LineItem, estimate, load_catalog
from pricing.input_types import RANGE_LIMITS
from pricing.presets import build_scenario

# The hours a month a user may enter outright, in place of the drivers' estimate.
DEFAULT_HOURS = ("docker_devops_hours", "k8s_rampup_hours", "k8s_steady_hours")

D = Decimal


def run(catalog: Catalog, preset: str | None = None, **values: object) -> Comparison:
    """Both setups priced for ``values`` over preset ``preset``: the engine's plain path."""
    return estimate(build_scenario(dict(values), preset), catalog)


def advised(catalog: Catalog, preset: str | None = None, **values: object) -> Estimate:
    """The comparison and the advice on it, through an Engine with no memo."""
    return Engine(catalog, None).estimate(build_scenario(dict(values), preset))


def price(catalog: Catalog, values: dict[str, Any]) -> Comparison:
    return estimate(build_scenario(values), catalog)


def sourced(**price: object) -> dict[str, str]:
    """A catalog entry's fields with a source and a read date, for override files."""
    return {"source": "https://example.com/our-price", "as_of": "2026-11-01", "confidence": "A"} | {
        k: str(v) for k, v in price.items()
    }


def catalog_with(tmp_path: Path, override: dict[str, Any]) -> Catalog:
    """The bundled catalog with ``override`` merged over it, as an operator's file would be."""
    path = tmp_path / "override.json"
    path.write_text(json.dumps(override))
    return load_catalog(path)


def item(result: Comparison, setup: str, category: str, contains: str = "") -> LineItem:
    """The one line of ``setup``'s bill in ``category`` whose label has ``contains``."""
    items: list[LineItem] = [
        i
        for i in getattr(result, setup).line_items
        if i.category == category and contains in i.label
    ]
    assert len(items) == 1, items
    return items[0]


checks = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

amounts = st.decimals(min_value=0, max_value=500, places=2).map(str)
# A people-time range as typed: low/likely/high in order (or empty: the labour table's).
ranges = st.one_of(
    st.none(),
    st.lists(st.decimals(min_value=0, max_value=24, places=2), min_size=3, max_size=3).map(
        lambda values: "/".join(str(value) for value in sorted(values))
    ),
)
COEFFICIENT_FIELDS = tuple(f for f in RANGE_LIMITS if f not in DEFAULT_HOURS)
# People and time: the fields a scenario's engineering cost and horizon come from.
people_and_time = {
    "devops_hourly_rate": amounts,
    "docker_devops_hours": amounts,
    "k8s_rampup_hours": amounts,
    "k8s_steady_hours": amounts,
    "k8s_rampup_months": st.integers(0, 24),
    "horizon_months": st.integers(1, 60),
}
# The labour table's coefficients, overridden or not (k8s_rampup_months is in people_and_time).
coefficients = {field: ranges for field in COEFFICIENT_FIELDS if field != "k8s_rampup_months"}
scenarios = st.fixed_dictionaries(
    {},
    optional={
        "docker_hosts": st.integers(1, 20),
        "k8s_nodes": st.integers(1, 50),
        "docker_seats": st.integers(0, 200),
        "k8s_seats": st.integers(0, 200),
        "docker_load_balancers": st.integers(0, 5),
        "k8s_load_balancers": st.integers(0, 5),
        "k8s_lb_usage": amounts,
        "docker_disk_gb": st.integers(0, 2000),
        "k8s_disk_gb": st.integers(0, 2000),
        "hours_per_month": st.integers(1, 744),
        **people_and_time,
        "discount_percent": st.decimals(0, 99, places=1).map(str),
        "control_plane": st.sampled_from(["eks-standard", "eks-extended", "self-managed"]),
        "load_balancer": st.sampled_from(["alb", "nlb"]),
        "plan_billing": st.sampled_from(["annual", "monthly"]),
        "docker_plan": st.sampled_from(["personal", "pro", "team"]),
        "workload_vcpu": st.one_of(st.none(), st.decimals("0.1", 64, places=1).map(str)),
        "workload_memory_gib": st.one_of(st.none(), st.decimals("0.1", 256, places=1).map(str)),
    },
)


def _paired(values: dict[str, Any]) -> dict[str, Any]:
    """A request time only with a request count: the two go together."""
    if values["monthly_requests"] is None:
        return {**values, "request_ms": None}
    return values


# Values for every field that is not part of the memo's key (NOT_INFRASTRUCTURE).
others_by_field = st.fixed_dictionaries(
    {
        **people_and_time,
        "services": st.integers(1, 40),
        "servers": st.integers(1, 10),
        "deploy_frequency": st.sampled_from(["weekly", "daily", "several-daily"]),
        "needs_autoscaling": st.booleans(),
        "has_ops_person": st.booleans(),
        "tolerates_downtime": st.booleans(),
        "stateful": st.booleans(),
        "stateful_services": st.none(),
        "odds": st.booleans(),
        **coefficients,
        "workload_pods": st.one_of(st.none(), st.integers(1, 500)),
        "k8s_max_pods": st.integers(1, 250),
        "monthly_requests": st.one_of(st.none(), st.integers(0, 10**9)),
        "request_ms": st.decimals("0.1", 10_000, places=1).map(str),
    }
)
others = others_by_field.map(_paired)
