"""The calculator form's advanced groups, folded away unless one of their fields is set or
wrong: buying options and the currency; the workload, autoscaling and traffic; the people
time's coefficients."""

from __future__ import annotations

from app.page.fields import Field, Group

# The labour table's coefficients: each field replaces one coefficient's low/likely/high.
_COEFFICIENTS = (
    ("docker_host_hours", "Docker: per host", "Updates, backups, disk.", "h/month"),
    ("docker_service_hours", "Docker: per service", "Compose entries, images.", "h/month"),
    ("docker_stateful_hours", "Docker: per stateful service", "Backups, restores.", "h/month"),
    ("docker_deploy_hours", "Docker: per deploy", "Pull, restart, check.", "h"),
    ("docker_incident_hours", "Docker: incidents per host", "And on-call.", "h/month"),
    ("k8s_cluster_hours", "Kubernetes: per cluster", "Add-ons, node groups.", "h/month"),
    ("k8s_service_hours", "Kubernetes: per service", "Manifests, charts.", "h/month"),
    ("k8s_stateful_hours", "Kubernetes: per stateful service", "Volumes, backups.", "h/month"),
    ("k8s_deploy_hours", "Kubernetes: per deploy", "Rolling updates.", "h"),
    ("k8s_incident_hours", "Kubernetes: incidents per cluster", "And on-call.", "h/month"),
    ("k8s_upgrade_hours", "Kubernetes: per upgrade", "Three a year per cluster.", "h"),
    ("k8s_rampup_extra_hours", "Kubernetes: ramp-up extra", "While learning.", "h/month"),
)

ADVANCED_GROUPS: tuple[Group, ...] = (
    Group(
        "buying",
        "Buying options, currency",
        (
            Field(
                "docker_pricing", "Docker host bought", "On-demand or a commitment.", kind="select"
            ),
            Field(
                "docker_commitment_percent",
                "Host commitment discount",
                "Off on-demand. The catalog has no sourced rate: enter yours.",
                "%",
                step="0.1",
                optional=True,
            ),
            Field("k8s_pricing", "Nodes bought", "Spot nodes can be interrupted.", kind="select"),
            Field(
                "k8s_commitment_percent",
                "Node commitment or spot discount",
                "Off on-demand. The catalog has no sourced rate: enter yours.",
                "%",
                step="0.1",
                optional=True,
            ),
            Field(
                "vm_hours_per_month",
                "VM hours running",
                "e.g. 264 for 12 h x 22 days; disks and fees still bill all month.",
                "h/month",
                optional=True,
            ),
            Field(
                "docker_desktop_free",
                "We qualify for free Docker Desktop",
                "Under 250 employees and $10M revenue; not government.",
                kind="yesno",
            ),
            Field("currency", "Show results in", "An ISO code, e.g. EUR.", "currency", kind="text"),
            Field(
                "exchange_rate",
                "Exchange rate",
                "Units of that currency per US dollar; inputs stay in USD.",
                "per USD",
                step="0.0001",
            ),
            Field(
                "eur_rate",
                "Euro rate",
                "For a provider pricing in EUR: your currency per euro.",
                "per EUR",
                step="0.0001",
            ),
        ),
        note="Commitments, spot, schedules, free Docker Desktop and the display currency.",
        advanced=True,
    ),
    Group(
        "capacity",
        "Workload, autoscaling, traffic",
        (
            Field(
                "workload_vcpu",
                "Workload CPU",
                "Total CPU requests.",
                "vCPU",
                step="0.1",
                optional=True,
            ),
            Field(
                "workload_memory_gib",
                "Workload memory",
                "Total memory requests.",
                "GiB",
                step="0.1",
                optional=True,
            ),
            Field("workload_pods", "Pods", "For the per-node pod limit.", "count", optional=True),
            Field(
                "k8s_max_pods",
                "Max pods per node",
                "Empty: the provider's maximum for the type.",
                "count",
            ),
            Field(
                "k8s_nodes_min",
                "Fewest nodes",
                "Autoscaling low; nodes is the average.",
                "count",
                optional=True,
            ),
            Field("k8s_nodes_max", "Most nodes", "Autoscaling high.", "count", optional=True),
            Field(
                "docker_surplus_vcpu",
                "Host CPU above burstable baseline",
                "AWS t3/t4g unlimited: steady use above the baseline, per host, billed as "
                "surplus credits. 0: none.",
                "vCPU",
                step="0.01",
            ),
            Field(
                "k8s_surplus_vcpu",
                "Node CPU above burstable baseline",
                "As for the host, per node; e.g. 0.6 for a t3.medium at 1 vCPU (baseline 0.4).",
                "vCPU",
                step="0.01",
            ),
            Field(
                "k8s_control_nodes",
                "Self-managed control-plane VMs",
                "For kubeadm or k3s servers; 0 with a managed plane.",
                "count",
            ),
            Field(
                "k8s_control_instance_type",
                "Control-plane VM type",
                "Empty: the node type.",
                kind="select",
            ),
            Field("egress_gb", "Internet egress", "Both setups serve it.", "GB/month", step="1"),
            Field(
                "k8s_private_nodes",
                "Private nodes behind a NAT gateway",
                "AWS, Azure, Google Cloud NAT: hourly and per GB of egress.",
                kind="yesno",
            ),
            Field(
                "public_ipv4",
                "Price public IPv4 addresses",
                "AWS, Google, Azure, Hetzner: hosts', balancers', public nodes'.",
                kind="yesno",
            ),
            Field(
                "cross_zone_gb",
                "Cross-zone traffic",
                "Between the cluster's zones.",
                "GB/month",
                step="1",
            ),
            Field(
                "monthly_requests",
                "Requests a month",
                "Prices managed containers billed by request (Cloud Run, Container Apps).",
                "count",
                optional=True,
            ),
            Field(
                "request_ms",
                "Time per request",
                "How long each keeps an instance busy; give with the requests.",
                "ms",
                optional=True,
            ),
        ),
        note="Does it fit, what autoscaling costs, and data transfer.",
        advanced=True,
    ),
    Group(
        "months",
        "Versions, environments, growth",
        (
            Field(
                "upgrade_policy",
                "Kubernetes upgrades",
                "Never: extended-support fees, then the provider upgrades. Current: the team "
                "upgrades each minor, about three a year.",
                kind="select",
            ),
            Field(
                "start_month",
                "First month",
                "Of the horizon. Empty: the month the catalog was read.",
                "YYYY-MM",
                kind="text",
                optional=True,
            ),
            Field(
                "environments",
                "Environments",
                "Production included: 3 for production, staging and dev.",
                "count",
            ),
            Field(
                "nonprod_size_percent",
                "Each other environment's size",
                "Against production: 50 is half its size.",
                "%",
                step="1",
            ),
            Field(
                "k8s_environments",
                "Other environments on Kubernetes",
                "A cluster each pays its own control-plane fee.",
                kind="select",
            ),
            Field(
                "growth_percent_per_month",
                "Workload growth",
                "Compounding, on the workload's CPU and memory (above).",
                "%/month",
                step="0.1",
            ),
        ),
        note="The months ahead: Kubernetes versions, staging and dev, a growing workload.",
        advanced=True,
    ),
    Group(
        "labour",
        "People time, driver by driver",
        tuple(
            Field(name, label, hint, unit, kind="text") for name, label, hint, unit in _COEFFICIENTS
        ),
        note="Each replaces the labour table's low/likely/high: one number, or 4/16/80. "
        "Empty: the table's range.",
        advanced=True,
    ),
)
