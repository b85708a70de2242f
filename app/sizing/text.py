"""A sizing report and both monthly totals as a terminal table (``dockerk8s-cost size``)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.present import odds as odds_words
from app.present.numbers import money, qty
from app.present.words import SETUP_NAMES, advice_summary, headline, spoken
from app.sizing.reasons import burstable_text, docker_reason, kubernetes_reason, system_text
from pricing import SizedEstimate
from pricing.workload.report import Placement


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Columns padded to their widest cell; the columns in ``right`` aligned right."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  " + "  ".join(padded).rstrip()

    return [line(header), "  " + "  ".join("-" * w for w in widths), *map(line, rows)]


def _workloads(sized: SizedEstimate) -> list[str]:
    rows = [
        [
            w.name,
            w.kind,
            "per node" if w.per_node else str(w.replicas),
            qty(w.cpu),
            qty(w.memory_gib),
            qty(w.storage_gib),
            ", ".join(w.assumed) or "-",
        ]
        for w in sized.sizing.report.workloads
    ]
    header = ["workload", "kind", "replicas", "vCPU each", "GiB each", "storage GiB", "assumed"]
    return table(header, rows, {2, 3, 4, 5})


def _placement(
    placement: tuple[Placement, ...], cpu: Decimal, memory: Decimal, unit: str = "node"
) -> list[str]:
    """What runs on each VM against its room (``cpu`` vCPU, ``memory`` GiB)."""
    rows = [
        [
            str(node.node),
            f"{qty(node.cpu_used)} / {qty(cpu)}",
            f"{qty(node.memory_gib_used)} / {qty(memory)}",
            ", ".join(pod.name for pod in node.pods),
        ]
        for node in placement
    ]
    return table([unit, "vCPU used", "GiB used", "runs"], rows, {0, 1, 2})


def _totals(sized: SizedEstimate) -> list[str]:
    comparison = sized.estimate.comparison
    currency = comparison.currency
    bills = (comparison.docker, comparison.kubernetes)
    rows = [
        [label, *(money(getattr(bill, name), currency) for bill in bills)]
        for label, name in (
            ("Infrastructure", "infrastructure_monthly"),
            ("People", "people_monthly"),
            ("Monthly total", "monthly_total"),
            ("First month", "first_month_total"),
        )
    ]
    return table(["per month", "Docker", "Kubernetes"], rows, {1, 2})


def _people(sized: SizedEstimate) -> list[str]:
    """Each setup's people lines of a steady month: the driver, its hours and their cost."""
    comparison = sized.estimate.comparison
    rows = [
        [
            SETUP_NAMES[bill.setup],
            item.label,
            qty(item.quantity),
            money(item.monthly, comparison.currency),
        ]
        for bill in (comparison.docker, comparison.kubernetes)
        for item in bill.line_items
        if item.category == "people"
    ]
    if not rows:
        return []
    return [
        "",
        "People time, a steady month",
        *table(["setup", "what", "hours", "cost"], rows, {2, 3}),
    ]


def _odds(sized: SizedEstimate) -> list[str]:
    """The odds: the quantiles of both setups' totals, the sentence, what the answer turns on."""
    odds, comparison = sized.estimate.odds, sized.estimate.comparison
    if odds is None:
        return []
    rows = [list(row) for row in odds_words.rows(odds, comparison)]
    title = f"The odds ({odds.draws:,} draws, seed {odds.seed})"
    out = ["", title, *table(["setup", "total of", "P10", "P50", "P90"], rows, {2, 3, 4})]
    out += [*odds_words.lines(odds, comparison)]
    turns = [f"{i.name} {odds_words.percent(i.share)}" for i in odds_words.influences(odds)]
    return out + ([f"What the answer turns on: {', '.join(turns)}"] if turns else [])


def _months(sized: SizedEstimate) -> list[str]:
    """What happens in the months ahead, a row per event; empty if nothing does."""
    comparison = sized.estimate.comparison
    rows = [
        [f"{point.month} ({point.calendar_month})", SETUP_NAMES[event.setup], event.text]
        for point in comparison.timeline
        for event in point.events
    ]
    if not rows:
        return []
    months = comparison.months
    title = f"The months ahead, from {months.start_month}"
    if months.kubernetes_version:
        title += f" (Kubernetes {months.kubernetes_version})"
    notes = [f"  assumed: {text}" for text in months.assumptions]
    return ["", title, *table(["month", "setup", "what happens"], rows, set()), *notes]


def _gib(value: Decimal) -> str:
    return f"{qty(value)} GiB"


def choice_lines(sized: SizedEstimate) -> list[str]:
    """The Docker hosts and the Kubernetes nodes chosen, why, and how their CPU was counted."""
    report = sized.sizing.report
    cluster, docker, currency = report.kubernetes, report.docker, report.currency
    out = []
    if docker is None:
        out.append("Docker host: no host type holds the workload (see the notes)")
    else:
        out.append(
            f"Docker host: {docker.hosts} x {docker.instance_type} ({docker.vcpu} vCPU, "
            f"{_gib(docker.memory_gib)}): {docker_reason(docker, currency)}"
        )
        burst = burstable_text(docker.burstable, docker.instance_type, currency)
        out += [f"  {burst}"] if burst else []
    out.append(
        f"Kubernetes: {cluster.nodes} x {cluster.instance_type} (allocatable "
        f"{qty(cluster.allocatable.cpu)} vCPU, {_gib(cluster.allocatable.memory_gib)}, "
        f"{cluster.allocatable.pods} pods each): {kubernetes_reason(cluster, currency)}"
    )
    burst = burstable_text(cluster.burstable, cluster.instance_type, currency)
    system = system_text(cluster)
    return out + [f"  {line}" for line in (burst, system) if line]


def sizing_text(sized: SizedEstimate, permalink: str) -> str:
    """The whole report: what was read, the choices and why, placement, warnings, totals."""
    report = sized.sizing.report
    totals, cluster, docker = report.totals, report.kubernetes, report.docker
    plural = "" if report.source.documents == 1 else "s"
    out = [f"Read {report.source.kind}: {report.source.documents} document{plural}", ""]
    out += ["Workloads", *_workloads(sized), ""]
    out.append(
        f"Total: {qty(totals.cpu)} vCPU, {_gib(totals.memory_gib)}, {totals.pods} pods, "
        f"storage {_gib(totals.storage_gib)}, load balancers {totals.load_balancers}"
    )
    if totals.daemonset_cpu_per_node or totals.daemonset_memory_gib_per_node:
        out.append(
            f"Per node (DaemonSets): {qty(totals.daemonset_cpu_per_node)} vCPU, "
            f"{_gib(totals.daemonset_memory_gib_per_node)}"
        )
    out += ["", *choice_lines(sized)]
    room = cluster.allocatable
    out += ["", "Placement", *_placement(cluster.placement, room.cpu, room.memory_gib)]
    if docker is not None and docker.spread:
        cpu, memory = docker.allocatable_cpu, docker.allocatable_memory_gib
        out += ["", "Docker hosts", *_placement(docker.placement, cpu, memory, "host")]
    notes = [f"{w.workload or 'all'}: {w.message}" for w in report.warnings]
    notes += [f"assumed: {text}" for text in report.assumptions]
    notes += [f"not sized: {name}" for name in (*report.jobs, *report.ignored)]
    if notes:
        out += ["", "Notes", *(f"  - {note}" for note in notes)]
    out += ["", "Monthly cost of the sized setups", *_totals(sized), *_people(sized)]
    out += [*_odds(sized), *_months(sized), ""]
    out += [spoken(headline(sized.estimate.comparison)), advice_summary(sized.estimate)]
    out.append(f"Permalink: {permalink}")
    return "\n".join(out)
