"""Each cost formula against a hand-computed figure, and the article preset to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing import Catalog, Comparison, LineItem, estimate
from pricing.presets import scenario_from

D = Decimal


def run(catalog: Catalog, preset: str | None = None, **values: object) -> Comparison:
    return estimate(scenario_from(dict(values), preset), catalog)


def item(result: Comparison, setup: str, category: str, contains: str = "") -> LineItem:
    items = [
        i
        for i in getattr(result, setup).line_items
        if i.category == category and contains in i.label
    ]
    assert len(items) == 1, items
    return items[0]


def test_eks_control_plane_is_730_hours_at_ten_cents(catalog: Catalog) -> None:
    cp = item(run(catalog, control_plane="eks-standard"), "kubernetes", "control plane")
    assert (cp.quantity, cp.unit_price, cp.monthly) == (D(730), D("0.1"), D("73.00"))


def test_eks_extended_support_is_438_a_month(catalog: Catalog) -> None:
    cp = item(run(catalog, control_plane="eks-extended"), "kubernetes", "control plane")
    assert cp.monthly == D("438.00")


def test_alb_hourly_and_lcu_charges(catalog: Catalog) -> None:
    # 2 ALBs x 730 h x $0.0225 = $32.85; 2 x 730 h x 1.5 LCU x $0.008 = $17.52
    result = run(catalog, load_balancer="alb", k8s_load_balancers=2, k8s_lb_usage="1.5")
    hourly = item(result, "kubernetes", "load balancer", "× 2")
    usage = item(result, "kubernetes", "load balancer", "usage")
    assert hourly.monthly == D("32.85")
    assert (usage.quantity, usage.unit, usage.monthly) == (D("2190.0"), "LCU-hour", D("17.52"))


def test_vm_hours_times_hourly_price(catalog: Catalog) -> None:
    # m6i.xlarge us-east-1 $0.192/h x 730 h x 3 nodes = $420.48
    result = run(catalog, region="us-east-1", k8s_instance_type="m6i.xlarge", k8s_nodes=3)
    compute = item(result, "kubernetes", "compute")
    assert (compute.quantity, compute.unit_price, compute.monthly) == (
        D(2190),
        D("0.192"),
        D("420.48"),
    )


def test_discount_applies_to_list_prices_not_to_your_own(catalog: Catalog) -> None:
    result = run(
        catalog, discount_percent="10", k8s_instance_type="m6i.xlarge", docker_hourly_price="0.5"
    )
    # 0.192 x 0.9 = 0.1728/h x 2190 h = $378.43; the entered $0.50/h x 730 h stays $365.00
    assert item(result, "kubernetes", "compute").monthly == D("378.43")
    assert item(result, "docker", "compute").monthly == D("365.00")
    assert item(result, "kubernetes", "control plane").monthly == D("65.70")


def test_storage_is_gb_times_price_per_gb_month(catalog: Catalog) -> None:
    # gp3 $0.08/GB-month: 3 nodes x 50 GB = 150 GB = $12.00
    result = run(catalog, disk="gp3", k8s_nodes=3, k8s_disk_gb=50)
    assert item(result, "kubernetes", "storage").monthly == D("12.00")


def test_seats_use_the_plan_and_billing(catalog: Catalog) -> None:
    annual = run(catalog, docker_plan="team", docker_seats=10)
    monthly = run(catalog, docker_plan="team", docker_seats=10, plan_billing="monthly")
    assert item(annual, "docker", "subscription").monthly == D("150.00")
    assert item(monthly, "docker", "subscription").monthly == D("160.00")


def test_devops_hours_times_rate(catalog: Catalog) -> None:
    result = run(catalog, devops_hourly_rate="96", docker_devops_hours="5")
    assert item(result, "docker", "people").monthly == D("480.00")


def test_article_preset_to_the_cent(catalog: Catalog) -> None:
    result = run(catalog, "article")
    assert result.docker.infrastructure_monthly == D("250.00")
    assert result.kubernetes.infrastructure_monthly == D("443.00")
    assert item(result, "docker", "compute").monthly == D("200.00")
    assert item(result, "docker", "subscription").monthly == D("50.00")
    assert item(result, "kubernetes", "compute").monthly == D("350.00")
    assert item(result, "kubernetes", "control plane").monthly == D("73.00")
    lb = [i.monthly for i in result.kubernetes.line_items if i.category == "load balancer"]
    assert sum(lb) == D("20.00")
    # people: 5 h vs 40 h (first 6 months) then 15 h, at $96
    assert result.docker.people_monthly == D("480.00")
    assert result.kubernetes.people_first_month == D("3840.00")
    assert result.kubernetes.people_monthly == D("1440.00")
    assert result.kubernetes.first_month_total == D("4283.00")
    assert result.kubernetes.monthly_total == D("1883.00")


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


def test_rampup_longer_than_horizon_counts_only_horizon_months(catalog: Catalog) -> None:
    result = run(catalog, "article", horizon_months=3, k8s_rampup_months=12)
    assert result.kubernetes.horizon_total == D("4283.00") * 3


def test_no_rampup_means_steady_from_month_one(catalog: Catalog) -> None:
    result = run(catalog, "article", k8s_rampup_months=0)
    assert result.kubernetes.first_month_total == result.kubernetes.monthly_total


def test_difference_and_ratio(catalog: Catalog) -> None:
    result = run(catalog, "article")
    assert result.difference.monthly == D("1153.00")
    assert result.difference.first_month == D("3553.00")
    assert result.difference.horizon == D("28236.00")
    assert result.difference.ratio == D("2.58")
    assert result.difference.cheaper == "docker"


@pytest.mark.parametrize("setup", ["docker", "kubernetes"])
def test_totals_are_sums_of_the_rounded_items(catalog: Catalog, setup: str) -> None:
    cost = getattr(run(catalog, "platform"), setup)
    infra = sum(i.monthly for i in cost.line_items if i.category != "people")
    people = sum(i.monthly for i in cost.line_items if i.category == "people")
    assert cost.infrastructure_monthly == infra
    assert cost.people_monthly == people
    assert cost.monthly_total == infra + people


def test_every_line_is_quantity_times_unit_price_rounded(catalog: Catalog) -> None:
    for preset in ("article", "startup", "platform", "k3s"):
        result = run(catalog, preset)
        for i in (*result.docker.line_items, *result.kubernetes.line_items):
            assert i.monthly == (i.quantity * i.unit_price).quantize(D("0.01"), "ROUND_HALF_UP")
