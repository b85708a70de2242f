"""Environments beside production, computed by hand on the article's scenario: Docker
m6i.2xlarge at $200.00 a month (your price), Kubernetes 3 x m6i.xlarge at $0.159817 an hour
(your price), EKS $73.00, one ALB ($16.43 + $3.57 for 446.76 GB a month)."""

from __future__ import annotations

import pytest

from pricing import Catalog, InputError
from pricing.comparison import Comparison
from pricing.lines import LineItem
from tests.pricing.support import D, run

OTHERS = "staging and dev: 2 environments at 50%"


def lines_for(result: Comparison, setup: str, words: str) -> list[LineItem]:
    return [i for i in getattr(result, setup).line_items if i.label.endswith(words)]


def test_a_cluster_each(catalog: Catalog) -> None:
    # Three environments, staging and dev at 50% of production:
    # Docker: each gets one host of the smallest general-purpose x86 size with half the
    # m6i.2xlarge's 8 vCPU and 32 GiB: 4 vCPU, 16 GiB; the cheapest of them in us-east-1 is
    # m6a.xlarge at $0.1728/h (aws.json). 2 hosts x 730 h x $0.1728 = $252.288 -> $252.29.
    # Kubernetes: each gets a cluster of ceil(3 x 50%) = 2 nodes at your price:
    # 4 x 730 h x $0.159817 = $466.66564 -> $466.67; 2 control planes x $73.00 = $146.00;
    # 2 ALBs x 730 h x $0.0225 = $32.85; each processes half production's 446.76 GB,
    # 2 x 223.38 = 446.76 LCU-hours x $0.008 = $3.57408 -> $3.57.
    result = run(catalog, "article", environments=3)
    (docker,) = lines_for(result, "docker", OTHERS)
    assert docker.label.startswith("m6a.xlarge × 2 hosts")
    assert docker.monthly == D("252.29")
    kubernetes = {
        i.category + (" usage" if "usage" in i.label else ""): i.monthly
        for i in lines_for(result, "kubernetes", OTHERS)
    }
    assert kubernetes == {
        "compute": D("466.67"),
        "control plane": D("146.00"),
        "load balancer": D("32.85"),
        "load balancer usage": D("3.57"),
    }
    assert result.docker.infrastructure_monthly == D("250.00") + D("252.29")
    assert result.kubernetes.infrastructure_monthly == D("443.00") + D("649.09")
    # the people hours are the scenario's, whatever the environments
    assert result.kubernetes.people_monthly == D("1440.00")
    assert result.kubernetes.monthly_total == D("1092.09") + D("1440.00")


def test_namespaces_add_nodes_to_one_cluster(catalog: Catalog) -> None:
    # The same environments as namespaces of production's cluster: they add
    # ceil(3 nodes x 2 x 50%) = 3 nodes, 3 x 730 h x $0.159817 = $349.99923 -> $350.00, and no
    # control plane or load balancer of their own.
    result = run(catalog, "article", environments=3, k8s_environments="namespaces")
    (added,) = lines_for(
        result, "kubernetes", "staging and dev in production's cluster: 2 environments at 50%"
    )
    assert added.label.startswith("m6i.xlarge × 3 nodes")
    assert added.monthly == D("350.00")
    assert result.kubernetes.infrastructure_monthly == D("443.00") + D("350.00")
    # Docker has no namespaces: a host set each, as with clusters
    assert result.docker.infrastructure_monthly == D("250.00") + D("252.29")


def test_with_a_workload_each_environment_holds_its_share(catalog: Catalog) -> None:
    # 12 vCPU of requests in production; staging at 50% holds 6 vCPU.
    # Docker: a host holds its vCPU less the reservation (6% of the first core, 1% of the
    # second, 0.5% of the next two, 0.25% of each above four): a 4-vCPU type keeps 80 m and
    # holds 3.92 vCPU, too few; an 8-vCPU type keeps 90 m and holds 7.91 >= 6. The cheapest
    # general-purpose x86 type with 8 vCPU in us-east-1 is m6a.2xlarge at $0.3456/h
    # (aws.json), at its list price (your hourly price is for production's m6i.2xlarge):
    # 730 h x $0.3456 = $252.288 -> $252.29.
    # Kubernetes: an m6i.xlarge node holds 3.92 vCPU: ceil(6 / 3.92) = 2 nodes.
    result = run(catalog, "article", environments=2, workload_vcpu="12")
    (docker,) = lines_for(result, "docker", "staging: 1 environment at 50%")
    assert docker.label.startswith("m6a.2xlarge × 1 host")
    assert docker.monthly == D("252.29")
    nodes = [i for i in lines_for(result, "kubernetes", "at 50%") if i.category == "compute"]
    assert nodes[0].label.startswith("m6i.xlarge × 2 nodes")


def test_too_many_environments_for_the_bounds_are_refused(catalog: Catalog) -> None:
    # 10 environments of a 400-node cluster at 100%: 9 x 400 nodes is past 1,000
    with pytest.raises(InputError) as caught:
        run(catalog, k8s_nodes=400, environments=10, nonprod_size_percent="100")
    (problem,) = caught.value.problems
    assert problem.field == "environments"
    assert "3,600 nodes across the other clusters" in problem.message
