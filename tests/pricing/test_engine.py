"""The Engine remembers infrastructure bills: a remembered bill must price a scenario exactly
as the Engine with no memo does."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

from pricing import Catalog, Engine, Estimate, InputError, estimate, new_memo
from pricing.advice import advise
from pricing.bill import INFRASTRUCTURE_FIELDS, NOT_INFRASTRUCTURE
from pricing.engine import REMEMBERED_BILLS
from pricing.memo import Memo
from pricing.presets import PRESETS, build_scenario
from pricing.scenario import FIELD_NAMES, Scenario
from tests.pricing.support import checks, others, others_by_field, scenarios


@pytest.fixture(scope="module")
def remembering(catalog: Catalog) -> Engine:
    """An Engine with a memo shared across this module's tests."""
    return Engine(catalog, new_memo())


@pytest.fixture(scope="module")
def forgetful(catalog: Catalog) -> Engine:
    """An Engine with the memo off: every bill priced afresh."""
    return Engine(catalog, None)


def test_the_key_leaves_out_only_fields_that_exist() -> None:
    assert set(FIELD_NAMES) >= NOT_INFRASTRUCTURE
    assert set(INFRASTRUCTURE_FIELDS) | NOT_INFRASTRUCTURE == set(FIELD_NAMES)
    assert set(others_by_field.wrapped_strategy.mapping) == NOT_INFRASTRUCTURE  # type: ignore[attr-defined]


@checks
@given(base=scenarios, first=others, second=others)
def test_scenarios_sharing_a_bill_price_as_if_alone(
    remembering: Engine,
    forgetful: Engine,
    base: dict[str, Any],
    first: dict[str, Any],
    second: dict[str, Any],
) -> None:
    """Two scenarios with the same infrastructure fields: the second, priced from the bill
    the first left in the memo, equals the second priced alone."""
    remembering.estimate(build_scenario({**base, **first}))
    second_scenario = build_scenario({**base, **second})
    assert remembering.memo is not None
    assert len(remembering.memo) > 0
    assert remembering.estimate(second_scenario) == forgetful.estimate(second_scenario)


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize(
    ("field", "texts"),
    [("k8s_lb_usage", ("1.0", "1")), ("vm_hours_per_month", ("500.50", "500.5"))],
)
def test_equal_decimals_written_differently_keep_their_own_labels(
    remembering: Engine, forgetful: Engine, preset: str, field: str, texts: tuple[str, str]
) -> None:
    for text in texts:
        scenario = build_scenario({field: text}, preset)
        assert remembering.estimate(scenario) == forgetful.estimate(scenario)


def test_equal_decimals_written_differently_are_labelled_as_written(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    labels = []
    for text in ("1.0", "1"):
        lines = engine.compare(build_scenario({"k8s_lb_usage": text})).kubernetes.line_items
        labels.append(next(i.label for i in lines if "usage" in i.label))
    assert labels == [
        "Application Load Balancer usage (1.0 GB processed each, one LCU-hour a GB)",
        "Application Load Balancer usage (1 GB processed each, one LCU-hour a GB)",
    ]
    assert engine.memo is not None
    assert len(engine.memo) == 2


def test_a_scenario_with_problems_is_not_remembered(remembering: Engine) -> None:
    assert remembering.memo is not None
    size = len(remembering.memo)
    with pytest.raises(InputError, match="region"):
        remembering.estimate(build_scenario({"region": "mars-1", "discount_percent": Decimal(3)}))
    assert len(remembering.memo) == size


def test_the_memo_is_bounded(catalog: Catalog) -> None:
    memo: Memo[Any] = Memo(3)
    engine = Engine(catalog, memo)
    for nodes in range(1, 8):
        engine.compare(Scenario(k8s_nodes=nodes))
        assert len(memo) <= 3
    assert len(memo) == 3
    # the latest is remembered, the first forgotten: both still price as with no memo
    for nodes in (1, 7):
        assert engine.compare(Scenario(k8s_nodes=nodes)) == estimate(
            Scenario(k8s_nodes=nodes), catalog
        )
    assert new_memo().size == REMEMBERED_BILLS


def test_scenarios_differing_only_in_people_share_one_entry(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    for rate in ("50", "96", "150"):
        engine.compare(build_scenario({"devops_hourly_rate": rate, "services": 12}))
    assert engine.memo is not None
    assert len(engine.memo) == 1
    engine.compare(build_scenario({"k8s_nodes": 4}))
    assert len(engine.memo) == 2


def test_no_memo_prices_with_the_plain_path(catalog: Catalog) -> None:
    engine = Engine(catalog, None)
    scenario = build_scenario({}, "startup")
    assert engine.memo is None
    assert engine.compare(scenario) == estimate(scenario, catalog)


def test_the_estimate_is_the_comparison_and_its_advice(remembering: Engine) -> None:
    result = remembering.estimate(build_scenario({}, "platform"))
    assert isinstance(result, Estimate)
    assert result.comparison == remembering.compare(build_scenario({}, "platform"))
    assert result.advice == advise(result.comparison)
    assert result.odds == remembering.odds(result.comparison)
    comparison, advice, odds = result
    assert (comparison, advice, odds) == (result.comparison, result.advice, result.odds)
