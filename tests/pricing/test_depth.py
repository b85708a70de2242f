"""Pricing depth: each formula against a hand-computed figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing import Catalog, Comparison, ScenarioError, estimate, sensitivity
from pricing.capacity import reserved_cpu, reserved_memory_mib
from pricing.presets import scenario_from
from tests.pricing.test_cost_model import item, run

D = Decimal


def test_reserved_memory_for_a_16_gib_node_with_110_pods(catalog: Catalog) -> None:
    # 255 MiB + 11 MiB x 110 pods + 100 MiB eviction threshold = 1,565 MiB
    assert reserved_memory_mib(110) == D(1565)
    # m6i.xlarge: 16 GiB = 16,384 MiB - 1,565 = 14,819 MiB = 14.47 GiB allocatable
    fit = run(catalog, workload_memory_gib="10", k8s_instance_type="m6i.xlarge").fit
    assert fit[1].memory_allocatable_gib == D("14.47")


@pytest.mark.parametrize(
    ("vcpu", "reserved"),
    [(1, "0.06"), (2, "0.07"), (4, "0.08"), (8, "0.09"), (16, "0.11")],
)
def test_reserved_cpu_bands(vcpu: int, reserved: str) -> None:
    # 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% above four
    assert reserved_cpu(vcpu) == D(reserved)


def test_fit_says_when_it_does_not_fit_and_what_would(catalog: Catalog) -> None:
    result = run(catalog, workload_vcpu="20", workload_memory_gib="50", k8s_nodes=3)
    docker, k8s = result.fit
    # Docker m6i.2xlarge: 8 - 0.09 = 7.91 vCPU allocatable; 20 / 7.91 -> 3 hosts
    assert (docker.fits, docker.needed, docker.cpu_allocatable) == (False, 3, D("7.910"))
    # nodes m6i.xlarge: 3.92 vCPU, 14.47 GiB; CPU 20 / 3.92 = 5.1 -> 6 nodes
    assert (k8s.fits, k8s.needed) == (False, 6)
    assert k8s.cpu_utilisation == D("170.1")
    assert any(
        "does not fit the kubernetes setup: it needs 6 nodes" in n for n in result.advice.notes
    )


def test_pods_count_against_max_pods(catalog: Catalog) -> None:
    result = run(catalog, workload_pods=400, k8s_nodes=3, k8s_max_pods=110)
    assert (result.fit[1].fits, result.fit[1].needed) == (False, 4)


def test_business_hours_vms_with_full_month_disk_and_fees(catalog: Catalog) -> None:
    result = run(
        catalog,
        vm_hours_per_month="264",
        k8s_instance_type="m6i.xlarge",
        k8s_nodes=3,
        k8s_disk_gb=50,
    )
    # 3 nodes x 264 h x $0.192 = $152.064 -> $152.06; disk and control plane bill all month
    assert item(result, "kubernetes", "compute").monthly == D("152.06")
    assert item(result, "kubernetes", "storage").monthly == D("12.00")
    assert item(result, "kubernetes", "control plane").monthly == D("73.00")


def test_commitment_percent_shows_list_and_yours(catalog: Catalog) -> None:
    result = run(
        catalog, k8s_pricing="1-year", k8s_commitment_percent="30", k8s_instance_type="m6i.xlarge"
    )
    compute = item(result, "kubernetes", "compute")
    # $0.192 x 0.7 = $0.1344/h x 2,190 h = $294.336 -> $294.34
    assert (compute.unit_price, compute.list_unit_price, compute.monthly) == (
        D("0.1344"),
        D("0.192"),
        D("294.34"),
    )
    assert "1-year at 30% off" in compute.label


def test_no_commitment_rate_is_invented(catalog: Catalog) -> None:
    with pytest.raises(ScenarioError) as caught:
        estimate(scenario_from({"k8s_pricing": "3-year"}), catalog)
    assert [p.field for p in caught.value.problems] == ["k8s_commitment_percent"]
    assert "no sourced 3-year rate" in caught.value.problems[0].message


def test_commitment_percent_needs_a_commitment(catalog: Catalog) -> None:
    with pytest.raises(ScenarioError) as caught:
        estimate(scenario_from({"docker_commitment_percent": "20"}), catalog)
    assert caught.value.problems[0].field == "docker_commitment_percent"


def test_spot_nodes_are_flagged(catalog: Catalog) -> None:
    result = run(catalog, k8s_pricing="spot", k8s_commitment_percent="60")
    assert "can be interrupted" in item(result, "kubernetes", "compute").label
    assert any("Spot nodes" in n for n in result.advice.notes)


def test_autoscaling_range(catalog: Catalog) -> None:
    low = run(catalog, k8s_nodes=2).kubernetes.monthly_total
    high = run(catalog, k8s_nodes=6).kubernetes.monthly_total
    result = run(catalog, k8s_nodes=3, k8s_nodes_min=2, k8s_nodes_max=6)
    assert result.kubernetes.monthly_range == (low, high)
    assert low <= result.kubernetes.monthly_total <= high


def test_autoscaling_bounds_must_hold_the_average(catalog: Catalog) -> None:
    with pytest.raises(ScenarioError) as caught:
        estimate(scenario_from({"k8s_nodes": "3", "k8s_nodes_min": "4"}), catalog)
    assert caught.value.problems[0].field == "k8s_nodes_min"


def test_egress_tiers_on_both_setups(catalog: Catalog) -> None:
    # AWS: first 100 GB free, the next 400 GB at $0.09 = $36.00
    result = run(catalog, egress_gb="500")
    for setup in ("docker", "kubernetes"):
        lines = [i for i in getattr(result, setup).line_items if i.category == "data transfer"]
        assert [i.monthly for i in lines] == [D("0.00"), D("36.00")]


def test_cross_zone_traffic(catalog: Catalog) -> None:
    # AWS: $0.01/GB out of a zone and $0.01/GB into the other = $0.02 x 100 GB = $2.00
    result = run(catalog, cross_zone_gb="100")
    assert item(result, "kubernetes", "data transfer", "zones").monthly == D("2.00")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"provider": "azure", "cross_zone_gb": "10"}, "cross_zone_gb"),
        ({"provider": "azure", "egress_gb": "20000"}, "egress_gb"),
        ({"exchange_rate": "0.9"}, "exchange_rate"),
    ],
)
def test_unsourced_or_inconsistent_inputs_name_their_field(
    catalog: Catalog, values: dict[str, str], field: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        estimate(scenario_from(values), catalog)
    assert [p.field for p in caught.value.problems] == [field]


def test_self_managed_control_plane_vms(catalog: Catalog) -> None:
    result = run(
        catalog,
        control_plane="self-managed",
        k8s_control_nodes=3,
        k8s_control_instance_type="t3.medium",
    )
    # 3 x 730 h x $0.0416 = $91.104 -> $91.10, counted as control plane
    line = item(result, "kubernetes", "control plane", "t3.medium")
    assert line.monthly == D("91.10")


def test_traps_are_flagged(catalog: Catalog) -> None:
    assert any(
        "extended support" in n for n in run(catalog, control_plane="eks-extended").advice.notes
    )
    gke = run(catalog, "startup")
    assert any("one zonal cluster per billing account" in n for n in gke.advice.notes)
    assert item(gke, "kubernetes", "credit").monthly == D("-73.00")
    paid = run(catalog, docker_plan="team", docker_seats=5)
    assert any("250 employees" in n for n in paid.advice.notes)


def test_free_docker_desktop_sets_seats_to_zero(catalog: Catalog) -> None:
    result = run(catalog, docker_desktop_free="true", docker_seats=8)
    seats = item(result, "docker", "subscription")
    assert (seats.monthly, seats.list_unit_price) == (D("0.00"), D("15"))
    assert not any("250 employees" in n for n in result.advice.notes)


def test_display_currency_converts_every_line(catalog: Catalog) -> None:
    usd = run(catalog, "article")
    eur = run(catalog, "article", currency="EUR", exchange_rate="0.92")
    assert eur.currency == "EUR"
    assert eur.docker.infrastructure_monthly == D("230.00")  # 250.00 x 0.92
    assert eur.kubernetes.people_monthly == D("1324.80")  # 1,440.00 x 0.92
    for cost in (eur.docker, eur.kubernetes):
        assert cost.monthly_total == sum(i.monthly for i in cost.line_items)
    assert usd.docker.infrastructure_monthly == D("250.00")
    # the advice speaks the same currency as the numbers
    assert "1,060.76 EUR more per month" in eur.advice.summary  # 1,153.00 x 0.92
    assert "$1,153.00 more per month" in usd.advice.summary


def test_break_even_month(catalog: Catalog) -> None:
    # eight big Docker hosts against three nodes: Kubernetes costs more while it ramps up,
    # then less each month, and the cumulative lines cross
    result = run(catalog, docker_hosts=8, horizon_months=36)
    month = result.difference.break_even_month
    assert month is not None
    before, at = result.timeline[month - 2], result.timeline[month - 1]
    assert before.kubernetes > before.docker
    assert at.kubernetes <= at.docker


def test_no_break_even_when_the_lines_never_cross(catalog: Catalog) -> None:
    assert run(catalog, "article").difference.break_even_month is None


def flips_of(result: Comparison, catalog: Catalog) -> dict[str, str]:
    return {f.field: f.needed for f in sensitivity(result, catalog)}


def test_sensitivity_finds_the_node_count_that_flips(catalog: Catalog) -> None:
    values = {"devops_hourly_rate": "20", "k8s_steady_hours": "5", "k8s_rampup_months": "0"}
    base = estimate(scenario_from(values), catalog)
    needed = int(flips_of(base, catalog)["k8s_nodes"])
    flipped = estimate(scenario_from({**values, "k8s_nodes": str(needed)}), catalog)
    one_less = estimate(scenario_from({**values, "k8s_nodes": str(needed + 1)}), catalog)
    assert flipped.difference.cheaper != base.difference.cheaper
    assert one_less.difference.cheaper == base.difference.cheaper


def test_sensitivity_solves_the_devops_rate(catalog: Catalog) -> None:
    base = estimate(scenario_from({"docker_hosts": "6", "horizon_months": "24"}), catalog)
    rate = Decimal(flips_of(base, catalog)["devops_hourly_rate"])
    flipped = estimate(
        scenario_from(
            {"docker_hosts": "6", "horizon_months": "24", "devops_hourly_rate": str(rate)}
        ),
        catalog,
    )
    assert flipped.difference.cheaper != base.difference.cheaper
