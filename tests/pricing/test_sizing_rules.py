"""The sizing's rules, each on a case computed by hand: burstable CPU, each distribution's
system pods, Docker over several hosts, node redundancy, and sizing leaving its input alone."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from pricing.catalog import Catalog, load_catalog
from pricing.resolve import Machine
from pricing.scenario import Scenario
from pricing.workload import SizingOptions, read_application, size, size_workload
from pricing.workload.burstable import CpuRule
from pricing.workload.candidates import candidates
from pricing.workload.cluster import plan_of, shape_of
from pricing.workload.system import NO_SYSTEM

CATALOG = load_catalog()
AWS = Scenario(provider="aws", region="us-east-1")


def machine(key: str, scenario: Scenario = AWS) -> Machine:
    return next(m for m in candidates(scenario, CATALOG, arm=True) if m.key == key)


def deployment(name: str, replicas: int, cpu: str, memory: str) -> str:
    return f"""apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}}}
spec:
  replicas: {replicas}
  template:
    spec:
      containers:
        - {{name: app, image: x, resources: {{requests: {{cpu: {cpu}, memory: {memory}}}}}}}
"""


# --- burstable CPU --------------------------------------------------------------------------


def test_a_t3_medium_offers_its_baseline_not_its_two_vcpus() -> None:
    # 1.85 vCPU of requests (5 x 370m), as in issue 22, no system pods, no headroom.
    # EKS keeps 60m + 10m of a 2-vCPU node. Full: 2,000 - 70 = 1,930m >= 1,850: one node.
    # Baseline: 20% x 2 vCPU = 400m - 70m = 330m: not even one 370m pod fits.
    app = read_application(deployment("api", 5, "370m", "128Mi"))
    options = SizingOptions(rolling_surge=False, zones=1, redundant_nodes=False)
    plan = plan_of(app, NO_SYSTEM, options)
    t3 = machine("t3.medium")
    full = shape_of(t3, "eks", plan, CpuRule("full"), options)
    baseline = shape_of(t3, "eks", plan, CpuRule("baseline"), options)
    assert full.room.cpu_millicores == 1930 and full.holds_each(plan.pods)
    assert sum(p.cpu_millicores for p in plan.pods) == 1850 <= full.room.cpu_millicores
    assert baseline.room.cpu_millicores == 330 and not baseline.holds_each(plan.pods)


def test_surplus_credits_cost_more_than_the_next_type_up() -> None:
    # t3.medium in unlimited mode with 1.85 vCPU requested all month: (1.85 - 0.4) vCPU above
    # the baseline x $0.05 x 730 h = $52.925 -> $52.93, on top of $0.0416 x 730 = $30.37:
    # $83.30, more than an m6i.large ($0.096 x 730 = $70.08) that needs no credits.
    rule = CpuRule("credits", tuple(CATALOG.providers["aws"].surplus_credits))
    t3 = machine("t3.medium")
    assert rule.surplus_monthly(t3, 1850, Decimal(730)) == Decimal("52.93")
    assert not rule.at_baseline(t3)
    assert rule.surplus_monthly(machine("m6i.large"), 1850, Decimal(730)) == 0
    # Azure's B-series sells no surplus: in credits mode it stays sized at its baseline.
    azure = CpuRule("credits", ())
    b2ms = machine("Standard_B2ms", Scenario(provider="azure"))
    assert azure.at_baseline(b2ms) and azure.withheld_millicores(b2ms) == 2000 - 600


@pytest.mark.parametrize("mode", ["baseline", "credits", "full"])
def test_the_report_says_how_burstable_cpu_was_counted(mode: str) -> None:
    text = deployment("api", 5, "370m", "128Mi")
    report = size(text, catalog=CATALOG, options=SizingOptions(burstable_cpu=mode)).report  # type: ignore[arg-type]
    assert report.burstable_cpu == mode
    use = report.kubernetes.burstable
    assert use is not None and use.mode == mode
    for node in report.kubernetes.placement:  # nothing placed beyond what the rule counts
        assert node.cpu_used <= report.kubernetes.allocatable.cpu
    if mode == "full":
        assert use.surplus_monthly == 0 and not use.at_baseline


# --- system pods ----------------------------------------------------------------------------

# (provider, per-node CPU m, per-node memory MiB, add-ons: name -> replicas), from
# pricing/data/system_pods.json: EKS aws-node 50m + kube-proxy 100m, CoreDNS x2;
# GKE kube-proxy 100m + fluentbit-gke 105m/230Mi + ip-masq-agent 10m/16Mi = 215m/246Mi,
# kube-dns x2, its autoscaler, konnectivity-agent x2 and its autoscaler; AKS kube-proxy 100m,
# CoreDNS x2; DOKS and LKE CoreDNS x2 only; Hetzner (self-managed k3s) CoreDNS x1.
SYSTEM_CASES = [
    ("aws", 150, 0, {"coredns": 2}),
    (
        "gcp",
        215,
        246,
        {
            "kube-dns": 2,
            "kube-dns-autoscaler": 1,
            "konnectivity-agent": 2,
            "konnectivity-agent-autoscaler": 1,
        },
    ),
    ("azure", 100, 0, {"coredns": 2}),
    ("digitalocean", 0, 0, {"coredns": 2}),
    ("linode", 0, 0, {"coredns": 2}),
    ("hetzner", 0, 0, {"coredns": 1}),
]


@pytest.mark.parametrize(("provider", "cpu", "memory", "add_ons"), SYSTEM_CASES)
def test_each_distribution_places_its_system_pods(
    provider: str, cpu: int, memory: int, add_ons: dict[str, int]
) -> None:
    report = size(
        deployment("api", 1, "100m", "64Mi"), Scenario(provider=provider), catalog=CATALOG
    ).report
    cluster = report.kubernetes
    assert cluster.system is not None
    assert cluster.system.per_node_cpu == Decimal(cpu) / 1000
    assert cluster.system.per_node_memory_gib == (Decimal(memory) / 1024).quantize(Decimal("0.001"))
    placed: dict[str, int] = {}
    for node in cluster.placement:
        names = [p.name for p in node.pods]
        assert ("system" in names) == (cpu > 0)  # the per-node pods, shown as "system"
        for pod in node.pods:
            if pod.role == "system" and pod.name != "system":
                placed[pod.workload] = placed.get(pod.workload, 0) + 1
        # a node uses its system pods, the add-ons on it and the api's 100m
        add_on_cpu = sum(
            a.cpu for a in cluster.system.add_ons for p in node.pods if p.workload == a.name
        )
        api = Decimal("0.1") * sum(p.workload == "api" for p in node.pods)
        assert node.cpu_used == cluster.system.per_node_cpu + add_on_cpu + api
    assert placed == add_ons
    # the Scenario's workload is the application's own: 100m, 1 pod
    assert report.totals.cpu == Decimal("0.1") and report.totals.pods == 1


def test_a_self_managed_control_plane_runs_k3s() -> None:
    scenario = Scenario(provider="aws", control_plane="self-managed")
    report = size(deployment("api", 1, "100m", "64Mi"), scenario, catalog=CATALOG).report
    assert report.kubernetes.system is not None
    assert report.kubernetes.system.distribution == "k3s"


# --- Docker over several hosts --------------------------------------------------------------

COMPOSE = """services:
  web:
    image: example/web
    ports: ["80:80"]
    deploy: {replicas: 4, resources: {reservations: {cpus: "1", memory: 1g}}}
  db:
    image: postgres
    volumes: [data:/var/lib/postgresql/data]
    deploy: {resources: {reservations: {cpus: "2", memory: 4g}}}
volumes: {data: {}}
"""


def two_types() -> Catalog:
    """AWS with only m6i.large (2 vCPU, 8 GiB, $0.096/h) and m6i.xlarge (4, 16, $0.192)."""
    aws = CATALOG.providers["aws"]
    region = aws.regions["us-east-1"]
    kept = {k: v for k, v in region.instances.items() if k in {"m6i.large", "m6i.xlarge"}}
    regions = {"us-east-1": region.model_copy(update={"instances": kept})}
    defaults = aws.defaults.model_copy(
        update={"docker_instance_type": "m6i.xlarge", "k8s_instance_type": "m6i.large"}
    )
    changed: Any = aws.model_copy(update={"regions": regions, "defaults": defaults})
    return CATALOG.model_copy(update={"providers": {**CATALOG.providers, "aws": changed}})


def hosts_of(docker: Any) -> list[list[str]]:
    return [[p.name for p in host.pods] for host in docker.placement]


def test_a_workload_no_host_holds_is_spread_over_hosts() -> None:
    # 6 vCPU x 1.2 = 7.2 > an m6i.xlarge's 4,000 - 80 = 3,920m: no single host.
    # Room per host with 20% headroom: m6i.large 1,930m / 1.2 = 1,608m < db's 2,000m: no.
    # m6i.xlarge 3,920 / 1.2 = 3,266m, (16 GiB - 355 MiB) / 1.2 = 13,357 MiB.
    # First-fit decreasing: db (2,000m, one pod: its volume keeps it on one host) and web-1
    # on host 1 (3,000m); web-2, web-3, web-4 on host 2 (3,000m). 2 x $0.192 x 730 = $280.32.
    sizing = size(COMPOSE, catalog=two_types())
    docker = sizing.report.docker
    assert docker is not None and docker.spread
    assert (docker.instance_type, docker.hosts, docker.monthly) == (
        "m6i.xlarge",
        2,
        Decimal("280.32"),
    )
    assert hosts_of(docker) == [["db", "web-1"], ["web-2", "web-3", "web-4"]]
    assert [h.cpu_used for h in docker.placement] == [Decimal(3), Decimal(3)]
    # published ports and two hosts: a load balancer in front, priced in the comparison
    assert docker.load_balancer
    assert sizing.scenario.docker_hosts == 2 and sizing.scenario.docker_load_balancers == 1


def test_hosts_asked_for_share_the_replicas() -> None:
    # 3 hosts asked (single setup): web's 4 replicas over min(4, 3) = 3 hosts, at most
    # ceil(4 / 3) = 2 a host: db + web-1 | web-2 + web-4 | web-3. 3 x $140.16 = $420.48.
    scenario = Scenario(docker_hosts=3)
    options = SizingOptions(docker_hosts=3)
    docker = size(COMPOSE, scenario, catalog=two_types(), options=options).report.docker
    assert docker is not None and docker.hosts == 3 and docker.monthly == Decimal("420.48")
    assert hosts_of(docker) == [["db", "web-1"], ["web-2", "web-4"], ["web-3"]]


def test_failover_hosts_each_hold_everything() -> None:
    # Failover: each of 2 hosts must hold all 7.2 vCPU: none of the two types does.
    options = SizingOptions(docker_hosts=2, docker_failover=True)
    sizing = size(COMPOSE, catalog=two_types(), options=options)
    assert sizing.report.docker is None
    assert any(
        "each of the failover hosts must hold it all" in w.message for w in sizing.report.warnings
    )


# --- node redundancy ------------------------------------------------------------------------


def test_a_replicated_workload_gets_two_nodes_even_in_one_zone() -> None:
    # 2 replicas of 100m in one zone fit one node; redundancy asks for two.
    text = deployment("api", 2, "100m", "64Mi")
    one_zone = SizingOptions(zones=1)
    assert size(text, catalog=CATALOG, options=one_zone).report.kubernetes.nodes == 2
    off = SizingOptions(zones=1, redundant_nodes=False)
    report = size(text, catalog=CATALOG, options=off).report
    assert report.kubernetes.nodes == 1 and report.kubernetes.single_node
    assert any("no node redundancy (redundant_nodes is off)" in w.message for w in report.warnings)


def test_a_single_replica_cluster_is_flagged_unless_docker_fails_over() -> None:
    text = deployment("api", 1, "100m", "64Mi")
    report = size(text, catalog=CATALOG).report
    assert report.kubernetes.nodes == 1 and report.kubernetes.single_node
    assert any(
        w.message.startswith("one Kubernetes node: no node redundancy") for w in report.warnings
    )
    failover = SizingOptions(docker_failover=True, docker_hosts=2)
    assert size(text, catalog=CATALOG, options=failover).report.kubernetes.nodes == 2


# --- sizing leaves its input alone ----------------------------------------------------------


def test_sizing_does_not_change_the_application_it_reads() -> None:
    app = read_application(deployment("api", 1, "100m", "64Mi"))
    before = list(app.warnings)
    first = size_workload(app, catalog=CATALOG)
    second = size_workload(app, catalog=CATALOG)
    assert app.warnings == before
    assert first.report.warnings == second.report.warnings  # not doubled by the second run
    assert any("no node redundancy" in w.message for w in first.report.warnings)


def test_credits_mode_prices_the_surplus_and_says_the_comparison_lacks_it() -> None:
    # 5 x 370m with burstable_cpu=credits: t3.medium nodes count their full 1,930m; each
    # node's requests above its 400m baseline cost $0.05 per vCPU-hour x 730 h.
    text = deployment("api", 5, "370m", "128Mi")
    report = size(text, catalog=CATALOG, options=SizingOptions(burstable_cpu="credits")).report
    cluster = report.kubernetes
    assert cluster.instance_type == "t3.medium" and cluster.burstable is not None
    above = sum(max(node.cpu_used - Decimal("0.4"), Decimal(0)) for node in cluster.placement)
    surplus = (above * Decimal("0.05") * 730).quantize(Decimal("0.01"))
    assert cluster.burstable.surplus_monthly == surplus > 0
    # the VMs: $0.0416 x 730 h x 3 = $91.104 -> $91.10 (one line, rounded once)
    assert cluster.nodes == 3 and cluster.monthly == Decimal("91.10") + surplus
    assert any("surplus credits" in w.message for w in report.warnings)
