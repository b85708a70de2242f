"""The article's decision checklist: seven questions, each pointing to a setup (or neither)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pricing.capacity import Fit
from pricing.money import format_money
from pricing.resolution import Resolved
from pricing.scenario import Scenario

Lean = Literal["docker", "kubernetes", "neutral"]
Recommendation = Literal["docker", "kubernetes", "either"]

# How far the votes must lean before the advice picks a side.
DECISIVE_MARGIN = 2


@dataclass(frozen=True, slots=True)
class Reason:
    """One question's answer and where it points; ``weight`` counts strong answers twice."""

    question: str
    points_to: Lean
    text: str
    weight: int = 1


@dataclass(frozen=True, slots=True)
class Advice:
    recommendation: Recommendation
    summary: str
    reasons: tuple[Reason, ...]
    notes: tuple[str, ...] = ()


def _services(n: int) -> Reason:
    if n >= 10:
        return Reason(
            "services", "kubernetes", f"{n} services: 10 or more is Kubernetes territory.", 2
        )
    if n >= 5:
        return Reason("services", "kubernetes", f"{n} services: 5 to 10 leans to Kubernetes.")
    return Reason("services", "docker", f"{n} services: fewer than 5 fit Docker Compose well.")


def _servers(n: int) -> Reason:
    if n >= 3:
        return Reason("servers", "kubernetes", f"{n} servers: 3 or more need orchestration.")
    return Reason(
        "servers", "docker", f"{n} server{'s' if n > 1 else ''}: 1 or 2 run fine on Docker."
    )


def _deploys(frequency: str) -> Reason:
    if frequency == "several-daily":
        return Reason(
            "deploy_frequency",
            "kubernetes",
            "Several deploys a day: Kubernetes' rolling updates pay off.",
        )
    return Reason(
        "deploy_frequency", "docker", f"Deploying {frequency}: Docker is fine at that cadence."
    )


def _checklist(s: Scenario) -> list[Reason]:
    return [
        _services(s.services),
        _servers(s.servers),
        _deploys(s.deploy_frequency),
        Reason(
            "needs_autoscaling", "kubernetes", "Varying load: autoscaling is a Kubernetes strength."
        )
        if s.needs_autoscaling
        else Reason("needs_autoscaling", "docker", "Predictable load: no autoscaling needed."),
        Reason("has_ops_person", "kubernetes", "A dedicated ops person can run a cluster.")
        if s.has_ops_person
        else Reason("has_ops_person", "docker", "No dedicated ops person: stay with Docker.", 2),
        Reason(
            "tolerates_downtime",
            "docker",
            "15 minutes of downtime per incident is acceptable: one host will do.",
        )
        if s.tolerates_downtime
        else Reason(
            "tolerates_downtime",
            "kubernetes",
            "Downtime is not acceptable: Kubernetes self-heals across nodes.",
        ),
        Reason(
            "stateful",
            "neutral",
            "Stateful workloads make Kubernetes complex: budget extra time for storage.",
        )
        if s.stateful
        else Reason("stateful", "neutral", "Stateless workloads migrate easily either way."),
    ]


def _traps(r: Resolved, fit: tuple[Fit, ...]) -> list[str]:
    """Costs that surprise people, flagged where this scenario walks into them."""
    s, notes = r.scenario, []
    if s.control_plane == "eks-extended":
        notes.append(
            "EKS extended support costs $0.60 per cluster-hour ($438.00 a month) "
            "instead of $0.10 ($73.00): upgrade Kubernetes to return to standard "
            "support."
        )
    if r.control_plane.monthly_credit > 0:
        notes.append(
            "GKE's free-tier credit covers one zonal cluster per billing account: a "
            "regional cluster, or a second cluster, pays the full fee."
        )
    paid = [
        p
        for p, n in ((r.docker_plan, s.docker_seats), (r.k8s_plan, s.k8s_seats))
        if n and p.annual > 0
    ]
    if paid and not s.docker_desktop_free and s.seat_price is None:
        notes.append(
            "Docker Desktop is free for companies under 250 employees and under $10M "
            "revenue: if yours qualifies, say so and the seats cost nothing."
        )
    if s.k8s_pricing == "spot":
        notes.append(
            "Spot nodes can be taken back at short notice: run only workloads that "
            "tolerate interruption on them."
        )
    for f in fit:
        if not f.fits:
            noun = "hosts" if f.setup == "docker" else "nodes"
            notes.append(
                f"The workload does not fit the {f.setup} setup: it needs {f.needed} "
                f"{noun}, not {f.count}."
            )
    return notes


def advise(
    r: Resolved, docker_monthly: Decimal, kubernetes_monthly: Decimal, fit: tuple[Fit, ...] = ()
) -> Advice:
    """Weigh the checklist's answers; the cost difference is reported, not voted."""
    s = r.scenario
    reasons = _checklist(s)
    docker = sum(r.weight for r in reasons if r.points_to == "docker")
    kubernetes = sum(r.weight for r in reasons if r.points_to == "kubernetes")
    recommendation: Recommendation
    if docker - kubernetes >= DECISIVE_MARGIN:
        recommendation, summary = "docker", "Stay with Docker (Compose on one host)."
    elif kubernetes - docker >= DECISIVE_MARGIN:
        recommendation, summary = "kubernetes", "Kubernetes is worth its cost here."
    else:
        recommendation, summary = "either", "Either can work: let the cost decide."
    gap = kubernetes_monthly - docker_monthly
    if gap:
        more = "more" if gap > 0 else "less"
        amount = format_money(abs(gap), s.currency)
        summary += f" At steady state Kubernetes costs {amount} {more} per month."
    return Advice(recommendation, summary, tuple(reasons), tuple(_traps(r, fit)))
