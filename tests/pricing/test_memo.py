"""A catalog remembers infrastructure bills: a remembered bill must be the bill priced afresh."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pricing import Catalog, estimate, load_catalog
from pricing.infrastructure import INFRASTRUCTURE_FIELDS, NOT_INFRASTRUCTURE
from pricing.memo import Memo
from pricing.presets import PRESETS, scenario_from
from pricing.scenario import FIELD_NAMES
from tests.pricing.test_properties import checks, people_and_time, scenarios

# Values for every field that is not part of the memo's key.
others = st.fixed_dictionaries(
    {
        **people_and_time,
        "services": st.integers(1, 40),
        "servers": st.integers(1, 10),
        "deploy_frequency": st.sampled_from(["weekly", "daily", "several-daily"]),
        "needs_autoscaling": st.booleans(),
        "has_ops_person": st.booleans(),
        "tolerates_downtime": st.booleans(),
        "stateful": st.booleans(),
        "workload_vcpu": st.one_of(st.none(), st.decimals("0.1", 64, places=1).map(str)),
        "workload_memory_gib": st.one_of(st.none(), st.decimals("0.1", 256, places=1).map(str)),
        "workload_pods": st.one_of(st.none(), st.integers(1, 500)),
        "k8s_max_pods": st.integers(1, 250),
    }
)


@pytest.fixture(scope="module")
def forgetful() -> Catalog:
    """The bundled catalog with a memo that keeps nothing: every bill priced afresh."""
    catalog = load_catalog()
    catalog.__dict__["memo"] = Memo(0)
    return catalog


def test_the_key_leaves_out_only_fields_that_exist() -> None:
    assert set(FIELD_NAMES) >= NOT_INFRASTRUCTURE
    assert set(INFRASTRUCTURE_FIELDS) | NOT_INFRASTRUCTURE == set(FIELD_NAMES)
    assert set(others.wrapped_strategy.mapping) == NOT_INFRASTRUCTURE  # type: ignore[attr-defined]


@checks
@given(base=scenarios, first=others, second=others)
def test_scenarios_sharing_a_bill_price_as_if_alone(
    catalog: Catalog,
    forgetful: Catalog,
    base: dict[str, Any],
    first: dict[str, Any],
    second: dict[str, Any],
) -> None:
    """Two scenarios with the same infrastructure fields: the second, priced from the bill
    the first left in the memo, equals the second priced alone."""
    estimate(scenario_from({**base, **first}), catalog)
    second_scenario = scenario_from({**base, **second})
    assert len(catalog.memo) > 0
    assert estimate(second_scenario, catalog) == estimate(second_scenario, forgetful)


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize(
    ("field", "texts"),
    [("k8s_lb_usage", ("1.0", "1")), ("vm_hours_per_month", ("500.50", "500.5"))],
)
def test_equal_decimals_written_differently_keep_their_own_labels(
    catalog: Catalog, forgetful: Catalog, preset: str, field: str, texts: tuple[str, str]
) -> None:
    for text in texts:
        scenario = scenario_from({field: text}, preset)
        assert estimate(scenario, catalog) == estimate(scenario, forgetful)


def test_the_memo_forgets_its_oldest_entries_past_its_size() -> None:
    memo: Memo[int] = Memo(3)
    for key in range(5):
        assert memo.get(key, lambda k=key: k * 10) == key * 10  # type: ignore[misc]
    assert len(memo) == 3
    assert memo.get(0, lambda: -1) == -1  # forgotten: computed again
    assert memo.get(4, lambda: -1) == 40  # remembered


def test_a_scenario_with_problems_is_not_remembered(catalog: Catalog) -> None:
    size = len(catalog.memo)
    with pytest.raises(ValueError, match="region"):
        estimate(scenario_from({"region": "mars-1", "discount_percent": Decimal(3)}), catalog)
    assert len(catalog.memo) == size


def test_the_filled_scenario_is_built_when_asked_for(catalog: Catalog) -> None:
    result = estimate(scenario_from({"provider": "gcp"}), catalog)
    assert result.given.region is None
    assert result.scenario.region == "us-central1"
    filled = result.lookups.keys
    assert all(getattr(result.scenario, key) for key in filled)
    assert all(getattr(result.given, key) is None for key in filled)
    for name in FIELD_NAMES:
        if name not in filled:
            assert getattr(result.scenario, name) == getattr(result.given, name), name
