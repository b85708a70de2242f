"""The article's decision checklist: seven questions, each pointing to a setup (or neither)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from pricing.capacity import Fit
from pricing.money import format_money
from pricing.resolution import Resolved
from pricing.scenario import Scenario

Lean = Literal["docker", "kubernetes", "neutral"]
Recommendation = Literal["docker", "kubernetes", "either"]

# How far the votes must lean before the advice picks a side.
DECISIVE_MARGIN = 2


class Reason(NamedTuple):
    """One question's answer and where it points; ``weight`` counts strong answers twice."""

    question: str
    points_to: Lean
    text: str
    weight: int = 1


class Advice(NamedTuple):
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


# The Scenario fields the checklist asks about (the questions' names).
CHECKLIST_FIELDS = (
    "services",
    "servers",
    "deploy_frequency",
    "needs_autoscaling",
    "has_ops_person",
    "tolerates_downtime",
    "stateful",
)


def _reasons(
    services: int,
    servers: int,
    deploy_frequency: str,
    needs_autoscaling: bool,
    has_ops_person: bool,
    tolerates_downtime: bool,
    stateful: bool,
) -> tuple[Reason, ...]:
    return (
        _services(services),
        _servers(servers),
        _deploys(deploy_frequency),
        Reason(
            "needs_autoscaling", "kubernetes", "Varying load: autoscaling is a Kubernetes strength."
        )
        if needs_autoscaling
        else Reason("needs_autoscaling", "docker", "Predictable load: no autoscaling needed."),
        Reason("has_ops_person", "kubernetes", "A dedicated ops person can run a cluster.")
        if has_ops_person
        else Reason("has_ops_person", "docker", "No dedicated ops person: stay with Docker.", 2),
        Reason(
            "tolerates_downtime",
            "docker",
            "15 minutes of downtime per incident is acceptable: one host will do.",
        )
        if tolerates_downtime
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
        if stateful
        else Reason("stateful", "neutral", "Stateless workloads migrate easily either way."),
    )


def price_notes(r: Resolved) -> tuple[str, ...]:
    """Costs that surprise people, flagged where this scenario walks into them (decided by
    its infrastructure fields alone, so shared through ``pricing.infrastructure``)."""
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
    return tuple(notes)


def fit_notes(fit: tuple[Fit, ...]) -> tuple[str, ...]:
    """A note for each setup the workload does not fit."""
    return tuple(
        f"The workload does not fit the {f.setup} setup: it needs {f.needed} "
        f"{'hosts' if f.setup == 'docker' else 'nodes'}, not {f.count}."
        for f in fit
        if not f.fits
    )


@lru_cache(maxsize=1024)
def _weigh(*answers: Any) -> tuple[tuple[Reason, ...], Recommendation, str]:
    """The reasons for the checklist's answers (in CHECKLIST_FIELDS order), the side they
    lean to, and the advice's first sentence."""
    reasons = _reasons(*answers)
    docker = sum(r.weight for r in reasons if r.points_to == "docker")
    kubernetes = sum(r.weight for r in reasons if r.points_to == "kubernetes")
    if docker - kubernetes >= DECISIVE_MARGIN:
        return reasons, "docker", "Stay with Docker (Compose on one host)."
    if kubernetes - docker >= DECISIVE_MARGIN:
        return reasons, "kubernetes", "Kubernetes is worth its cost here."
    return reasons, "either", "Either can work: let the cost decide."


def advise(
    s: Scenario, docker_monthly: Decimal, kubernetes_monthly: Decimal, notes: tuple[str, ...] = ()
) -> Advice:
    """Weigh the checklist's answers; the cost difference is reported, not voted. ``notes``
    are the traps this scenario walks into (``price_notes`` and ``fit_notes``)."""
    reasons, recommendation, summary = _weigh(*map(s.__dict__.__getitem__, CHECKLIST_FIELDS))
    gap = kubernetes_monthly - docker_monthly
    if gap:
        more = "more" if gap > 0 else "less"
        amount = format_money(abs(gap), s.currency)
        summary += f" At steady state Kubernetes costs {amount} {more} per month."
    return Advice(recommendation, summary, reasons, notes)
