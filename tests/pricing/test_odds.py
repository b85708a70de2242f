"""The odds: P10/P50/P90 of each setup's totals and the probability that Kubernetes is cheaper,
from the people-time ranges, the same on every run; the inputs ranked; the sentence."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from pricing import Catalog, Engine, Estimate, new_memo
from pricing.odds import summary
from pricing.presets import build_scenario
from pricing.spread import DRAWS, SEED, Influence
from tests.pricing.support import D

# The article's hours, no ramp-up, and the steady Kubernetes hours known only as 0/3/6: the one
# uncertain input. Docker costs $730.00 a month ($250 + 5 h x $96), $8,760.00 over 12 months;
# Kubernetes $443 + $96 x s a month, so it is cheaper over the year when
# 12 x (443 + 96 s) < 8,760, that is when s < 287 / 96 = 2.98958 hours.
STEADY_RANGE = {"k8s_rampup_months": "0", "k8s_steady_hours": "0/3/6"}
BREAK_EVEN_HOURS = 287 / 96


def beta33_cdf(x: float) -> float:
    """PERT(0, 3, 6) is 6 x Beta(3, 3), whose CDF is 10x^3 - 15x^4 + 6x^5."""
    return 10 * x**3 - 15 * x**4 + 6 * x**5


def beta33_quantile(p: float) -> float:
    low, high = 0.0, 1.0
    for _ in range(60):  # bisection to well below a cent
        middle = (low + high) / 2
        low, high = (middle, high) if beta33_cdf(middle) < p else (low, middle)
    return low


def estimate(catalog: Catalog, preset: str | None = None, **values: object) -> Estimate:
    return Engine(catalog, new_memo()).estimate(build_scenario(dict(values), preset))


def test_a_scenario_without_ranges_has_its_bills_totals(catalog: Catalog) -> None:
    result = estimate(catalog, "article")  # every hour entered as one figure
    odds = result.odds
    assert odds is not None
    bills = result.comparison
    for setup in ("docker", "kubernetes"):
        bill, quantiles = getattr(bills, setup), getattr(odds, setup)
        assert set(quantiles.monthly_total) == {bill.monthly_total}
        assert set(quantiles.horizon_total) == {bill.horizon_total}
    assert odds.kubernetes_cheaper_probability == 0
    assert odds.turns_on == ()
    assert odds.summary == "Docker is cheaper in every plausible case."
    assert (odds.draws, odds.seed) == (DRAWS, SEED) == (10_000, 2026)


def test_the_odds_follow_a_range_the_user_gives(catalog: Catalog) -> None:
    one_figure = estimate(catalog, "article", k8s_rampup_months="0", k8s_steady_hours="3").odds
    ranged = estimate(catalog, "article", **STEADY_RANGE).odds
    assert one_figure is not None and ranged is not None
    # at 3 hours Kubernetes costs $12.00 more over the year: never cheaper
    assert one_figure.kubernetes_cheaper_probability == 0
    # with 0/3/6 it is cheaper whenever s < 2.98958 h: P = Beta(3,3) CDF at 2.98958 / 6
    expected = beta33_cdf(BREAK_EVEN_HOURS / 6)  # 0.4967
    probability = ranged.kubernetes_cheaper_probability
    assert probability is not None
    assert abs(float(probability) - expected) < 0.02  # 10,000 draws: 1 SE is 0.005
    # P10 and P90 of the monthly total: $443 + $96 x 6 x the Beta(3,3) quantile
    for quantile, p in (
        (ranged.kubernetes.monthly_total.p10, 0.1),
        (ranged.kubernetes.monthly_total.p90, 0.9),
    ):
        assert abs(float(quantile) - (443 + 96 * 6 * beta33_quantile(p))) < 6
    assert ranged.docker.horizon_total.p10 == ranged.docker.horizon_total.p90 == D("8760.00")
    assert ranged.turns_on == (
        Influence("k8s_steady_hours", "Kubernetes steady DevOps hours", D("1.00")),
    )
    assert ranged.summary.endswith("the answer turns on Kubernetes steady DevOps hours.")


def test_the_labour_tables_ranges_make_a_spread(catalog: Catalog) -> None:
    odds = estimate(catalog).odds
    assert odds is not None
    for setup in (odds.docker, odds.kubernetes):
        for quantiles in setup:
            assert quantiles.p10 < quantiles.p50 < quantiles.p90
    shares = [influence.share for influence in odds.turns_on]
    assert shares == sorted(shares, reverse=True)
    assert 0 < sum(shares) <= D("1.05")  # shares of one variance (rounded to 0.01 each)


def test_odds_false_skips_them(catalog: Catalog) -> None:
    assert estimate(catalog, odds="false").odds is None


def test_the_same_scenario_gives_the_same_odds_in_another_process(catalog: Catalog) -> None:
    values = {**STEADY_RANGE, "k8s_upgrade_hours": "2/20/200"}
    here = estimate(catalog, "article", **values).odds
    code = (
        "import json, sys\n"
        "from pricing import Engine, load_catalog\n"
        "from pricing.presets import build_scenario\n"
        "values = json.loads(sys.argv[1])\n"
        "odds = Engine(load_catalog(), None).estimate(build_scenario(values, 'article')).odds\n"
        "print(repr(odds))\n"
    )
    there = subprocess.run(
        [sys.executable, "-c", code, json.dumps(values)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert there == repr(here)
    assert estimate(catalog, "article", **values).odds == here  # and a new engine here


@pytest.mark.parametrize(
    ("probability", "expected"),
    [
        ("0.13", "Docker is cheaper in 87% of plausible cases; the answer turns on A and B."),
        ("0.9951", "Kubernetes is cheaper in more than 99% of plausible cases; the answer "),
        ("0.5", "Each setup is cheaper in half of the plausible cases; the answer turns on A"),
        ("1", "Kubernetes is cheaper in every plausible case."),
    ],
)
def test_the_sentence(probability: str, expected: str) -> None:
    inputs = (
        Influence("a", "A", D("0.6")),
        Influence("b", "B", D("0.3")),
        Influence("c", "C", D("0.09")),  # below a tenth: not named
    )
    assert summary(Decimal(probability), inputs).startswith(expected)


def test_the_upgrades_the_team_makes_carry_their_range(catalog: Catalog) -> None:
    # The article's hours (single figures), kept current from 2026-02: two upgrades in 12
    # months (months 6 and 10), each 4/16/80 hours: the one uncertain input, which moves the
    # horizon total (2 x the hours) but no steady month.
    values = {"start_month": "2026-02", "upgrade_policy": "current", "k8s_upgrade_hours": "4/16/80"}
    odds = estimate(catalog, "article", **values).odds
    assert odds is not None
    monthly = odds.kubernetes.monthly_total
    assert monthly.p10 == monthly.p90
    horizon = odds.kubernetes.horizon_total
    assert horizon.p10 < horizon.p50 < horizon.p90
    assert [i.field for i in odds.turns_on] == ["k8s_upgrade_hours"]
    never = estimate(catalog, "article", **{**values, "upgrade_policy": "never"}).odds
    assert never is not None and never.turns_on == ()  # no upgrade in 12 months: no spread
