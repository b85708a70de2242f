"""Never recommend what cannot run: a setup whose fit check fails is never the cheaper one, the
recommendation or the odds' pick, whatever it would cost."""

from __future__ import annotations

from pricing import Catalog, Estimate
from tests.pricing.support import advised

# Thirty times one Docker host: the default m6i.2xlarge has 8 vCPU, 7.91 allocatable after the
# system's reservation, so 240 vCPU of requests need ceil(240 / 7.91) = 31 hosts. The
# m6i.xlarge nodes keep 3.92 of their 4 vCPU: 240 / 3.92 needs 62 nodes.
THIRTY_HOSTS = {"workload_vcpu": "240"}


def test_a_workload_thirty_times_one_host_is_not_recommended_on_docker(catalog: Catalog) -> None:
    result: Estimate = advised(catalog, k8s_nodes=62, **THIRTY_HOSTS)
    comparison = result.comparison
    docker, kubernetes = comparison.fit
    assert (docker.fits, docker.needed, kubernetes.fits, kubernetes.needed) == (False, 31, True, 62)
    # on paper Docker costs less (one host against 62 nodes) ...
    assert comparison.difference.horizon > 0
    # ... but it does not hold the workload: it is never called the cheaper, nor recommended
    assert comparison.difference.cheaper == "kubernetes"
    assert result.advice.recommendation == "kubernetes"
    assert result.advice.verdict == (
        "Kubernetes: Docker as entered does not hold the workload (it needs 31 hosts, not 1)."
    )
    # the checklist's servers answer is the fit check's count of hosts
    servers = next(r for r in result.advice.reasons if r.question == "servers")
    assert (servers.points_to, servers.text) == (
        "kubernetes",
        "31 servers: 3 or more need orchestration.",
    )
    odds = result.odds
    assert odds is not None
    # no odds of being cheaper than a setup that cannot run it: null, not 100%
    assert odds.kubernetes_cheaper_probability is None
    assert odds.not_fitting == ("docker",)
    assert (
        odds.summary
        == "Only Kubernetes holds the workload as entered: Docker needs 31 hosts, not 1."
    )


def test_when_neither_fits_neither_is_picked(catalog: Catalog) -> None:
    result = advised(catalog, **THIRTY_HOSTS)  # three nodes hold 11.76 vCPU
    assert result.comparison.difference.cheaper == "neither"
    assert result.advice.recommendation == "neither"
    assert result.advice.verdict == (
        "Neither setup holds the workload as entered: Docker needs 31 hosts, not 1; "
        "the Kubernetes cluster needs 62 nodes, not 3."
    )
    assert result.odds is not None
    assert result.odds.kubernetes_cheaper_probability is None
    assert result.odds.not_fitting == ("docker", "kubernetes")


def test_a_cluster_too_small_is_not_recommended_either(catalog: Catalog) -> None:
    # 6 vCPU fits the 7.91 of the Docker host, not the 3.92 of one node; the checklist (15
    # services, several deploys a day, autoscaling, an ops person) leans to Kubernetes
    result = advised(
        catalog,
        "platform",
        workload_vcpu="6",
        docker_instance_type="m6i.2xlarge",
        docker_hosts=1,
        docker_setup="single",
        docker_load_balancers=0,
        k8s_instance_type="m6i.xlarge",
        k8s_nodes=1,
    )
    assert [f.fits for f in result.comparison.fit] == [True, False]
    assert result.comparison.difference.cheaper == "docker"
    assert result.advice.recommendation == "docker"
    assert result.odds is not None and result.odds.kubernetes_cheaper_probability is None


def test_when_both_fit_the_cost_decides_as_before(catalog: Catalog) -> None:
    result = advised(catalog, workload_vcpu="4")
    assert all(f.fits for f in result.comparison.fit)
    assert result.comparison.difference.cheaper == "docker"
    servers = next(r for r in result.advice.reasons if r.question == "servers")
    assert servers.text == "1 server: 1 or 2 run fine on Docker."
