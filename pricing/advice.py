"""Advice on a comparison: the article's decision checklist (seven questions, each pointing to
a setup or neither) and the price traps the scenario walks into."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Any, Literal, NamedTuple

from pricing.capacity import Fit
from pricing.comparison import Comparison
from pricing.money import format_money, to_cents
from pricing.resolve import Matches, Resolved
from pricing.scenario import CHECKLIST_FIELDS

Lean = Literal["docker", "kubernetes", "neutral"]
# "neither": no setup holds the workload as entered (the advice never picks one that fails).
Recommendation = Literal["docker", "kubernetes", "either", "neither"]

# How far the votes must lean before the advice picks a side.
DECISIVE_MARGIN = 2


class Reason(NamedTuple):
    """One question's answer and where it points; ``weight`` counts strong answers twice."""

    question: str
    points_to: Lean
    text: str
    weight: int = 1


class Advice(NamedTuple):
    """Where the checklist points, in a sentence (``verdict``) and question by question, and
    the price traps noted."""

    recommendation: Recommendation
    verdict: str
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


def _tier_fee(matches: Matches, tier: str, hours: Decimal) -> tuple[str, str]:
    """A control-plane tier's fee an hour and a month, as the catalog prices it (in USD)."""
    hourly = matches.provider.control_planes[tier].hourly
    return format_money(hourly), format_money(to_cents(hourly * hours))


def _extended_support(resolved: Resolved) -> str | None:
    scenario, matches = resolved
    if (
        scenario.control_plane != "eks-extended"
        or "eks-standard" not in matches.provider.control_planes
    ):
        return None
    hours = scenario.hours_per_month
    extended_hour, extended_month = _tier_fee(matches, "eks-extended", hours)
    standard_hour, standard_month = _tier_fee(matches, "eks-standard", hours)
    return (
        f"EKS extended support costs {extended_hour} per cluster-hour ({extended_month} a "
        f"month) instead of {standard_hour} ({standard_month}): upgrade Kubernetes to "
        "return to standard support."
    )


def _free_tier_credit(resolved: Resolved) -> str | None:
    if resolved.matches.control_plane.monthly_credit <= 0:
        return None
    return (
        "GKE's free-tier credit covers one zonal Standard cluster or one Autopilot "
        "cluster per billing account: a regional Standard cluster, or a second cluster, "
        "pays the full fee."
    )


def _paid_seats(resolved: Resolved) -> str | None:
    scenario, matches = resolved
    seats = ((matches.docker_plan, scenario.docker_seats), (matches.k8s_plan, scenario.k8s_seats))
    paid = [plan for plan, count in seats if count and plan.annual > 0]
    if not paid or scenario.docker_desktop_free or scenario.seat_price is not None:
        return None
    return (
        "Docker Desktop is free for companies under 250 employees and under $10M "
        "revenue (government entities need a paid plan whatever their size): if yours "
        "qualifies, say so and the seats cost nothing."
    )


def _arm_images(resolved: Resolved) -> str | None:
    machines = (resolved.matches.docker_machine, resolved.matches.k8s_machine)
    arm = sorted({machine.key for machine in machines if machine.spec.arch == "arm64"})
    if not arm:
        return None
    return (
        f"{' and '.join(arm)} {'is an Arm type' if len(arm) == 1 else 'are Arm types'}: "
        "every image must be built for arm64 (or as a multi-architecture image)."
    )


def _failover(resolved: Resolved) -> str | None:
    scenario = resolved.scenario
    if scenario.docker_setup != "failover":
        return None
    return (
        f"Docker with failover: {scenario.docker_hosts} hosts behind a load balancer keep "
        "serving when one fails, but nothing schedules containers: they do not move "
        "by themselves, and state (databases, volumes) fails over by hand."
    )


def _spot(resolved: Resolved) -> str | None:
    if resolved.scenario.k8s_pricing != "spot":
        return None
    return (
        "Spot nodes can be taken back at short notice: run only workloads that "
        "tolerate interruption on them."
    )


# The price traps, in the order they are noted; each says its note, or None where the
# scenario does not walk into it.
PRICE_TRAPS: tuple[Callable[[Resolved], str | None], ...] = (
    _extended_support,
    _free_tier_credit,
    _paid_seats,
    lambda resolved: resolved.matches.region.caveat or None,
    _arm_images,
    _failover,
    _spot,
)


def price_notes(resolved: Resolved) -> tuple[str, ...]:
    """Costs that surprise people, flagged where this scenario walks into them (decided by
    its infrastructure fields alone)."""
    return tuple(note for trap in PRICE_TRAPS if (note := trap(resolved)) is not None)


SETUP_WORDS = {"docker": "Docker", "kubernetes": "Kubernetes"}
STAY_WITH_DOCKER = "Stay with Docker (Compose on one host)."


def _stay(hosts: int) -> str:
    """The Docker verdict, naming the hosts the scenario runs."""
    return STAY_WITH_DOCKER if hosts == 1 else f"Stay with Docker (Compose on {hosts} hosts)."


def fit_notes(fit: tuple[Fit, ...]) -> tuple[str, ...]:
    """A note for each setup the workload does not fit."""
    return tuple(
        f"The workload does not fit the {SETUP_WORDS[f.setup]} setup: it {f.shortfall}."
        for f in fit
        if not f.fits
    )


def _runnable(
    recommendation: Recommendation, verdict: str, unfit: tuple[Fit, ...]
) -> tuple[Recommendation, str]:
    """The checklist's side, unless the workload does not fit it: then the side that holds
    it, or "neither"."""
    if not unfit:
        return recommendation, verdict
    names = {"docker": "Docker", "kubernetes": "the Kubernetes cluster"}
    if len(unfit) == 2:
        needs = "; ".join(f"{names[f.setup]} {f.shortfall}" for f in unfit)
        return "neither", f"Neither setup holds the workload as entered: {needs}."
    runs: Recommendation = "kubernetes" if unfit[0].setup == "docker" else "docker"
    if recommendation == runs:
        return recommendation, verdict
    lost = unfit[0]
    side = "Kubernetes" if runs == "kubernetes" else "Docker"
    return (
        runs,
        f"{side}: {names[lost.setup]} as entered does not hold the workload (it {lost.shortfall}).",
    )


@lru_cache(maxsize=1024)
def _weigh(*answers: Any) -> tuple[tuple[Reason, ...], Recommendation, str]:
    """The reasons for the checklist's answers (in CHECKLIST_FIELDS order), the side they
    lean to, and the verdict in a sentence (remembered: few sets of answers recur)."""
    reasons = _reasons(*answers)
    docker = sum(r.weight for r in reasons if r.points_to == "docker")
    kubernetes = sum(r.weight for r in reasons if r.points_to == "kubernetes")
    if docker - kubernetes >= DECISIVE_MARGIN:
        return reasons, "docker", STAY_WITH_DOCKER
    if kubernetes - docker >= DECISIVE_MARGIN:
        return reasons, "kubernetes", "Kubernetes is worth its cost here."
    return reasons, "either", "Either can work: let the cost decide."


_answers = itemgetter(*CHECKLIST_FIELDS)  # the answers in one C call, not seven getattr()s
_SERVERS = CHECKLIST_FIELDS.index("servers")


def _servers_needed(fit: tuple[Fit, ...]) -> int | None:
    """How many servers the workload needs, when the fit check knows: the Docker hosts."""
    return next((f.needed for f in fit if f.setup == "docker" and f.needed), None)


def advise(comparison: Comparison, traps: tuple[str, ...] | None = None) -> Advice:
    """Weigh the checklist's answers (the cost difference is reported, not voted; the
    "servers" answer is the fit check's count when it knows one), never pick a setup that
    does not hold the workload, and note the price traps this comparison walks into
    (``traps``: its ``price_notes``, when the caller has them already)."""
    answers = _answers(comparison.scenario.__dict__)
    needed = _servers_needed(comparison.fit)
    if needed is not None:
        answers = (*answers[:_SERVERS], needed, *answers[_SERVERS + 1 :])
    reasons, recommendation, verdict = _weigh(*answers)
    if recommendation == "docker":  # the checklist's Docker verdict names the hosts
        verdict = _stay(comparison.scenario.docker_hosts)
    recommendation, verdict = _runnable(recommendation, verdict, comparison.not_fitting)
    if traps is None:
        traps = price_notes(comparison.resolved)
    notes = traps + fit_notes(comparison.fit)
    return Advice(recommendation=recommendation, verdict=verdict, reasons=reasons, notes=notes)
