"""Where small teams run, compared like for like: each provider's rules, figures by hand."""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError
from tests.pricing.support import D, advised, item, run


def test_digitalocean_bills_droplets_and_its_load_balancer_up_to_the_monthly_price(
    catalog: Catalog,
) -> None:
    result = run(catalog, "digitalocean")
    # s-8vcpu-16gb: $0.14286/h x 730 h = $104.29, but billed at most its $96.00 a month
    host = item(result, "docker", "compute")
    assert (host.quantity, host.unit, host.monthly) == (D(1), "month", D("96.00"))
    # 3 x s-4vcpu-8gb at $48.00; the regional load balancer at $12.00; DOKS free
    assert item(result, "kubernetes", "compute").monthly == D("144.00")
    assert item(result, "kubernetes", "load balancer").monthly == D("12.00")
    assert item(result, "kubernetes", "control plane").monthly == D("0.00")


def test_digitalocean_pools_the_droplets_transfer_allowances(catalog: Catalog) -> None:
    result = run(catalog, "digitalocean", egress_gb="20000")
    # one s-8vcpu-16gb brings 6,000 GiB: 14,000 GiB over it at $0.01 = $140.00
    docker = [i for i in result.docker.line_items if i.category == "data transfer"]
    assert [(i.quantity, i.monthly) for i in docker] == [
        (D(6000), D("0.00")),
        (D(14000), D("140.00")),
    ]
    # three s-4vcpu-8gb bring 3 x 5,000 = 15,000 GiB: 5,000 over it = $50.00
    k8s = [i for i in result.kubernetes.line_items if i.category == "data transfer"]
    assert [i.monthly for i in k8s] == [D("0.00"), D("50.00")]


def test_digitalocean_high_availability_control_plane(catalog: Catalog) -> None:
    result = run(catalog, "digitalocean", control_plane="doks-ha")
    # $0.05952/h x 730 h = $43.45, billed at most $40.00 a month; its SLA is 99.95%
    assert item(result, "kubernetes", "control plane").monthly == D("40.00")
    assert result.kubernetes.availability is not None
    assert result.kubernetes.availability.percent == D("99.95")


def test_linode_lke_nodes_and_nodebalancer(catalog: Catalog) -> None:
    result = run(catalog, provider="linode", control_plane="lke-ha")
    # 3 x g6-standard-4 at $48.00 a month; NodeBalancer $10.00; HA control plane $60.00
    assert item(result, "kubernetes", "compute").monthly == D("144.00")
    assert item(result, "kubernetes", "load balancer").monthly == D("10.00")
    assert item(result, "kubernetes", "control plane").monthly == D("60.00")


def test_hetzner_prices_stay_in_euros(catalog: Catalog) -> None:
    result = advised(catalog, "hetzner-k3s").comparison
    assert result.currency == "EUR"
    # CPX42 EUR 69.49 a month (EUR 0.1113/h x 730 h = 81.25 would be more); 3 x CPX32 at 35.49
    assert item(result, "docker", "compute").monthly == D("69.49")
    assert item(result, "kubernetes", "compute").monthly == D("106.47")
    # 100 GB volume at EUR 0.0572 = 5.72; DevOps 5 h x $96 x 0.86 EUR/USD = 412.80
    assert item(result, "docker", "storage").monthly == D("5.72")
    assert item(result, "docker", "people").monthly == D("412.80")


def test_hetzner_in_another_currency_needs_the_users_euro_rate(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        run(catalog, provider="hetzner")
    assert [p.field for p in caught.value.problems] == ["eur_rate"]
    result = run(catalog, provider="hetzner", eur_rate="1.1")
    # CPX42: EUR 69.49 x 1.1 USD/EUR = $76.439 -> $76.44
    assert item(result, "docker", "compute").monthly == D("76.44")


def test_docker_failover_is_two_hosts_behind_a_load_balancer(catalog: Catalog) -> None:
    result = advised(catalog, "docker-failover")
    docker = result.comparison.docker
    # 2 x m6i.xlarge: 1,460 h x $0.192 = $280.32; ALB 730 h x $0.0225 = $16.43 + 100 LCU-h $0.80
    assert item(result.comparison, "docker", "compute").monthly == D("280.32")
    balancer = [i.monthly for i in docker.line_items if i.category == "load balancer"]
    assert balancer == [D("16.43"), D("0.80")]
    assert any("fails over by hand" in note for note in result.advice.notes)
    assert docker.availability is not None and docker.availability.percent == D("99.5")


@pytest.mark.parametrize(
    ("provider", "docker", "kubernetes"),
    [
        ("aws", "99.5", "99.95"),
        # Compute Engine SLA: "A Single Instance of all other families >= 99.9%"
        ("gcp", "99.9", "99.5"),
        ("azure", "99.9", "99.9"),
        # "99.99% for each individual Droplet instance"; the free DOKS control plane: none
        ("digitalocean", "99.99", None),
        # Linode's compute addendum: "99.99% monthly Covered Services uptime"; LKE free: none
        ("linode", "99.99", None),
    ],
)
def test_each_setup_shows_what_its_provider_promises(
    catalog: Catalog, provider: str, docker: str, kubernetes: str | None
) -> None:
    result = run(catalog, provider=provider)
    assert result.docker.availability is not None
    assert result.docker.availability.percent == D(docker)
    k8s = result.kubernetes.availability
    assert (k8s.percent if k8s else None) == (D(kubernetes) if kubernetes else None)


def test_gke_regional_clusters_promise_more_and_earn_no_credit(catalog: Catalog) -> None:
    result = run(catalog, provider="gcp", control_plane="gke-regional")
    assert result.kubernetes.availability is not None
    assert result.kubernetes.availability.percent == D("99.95")
    assert not any(i.category == "credit" for i in result.kubernetes.line_items)


def test_public_ipv4_addresses_are_a_choice(catalog: Catalog) -> None:
    assert not any(i.category == "network" for i in run(catalog).docker.line_items)
    result = run(catalog, public_ipv4="true")
    # the Docker host's address: 730 h x $0.005 = $3.65
    assert item(result, "docker", "network").monthly == D("3.65")
    # the cluster's load balancer in two zones: 2 x 730 h x $0.005 = $7.30 (nodes private)
    assert item(result, "kubernetes", "network").monthly == D("7.30")


def test_gcp_sustained_use_discount_on_n2(catalog: Catalog) -> None:
    result = run(catalog, provider="gcp", k8s_instance_type="n2-standard-4", k8s_nodes=1)
    # $0.194236/h; the month's quarters at 100%, 86.78%, 73.56%, 60.34% = 80.17% of list:
    # $0.155719/h x 730 h = $113.67 (list: $141.79)
    node = item(result, "kubernetes", "compute")
    assert (node.unit_price, node.monthly, node.list_unit_price) == (
        D("0.155719"),
        D("113.67"),
        D("0.194236"),
    )
    e2 = item(run(catalog, provider="gcp", k8s_nodes=1), "kubernetes", "compute")
    assert "sustained-use" not in e2.label


def test_azure_traffic_between_zones_is_free(catalog: Catalog) -> None:
    result = run(catalog, provider="azure", cross_zone_gb="100")
    assert item(result, "kubernetes", "data transfer", "zones").monthly == D("0.00")


@pytest.mark.parametrize(
    ("provider", "monthly"), [("aws", "0.80"), ("gcp", "0.80"), ("azure", "0.50")]
)
def test_the_load_balancer_usage_default_means_100_gb_everywhere(
    catalog: Catalog, provider: str, monthly: str
) -> None:
    # 100 GB processed: 100 LCU-hours x $0.008 on AWS, 100 GB x $0.008 (GCP), x $0.005 (Azure)
    usage = item(run(catalog, provider=provider), "kubernetes", "load balancer", "usage")
    assert (usage.quantity, usage.monthly) == (D(100), D(monthly))


def test_arm_types_are_in_the_catalog_with_a_note(catalog: Catalog) -> None:
    result = advised(catalog, k8s_instance_type="m7g.large")
    # m7g.large (Graviton3) $0.0816/h x 730 h x 3 nodes = $178.70
    assert item(result.comparison, "kubernetes", "compute").monthly == D("178.70")
    assert any("m7g.large is an Arm type" in note for note in result.advice.notes)
    azure = catalog.providers["azure"]
    assert azure.instance_types["Standard_D2ps_v6"].arch == "arm64"
    assert "Standard_D2ps_v6" in azure.regions["eastus"].instances


def test_a_derived_price_is_labelled_c(catalog: Catalog) -> None:
    azure = catalog.providers["azure"]
    derived = [r.instances.get("Standard_D4as_v5") for r in azure.regions.values()]
    assert {price.confidence for price in derived if price is not None} == {"C"}
    no_sla = run(catalog, provider="azure", control_plane="aks-free").kubernetes.availability
    assert no_sla is None


def test_government_entities_are_told_they_need_a_paid_plan(catalog: Catalog) -> None:
    notes = advised(catalog).advice.notes
    assert any("government entities need a paid plan whatever their size" in n for n in notes)


def test_private_nodes_pay_for_a_nat_gateway(catalog: Catalog) -> None:
    result = run(catalog, k8s_private_nodes="true", egress_gb="500")
    # 730 h x $0.045 = $32.85; 500 GB processed x $0.045 = $22.50; none on the Docker side
    network = [i.monthly for i in result.kubernetes.line_items if i.category == "network"]
    assert network == [D("32.85"), D("22.50")]
    assert not any(i.category == "network" for i in result.docker.line_items)
    with pytest.raises(InputError) as caught:
        run(catalog, provider="digitalocean", k8s_private_nodes="true")
    assert [p.field for p in caught.value.problems] == ["k8s_private_nodes"]


def test_govcloud_says_which_of_its_prices_are_the_commercial_regions(catalog: Catalog) -> None:
    notes = advised(catalog, region="us-gov-west-1").advice.notes
    assert any("no 100 GB of free egress" in note for note in notes)
    assert not any("GovCloud" in note for note in advised(catalog).advice.notes)


def test_gke_autopilot_bills_the_pods_requests(catalog: Catalog) -> None:
    result = run(catalog, "gke-autopilot")
    pods = [i for i in result.kubernetes.line_items if i.category == "compute"]
    # 2 vCPU x $0.0445 x 730 h = $64.97; 4 GiB x $0.0049225 x 730 h = $14.37
    assert [(i.quantity, i.unit, i.monthly) for i in pods] == [
        (D(2), "vCPU-month", D("64.97")),
        (D(4), "GiB-month", D("14.37")),
    ]
    # the $73.00 cluster fee, covered by the free-tier credit; no nodes, no node disks
    fee = item(result, "kubernetes", "control plane")
    credit = item(result, "kubernetes", "credit")
    assert (fee.monthly, credit.monthly) == (D("73.00"), D("-73.00"))
    assert not any(i.category == "storage" for i in result.kubernetes.line_items)
    assert result.kubernetes.availability is not None
    assert result.kubernetes.availability.percent == D("99.95")


def test_gke_autopilot_needs_the_pods_requests_and_a_sourced_region(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        run(catalog, provider="gcp", control_plane="gke-autopilot", region="europe-west1")
    assert [p.field for p in caught.value.problems] == [
        "control_plane",
        "workload_vcpu",
        "workload_memory_gib",
    ]


def test_eks_auto_mode_adds_its_fee_on_each_node(catalog: Catalog) -> None:
    result = run(catalog, control_plane="eks-auto-mode")
    # 12% of m6i.xlarge's $0.192 = $0.02304 an hour x 730 h x 3 nodes = $50.46
    fee = item(result, "kubernetes", "control plane", "12%")
    assert (fee.unit_price, fee.quantity, fee.monthly) == (D("0.02304"), D(2190), D("50.46"))
    tier = [
        i for i in result.kubernetes.line_items if i.label == "EKS Auto Mode (standard support)"
    ]
    assert [i.monthly for i in tier] == [D("73.00")]
