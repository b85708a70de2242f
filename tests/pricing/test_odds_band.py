"""The cumulative chart's band: each setup's cumulative total at P10 and P90 month by month,
ending on the odds' horizon P10 and P90."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from pricing import Catalog, Engine, Estimate, new_memo
from pricing.presets import build_scenario
from tests.pricing.test_odds import STEADY_RANGE, beta33_quantile

MONTHS = tuple(range(1, 13))


def _estimate(engine: Engine, preset: str | None = None, **values: object) -> Estimate:
    return engine.estimate(build_scenario(dict(values), preset))


def test_the_band_ends_on_the_odds_horizon_quantiles(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    result = _estimate(engine, services="8", stateful="true", horizon_months="24")
    assert result.odds is not None
    band = engine.band(result, (6, 12, 18, 24))
    end = band[-1]
    assert end.month == 24
    assert end.docker == (
        result.odds.docker.horizon_total.p10,
        result.odds.docker.horizon_total.p90,
    )
    assert end.kubernetes == (
        result.odds.kubernetes.horizon_total.p10,
        result.odds.kubernetes.horizon_total.p90,
    )
    # cumulative: each month's band is above the month before's, and wider
    for before, after in pairwise(band):
        for setup in ("docker", "kubernetes"):
            low, high = getattr(before, setup)
            later_low, later_high = getattr(after, setup)
            assert later_low > low and later_high > high
            assert later_high - later_low > high - low


def test_the_band_follows_a_range_month_by_month(catalog: Catalog) -> None:
    # The article with Kubernetes' steady hours 0/3/6 and no ramp-up: month m's Kubernetes
    # total is m x ($443 + $96 x s), so its P10 and P90 are m x (443 + 96 x the PERT's
    # quantile) and the Docker band is its line (every Docker figure is one number):
    # m x $730.
    engine = Engine(catalog, new_memo())
    result = _estimate(engine, "article", **STEADY_RANGE)
    band = engine.band(result, MONTHS)
    low_hours, high_hours = (6 * beta33_quantile(p) for p in (0.1, 0.9))
    for point in band:
        month = point.month
        assert point.docker == (Decimal(730 * month), Decimal(730 * month))
        low, high = point.kubernetes
        # sampling error of the draws' quantiles: within 2% of the exact hours
        assert abs(float(low) - month * (443 + 96 * low_hours)) < month * 96 * low_hours * 0.02
        assert abs(float(high) - month * (443 + 96 * high_hours)) < month * 96 * high_hours * 0.02


def test_no_band_without_the_odds(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    assert engine.band(_estimate(engine, services="8", odds="false"), MONTHS) == ()


def test_the_band_is_the_same_remembered_or_not(catalog: Catalog) -> None:
    remembered, fresh = Engine(catalog, new_memo()), Engine(catalog, None)
    values = {"services": "5", "horizon_months": "36", "upgrade_policy": "current"}
    months = (3, 12, 24, 36)
    first = remembered.band(_estimate(remembered, **values), months)
    again = remembered.band(_estimate(remembered, **values), months)
    assert first == again == fresh.band(_estimate(fresh, **values), months)
