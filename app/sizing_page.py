"""The page's sizing panel: the placement picture (SVG geometry) and what the report shows.
Display only: every number comes from the SizingReport."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.formatting import qty
from app.sizing_view import docker_reason, kubernetes_reason
from pricing import SizedEstimate
from pricing.workload import SizingReport
from pricing.workload.report import PlacedPod

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


def placement_bars(report: SizingReport) -> list[NodeBar]:
    """One bar pair (CPU, memory) per node, each pod a segment of its share of allocatable."""
    cluster = report.kubernetes
    room = cluster.allocatable
    cpu = {w.name: w.cpu for w in report.workloads}
    memory = {w.name: w.memory_gib for w in report.workloads}
    if cluster.system is not None:
        cpu["system"] = cluster.system.per_node_cpu
        memory["system"] = cluster.system.per_node_memory_gib
        cpu |= {a.name: a.cpu for a in cluster.system.add_ons}
        memory |= {a.name: a.memory_gib for a in cluster.system.add_ons}
    tones = {w.name: index % TONES for index, w in enumerate(report.workloads)}
    bars = []
    for node in cluster.placement:
        cpu_text = f"{qty(node.cpu_used)} of {qty(room.cpu)} vCPU"
        memory_text = f"{qty(node.memory_gib_used)} of {qty(room.memory_gib)} GiB"
        bars.append(
            NodeBar(
                node=node.node,
                pods=tuple(pod.name for pod in node.pods),
                cpu=_segments(node.pods, cpu, room.cpu, tones, "vCPU"),
                memory=_segments(node.pods, memory, room.memory_gib, tones, "GiB"),
                cpu_text=cpu_text,
                memory_text=memory_text,
                label=f"Node {node.node}: {', '.join(p.name for p in node.pods) or 'no pods'}; "
                f"CPU {cpu_text}; "
                f"memory {memory_text}",
            )
        )
    return bars


@dataclass(frozen=True, slots=True)
class SizingPanel:
    """What templates/partials/sizing_report.html draws."""

    sized: SizedEstimate
    bars: list[NodeBar]
    docker_reason: str | None
    kubernetes_reason: str
    status: str

    @property
    def report(self) -> SizingReport:
        return self.sized.sizing.report


def sizing_panel(sized: SizedEstimate) -> SizingPanel:
    report = sized.sizing.report
    docker, cluster = report.docker, report.kubernetes
    host = f"Docker host {docker.instance_type}" if docker else "no single Docker host fits"
    status = (
        f"Sized {len(report.workloads)} workloads: {host}; Kubernetes {cluster.nodes} x "
        f"{cluster.instance_type}. The calculator now shows the sized setups."
    )
    return SizingPanel(
        sized=sized,
        bars=placement_bars(report),
        docker_reason=docker_reason(docker, report.currency) if docker else None,
        kubernetes_reason=kubernetes_reason(cluster, report.currency),
        status=status,
    )
