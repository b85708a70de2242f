"""A setup's bill: its totals are sums of the lines it shows, and its infrastructure part is
shared by every scenario that differs only in people, time, checklist or workload."""

from __future__ import annotations

import pytest

from pricing import Catalog, Scenario
from pricing.bill import (
    INFRASTRUCTURE_FIELDS,
    NOT_INFRASTRUCTURE,
    bill_infrastructure,
    docker_bill,
    kubernetes_bill,
)
from pricing.labour import people_time
from pricing.presets import PRESETS, build_scenario
from pricing.resolve import resolve
from pricing.scenario import FIELD_NAMES
from tests.pricing.support import D, run


@pytest.mark.parametrize("setup", ["docker", "kubernetes"])
def test_totals_are_sums_of_the_rounded_items(catalog: Catalog, setup: str) -> None:
    cost = getattr(run(catalog, "platform"), setup)
    infra = sum(i.monthly for i in cost.line_items if i.category != "people")
    people = sum(i.monthly for i in cost.line_items if i.category == "people")
    assert cost.infrastructure_monthly == infra
    assert cost.people_monthly == people
    assert cost.monthly_total == infra + people


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("setup", ["docker", "kubernetes"])
def test_every_total_is_built_from_the_shown_lines(
    catalog: Catalog, preset: str, setup: str
) -> None:
    result = run(catalog, preset)
    bill = getattr(result, setup)
    shown = bill.line_items
    people = [i for i in shown if i.category == "people"]
    infrastructure = shown[: len(shown) - len(people)]
    assert bill.setup == setup
    assert people and shown[len(infrastructure) :] == tuple(people)  # people lines come last
    assert bill.infrastructure_monthly == sum(i.monthly for i in infrastructure)
    assert bill.people_monthly == sum(i.monthly for i in people)
    assert bill.monthly_total == sum(i.monthly for i in shown)
    first = sum(i.monthly for i in bill.rampup_items) if bill.rampup_items else bill.people_monthly
    assert bill.people_first_month == first
    assert bill.first_month_total == bill.infrastructure_monthly + bill.people_first_month
    scenario = result.scenario
    ramp = min(bill.rampup_months, scenario.horizon_months)
    assert bill.horizon_total == (
        bill.monthly_total * (scenario.horizon_months - ramp) + bill.first_month_total * ramp
    )
    for total in (bill.infrastructure_monthly, bill.monthly_total, bill.horizon_total):
        assert total.as_tuple().exponent == -2


def test_the_article_horizon_by_hand(catalog: Catalog) -> None:
    k8s = run(catalog, "article").kubernetes
    # 6 ramp-up months at $4,283 and 6 steady months at $1,883 = $36,996
    assert (k8s.month_cost(1), k8s.month_cost(6), k8s.month_cost(7)) == (
        D("4283.00"),
        D("4283.00"),
        D("1883.00"),
    )
    assert k8s.horizon_total == D("36996.00")


def test_rampup_longer_than_horizon_counts_only_horizon_months(catalog: Catalog) -> None:
    result = run(catalog, "article", horizon_months=3, k8s_rampup_months=12)
    assert result.kubernetes.horizon_total == D("4283.00") * 3


def test_no_rampup_means_steady_from_month_one(catalog: Catalog) -> None:
    result = run(catalog, "article", k8s_rampup_months=0)
    assert result.kubernetes.first_month_total == result.kubernetes.monthly_total
    assert [i.label for i in result.kubernetes.line_items if i.category == "people"] == [
        "DevOps engineering, steady state"
    ]


def test_autoscaling_range(catalog: Catalog) -> None:
    low = run(catalog, k8s_nodes=2).kubernetes.monthly_total
    high = run(catalog, k8s_nodes=6).kubernetes.monthly_total
    result = run(catalog, k8s_nodes=3, k8s_nodes_min=2, k8s_nodes_max=6)
    assert result.kubernetes.monthly_range == (low, high)
    assert low <= result.kubernetes.monthly_total <= high
    assert result.docker.monthly_range is None
    assert run(catalog).kubernetes.monthly_range is None


def test_one_bound_leaves_the_other_at_the_average(catalog: Catalog) -> None:
    average = run(catalog, k8s_nodes=3).kubernetes.monthly_total
    high = run(catalog, k8s_nodes=5).kubernetes.monthly_total
    assert run(catalog, k8s_nodes=3, k8s_nodes_max=5).kubernetes.monthly_range == (average, high)


def test_the_infrastructure_fields_are_every_field_but_the_others() -> None:
    assert set(INFRASTRUCTURE_FIELDS) | NOT_INFRASTRUCTURE == set(FIELD_NAMES)
    assert not set(INFRASTRUCTURE_FIELDS) & NOT_INFRASTRUCTURE


def test_the_infrastructure_bill_is_the_bills_lines_before_people(catalog: Catalog) -> None:
    resolved = resolve(build_scenario({}, "platform"), catalog)
    infrastructure = bill_infrastructure(resolved)
    people = people_time(resolved.scenario, catalog.labour)
    docker = docker_bill(resolved.scenario, infrastructure, people.docker)
    kubernetes = kubernetes_bill(resolved.scenario, infrastructure, people.kubernetes)
    infrastructure_lines = (
        (docker.line_items, people.docker.steady, infrastructure.docker_lines),
        (kubernetes.line_items, people.kubernetes.steady, infrastructure.kubernetes_lines),
    )
    for shown, terms, before_people in infrastructure_lines:
        assert shown[: -len(terms)] == before_people
    assert docker.infrastructure_monthly == infrastructure.docker_monthly
    assert kubernetes.infrastructure_monthly == infrastructure.kubernetes_monthly
    assert infrastructure.matches == resolved.matches
    dates = [i.as_of for i in (*docker.line_items, *kubernetes.line_items) if i.as_of]
    assert infrastructure.as_of == min(dates)


def test_scenarios_differing_only_in_people_share_one_infrastructure_bill(
    catalog: Catalog,
) -> None:
    first = resolve(build_scenario({}, "article"), catalog)
    second = resolve(
        build_scenario(
            {
                "devops_hourly_rate": "150",
                "k8s_rampup_months": 2,
                "horizon_months": 24,
                "services": 12,
                "workload_vcpu": "6",
                "k8s_max_pods": 50,
            },
            "article",
        ),
        catalog,
    )
    shared = bill_infrastructure(first)
    assert bill_infrastructure(second) == shared
    # the second's bills from the first's infrastructure are the second's own
    own = bill_infrastructure(second)
    people = people_time(second.scenario, catalog.labour)
    assert docker_bill(second.scenario, shared, people.docker) == docker_bill(
        second.scenario, own, people.docker
    )
    assert kubernetes_bill(second.scenario, shared, people.kubernetes) == kubernetes_bill(
        second.scenario, own, people.kubernetes
    )
    # and only its people lines differ from the first's
    k8s = kubernetes_bill(second.scenario, shared, people.kubernetes)
    assert k8s.infrastructure_monthly == D("443.00")
    # ramp-up 40 h x $150 = $6,000; steady 15 h x $150 = $2,250
    assert (k8s.people_first_month, k8s.people_monthly) == (D("6000.00"), D("2250.00"))
    # 2 ramp-up months at $6,443 and 22 steady months at $2,693
    assert k8s.horizon_total == D("6443.00") * 2 + D("2693.00") * 22


def test_a_change_to_an_infrastructure_field_changes_the_bill(catalog: Catalog) -> None:
    base = bill_infrastructure(resolve(Scenario(), catalog))
    more = bill_infrastructure(resolve(Scenario(k8s_nodes=4), catalog))
    assert more.kubernetes_monthly > base.kubernetes_monthly
    assert more.docker_lines == base.docker_lines
