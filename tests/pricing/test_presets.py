"""Presets: named starting points, laid under the user's own values; the article's to the cent."""

from __future__ import annotations

import pytest

from pricing import PRESETS, Catalog, InputError, estimate, preset_values
from pricing.presets import build_scenario
from tests.pricing.support import D, item, run


def test_unknown_preset_names_preset() -> None:
    with pytest.raises(InputError) as caught:
        build_scenario({}, "nope")
    assert caught.value.problems[0].field == "preset"
    assert "article" in caught.value.problems[0].message


def test_presets_build_valid_scenarios(catalog: Catalog) -> None:
    for name in PRESETS:
        estimate(build_scenario({}, name), catalog)


def test_values_override_the_preset() -> None:
    assert build_scenario({"k8s_nodes": "7"}, "article").k8s_nodes == 7


def test_no_preset_is_the_values_alone() -> None:
    assert build_scenario({"k8s_nodes": "7"}) == build_scenario({"k8s_nodes": 7}, None)
    assert build_scenario({}).k8s_nodes == 3


def test_preset_values_are_a_copy() -> None:
    values = preset_values("article")
    values["k8s_nodes"] = 99
    assert preset_values("article")["k8s_nodes"] == 3
    assert PRESETS["article"].values["k8s_nodes"] == 3


def test_article_preset_to_the_cent(catalog: Catalog) -> None:
    result = run(catalog, "article")
    assert result.docker.infrastructure_monthly == D("250.00")
    assert result.kubernetes.infrastructure_monthly == D("443.00")
    assert item(result, "docker", "compute").monthly == D("200.00")
    assert item(result, "docker", "subscription").monthly == D("50.00")
    assert item(result, "kubernetes", "compute").monthly == D("350.00")
    assert item(result, "kubernetes", "control plane").monthly == D("73.00")
    lb = [i.monthly for i in result.kubernetes.line_items if i.category == "load balancer"]
    assert sum(lb) == D("20.00")
    # people: 5 h vs 40 h (first 6 months) then 15 h, at $96
    assert result.docker.people_monthly == D("480.00")
    assert result.kubernetes.people_first_month == D("3840.00")
    assert result.kubernetes.people_monthly == D("1440.00")
    assert result.kubernetes.first_month_total == D("4283.00")
    assert result.kubernetes.monthly_total == D("1883.00")
