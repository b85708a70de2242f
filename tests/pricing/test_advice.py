"""The article's checklist: each answer points where the article says; and the price traps
a scenario walks into, noted with the catalog's own amounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.present.words import advice_summary
from pricing import Catalog, Engine, Estimate, Scenario
from pricing.advice import DECISIVE_MARGIN, Advice, Reason, advise
from tests.pricing.support import D, advised, catalog_with, run, sourced


def estimate_of(catalog: Catalog, scenario: Scenario) -> Estimate:
    return Engine(catalog, None).estimate(scenario)


def advice_on(catalog: Catalog, **values: object) -> Advice:
    return estimate_of(catalog, Scenario.model_validate(values)).advice


def reason_for(catalog: Catalog, question: str, answer: object) -> Reason:
    reasons = {r.question: r for r in advice_on(catalog, **{question: answer}).reasons}
    return reasons[question]


# Every answer of every question (both sides of each threshold): where it points, and its
# weight (the strong answers count twice: 10 or more services, no dedicated ops person).
@pytest.mark.parametrize(
    ("question", "answer", "points_to", "weight"),
    [
        ("services", 1, "docker", 1),
        ("services", 4, "docker", 1),
        ("services", 5, "kubernetes", 1),
        ("services", 9, "kubernetes", 1),
        ("services", 10, "kubernetes", 2),
        ("services", 40, "kubernetes", 2),
        ("servers", 1, "docker", 1),
        ("servers", 2, "docker", 1),
        ("servers", 3, "kubernetes", 1),
        ("deploy_frequency", "weekly", "docker", 1),
        ("deploy_frequency", "daily", "docker", 1),
        ("deploy_frequency", "several-daily", "kubernetes", 1),
        ("needs_autoscaling", False, "docker", 1),
        ("needs_autoscaling", True, "kubernetes", 1),
        ("has_ops_person", False, "docker", 2),
        ("has_ops_person", True, "kubernetes", 1),
        ("tolerates_downtime", True, "docker", 1),
        ("tolerates_downtime", False, "kubernetes", 1),
        ("stateful", False, "neutral", 1),
        ("stateful", True, "neutral", 1),
    ],
)
def test_each_answer_points_where_the_article_says(
    catalog: Catalog, question: str, answer: object, points_to: str, weight: int
) -> None:
    reason = reason_for(catalog, question, answer)
    assert (reason.points_to, reason.weight) == (points_to, weight)


def test_each_answer_is_said_in_words(catalog: Catalog) -> None:
    services = reason_for(catalog, "services", 12).text
    assert services == "12 services: 10 or more is Kubernetes territory."
    assert reason_for(catalog, "servers", 1).text == "1 server: 1 or 2 run fine on Docker."
    assert reason_for(catalog, "servers", 2).text == "2 servers: 1 or 2 run fine on Docker."
    weekly = reason_for(catalog, "deploy_frequency", "weekly").text
    assert weekly == "Deploying weekly: Docker is fine at that cadence."
    stateful = reason_for(catalog, "stateful", True).text
    assert stateful == "Stateful workloads make Kubernetes complex: budget extra time for storage."


VERDICTS = {
    "docker": "Stay with Docker (Compose on one host).",
    "kubernetes": "Kubernetes is worth its cost here.",
    "either": "Either can work: let the cost decide.",
}


# The votes are the weights of the answers on each side; a side is advised when it leads by
# DECISIVE_MARGIN (2). Each case counts its votes: d for Docker, k for Kubernetes (the
# stateful answer is neutral, the answers not named are the defaults).
@pytest.mark.parametrize(
    ("answers", "recommendation"),
    [
        # services 4 d1, servers 2 d1, daily d1, no autoscaling d1, ops person k1, no
        # downtime k1: d4 k2, Docker leads by 2
        (
            {"services": 4, "servers": 2, "has_ops_person": True, "tolerates_downtime": False},
            "docker",
        ),
        # services 5 k1, servers 3 k1, several-daily k1, no autoscaling d1, ops person k1,
        # downtime tolerated d1: k4 d2, Kubernetes leads by 2
        (
            {
                "services": 5,
                "servers": 3,
                "deploy_frequency": "several-daily",
                "has_ops_person": True,
            },
            "kubernetes",
        ),
        # services 10 k2, servers 2 d1, daily d1, no autoscaling d1, ops person k1, no
        # downtime k1: k4 d3, Kubernetes leads by 1 only
        (
            {"services": 10, "servers": 2, "has_ops_person": True, "tolerates_downtime": False},
            "either",
        ),
        # services 4 d1, servers 3 k1, several-daily k1, autoscaling k1, no ops person d2,
        # downtime tolerated d1: d4 k3, Docker leads by 1 only
        (
            {
                "services": 4,
                "servers": 3,
                "deploy_frequency": "several-daily",
                "needs_autoscaling": True,
            },
            "either",
        ),
        # services 5 k1, servers 3 k1, daily d1, no autoscaling d1, ops person k1, downtime
        # tolerated d1: k3 d3, a tie
        ({"services": 5, "servers": 3, "has_ops_person": True}, "either"),
    ],
)
def test_a_side_is_advised_only_by_the_decisive_margin(
    catalog: Catalog, answers: dict[str, object], recommendation: str
) -> None:
    assert DECISIVE_MARGIN == 2
    advice = advice_on(catalog, **answers)
    assert (advice.recommendation, advice.verdict) == (recommendation, VERDICTS[recommendation])


def test_defaults_recommend_docker(catalog: Catalog) -> None:
    assert estimate_of(catalog, Scenario()).advice.recommendation == "docker"


def test_the_docker_verdict_names_the_hosts(catalog: Catalog) -> None:
    # The defaults lean to Docker whatever the hosts: the verdict says how many run Compose.
    one = estimate_of(catalog, Scenario()).advice.verdict
    assert one == "Stay with Docker (Compose on one host)."
    twelve = estimate_of(catalog, Scenario(docker_hosts=12)).advice.verdict
    assert twelve == "Stay with Docker (Compose on 12 hosts)."


def test_a_big_platform_recommends_kubernetes(catalog: Catalog) -> None:
    s = Scenario(
        services=15,
        servers=6,
        deploy_frequency="several-daily",
        needs_autoscaling=True,
        has_ops_person=True,
        tolerates_downtime=False,
        # Docker $100 a month against Kubernetes $300: one host and three nodes at
        # $0.136986/h (730 h: $99.99978 -> $100.00; 2,190 h: $299.99934 -> $300.00), and
        # nothing else that costs anything
        docker_hourly_price=D("0.136986"),
        k8s_hourly_price=D("0.136986"),
        docker_disk_gb=0,
        k8s_disk_gb=0,
        docker_seats=0,
        k8s_seats=0,
        k8s_load_balancers=0,
        control_plane="self-managed",
        devops_hourly_rate=D(0),
    )
    result = estimate_of(catalog, s)
    assert (result.comparison.docker.monthly_total, result.comparison.kubernetes.monthly_total) == (
        D("100.00"),
        D("300.00"),
    )
    assert result.advice.recommendation == "kubernetes"
    assert "$200.00 more per month" in advice_summary(result)
    assert advice_summary(result).startswith(result.advice.verdict)


def test_a_split_answer_is_either(catalog: Catalog) -> None:
    s = Scenario(services=6, servers=3, has_ops_person=True, deploy_frequency="daily")
    assert estimate_of(catalog, s).advice.recommendation == "either"


def test_the_engine_advises_on_its_own_comparison(catalog: Catalog) -> None:
    result = advised(catalog, "platform")
    assert result.advice == advise(result.comparison)
    assert result.advice == advise(run(catalog, "platform"))
    assert [r.question for r in result.advice.reasons] == [
        "services",
        "servers",
        "deploy_frequency",
        "needs_autoscaling",
        "has_ops_person",
        "tolerates_downtime",
        "stateful",
    ]


def test_the_cost_is_reported_not_voted(catalog: Catalog) -> None:
    cheap = advised(catalog, "article")
    dear = advised(catalog, "article", k8s_nodes=30)
    assert cheap.advice.recommendation == dear.advice.recommendation
    assert cheap.advice.verdict == dear.advice.verdict


def test_fit_notes_say_what_would_fit(catalog: Catalog) -> None:
    result = advised(catalog, workload_vcpu="20", workload_memory_gib="50", k8s_nodes=3)
    assert any(
        "does not fit the Kubernetes setup: it needs 6 nodes" in n for n in result.advice.notes
    )
    assert any("does not fit the Docker setup: it needs 3 hosts" in n for n in result.advice.notes)
    fits = advised(catalog, workload_vcpu="1")
    assert not any("does not fit" in n for n in fits.advice.notes)


def test_spot_nodes_are_flagged(catalog: Catalog) -> None:
    result = advised(catalog, k8s_pricing="spot", k8s_commitment_percent="60")
    assert any("Spot nodes" in n for n in result.advice.notes)


def test_traps_are_flagged(catalog: Catalog) -> None:
    assert any(
        "extended support" in n for n in advised(catalog, control_plane="eks-extended").advice.notes
    )
    gke = advised(catalog, "startup")
    assert any(
        "one zonal Standard cluster or one Autopilot cluster per billing account" in n
        for n in gke.advice.notes
    )
    paid = advised(catalog, docker_plan="team", docker_seats=5)
    assert any("250 employees" in n for n in paid.advice.notes)


def test_no_trap_no_note(catalog: Catalog) -> None:
    notes = advised(catalog, seat_price="5").advice.notes
    assert not any("extended support" in n for n in notes)
    assert not any("zonal cluster" in n for n in notes)
    assert not any("250 employees" in n for n in notes)
    assert not any("Spot nodes" in n for n in notes)


def test_free_docker_desktop_drops_the_seat_note(catalog: Catalog) -> None:
    result = advised(catalog, docker_desktop_free="true", docker_seats=8)
    assert not any("250 employees" in n for n in result.advice.notes)


def test_the_extended_support_note_states_the_catalogs_fees(catalog: Catalog) -> None:
    notes = advised(catalog, control_plane="eks-extended").advice.notes
    # $0.60 x 730 h = $438.00; $0.10 x 730 h = $73.00
    assert (
        "EKS extended support costs $0.60 per cluster-hour ($438.00 a month) instead of "
        "$0.10 ($73.00): upgrade Kubernetes to return to standard support."
    ) in notes


def test_the_extended_support_notes_amounts_come_from_the_catalog(tmp_path: Path) -> None:
    tier = sourced(hourly="0.50")
    override = {"providers": {"aws": {"control_planes": {"eks-extended": tier}}}}
    cheaper = catalog_with(tmp_path, override)
    assert cheaper.providers["aws"].control_planes["eks-extended"].hourly == D("0.50")
    notes = advised(cheaper, control_plane="eks-extended").advice.notes
    # $0.50 x 730 h = $365.00
    extended = [n for n in notes if "extended support" in n]
    assert extended == [
        "EKS extended support costs $0.50 per cluster-hour ($365.00 a month) instead of "
        "$0.10 ($73.00): upgrade Kubernetes to return to standard support."
    ]
    # and at the scenario's hours: $0.50 x 744 h = $372.00; $0.10 x 744 h = $74.40
    longer = advised(cheaper, control_plane="eks-extended", hours_per_month="744")
    assert any("$0.50 per cluster-hour ($372.00 a month)" in n for n in longer.advice.notes)
    assert any("instead of $0.10 ($74.40)" in n for n in longer.advice.notes)


def test_the_advice_summary_speaks_the_display_currency(catalog: Catalog) -> None:
    usd = advised(catalog, "article")
    eur = advised(catalog, "article", currency="EUR", exchange_rate="0.92")
    # the advice speaks the same currency as the numbers
    assert "1,060.76 EUR more per month" in advice_summary(eur)  # 1,153.00 x 0.92
    assert "$1,153.00 more per month" in advice_summary(usd)
