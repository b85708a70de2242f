"""The article's checklist: each answer points where the article says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing.advice import advise
from pricing.scenario import Scenario

ZERO = Decimal(0)


def reasons(**values: object) -> dict[str, str]:
    advice = advise(Scenario.model_validate(values), ZERO, ZERO)
    return {r.question: r.points_to for r in advice.reasons}


@pytest.mark.parametrize(
    ("values", "question", "points_to"),
    [
        ({"services": 4}, "services", "docker"),
        ({"services": 5}, "services", "kubernetes"),
        ({"services": 12}, "services", "kubernetes"),
        ({"servers": 2}, "servers", "docker"),
        ({"servers": 3}, "servers", "kubernetes"),
        ({"deploy_frequency": "daily"}, "deploy_frequency", "docker"),
        ({"deploy_frequency": "several-daily"}, "deploy_frequency", "kubernetes"),
        ({"needs_autoscaling": True}, "needs_autoscaling", "kubernetes"),
        ({"has_ops_person": False}, "has_ops_person", "docker"),
        ({"tolerates_downtime": False}, "tolerates_downtime", "kubernetes"),
        ({"stateful": True}, "stateful", "neutral"),
    ],
)
def test_each_question(values: dict[str, object], question: str, points_to: str) -> None:
    assert reasons(**values)[question] == points_to


def test_defaults_recommend_docker() -> None:
    assert advise(Scenario(), ZERO, ZERO).recommendation == "docker"


def test_a_big_platform_recommends_kubernetes() -> None:
    s = Scenario(
        services=15,
        servers=6,
        deploy_frequency="several-daily",
        needs_autoscaling=True,
        has_ops_person=True,
        tolerates_downtime=False,
    )
    advice = advise(s, Decimal(100), Decimal(300))
    assert advice.recommendation == "kubernetes"
    assert "$200.00 more per month" in advice.summary


def test_a_split_answer_is_either() -> None:
    s = Scenario(services=6, servers=3, has_ops_person=True, deploy_frequency="daily")
    assert advise(s, ZERO, ZERO).recommendation == "either"
