"""Named scenarios a user can start from; `preset=NAME` applies one before other inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pricing.scenario import FieldProblem, InputError, Scenario


@dataclass(frozen=True, slots=True)
class Preset:
    """A named scenario. Its people time is the labour model's estimate from its drivers,
    unless it enters hours per month outright (article, k3s, hetzner-k3s: see PEOPLE_TIME)."""

    title: str
    description: str
    values: dict[str, Any] = field(default_factory=dict)


PRESETS: dict[str, Preset] = {
    "article": Preset(
        "The article's example",
        "The 'Economics' section of the source article, to the cent: a $200 VM and ten $5 "
        "seats against three nodes ($350), a $73 control plane and a $20 load balancer. "
        "Its VM prices are the article's round figures, entered as your own hourly prices, "
        "and its DevOps hours (5 a month; 40 for six months, then 15) are entered as hours.",
        {
            "provider": "aws",
            "region": "us-east-1",
            "docker_instance_type": "m6i.2xlarge",
            "docker_hourly_price": "0.273973",  # $200.00 a month at 730 h
            "docker_disk_gb": 0,
            "docker_plan": "pro",
            "docker_seats": 10,
            "seat_price": "5",  # the 2021 Pro price the article quotes
            "k8s_instance_type": "m6i.xlarge",
            "k8s_nodes": 3,
            "k8s_hourly_price": "0.159817",  # $350.00 a month for 3 nodes at 730 h
            "k8s_disk_gb": 0,
            "control_plane": "eks-standard",
            "load_balancer": "alb",
            "k8s_load_balancers": 1,
            # $16.43 hourly + $3.57 for 446.76 LCU-hours (0.612 LCU on average) = the $20
            "k8s_lb_usage": "446.76",
            "k8s_seats": 0,
            "devops_hourly_rate": "96",
            "docker_devops_hours": "5",
            "k8s_rampup_hours": "40",
            "k8s_rampup_months": 6,
            "k8s_steady_hours": "15",
        },
    ),
    "startup": Preset(
        "Small startup on Google Cloud",
        "Four developers, three services, one e2-standard-4 host against a zonal GKE cluster "
        "of three e2-standard-2 nodes using the free-tier credit. Docker Personal is free "
        "below 250 employees and $10M revenue.",
        {
            "provider": "gcp",
            "region": "us-central1",
            "docker_instance_type": "e2-standard-4",
            "docker_disk_gb": 50,
            "k8s_instance_type": "e2-standard-2",
            "k8s_nodes": 3,
            "k8s_disk_gb": 30,
            "control_plane": "gke-standard-free-tier",
            "k8s_lb_usage": "100",
            "docker_plan": "personal",
            "k8s_plan": "personal",
            "docker_seats": 4,
            "k8s_seats": 4,
            "devops_hourly_rate": "80",
            "services": 3,
        },
    ),
    "platform": Preset(
        "15-service platform on larger nodes",
        "A product platform of 15 services with varying load and several deploys a day: two "
        "m6i.4xlarge Docker hosts against six m6i.2xlarge EKS nodes with two ALBs, 40 "
        "developers on Docker Business, and a dedicated ops person.",
        {
            "provider": "aws",
            "region": "us-east-1",
            "docker_instance_type": "m6i.4xlarge",
            "docker_hosts": 2,
            "docker_disk_gb": 200,
            "docker_load_balancers": 1,
            "docker_lb_usage": "1460",  # 2 LCU on average over 730 hours
            "k8s_instance_type": "m6i.2xlarge",
            "k8s_nodes": 6,
            "k8s_disk_gb": 100,
            "k8s_load_balancers": 2,
            "k8s_lb_usage": "1460",
            "docker_plan": "business",
            "k8s_plan": "business",
            "docker_seats": 40,
            "k8s_seats": 40,
            "services": 15,
            "servers": 6,
            "deploy_frequency": "several-daily",
            "needs_autoscaling": True,
            "has_ops_person": True,
            "tolerates_downtime": False,
            "stateful": True,
        },
    ),
    "k3s": Preset(
        "Self-managed k3s",
        "No managed control plane: k3s on three t3.xlarge nodes behind a Network Load "
        "Balancer. No fee, but more DevOps hours, for longer: entered as hours a month (the "
        "labour model has no driver for a control plane you run yourself).",
        {
            "provider": "aws",
            "region": "us-east-1",
            "docker_instance_type": "t3.xlarge",
            "k8s_instance_type": "t3.xlarge",
            "k8s_nodes": 3,
            "control_plane": "self-managed",
            "load_balancer": "nlb",
            "docker_devops_hours": "5",
            "k8s_rampup_hours": "60",
            "k8s_rampup_months": 6,
            "k8s_steady_hours": "25",
        },
    ),
    "digitalocean": Preset(
        "DigitalOcean: DOKS against one Droplet",
        "One s-8vcpu-16gb Droplet against a DOKS cluster of three s-4vcpu-8gb nodes: the "
        "control plane is free, nodes and the load balancer are billed at most 672 hours "
        "a month, and the Droplets' transfer allowances pool.",
        {
            "provider": "digitalocean",
            "region": "nyc3",
            "docker_instance_type": "s-8vcpu-16gb",
            "k8s_instance_type": "s-4vcpu-8gb",
            "k8s_nodes": 3,
            "control_plane": "doks-free",
            "egress_gb": "2000",
        },
    ),
    "hetzner-k3s": Preset(
        "Hetzner Cloud: k3s against one server",
        "No managed Kubernetes on Hetzner Cloud: k3s on three CPX32 servers (its server "
        "runs on the first node, ingress through k3s' own load balancer) against one CPX42. "
        "Prices in EUR; the DevOps rate and Docker seats are in USD, converted at 0.86 EUR "
        "per USD, an example rate: enter yours. People time entered as hours a month, as for "
        "k3s.",
        {
            "provider": "hetzner",
            "region": "fsn1",
            "currency": "EUR",
            "exchange_rate": "0.86",
            "docker_instance_type": "cpx42",
            "k8s_instance_type": "cpx32",
            "k8s_nodes": 3,
            "control_plane": "self-managed-k3s",
            "docker_devops_hours": "5",
            "k8s_rampup_hours": "60",
            "k8s_rampup_months": 6,
            "k8s_steady_hours": "25",
        },
    ),
    "gke-autopilot": Preset(
        "GKE Autopilot: pods billed by their requests",
        "A small application of 2 vCPU and 4 GiB of pod requests on GKE Autopilot (the "
        "cluster fee covered by the free-tier credit) against one e2-standard-4 host.",
        {
            "provider": "gcp",
            "region": "us-central1",
            "docker_instance_type": "e2-standard-4",
            "docker_disk_gb": 50,
            "control_plane": "gke-autopilot",
            "workload_vcpu": "2",
            "workload_memory_gib": "4",
            "docker_plan": "personal",
            "k8s_plan": "personal",
            "docker_seats": 4,
            "k8s_seats": 4,
        },
    ),
    "docker-failover": Preset(
        "Docker with failover against EKS",
        "Like for like: two m6i.xlarge Docker hosts behind an Application Load Balancer "
        "(either can carry the application; state fails over by hand) against three "
        "m6i.xlarge EKS nodes.",
        {
            "provider": "aws",
            "region": "us-east-1",
            "docker_setup": "failover",
            "docker_instance_type": "m6i.xlarge",
            "docker_hosts": 2,
            "docker_load_balancers": 1,
            "docker_lb_usage": "100",
            "k8s_instance_type": "m6i.xlarge",
            "k8s_nodes": 3,
            "servers": 2,
        },
    ),
}


# How each preset counts people time: hours per month entered outright, or the labour model's
# estimate from its drivers (docs/PRICING.md, "People time").
PEOPLE_TIME = {
    name: "hours" if "docker_devops_hours" in preset.values else "drivers"
    for name, preset in PRESETS.items()
}


def preset_values(name: str) -> dict[str, Any]:
    """The field values of preset ``name`` (a copy), or InputError naming ``preset``."""
    preset = PRESETS.get(name)
    if preset is None:
        raise InputError(
            [FieldProblem("preset", f"is not a known preset; choose one of: {', '.join(PRESETS)}")]
        )
    return dict(preset.values)


def build_scenario(values: dict[str, Any], preset: str | None = None) -> Scenario:
    """A Scenario of ``values`` laid over the values of preset ``preset`` (if any); pydantic's
    ValidationError, or InputError for an unknown preset."""
    base = preset_values(preset) if preset else {}
    return Scenario.model_validate({**base, **values})
