"""Bad input: each a validation error that names the field, never a crash."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pricing import Catalog, Scenario, ScenarioError, estimate
from pricing.presets import PRESETS, scenario_from


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


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"provider": "oracle"}, "provider"),
        ({"region": "mars-1"}, "region"),
        ({"k8s_instance_type": "x9.huge"}, "k8s_instance_type"),
        ({"docker_instance_type": "e2-standard-4"}, "docker_instance_type"),
        ({"control_plane": "gke-standard"}, "control_plane"),
        ({"docker_plan": "enterprise"}, "docker_plan"),
        ({"plan_billing": "monthly", "docker_plan": "business"}, "plan_billing"),
    ],
)
def test_keys_the_catalog_lacks_name_their_field(
    catalog: Catalog, values: dict[str, str], field: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        estimate(Scenario.model_validate(values), catalog)
    assert [p.field for p in caught.value.problems] == [field]
    assert "choose one of" in caught.value.problems[0].message or "annually" in str(caught.value)


def test_every_problem_is_reported_at_once(catalog: Catalog) -> None:
    scenario = Scenario(region="mars-1", control_plane="nope", docker_plan="nope")
    with pytest.raises(ScenarioError) as caught:
        estimate(scenario, catalog)
    assert {p.field for p in caught.value.problems} == {"region", "control_plane", "docker_plan"}


def test_unknown_preset_names_preset() -> None:
    with pytest.raises(ScenarioError) as caught:
        scenario_from({}, "nope")
    assert caught.value.problems[0].field == "preset"
    assert "article" in caught.value.problems[0].message


def test_presets_build_valid_scenarios(catalog: Catalog) -> None:
    for name in PRESETS:
        estimate(scenario_from({}, name), catalog)


def test_values_override_the_preset() -> None:
    assert scenario_from({"k8s_nodes": "7"}, "article").k8s_nodes == 7
