"""The calculator form's layout: its groups and fields, each with a label, unit and hint.

Field names are Scenario's: the form name, the model field and the error key are one identifier
(a test checks every Scenario field has its place here).
"""

from __future__ import annotations

from app.page.advanced import ADVANCED_GROUPS
from app.page.fields import Field, Group


def _lb_usage(name: str) -> Field:
    """A setup's load-balancer traffic (the same words for both)."""
    return Field(
        name,
        "Load-balancer traffic",
        "Processed per LB (AWS: 1 GB = 1 LCU-hour).",
        "GB/month",
        step="0.01",
    )


def _own_price(name: str) -> Field:
    """A setup's own hourly price for its VM type (the same words for both)."""
    return Field(
        name,
        "Your hourly price",
        "Leave empty for the list price.",
        "USD/h",
        step="0.000001",
        optional=True,
        placeholder="list price",
    )


GROUPS: tuple[Group, ...] = (
    Group(
        "cloud",
        "Cloud and region",
        (
            Field(
                "provider",
                "Cloud provider",
                "Prices come from this provider's list.",
                kind="select",
            ),
            Field("region", "Region", "Prices differ by region.", kind="select"),
            Field("load_balancer", "Load-balancer type", "Used by both setups.", kind="select"),
            Field("disk", "Disk type", "Block storage for hosts and nodes.", kind="select"),
            Field("hours_per_month", "Hours per month", "730 is the average month.", "hours"),
            Field(
                "discount_percent",
                "Negotiated discount",
                "Off list prices; 0 if none.",
                "%",
                step="0.1",
            ),
        ),
    ),
    Group(
        "docker",
        "Docker host (Compose)",
        (
            Field(
                "docker_instance_type",
                "Host VM type",
                "One VM runs every container.",
                kind="select",
            ),
            Field("docker_hosts", "Hosts", "Usually 1; 2 or more for failover.", "count"),
            Field(
                "docker_setup",
                "Setup",
                "Failover: hosts behind a load balancer.",
                kind="select",
            ),
            Field("docker_disk_gb", "Disk per host", "Operating system, images, volumes.", "GB"),
            Field(
                "docker_load_balancers",
                "Load balancers",
                "Often none: the host takes traffic.",
                "count",
            ),
            _lb_usage("docker_lb_usage"),
            Field("docker_plan", "Docker plan", "Docker Desktop subscription.", kind="select"),
            Field("docker_seats", "Docker seats", "Developers who need a seat.", "seats"),
            _own_price("docker_hourly_price"),
        ),
    ),
    Group(
        "kubernetes",
        "Kubernetes cluster",
        (
            Field("k8s_instance_type", "Node VM type", "Worker nodes run the pods.", kind="select"),
            Field("k8s_nodes", "Worker nodes", "Three is the usual minimum.", "count"),
            Field(
                "control_plane",
                "Control plane",
                "Managed fee tier, or self-managed.",
                kind="select",
            ),
            Field("k8s_disk_gb", "Disk per node", "Root volume of each node.", "GB"),
            Field(
                "k8s_load_balancers", "Load balancers", "One for the ingress is typical.", "count"
            ),
            _lb_usage("k8s_lb_usage"),
            Field("k8s_plan", "Docker plan", "Seats for the same developers.", kind="select"),
            Field("k8s_seats", "Docker seats", "0 if nobody needs Docker Desktop.", "seats"),
            _own_price("k8s_hourly_price"),
        ),
    ),
    Group(
        "people",
        "People and time",
        (
            Field(
                "devops_hourly_rate",
                "DevOps hourly rate",
                "$200K a year is about $96/h.",
                "USD/h",
                step="0.01",
            ),
            Field(
                "docker_devops_hours",
                "Docker ops hours",
                "Per month, or low/likely/high. Empty: from the drivers.",
                "h/month",
                kind="text",
            ),
            Field(
                "k8s_rampup_hours",
                "Kubernetes ramp-up hours",
                "Per month while learning. Empty: steady plus the drivers' extra.",
                "h/month",
                kind="text",
            ),
            Field(
                "k8s_rampup_months",
                "Ramp-up months",
                "The article: a median of 4. Empty: the labour table's range.",
                "months",
                kind="text",
            ),
            Field(
                "k8s_steady_hours",
                "Kubernetes steady hours",
                "Per month after ramp-up. Empty: from the drivers.",
                "h/month",
                kind="text",
            ),
            Field("horizon_months", "Horizon", "Months to add up.", "months"),
            Field(
                "odds",
                "The odds",
                "P10 to P90 and how often Kubernetes is cheaper.",
                kind="yesno",
            ),
            Field("plan_billing", "Docker billing", "Annual is cheaper per seat.", kind="select"),
            Field(
                "seat_price",
                "Your seat price",
                "Leave empty for the plan's price.",
                "USD/seat",
                step="0.01",
                optional=True,
                placeholder="plan's price",
            ),
        ),
    ),
    Group(
        "questions",
        "Decision questions",
        (
            Field("services", "Services", "How many services do you run?", "count"),
            Field("servers", "Servers", "How many servers do you need?", "count"),
            Field("deploy_frequency", "Deploys", "How often do you deploy?", kind="select"),
            Field(
                "needs_autoscaling",
                "Autoscaling",
                "Does your load vary enough to need it?",
                kind="yesno",
            ),
            Field("has_ops_person", "Ops person", "Is there a dedicated ops person?", kind="yesno"),
            Field(
                "tolerates_downtime",
                "Downtime",
                "Can you tolerate 15 minutes per incident?",
                kind="yesno",
            ),
            Field(
                "stateful",
                "Stateful",
                "Do you run databases or other stateful workloads?",
                kind="yesno",
            ),
            Field(
                "stateful_services",
                "Stateful services",
                "How many keep state? Empty: 1 if stateful.",
                "count",
            ),
        ),
        note="From the article's checklist: they shape the advice, and the people time "
        "(services, stateful services and deploys are among its drivers).",
    ),
    *ADVANCED_GROUPS,
)
FIELDS = {f.name: f for g in GROUPS for f in g.fields}
