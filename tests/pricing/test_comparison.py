"""The comparison: both bills side by side, the difference, the timeline and break-even."""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError, Scenario, estimate
from pricing.bill import bill_infrastructure
from pricing.comparison import break_even_month, compare, difference, timeline
from pricing.presets import build_scenario
from pricing.resolve import resolve
from tests.pricing.support import D, run

# The article's people hours, entered outright: the hours these cases were built on.
HOURS = {
    "docker_devops_hours": "5",
    "k8s_rampup_hours": "40",
    "k8s_rampup_months": "6",
    "k8s_steady_hours": "15",
}


def test_timeline_ramps_up_month_by_month(catalog: Catalog) -> None:
    result = run(catalog, "article")
    k8s_months = [
        b.kubernetes - a.kubernetes
        for a, b in zip(result.timeline, result.timeline[1:], strict=False)
    ]
    # month 1 is 4283; months 2-6 add 4283 each; months 7-12 add 1883 each
    assert result.timeline[0].kubernetes == D("4283.00")
    assert k8s_months == [D("4283.00")] * 5 + [D("1883.00")] * 6
    assert result.timeline[-1].month == 12
    assert result.timeline[-1].kubernetes == result.kubernetes.horizon_total == D("36996.00")
    assert result.timeline[-1].docker == result.docker.horizon_total == D("8760.00")


def test_the_timeline_property_is_the_timeline_function(catalog: Catalog) -> None:
    result = run(catalog, "article", horizon_months=18)
    assert result.timeline == timeline(result.months)
    assert [p.month for p in result.timeline] == list(range(1, 19))


def test_difference_and_ratio(catalog: Catalog) -> None:
    result = run(catalog, "article")
    assert result.difference.monthly == D("1153.00")
    assert result.difference.first_month == D("3553.00")
    assert result.difference.horizon == D("28236.00")
    assert result.difference.ratio == D("2.58")
    assert result.difference.cheaper == "docker"


def test_a_setup_against_itself_is_equal(catalog: Catalog) -> None:
    result = run(catalog, "article")
    same = difference(result.kubernetes, result.kubernetes)
    assert (same.monthly, same.first_month, same.horizon) == (D("0.00"),) * 3
    assert (same.ratio, same.cheaper, same.break_even_month) == (D("1.00"), "equal", None)


def test_no_ratio_when_docker_costs_nothing(catalog: Catalog) -> None:
    result = run(
        catalog,
        docker_hourly_price="0",
        docker_disk_gb=0,
        docker_seats=0,
        docker_devops_hours="0",
    )
    assert result.docker.monthly_total == D("0.00")
    assert result.difference.ratio is None
    assert result.difference.cheaper == "docker"


def test_break_even_month(catalog: Catalog) -> None:
    # eight big Docker hosts against three nodes: Kubernetes costs more while it ramps up,
    # then less each month, and the cumulative lines cross
    result = run(catalog, docker_hosts=8, horizon_months=36, **HOURS)
    month = result.difference.break_even_month
    assert month is not None
    before, at = result.timeline[month - 2], result.timeline[month - 1]
    assert before.kubernetes > before.docker
    assert at.kubernetes <= at.docker
    assert month == break_even_month(result.months)


def test_no_break_even_when_the_lines_never_cross(catalog: Catalog) -> None:
    assert run(catalog, "article").difference.break_even_month is None


def test_no_break_even_past_the_horizon(catalog: Catalog) -> None:
    month = run(catalog, docker_hosts=8, horizon_months=36, **HOURS).difference.break_even_month
    assert month is not None
    earlier = run(catalog, docker_hosts=8, horizon_months=month - 1, **HOURS)
    assert earlier.difference.break_even_month is None


def test_estimate_is_resolve_bill_compare(catalog: Catalog) -> None:
    scenario = build_scenario({}, "platform")
    resolved = resolve(scenario, catalog)
    result = compare(resolved, bill_infrastructure(resolved), catalog)
    assert estimate(scenario, catalog) == result
    assert result.resolved == resolved
    assert result.scenario == resolved.scenario
    assert result.catalog_version == catalog.version
    assert catalog.as_of <= result.as_of
    assert result.currency == "USD"


def test_estimate_names_every_problem(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        estimate(Scenario(region="mars-1", disk="nope"), catalog)
    assert {p.field for p in caught.value.problems} == {"region", "disk"}


def test_a_comparison_carries_no_advice(catalog: Catalog) -> None:
    result = run(catalog)
    assert not hasattr(result, "advice")
