"""The largest Docker host the sizing may choose (SizingOptions.max_host_vcpu, 32 vCPU by
default): a workload larger than one such host is spread over several, each case worked by
hand from the catalog's us-east-1 prices."""

from __future__ import annotations

import pytest

from pricing import InputError, estimate
from pricing.catalog import load_catalog
from pricing.scenario import Scenario
from pricing.workload import SizingOptions, size
from tests.pricing.support import D, item

CATALOG = load_catalog()
# Ten replicas of 4 vCPU and 8 GB behind a published port: 40 vCPU, 48 with 20% headroom.
WEB = (
    'services: {web: {image: x, ports: ["80:80"], deploy: {replicas: 10,'
    ' resources: {reservations: {cpus: "4", memory: 8G}}}}}'
)


def test_a_workload_larger_than_the_cap_is_spread_over_hosts_at_the_same_price() -> None:
    docker = size(WEB, catalog=CATALOG).report.docker
    assert docker is not None
    # c6i.8xlarge: 32,000m less 150m kept back (6% + 1% + 2 x 0.5% + 28 x 0.25% of a core)
    # = 31,850m, / 1.2 = 26,541m: six replicas (24,000m) a host, 6 + 4 on two hosts;
    # $1.36 x 730 h x 2 = $1,985.60, what one c6i.16xlarge costs ($2.72 x 730)
    assert (docker.instance_type, docker.hosts, docker.monthly) == ("c6i.8xlarge", 2, D("1985.60"))
    assert [len(host.pods) for host in docker.placement] == [6, 4]
    assert docker.spread and docker.capped and docker.load_balancer


def test_a_higher_cap_lets_one_host_hold_it_all() -> None:
    options = SizingOptions(max_host_vcpu=64)
    docker = size(WEB, catalog=CATALOG, options=options).report.docker
    assert docker is not None
    # c6i.16xlarge: 64,000m - 230m = 63,770m holds 48,000m; 127.653 GiB holds 96 GB x 1.2
    assert (docker.instance_type, docker.hosts, docker.monthly) == ("c6i.16xlarge", 1, D("1985.60"))
    assert not docker.spread and not docker.capped


def test_the_spread_hosts_bring_their_load_balancer_into_the_comparison() -> None:
    sized = size(WEB, catalog=CATALOG)
    assert sized.scenario.docker_hosts == 2 and sized.scenario.docker_load_balancers == 1
    # an ALB's hours: $0.0225 x 730 h = $16.425 -> $16.43 (its LCUs are priced apart)
    balancer = item(estimate(sized.scenario, CATALOG), "docker", "load balancer", "×")
    assert balancer.monthly == D("16.43")


def test_failover_hosts_over_the_cap_leave_docker_unsized_saying_why() -> None:
    scenario = Scenario(docker_setup="failover", docker_hosts=2, docker_load_balancers=1)
    options = SizingOptions(docker_failover=True, docker_hosts=2)
    report = size(WEB, scenario, catalog=CATALOG, options=options).report
    assert report.docker is None
    assert any("of at most 32 vCPU (max_host_vcpu)" in w.message for w in report.warnings)


def test_a_cap_below_every_type_is_refused_naming_the_option() -> None:
    with pytest.raises(InputError) as raised:
        size(WEB, catalog=CATALOG, options=SizingOptions(max_host_vcpu=1))
    problem = raised.value.problems[0]
    assert problem.field == "max_host_vcpu"
    assert problem.message == "no host type here has at most 1 vCPU: the smallest, t3.micro, has 2"
