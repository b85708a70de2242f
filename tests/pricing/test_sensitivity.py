"""Sensitivity: the single input that, changed alone, flips which setup is cheaper."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pricing import Catalog, Comparison, Engine, Scenario, estimate, new_memo
from pricing.presets import build_scenario
from pricing.sensitivity import sensitivity

# Six Docker hosts over two years, with the article's hours entered (5 h for Docker; 40 h for
# 6 months, then 15, for Kubernetes): Kubernetes' hours fall behind as the rate grows.
SIX_HOSTS = {
    "docker_hosts": "6",
    "horizon_months": "24",
    "docker_devops_hours": "5",
    "k8s_rampup_hours": "40",
    "k8s_rampup_months": "6",
    "k8s_steady_hours": "15",
}


def pricer(catalog: Catalog) -> Callable[[Scenario], Comparison]:
    return lambda scenario: estimate(scenario, catalog)


def flips_of(result: Comparison, catalog: Catalog) -> dict[str, str]:
    return {f.field: f.needed for f in sensitivity(result, pricer(catalog))}


def test_sensitivity_finds_the_node_count_that_flips(catalog: Catalog) -> None:
    values = {"devops_hourly_rate": "20", "k8s_steady_hours": "5", "k8s_rampup_months": "0"}
    base = estimate(build_scenario(values), catalog)
    needed = int(flips_of(base, catalog)["k8s_nodes"])
    flipped = estimate(build_scenario({**values, "k8s_nodes": str(needed)}), catalog)
    one_less = estimate(build_scenario({**values, "k8s_nodes": str(needed + 1)}), catalog)
    assert flipped.difference.cheaper != base.difference.cheaper
    assert one_less.difference.cheaper == base.difference.cheaper


def test_sensitivity_solves_the_devops_rate(catalog: Catalog) -> None:
    base = estimate(build_scenario(SIX_HOSTS), catalog)
    rate = Decimal(flips_of(base, catalog)["devops_hourly_rate"])
    flipped = estimate(build_scenario({**SIX_HOSTS, "devops_hourly_rate": str(rate)}), catalog)
    assert flipped.difference.cheaper != base.difference.cheaper


def test_each_flip_says_where_it_starts_and_what_it_changes(catalog: Catalog) -> None:
    base = estimate(build_scenario(SIX_HOSTS), catalog)
    flips = {f.field: f for f in sensitivity(base, pricer(catalog))}
    rate = flips["devops_hourly_rate"]
    assert (rate.label, rate.current) == ("DevOps hourly rate", "96")
    assert rate.change.endswith("%")
    for flip in flips.values():
        assert flip.current != flip.needed


def test_every_flip_found_really_flips(catalog: Catalog) -> None:
    base = estimate(build_scenario({}, "article"), catalog)
    for flip in sensitivity(base, pricer(catalog)):
        moved = base.scenario.model_copy(update={flip.field: flip.needed})
        again = estimate(Scenario.model_validate(moved.model_dump()), catalog)
        assert again.difference.cheaper != base.difference.cheaper, flip


def test_the_engine_finds_the_same_flips_with_or_without_its_memo(catalog: Catalog) -> None:
    base = estimate(build_scenario({"docker_hosts": "6", "horizon_months": "24"}), catalog)
    plain = sensitivity(base, pricer(catalog))
    assert plain
    assert Engine(catalog, None).sensitivity(base) == plain
    assert Engine(catalog, new_memo()).sensitivity(base) == plain
