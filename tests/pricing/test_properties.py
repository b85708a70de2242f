"""Properties that hold for every scenario, checked over generated ones."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pricing import Catalog
from pricing.comparison import TimelinePoint
from pricing.ranges import Range
from tests.pricing.support import checks, price, scenarios

GROWING = [
    ("k8s_nodes", "kubernetes", 1),
    ("docker_hosts", "docker", 1),
    ("docker_seats", "docker", 1),
    ("k8s_seats", "kubernetes", 1),
    ("k8s_load_balancers", "kubernetes", 1),
    ("docker_load_balancers", "docker", 1),
    ("hours_per_month", "kubernetes", 0),
    ("k8s_steady_hours", "kubernetes", 1),
    ("docker_devops_hours", "docker", 1),
]
TOTALS = (
    "infrastructure_monthly",
    "people_monthly",
    "monthly_total",
    "first_month_total",
    "horizon_total",
)


@checks
@given(values=scenarios)
def test_totals_are_the_sum_of_line_items(catalog: Catalog, values: dict[str, Any]) -> None:
    result = price(catalog, values)
    for cost in (result.docker, result.kubernetes):
        assert cost.monthly_total == sum(i.monthly for i in cost.line_items)
        assert cost.infrastructure_monthly + cost.people_monthly == cost.monthly_total


@checks
@given(values=scenarios)
def test_no_cost_is_negative(catalog: Catalog, values: dict[str, Any]) -> None:
    result = price(catalog, values)
    for cost in (result.docker, result.kubernetes):
        assert all(i.monthly >= 0 for i in cost.line_items if i.category != "credit")
        assert all(getattr(cost, name) >= 0 for name in TOTALS)
    assert all(p.docker >= 0 and p.kubernetes >= 0 for p in result.timeline)


@checks
@given(values=scenarios, which=st.sampled_from(GROWING))
def test_more_of_anything_never_lowers_a_total(
    catalog: Catalog, values: dict[str, Any], which: tuple[str, str, int]
) -> None:
    field, setup, _ = which
    before = price(catalog, values)
    current = getattr(before.scenario, field)
    if isinstance(current, Range):  # hours entered: one figure or a range
        current = current.likely
    elif current is None and before.people is not None:  # hours the drivers estimate
        current = sum((term.likely for term in getattr(before.people, setup).steady), Decimal(0))
    if field == "hours_per_month" and current >= 744:
        return
    grown = price(catalog, {**values, field: str(current + 1)})
    for name in TOTALS:
        assert getattr(getattr(grown, setup), name) >= getattr(getattr(before, setup), name)


@checks
@given(values=scenarios)
def test_same_scenario_same_result(catalog: Catalog, values: dict[str, Any]) -> None:
    assert price(catalog, values) == price(catalog, dict(values))


@checks
@given(values=scenarios)
def test_timeline_ends_at_the_horizon_totals(catalog: Catalog, values: dict[str, Any]) -> None:
    result = price(catalog, values)
    last = result.timeline[-1]
    assert last.month == result.scenario.horizon_months
    assert (last.docker, last.kubernetes) == (
        result.docker.horizon_total,
        result.kubernetes.horizon_total,
    )
    assert all(isinstance(p.kubernetes, Decimal) for p in result.timeline)


@checks
@given(
    values=scenarios,
    field=st.sampled_from(["discount_percent", "k8s_commitment_percent"]),
    percent=st.decimals(0, 99, places=1),
)
def test_discounts_never_raise_a_cost(
    catalog: Catalog, values: dict[str, Any], field: str, percent: Decimal
) -> None:
    base = {**values, "k8s_pricing": "1-year", "k8s_commitment_percent": "0", field: "0"}
    before = price(catalog, base)
    after = price(catalog, {**base, field: str(percent)})
    for setup in ("docker", "kubernetes"):
        for name in TOTALS:
            assert getattr(getattr(after, setup), name) <= getattr(getattr(before, setup), name)


@checks
@given(values=scenarios, hours=st.integers(1, 743))
def test_more_vm_hours_never_lower_a_cost(
    catalog: Catalog, values: dict[str, Any], hours: int
) -> None:
    fewer = price(catalog, {**values, "vm_hours_per_month": str(hours)})
    more = price(catalog, {**values, "vm_hours_per_month": str(hours + 1)})
    for setup in ("docker", "kubernetes"):
        assert getattr(more, setup).monthly_total >= getattr(fewer, setup).monthly_total


@checks
@given(values=scenarios, low=st.integers(1, 10), extra=st.integers(0, 10), more=st.integers(0, 10))
def test_average_nodes_cost_lies_between_min_and_max(
    catalog: Catalog, values: dict[str, Any], low: int, extra: int, more: int
) -> None:
    bounds = {"k8s_nodes_min": low, "k8s_nodes": low + extra, "k8s_nodes_max": low + extra + more}
    result = price(catalog, {**values, **bounds})
    assert result.kubernetes.monthly_range is not None
    cheapest, dearest = result.kubernetes.monthly_range
    assert cheapest <= result.kubernetes.monthly_total <= dearest


def _lead(point: TimelinePoint) -> int:
    return (point.kubernetes > point.docker) - (point.kubernetes < point.docker)


@checks
@given(values=scenarios, hosts=st.integers(1, 12))
def test_break_even_is_where_the_cumulative_lines_cross(
    catalog: Catalog, values: dict[str, Any], hosts: int
) -> None:
    result = price(catalog, {**values, "docker_hosts": hosts})
    timeline = result.timeline
    first = _lead(timeline[0])
    crossed = next((p.month for p in timeline[1:] if first and _lead(p) != first), None)
    assert result.difference.break_even_month == crossed
