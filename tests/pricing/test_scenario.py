"""The Scenario model: bad input is a validation error that names the field, never a crash;
and the one InputError every face renders."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pricing import FieldProblem, InputError, Scenario
from pricing.input_types import RANGE_LIMITS
from pricing.ranges import Range
from pricing.scenario import (
    CHECKLIST_FIELDS,
    FIELD_NAMES,
)
from tests.pricing.support import D


def field_of(error: ValidationError) -> set[str]:
    return {str(e["loc"][0]) for e in error.errors()}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("k8s_nodes", -1),
        ("k8s_nodes", "-1"),
        ("k8s_nodes", 0),
        ("k8s_nodes", "3.5"),
        ("k8s_nodes", "5_0"),
        ("k8s_nodes", True),
        ("devops_hourly_rate", "-5"),
        ("devops_hourly_rate", "NaN"),
        ("devops_hourly_rate", "Infinity"),
        ("devops_hourly_rate", float("inf")),
        ("devops_hourly_rate", float("nan")),
        ("devops_hourly_rate", "1e3"),
        ("devops_hourly_rate", " 96"),
        ("devops_hourly_rate", "９６"),
        ("devops_hourly_rate", "5_0"),
        ("hours_per_month", "745"),
        ("horizon_months", 0),
        ("discount_percent", "100"),
        ("plan_billing", "weekly"),
        ("deploy_frequency", "hourly"),
        ("provider", "<script>"),
        ("needs_autoscaling", "maybe"),
    ],
)
def test_bad_values_name_their_field(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({field: value})
    assert field_of(caught.value) == {field}


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("environments", "0", "greater than or equal to 1"),
        ("environments", "11", "less than or equal to 10"),
        ("nonprod_size_percent", "0", "greater than 0"),
        ("nonprod_size_percent", "101", "less than or equal to 100"),
        ("growth_percent_per_month", "-1", "plain decimal"),
        ("growth_percent_per_month", "101", "less than or equal to 100"),
        ("upgrade_policy", "sometimes", "'current' or 'never'"),
        ("k8s_environments", "pods", "'clusters' or 'namespaces'"),
        ("start_month", "2027-13", "YYYY-MM"),
        ("start_month", "27-01", "YYYY-MM"),
    ],
)
def test_the_months_fields_say_their_range(field: str, value: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({field: value})
    assert field_of(caught.value) == {field}
    assert says in caught.value.errors()[0]["msg"]


def test_unknown_field_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({"k8s_node": 3})
    assert field_of(caught.value) == {"k8s_node"}


@pytest.mark.parametrize("name", sorted(Scenario.model_fields))
def test_each_default_passes_its_own_field_rules(name: str) -> None:
    """Defaults are not re-validated per instance, so each must be valid as given: given
    explicitly (as a value and as the text a form or CSV would send) it validates to itself."""
    default = Scenario.model_fields[name].default
    assert getattr(Scenario.model_validate({name: default}), name) == default
    if default is not None:
        text = str(default).lower() if isinstance(default, bool) else str(default)
        assert getattr(Scenario.model_validate({name: text}), name) == default


def test_empty_text_means_default() -> None:
    assert Scenario.model_validate({"region": "", "docker_hourly_price": ""}) == Scenario()


def test_the_checklist_asks_about_scenario_fields() -> None:
    assert set(CHECKLIST_FIELDS) <= set(FIELD_NAMES)
    assert len(set(CHECKLIST_FIELDS)) == 7


def test_input_error_names_every_problem_and_its_kind() -> None:
    problems = [FieldProblem("region", "is wrong"), FieldProblem("disk", "is missing")]
    error = InputError(problems)
    assert isinstance(error, ValueError)
    assert error.problems == problems
    assert error.kind == "invalid"
    assert str(error) == "region: is wrong; disk: is missing"
    assert InputError([FieldProblem("body", "too big")], "too_large").kind == "too_large"


@pytest.mark.parametrize("text", ["1001", "100000000", "1000000000", "9" * 40, "9" * 10_000])
def test_a_count_over_its_maximum_says_so_however_many_digits(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({"k8s_nodes": text})
    messages = [e["msg"] for e in caught.value.errors()]
    assert messages == ["Input should be less than or equal to 1000"]


def test_a_zero_padded_count_past_nine_digits_is_refused_in_words() -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({"k8s_nodes": "0000000003"})
    assert "at most 9 digits" in caught.value.errors()[0]["msg"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("provider", "", "must not be empty: give a key such as aws"),
        ("provider", "=1+2", "must be a key such as aws: letters, digits, '.', '_' or '-'"),
        ("k8s_instance_type", "-2+3", "must be a key such as m6i.large: letters, digits"),
        ("region", "us east", "must be a key such as us-east-1"),
        ("docker_plan", "a" * 65, "must be a key such as team, at most 64 characters"),
        ("currency", "usd", "must be a three-letter currency code in capitals"),
    ],
)
def test_a_malformed_key_is_refused_in_words_not_by_its_pattern(
    field: str, value: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({field: value})
    [error] = caught.value.errors()
    assert error["loc"] == (field,)
    assert expected in error["msg"]
    assert "pattern" not in error["msg"] and "[A-Z" not in error["msg"]


def _count_fields() -> list[str]:
    """Every count but the ranges of whole months (RANGE_LIMITS: their limits are theirs)."""
    properties = Scenario.model_json_schema()["properties"]
    return [
        name
        for name, prop in properties.items()
        if name not in RANGE_LIMITS
        and (
            prop.get("type") == "integer"
            or any(branch.get("type") == "integer" for branch in prop.get("anyOf", []))
        )
    ]


@pytest.mark.parametrize("field", _count_fields())
def test_every_count_refuses_a_long_number_by_its_maximum(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({field: "9" * 20})
    [error] = caught.value.errors()
    assert str(error["msg"]).startswith("Input should be less than or equal to")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("k8s_upgrade_hours", "16", Range(D(16), D(16), D(16))),
        ("k8s_upgrade_hours", "4/16/80", Range(D(4), D(16), D(80))),
        ("k8s_upgrade_hours", 12.5, Range(D("12.5"), D("12.5"), D("12.5"))),
        ("docker_devops_hours", "", None),
        ("k8s_rampup_months", "2/4/12", Range(D(2), D(4), D(12))),
        ("k8s_rampup_months", 6, Range(D(6), D(6), D(6))),
    ],
)
def test_a_people_time_figure_is_one_number_or_low_likely_high(
    field: str, value: object, expected: Range | None
) -> None:
    scenario = Scenario.model_validate({field: value})
    assert getattr(scenario, field) == expected
    # and it is written back the way a user types it
    shown = scenario.model_dump()[field]
    assert shown == (None if expected is None else expected.likely if expected.is_point else value)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "k8s_upgrade_hours",
            "20/16/80",
            "low 20 is above likely 16: give low/likely/high with low <= likely <= high "
            "(each from 0 to 2080 hours per upgrade)",
        ),
        (
            "docker_host_hours",
            "1/9/8",
            "likely 9 is above high 8: give low/likely/high with low <= likely <= high "
            "(each from 0 to 744 hours per host a month)",
        ),
        ("k8s_upgrade_hours", "4/16/3000", "each value must be from 0 to 2080 hours per upgrade"),
        ("docker_devops_hours", 745, "each value must be from 0 to 744 hours a month"),
        ("docker_deploy_hours", "25", "each value must be from 0 to 24 hours per deploy"),
        ("k8s_steady_hours", "-5", "must be a number such as 16, or low/likely/high"),
        ("k8s_steady_hours", "4/16", "must be a number such as 16, or low/likely/high"),
        ("k8s_steady_hours", "4 / 16 / 80", "no sign or spaces"),
        ("k8s_steady_hours", True, "must be a number, not true/false"),
        ("k8s_rampup_months", "2.5", "must be a whole number such as 4"),
        ("k8s_rampup_months", "2/4/200", "each value must be from 0 to 120 months"),
        ("stateful_services", "-1", "must be a whole number"),
    ],
)
def test_a_bad_people_time_figure_is_named_with_its_limits(
    field: str, value: object, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate({field: value})
    [error] = caught.value.errors()
    assert error["loc"] == (field,)
    assert expected in str(error["msg"])
