"""Named scenarios a user can start from; `preset=NAME` applies one before other inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pricing.scenario import FieldProblem, InputError, Scenario


@dataclass(frozen=True, slots=True)
class Preset:
    title: str
    description: str
    values: dict[str, Any] = field(default_factory=dict)


PRESETS: dict[str, Preset] = {
    "article": Preset(
        "The article's example",
        "The 'Economics' section of the source article, to the cent: a $200 VM and ten $5 "
        "seats against three nodes ($350), a $73 control plane and a $20 load balancer. "
        "Its VM prices are the article's round figures, entered as your own hourly prices.",
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
            "k8s_lb_usage": "0.612",  # $16.43 hourly + $3.57 LCU = the article's $20
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
            "docker_lb_usage": "2",
            "k8s_instance_type": "m6i.2xlarge",
            "k8s_nodes": 6,
            "k8s_disk_gb": 100,
            "k8s_load_balancers": 2,
            "k8s_lb_usage": "2",
            "docker_plan": "business",
            "k8s_plan": "business",
            "docker_seats": 40,
            "k8s_seats": 40,
            "docker_devops_hours": "20",
            "k8s_rampup_hours": "80",
            "k8s_steady_hours": "40",
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
        "Balancer. No fee, but more DevOps hours, for longer.",
        {
            "provider": "aws",
            "region": "us-east-1",
            "docker_instance_type": "t3.xlarge",
            "k8s_instance_type": "t3.xlarge",
            "k8s_nodes": 3,
            "control_plane": "self-managed",
            "load_balancer": "nlb",
            "k8s_rampup_hours": "60",
            "k8s_rampup_months": 6,
            "k8s_steady_hours": "25",
        },
    ),
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
