"""Growth, computed by hand: the default AWS scenario (Docker m6i.2xlarge, 100 GB gp3, five
Team seats; Kubernetes 3 x m6i.xlarge, 50 GB gp3 each, EKS, one ALB processing 100 GB, five
seats) with 4 vCPU of requests growing 10% a month. People are left out ($0 an hour) so the
months show the machines; upgrade_policy current keeps EKS in standard support.

What a VM holds (pricing/allocatable.py): vCPU less 6% of the first core, 1% of the second,
0.5% of the next two and 0.25% of each above four: an 8-vCPU host holds 7.91 vCPU, a 16-vCPU
one 15.89, a 32-vCPU one 31.85; a 4-vCPU node 3.92.
"""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError
from pricing.comparison import Comparison
from tests.pricing.support import D, run

GROWING = {
    "workload_vcpu": "4",
    "growth_percent_per_month": "10",
    "horizon_months": 24,
    "devops_hourly_rate": "0",
    "upgrade_policy": "current",
}


def docker_months(result: Comparison) -> list[D]:
    return [m.docker.total for m in result.months.months]


def test_the_docker_host_steps_up_as_the_workload_outgrows_it(catalog: Catalog) -> None:
    # Month m's workload is 4 x 1.1^(m-1) vCPU.
    # Months 1-8 (to 4 x 1.1^7 = 7.80 vCPU) fit the m6i.2xlarge's 7.91: 730 h x $0.384 =
    # $280.32, disk 100 GB x $0.08 = $8.00, 5 seats x $15 = $75.00: $363.32 a month.
    # Month 9 (8.57 vCPU) no longer fits. The cheapest general-purpose x86 type at least as
    # large that holds it on one host (aws.json, us-east-1): no 8-vCPU type holds it (each
    # holds 7.91), and the cheapest 16-vCPU one is m6a.4xlarge at $0.6912/h (15.89 vCPU):
    # 730 h x $0.6912 = $504.576 -> $504.58, $587.58 a month.
    # Month 16 (4 x 1.1^15 = 16.71 vCPU) passes 15.89: m6a.8xlarge at $1.3824/h (32 vCPU,
    # 31.85 held): $1,009.15, $1,092.15 a month.
    result = run(catalog, **GROWING)
    assert docker_months(result)[:22] == (
        [D("363.32")] * 8 + [D("587.58")] * 7 + [D("1092.15")] * 7
    )
    month = result.months.months
    assert [e.kind for e in month[8].events] == ["host-type-change"]
    assert "m6i.2xlarge → m6a.4xlarge" in month[8].events[0].text
    assert "m6a.4xlarge → m6a.8xlarge" in month[15].events[0].text
    assert result.months.docker_outgrown_month == 23  # past the 32-vCPU cap: the next test
    assert result.docker.horizon_total == sum(docker_months(result))


def test_the_host_stops_at_the_sizings_cap_then_hosts_are_added(catalog: Catalog) -> None:
    # Past the m6a.8xlarge (32 vCPU, the largest a growing host may step up to, as the sizing's
    # max_host_vcpu: found by a review, which saw it step up to a 384-vCPU m8i.96xlarge):
    # month 23's 4 x 1.1^22 = 32.36 vCPU passes its 31.85, so two m6a.8xlarge hold it
    # (2 x 730 h x $1.3824 = $2,018.30, disks 2 x 100 GB x $0.08 = $16.00, a load balancer
    # in front of the two hosts), and one host stops being enough in month 23.
    result = run(catalog, **{**GROWING, "horizon_months": 30})
    month = result.months.months
    assert "1 → 2 Docker hosts (m6a.8xlarge)" in month[22].events[0].text
    assert result.months.docker_outgrown_month == 23
    grown = [e.text for m in month for e in m.events if e.setup == "docker"]
    assert not any("m6a.12xlarge" in text or "m6a.16xlarge" in text for text in grown)


def test_nodes_are_added_and_the_cheaper_setup_changes(catalog: Catalog) -> None:
    # Kubernetes in month 1: 3 x 730 h x $0.192 = $420.48, EKS $73.00, ALB $16.43 and
    # 100 GB x $0.008 = $0.80, disks 3 x 50 GB x $0.08 = $12.00, seats $75.00: $597.71.
    # Month 13's 4 x 1.1^12 = 12.55 vCPU needs ceil(12.55 / 3.92) = 4 nodes: + $140.16 in
    # compute, + $4.00 in disk = $741.87; month 16's 16.71 needs 5: $886.03.
    # Docker costs less until month 16 ($1,092.15 > $886.03).
    result = run(catalog, **GROWING)
    kubernetes = [m.kubernetes.total for m in result.months.months]
    assert kubernetes[:12] == [D("597.71")] * 12
    assert kubernetes[12] == D("741.87")
    assert kubernetes[15] == D("886.03")
    assert [e.text for e in result.months.months[12].events] == ["production: 3 → 4 nodes"]
    assert result.months.cheaper_changes_month == 16
    # month 1's bill is the scenario as entered
    assert result.kubernetes.monthly_total == D("597.71")


def test_one_docker_host_stops_being_enough(catalog: Catalog) -> None:
    # DigitalOcean's Docker host is s-8vcpu-16gb, the largest of its family (basic, shared
    # CPU: s-2vcpu-4gb, s-4vcpu-8gb, s-8vcpu-16gb), billed at its $96.00 monthly cap, with a
    # 100 GB volume ($10.00) and five Team seats ($75.00): $181.00. It holds 7.91 vCPU; month
    # 9's 8.57 needs ceil(8.57 / 7.91) = 2 hosts: 2 x $96.00 + 2 x $10.00 + $75.00 = $287.00.
    # DOKS: 3 x s-4vcpu-8gb at their $48.00 cap, free control plane, a $12.00 load balancer,
    # 3 x 50 GB at $0.10 ($15.00), seats $75.00: $246.00; 3 nodes (3.92 vCPU each) still hold
    # month 12's 4 x 1.1^11 = 11.41 vCPU.
    result = run(catalog, **(GROWING | {"provider": "digitalocean", "horizon_months": 12}))
    assert docker_months(result) == [D("181.00")] * 8 + [D("287.00")] * 4
    assert result.months.months[8].events[0].text == (
        "production: 1 → 2 Docker hosts (s-8vcpu-16gb)"
    )
    assert result.months.docker_outgrown_month == 9
    assert {m.kubernetes.total for m in result.months.months} == {D("246.00")}
    assert result.months.cheaper_changes_month == 9


def test_no_growth_no_change(catalog: Catalog) -> None:
    result = run(catalog, **(GROWING | {"growth_percent_per_month": "0"}))
    assert set(docker_months(result)) == {D("363.32")}
    assert result.months.docker_outgrown_month is None


def test_growth_past_the_node_bound_names_the_month(catalog: Catalog) -> None:
    # 20% a month: month 39 (2030-02) needs 4 x 1.2^38 = 4,083.6 vCPU, ceil(4,083.6 / 3.92) =
    # 1,042 nodes, past the 1,000 the calculator prices (month 38: 868)
    with pytest.raises(InputError) as caught:
        run(catalog, workload_vcpu="4", growth_percent_per_month="20", horizon_months=60)
    (problem,) = caught.value.problems
    assert problem.field == "growth_percent_per_month"
    assert "month 39 (2030-02) needs 1,042 production Kubernetes nodes" in problem.message


def test_growth_needs_a_workload(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        run(catalog, growth_percent_per_month="5")
    assert [p.field for p in caught.value.problems] == ["growth_percent_per_month"]


def test_where_the_tier_bills_pods_the_pods_grow_every_month(catalog: Catalog) -> None:
    # GKE Autopilot bills the pods' requests: $0.0445 a vCPU-hour and $0.0049225 a GiB-hour
    # (gcp.json), 730 h: $32.485 a vCPU-month, $3.593425 a GiB-month. Production 4 vCPU and
    # 12 GiB, a staging at 50%, growing 10% a month:
    # month 1: 4 x 32.485 = $129.94, 12 x 3.593425 = $43.12; staging $64.97 + $21.56: $259.59
    # month 2: 4.4 vCPU $142.93, 13.2 GiB $47.43; staging 2.2 $71.47, 6.6 $23.72: $285.55
    result = run(
        catalog,
        provider="gcp",
        control_plane="gke-autopilot",
        workload_vcpu="4",
        workload_memory_gib="12",
        growth_percent_per_month="10",
        environments=2,
        horizon_months=3,
    )
    compute = [dict(m.kubernetes.categories)["compute"] for m in result.months.months]
    assert compute[:2] == [D("259.59"), D("285.55")]
    month_2 = result.months.months[1]
    pods = [i for i in month_2.kubernetes.lines if i.label.startswith("Pod requests")]
    assert [i.quantity for i in pods] == [D("4.40"), D("13.20"), D("2.200"), D("6.600")]
    assert not any(e.kind == "node-added" for m in result.months.months for e in m.events)
