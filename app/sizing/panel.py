"""The page's sizing panel: the placement picture (SVG geometry) and what the report shows.
Display only: every number comes from the SizingReport."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.present.numbers import qty
from app.sizing.reasons import burstable_text, docker_reason, kubernetes_reason, system_text
from pricing import SizedEstimate
from pricing.workload import SizingReport
from pricing.workload.report import PlacedPod, Placement

BAR_WIDTH = 300  # SVG user units for a node's allocatable
TONES = 6  # pod colours, as CSS classes tone-0 .. tone-5
SYSTEM_TONE = TONES  # the distribution's own pods: tone-6


@dataclass(frozen=True, slots=True)
class Segment:
    pod: str
    x: float
    width: float
    tone: int
    title: str


@dataclass(frozen=True, slots=True)
class NodeBar:
    node: int
    pods: tuple[str, ...]
    cpu: tuple[Segment, ...]
    memory: tuple[Segment, ...]
    cpu_text: str
    memory_text: str
    label: str


def _segments(
    pods: tuple[PlacedPod, ...],
    sizes: dict[str, Decimal],
    total: Decimal,
    tones: dict[str, int],
    unit: str,
) -> tuple[Segment, ...]:
    out, x = [], 0.0
    for pod in pods:
        size = sizes.get(pod.workload, Decimal(0))
        width = float(size / total) * BAR_WIDTH if total else 0.0
        width = max(min(width, BAR_WIDTH - x), 0.0)
        tone = tones.get(pod.workload, SYSTEM_TONE)
        out.append(
            Segment(pod.name, round(x, 2), round(width, 2), tone, f"{pod.name}: {qty(size)} {unit}")
        )
        x += width
    return tuple(out)


def _bars(
    placement: tuple[Placement, ...],
    room: tuple[Decimal, Decimal],
    sizes: tuple[dict[str, Decimal], dict[str, Decimal]],
    tones: dict[str, int],
    noun: str,
) -> list[NodeBar]:
    """One bar pair (CPU, memory) per VM, each pod a segment of its share of ``room``."""
    bars = []
    for node in placement:
        cpu_text = f"{qty(node.cpu_used)} of {qty(room[0])} vCPU"
        memory_text = f"{qty(node.memory_gib_used)} of {qty(room[1])} GiB"
        names = ", ".join(p.name for p in node.pods) or "nothing"
        bars.append(
            NodeBar(
                node=node.node,
                pods=tuple(pod.name for pod in node.pods),
                cpu=_segments(node.pods, sizes[0], room[0], tones, "vCPU"),
                memory=_segments(node.pods, sizes[1], room[1], tones, "GiB"),
                cpu_text=cpu_text,
                memory_text=memory_text,
                label=f"{noun} {node.node}: {names}; CPU {cpu_text}; memory {memory_text}",
            )
        )
    return bars


def _tones(report: SizingReport) -> dict[str, int]:
    return {w.name: index % TONES for index, w in enumerate(report.workloads)}


def placement_bars(report: SizingReport) -> list[NodeBar]:
    """The Kubernetes nodes: the system's pods, the DaemonSets' and the workload's."""
    cluster = report.kubernetes
    cpu = {w.name: w.cpu for w in report.workloads}
    memory = {w.name: w.memory_gib for w in report.workloads}
    if cluster.system is not None:
        cpu["system"] = cluster.system.per_node_cpu
        memory["system"] = cluster.system.per_node_memory_gib
        cpu |= {a.name: a.cpu for a in cluster.system.add_ons}
        memory |= {a.name: a.memory_gib for a in cluster.system.add_ons}
    room = (cluster.allocatable.cpu, cluster.allocatable.memory_gib)
    return _bars(cluster.placement, room, (cpu, memory), _tones(report), "Node")


def host_bars(report: SizingReport) -> list[NodeBar]:
    """The Docker hosts when the services are spread over them (a stateful service's
    replicas, kept on one host, are one segment of them all)."""
    docker = report.docker
    if docker is None or not docker.spread:
        return []
    cpu = {w.name: w.cpu for w in report.workloads}
    memory = {w.name: w.memory_gib for w in report.workloads}
    for line in report.workloads:
        whole = any(p.name == line.name for host in docker.placement for p in host.pods)
        if whole:
            cpu[line.name], memory[line.name] = (
                line.cpu * line.replicas,
                line.memory_gib * line.replicas,
            )
    room = (docker.allocatable_cpu, docker.allocatable_memory_gib)
    return _bars(docker.placement, room, (cpu, memory), _tones(report), "Host")


@dataclass(frozen=True, slots=True)
class SizingPanel:
    """What templates/partials/sizing_report.html draws."""

    sized: SizedEstimate
    bars: list[NodeBar]
    docker_reason: str | None
    kubernetes_reason: str
    status: str
    host_bars: list[NodeBar]
    notes: list[str]
    """The system pods and how burstable CPU was counted."""

    @property
    def report(self) -> SizingReport:
        return self.sized.sizing.report


def sizing_panel(sized: SizedEstimate) -> SizingPanel:
    report = sized.sizing.report
    docker, cluster = report.docker, report.kubernetes
    host = f"Docker {docker.hosts} x {docker.instance_type}" if docker else "no Docker host fits"
    status = (
        f"Sized {len(report.workloads)} workloads: {host}; Kubernetes {cluster.nodes} x "
        f"{cluster.instance_type}. The calculator now shows the sized setups."
    )
    notes = [
        burstable_text(cluster.burstable, cluster.instance_type, report.currency),
        system_text(cluster),
    ]
    if docker is not None:
        notes.insert(0, burstable_text(docker.burstable, docker.instance_type, report.currency))
    return SizingPanel(
        sized=sized,
        bars=placement_bars(report),
        docker_reason=docker_reason(docker, report.currency) if docker else None,
        kubernetes_reason=kubernetes_reason(cluster, report.currency),
        status=status,
        host_bars=host_bars(report),
        notes=[note for note in notes if note],
    )
