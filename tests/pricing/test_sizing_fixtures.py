"""The fixtures sized, with totals computed by hand (AWS us-east-1, the default scenario)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pricing.catalog import load_catalog
from pricing.comparison import estimate
from pricing.scenario import Scenario
from pricing.workload import SizingError, SizingOptions, size

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sizing"
CATALOG = load_catalog()


def test_article_compose() -> None:
    # api 2 x (0.5 vCPU, 512m reservations), postgres 1 x (cpus 1.5, mem_limit 2g),
    # redis 1 x (0.25, 256m via the x-small anchor), worker 1 x assumed (0.25, 0.5 GiB);
    # debug is in a profile: not started.
    # CPU 1 + 1.5 + 0.25 + 0.25 = 3.0; memory 1 + 2 + 0.25 + 0.5 = 3.75 GiB.
    # Docker: x 1.2 = 3.6 vCPU, 4.5 GiB. t3.xlarge (3.92 vCPU, 15.65 GiB after 355 MiB) is
    # cheaper, but burstable: at its baseline, 40% x 4 vCPU = 1.6 vCPU less the 80m the
    # system keeps = 1.52 < 3.6. So c6i.xlarge: 3.92 vCPU, 7.65 GiB; $0.17 x 730 = $124.10.
    sizing = size((FIXTURES / "article-compose.yml").read_text(), catalog=CATALOG)
    report = sizing.report
    assert (report.totals.cpu, report.totals.memory_gib, report.totals.pods) == (
        Decimal(3),
        Decimal("3.75"),
        5,
    )
    assert [w.name for w in report.workloads if w.assumed] == ["worker"]
    assert report.ignored == ("service debug (profiles debug)",)
    assert any("LOG_LEVEL" in w.message for w in report.warnings)
    assert report.docker is not None
    assert (report.docker.instance_type, report.docker.monthly) == ("c6i.xlarge", Decimal("124.10"))
    assert (report.docker.needed_cpu, report.docker.needed_memory_gib) == (
        Decimal("3.6"),
        Decimal("4.5"),
    )
    scenario = sizing.scenario
    assert scenario.stateful and scenario.k8s_load_balancers == 1 and scenario.services == 4
    assert scenario.k8s_instance_type == report.kubernetes.instance_type
    estimate(scenario, CATALOG)  # the sized scenario prices


def test_shop_manifests() -> None:
    # web 3 x: app 250m/256Mi + sidecar 50m/64Mi = 300m/320Mi; init migrate after the
    #   sidecar: 50 + 500 = 550m, 64 + 128 = 192Mi -> 550m, 320Mi per replica.
    # worker 2 x limits only 500m/1Gi; cache 1 x assumed 250m/512Mi; db 2 x 1/2Gi.
    # CPU 3 x 0.55 + 2 x 0.5 + 0.25 + 2 x 1 = 4.9; memory 0.9375 + 2 + 0.5 + 4 = 7.4375 GiB.
    # Storage 2 x 10Gi (templates) + 5Gi (PVC) = 25 GiB; LBs: 1 Service + 1 Ingress = 2.
    # DaemonSet 100m/128Mi per node. Docker: (4.9 + 0.1) x 1.2 = 6.0 vCPU,
    # (7.4375 + 0.125) x 1.2 = 9.075 GiB -> c6i.2xlarge ($0.34 x 730 = $248.20).
    sizing = size((FIXTURES / "shop-manifests.yaml").read_text(), catalog=CATALOG)
    report = sizing.report
    web = next(w for w in report.workloads if w.name == "web")
    assert (web.cpu, web.min_replicas, web.max_replicas) == (Decimal("0.55"), 3, 6)
    totals = report.totals
    assert (totals.cpu, totals.memory_gib, totals.storage_gib) == (
        Decimal("4.9"),
        Decimal("7.438"),
        Decimal(25),
    )
    assert (totals.daemonset_cpu_per_node, totals.daemonset_memory_gib_per_node) == (
        Decimal("0.1"),
        Decimal("0.125"),
    )
    assert totals.load_balancers == 2 and totals.pods == 8
    assert report.jobs == ("CronJob/backup",) and report.ignored == ("ConfigMap/settings",)
    assert report.docker is not None
    assert (report.docker.instance_type, report.docker.monthly) == (
        "c6i.2xlarge",
        Decimal("248.20"),
    )
    cluster = report.kubernetes
    placed = [p.name for node in cluster.placement for p in node.pods if p.role != "system"]
    placed = [name for name in placed if name != "node-exporter"]
    expected = ["web-1", "web-2", "web-3", "worker-1", "worker-2", "cache-1", "db-1", "db-2"]
    assert sorted(placed) == sorted([*expected, "worker-surge"])
    # EKS's own pods: aws-node 50m + kube-proxy 100m on each node; CoreDNS 2 x 100m/70Mi.
    each = {w.name: (w.cpu, w.memory_gib) for w in report.workloads}
    each |= {"system": (Decimal("0.15"), Decimal(0)), "coredns": (Decimal("0.1"), Decimal(0))}
    coredns = [p for node in cluster.placement for p in node.pods if p.workload == "coredns"]
    assert len(coredns) == 2 and len({p.name for p in coredns}) == 2
    for node in cluster.placement:
        # the system's per-node pods, then the DaemonSet's, on every node
        assert [p.name for p in node.pods[:2]] == ["system", "node-exporter"]
        # what a node uses is what its pods request, the system's and the DaemonSet's too
        cpu = sum(each[p.workload][0] for p in node.pods)
        assert node.cpu_used == cpu <= cluster.allocatable.cpu
        assert sum(p.workload == "web" for p in node.pods) <= 1  # 3 replicas, 3 zones
    assert cluster.nodes_min is not None and cluster.nodes_max is not None
    assert cluster.nodes_min <= cluster.nodes <= cluster.nodes_max
    scenario = sizing.scenario
    # 25 GiB = 26.84 GB -> 27 GB: on the Docker host's disk, and spread over the nodes.
    assert scenario.docker_disk_gb == 100 + 27
    assert scenario.k8s_disk_gb == 50 + -(-27 // cluster.nodes)
    assert scenario.workload_pods == 8 + cluster.nodes
    assert scenario.needs_autoscaling and scenario.stateful
    estimate(scenario, CATALOG)


def test_too_big_workload_names_it() -> None:
    text = (
        "services:\n  huge:\n    image: x\n    deploy:\n      resources:\n"
        "        reservations: {cpus: '200', memory: 2000g}\n"
    )
    # No AWS type has both: x2iedn.32xlarge (the most memory, 4,096 GiB) has 128 vCPU and
    # m8i.96xlarge (the most vCPU, 384) has 1,536 GiB; the message names the former.
    with pytest.raises(SizingError, match=r"workload huge .* x2iedn\.32xlarge"):
        size(text, catalog=CATALOG)


@pytest.mark.parametrize("provider", ["gcp", "azure"])
def test_other_providers(provider: str) -> None:
    text = (FIXTURES / "shop-manifests.yaml").read_text()
    sizing = size(text, Scenario(provider=provider), catalog=CATALOG)
    assert sizing.scenario.k8s_instance_type in CATALOG.providers[provider].instance_types


def test_options_change_the_answer() -> None:
    text = (FIXTURES / "article-compose.yml").read_text()
    more = size(text, catalog=CATALOG, options=SizingOptions(docker_hosts=2, min_nodes=3))
    assert more.scenario.docker_hosts == 2 and more.scenario.k8s_nodes >= 3
