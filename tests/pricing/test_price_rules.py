"""The billing rules an audit found wrong (issue 20), each against the figure its source
gives, worked by hand: egress allowances and tiers, addresses, NAT, SLAs, disk tiers."""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError
from tests.pricing.support import D, item, run


def transfer(result: object, setup: str) -> list[tuple[object, object]]:
    """(quantity, monthly) of each data-transfer line of ``setup``."""
    lines = getattr(result, setup).line_items
    return [(i.quantity, i.monthly) for i in lines if i.category == "data transfer"]


def network(result: object, setup: str) -> list[object]:
    return [i.monthly for i in getattr(result, setup).line_items if i.category == "network"]


def test_hetzner_egress_within_the_servers_allowance_is_free(catalog: Catalog) -> None:
    result = run(catalog, "hetzner-k3s", egress_gb="1000")
    # 1,000 GB = 1 TB, inside the 20 TB one CPX42 includes: EUR 0.00 (was 1,000 TB x EUR 1)
    assert transfer(result, "docker") == [(D(1), D("0.00"))]
    # three CPX32 nodes bring 60 TB: still nothing to pay
    assert transfer(result, "kubernetes") == [(D(1), D("0.00"))]


def test_hetzner_egress_beyond_the_allowance_is_a_euro_a_tb(catalog: Catalog) -> None:
    result = run(catalog, "hetzner-k3s", docker_hosts=2, egress_gb="45000")
    # 45,000 GB = 45 TB; two servers include 2 x 20 TB = 40 TB; 5 TB x EUR 1 = EUR 5.00
    assert transfer(result, "docker") == [(D(40), D("0.00")), (D(5), D("5.00"))]
    # CCX33 includes 30 TB (Hetzner's general-purpose page): 45 - 30 = 15 TB = EUR 15.00
    ccx = run(catalog, "hetzner-k3s", docker_instance_type="ccx33", egress_gb="45000")
    assert transfer(ccx, "docker") == [(D(30), D("0.00")), (D(15), D("15.00"))]


def test_memory_optimized_droplets_pool_their_transfer(catalog: Catalog) -> None:
    result = run(
        catalog,
        "digitalocean",
        docker_hosts=2,
        docker_instance_type="m-2vcpu-16gb",
        egress_gb="10000",
    )
    # m-2vcpu-16gb includes 4,000 GiB (transferQuota in DigitalOcean's products API; its
    # /v2/sizes gives 4.0 TB). Two Droplets pool 2 x 4,000 = 8,000 GiB; the other
    # 10,000 - 8,000 = 2,000 GiB x $0.01 = $20.00 (with no allowance: 10,000 x $0.01 = $100.00)
    assert transfer(result, "docker") == [(D(8000), D("0.00")), (D(2000), D("20.00"))]


def test_linode_high_memory_plans_pool_their_transfer(catalog: Catalog) -> None:
    result = run(
        catalog,
        provider="linode",
        docker_hosts=2,
        docker_instance_type="g7-highmem-16",
        k8s_instance_type="g7-highmem-1",
        egress_gb="20000",
    )
    # /v4/linode/types: g7-highmem-16 (Linode 300GB) 9,000 GB of transfer, g7-highmem-1
    # (Linode 24GB) 5,000 GB. Two hosts pool 18,000 GB: 2,000 GB x $0.005 = $10.00
    assert transfer(result, "docker") == [(D(18000), D("0.00")), (D(2000), D("10.00"))]
    # three nodes pool 15,000 GB: 5,000 GB x $0.005 = $25.00 (with none: 20,000 x $0.005 = $100.00)
    assert transfer(result, "kubernetes") == [(D(15000), D("0.00")), (D(5000), D("25.00"))]


def test_govcloud_egress_has_no_free_100_gb(catalog: Catalog) -> None:
    result = run(catalog, region="us-gov-west-1", egress_gb="500")
    # GovCloud's first tier, $0.155/GB from the first GB (Infracost's golden file:
    # 10,240 GB = $1,587.20): 500 x $0.155 = $77.50, no "first 100 free" line
    assert transfer(result, "docker") == [(D(500), D("77.50"))]


def test_aws_egress_tiers_count_from_the_first_gb(catalog: Catalog) -> None:
    result = run(catalog, egress_gb="10340")
    # price list edges 10,240 / 51,200 GB: 100 GB free, 10,140 x $0.09 = $912.60, then
    # 100 x $0.085 = $8.50 (the old edge at 10,340 gave 10,240 x $0.09 = $921.60)
    assert transfer(result, "docker") == [
        (D(100), D("0.00")),
        (D(10140), D("912.60")),
        (D(100), D("8.50")),
    ]


def test_azure_egress_is_priced_past_10_tb(catalog: Catalog) -> None:
    result = run(catalog, provider="azure", egress_gb="20000")
    # Retail API tiers from 100 / 10,335 GB: 10,235 x $0.087 = $890.445 -> $890.45;
    # 9,665 x $0.083 = $802.195 -> $802.20 (refused before: no price past 10,340 GB)
    assert transfer(result, "docker") == [
        (D(100), D("0.00")),
        (D(10235), D("890.45")),
        (D(9665), D("802.20")),
    ]


def test_hetzner_part_months_use_the_published_hourly_rates(catalog: Catalog) -> None:
    # Hetzner's price-adjustment page: CCX13 EUR 0.0689/h, CX53 0.0473, CCX33 0.2219
    # (not monthly / 730: 0.0589, 0.0404, 0.1897). 200 h x 0.0689 = 13.78
    for key, monthly in (("ccx13", "13.78"), ("cx53", "9.46"), ("ccx33", "44.38")):
        result = run(catalog, "hetzner-k3s", docker_instance_type=key, vm_hours_per_month=200)
        # cx53: 200 x 0.0473 = 9.46; ccx33: 200 x 0.2219 = 44.38
        assert item(result, "docker", "compute").monthly == D(monthly)


def test_hetzner_prices_the_servers_own_addresses(catalog: Catalog) -> None:
    result = run(catalog, "hetzner-k3s", public_ipv4="true")
    # EUR 0.000685/h x 730 h = 0.50 for the Docker server; the three k3s servers each hold a
    # primary IPv4: 3 x 730 x 0.000685 = 1.50015 -> 1.50 (no load balancer: none for it)
    assert network(result, "docker") == [D("0.50")]
    assert network(result, "kubernetes") == [D("1.50")]
    assert "3 VMs" in item(result, "kubernetes", "network").label
    # with a Hetzner LB11 in front its address comes with it: still the three servers'
    lb11 = run(catalog, "hetzner-k3s", public_ipv4="true", load_balancer="lb11")
    assert network(lb11, "kubernetes") == [D("1.50")]


def test_hetzner_can_have_a_load_balancer(catalog: Catalog) -> None:
    result = run(catalog, "hetzner-k3s", load_balancer="lb11")
    # LB11: EUR 7.49 a month (hourly 7.49 / 730 = 0.01026 x 730 h = 7.4898 -> 7.49)
    assert item(result, "kubernetes", "load balancer").monthly == D("7.49")


def test_gcp_private_nodes_pay_for_cloud_nat(catalog: Catalog) -> None:
    result = run(catalog, provider="gcp", k8s_private_nodes="true", egress_gb="100")
    # Google's Cloud NAT page: 3 VMs x 730 h x $0.0014 = $3.066 -> $3.07; 100 GiB processed
    # x $0.045 = $4.50; the gateway's address 730 h x $0.005 = $3.65
    assert network(result, "kubernetes") == [D("3.07"), D("4.50"), D("3.65")]
    # more than 32 VMs: $0.044 an hour in all, 730 h = $32.12
    many = run(catalog, provider="gcp", k8s_private_nodes="true", k8s_nodes=40)
    assert network(many, "kubernetes") == [D("32.12"), D("3.65")]


def test_cloud_nat_cannot_count_autopilot_nodes(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        run(catalog, "gke-autopilot", k8s_private_nodes="true")
    assert [p.field for p in caught.value.problems] == ["k8s_private_nodes"]
    assert "billed per VM" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("provider", "docker", "kubernetes"),
    [
        # GCP: the VM's address 730 h x $0.005 = $3.65; three public GKE nodes 3 x $3.65 =
        # $10.95; the forwarding rule's address is free
        ("gcp", "3.65", "10.95"),
        # Azure: the VM's Standard public IP $3.65; AKS nodes have none, the load balancer's
        # one frontend address $3.65
        ("azure", "3.65", "3.65"),
    ],
)
def test_public_ipv4_on_gcp_and_azure(
    catalog: Catalog, provider: str, docker: str, kubernetes: str
) -> None:
    result = run(catalog, provider=provider, public_ipv4="true")
    assert network(result, "docker") == [D(docker)]
    assert network(result, "kubernetes") == [D(kubernetes)]


def test_azure_disks_are_billed_by_the_tier_that_holds_them(catalog: Catalog) -> None:
    result = run(catalog, provider="azure")
    # a 50 GB node disk is a P6 (64 GiB): 3 nodes x $10.21 = $30.63 (per GiB: $23.10 before)
    nodes = item(result, "kubernetes", "storage")
    assert (nodes.quantity, nodes.unit, nodes.monthly) == (D(3), "disk-month", D("30.63"))
    assert "P6" in nodes.label
    # the 100 GB host disk is a P10 (128 GiB): $19.71 (Infracost's golden file)
    assert item(result, "docker", "storage").monthly == D("19.71")
    hdd = run(catalog, provider="azure", disk="standard-hdd", docker_disk_gb=20)
    # Standard HDD starts at S4 (32 GiB): $1.54
    assert item(hdd, "docker", "storage").monthly == D("1.54")


def test_c2d_earns_no_sustained_use_discount(catalog: Catalog) -> None:
    rules = catalog.providers["gcp"].sustained_use
    assert not any(rule.applies_to("c2d-standard-4") for rule in rules)
    assert any(rule.applies_to("n2-standard-4") for rule in rules)
