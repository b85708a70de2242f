"""Spreading services over Docker hosts counts each host's upkeep: the labour model's hours
per host (updates, backups, disk: likely 2 h; incidents: likely 1 h) at the DevOps rate. Found
by a review: a 1,000-Deployment dump went onto 502 small hosts, 3.5% cheaper in VMs than 64
large ones and about $108,000 a month dearer in people."""

from __future__ import annotations

from decimal import Decimal

from pricing import Catalog, Engine, new_memo
from pricing.labour import docker_host_hours
from pricing.presets import build_scenario


def _deployments(count: int, cpu: str, memory: str) -> str:
    one = """apiVersion: apps/v1
kind: Deployment
metadata: {{name: app-{i}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: app-{i}}}}}
  template:
    metadata: {{labels: {{app: app-{i}}}}}
    spec:
      containers:
      - name: app
        image: nginx
        resources: {{requests: {{cpu: "{cpu}", memory: {memory}}}}}
"""
    return "---\n".join(one.format(i=i, cpu=cpu, memory=memory) for i in range(count))


def test_a_hosts_upkeep_is_its_likely_hours(catalog: Catalog) -> None:
    assert docker_host_hours(build_scenario({}, None), catalog.labour) == Decimal(3)  # 2 + 1
    own = build_scenario({"docker_host_hours": "1/4/9", "docker_incident_hours": "0.5"}, None)
    assert docker_host_hours(own, catalog.labour) == Decimal("4.5")
    entered = build_scenario({"docker_devops_hours": "10"}, None)
    assert docker_host_hours(entered, catalog.labour) == 0  # hours entered outright


def test_fewer_larger_hosts_when_upkeep_outweighs_the_packing(catalog: Catalog) -> None:
    # 60 services of 1.5 vCPU and 2 GiB (108 vCPU with 20% headroom), more than the 32-vCPU
    # cap: spread over hosts. With no upkeep ($0 an hour) the cheapest are 15 c6i.2xlarge
    # (730 h x $0.34 = $248.20 each: $3,723.00); each host's 3 h at $96 adds $288.00, so 15
    # hosts cost $3,723.00 + $4,320.00 = $8,043.00 against 4 c6i.8xlarge (730 h x $1.36 =
    # $992.80 each: $3,971.20) + $1,152.00 = $5,123.20.
    engine = Engine(catalog, new_memo())
    text = _deployments(60, "1500m", "2Gi")
    free = engine.size(text, build_scenario({"devops_hourly_rate": "0"}, None))
    docker = free.sizing.report.docker
    assert docker is not None
    assert (docker.hosts, docker.instance_type, docker.monthly) == (
        15,
        "c6i.2xlarge",
        Decimal("3723.00"),
    )
    paid = engine.size(text, build_scenario({}, None))
    docker = paid.sizing.report.docker
    assert docker is not None
    assert (docker.hosts, docker.instance_type, docker.monthly) == (
        4,
        "c6i.8xlarge",
        Decimal("3971.20"),
    )
    assert paid.estimate.comparison.scenario.docker_hosts == 4
