"""People time from drivers: each setup's hours as lines, each a driver's count times hours per
unit from the labour table (or the scenario's own figure), or hours a month entered outright."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pricing import Catalog, CatalogError, Comparison, InputError
from pricing.catalog import COEFFICIENT_KEYS, field_name
from pricing.input_types import RANGE_LIMITS
from pricing.presets import PEOPLE_TIME, PRESETS
from pricing.scenario import FIELD_NAMES
from tests.pricing.support import D, catalog_with, run, sourced


def people(result: object, setup: str) -> list[tuple[str, object]]:
    """A setup's people lines: (label, hours)."""
    bill = getattr(result, setup)
    return [(i.label, i.quantity) for i in bill.line_items if i.category == "people"]


def test_every_coefficient_is_sourced_dated_and_graded(catalog: Catalog) -> None:
    labour = catalog.labour
    for table in (labour.docker, labour.kubernetes):
        for coefficient in table.__dict__.values():
            assert coefficient.source.startswith("https://")
            assert coefficient.confidence in ("A", "B", "C")
            assert coefficient.as_of.year >= 2026
            assert coefficient.note  # what the figure rests on, judgement or source
    # every judgement says so: a C figure's note names its source or "judgement"
    judged = [c for t in (labour.docker, labour.kubernetes) for c in t.__dict__.values()]
    assert all(c.confidence != "C" or "judgement" in c.note for c in judged if c.note)


def test_every_coefficient_has_its_scenario_field() -> None:
    for setup, keys in COEFFICIENT_KEYS.items():
        for key in keys:
            assert field_name(setup, key) in FIELD_NAMES
            assert field_name(setup, key) in RANGE_LIMITS


def test_the_default_scenario_by_hand(catalog: Catalog) -> None:
    result = run(catalog)
    # Docker: 1 host x 2 h + 3 services x 0.5 h + 20 deploys x 0.05 h + 1 host x 1 h = 5.5 h
    assert [hours for _, hours in people(result, "docker")] == [D(2), D("1.5"), D(1), D(1)]
    assert result.docker.people_monthly == D("528.00")  # 5.5 h x $96
    # Kubernetes: 1 cluster x 6 h + 3 services x 1.5 h + 20 deploys x 0.02 h + 1 cluster x 4 h
    # = 14.9 h (upgrades are the months', when the version calendar has the team upgrade)
    assert [hours for _, hours in people(result, "kubernetes")] == [D(6), D("4.5"), D("0.4"), D(4)]
    assert result.kubernetes.people_monthly == D("1430.40")  # 14.9 h x $96
    # ramp-up: the steady 14.9 h plus 25 h while learning, for 4 months: 39.9 h x $96
    assert result.kubernetes.rampup_months == 4
    assert result.kubernetes.people_first_month == D("3830.40")
    labels = [i.label for i in result.kubernetes.rampup_items]
    assert labels[-1] == "Ramp-up while the team learns Kubernetes (25 h a month)"


# Kept current from 2026-02, the team upgrades EKS in months 6 and 10 (tests/pricing/
# test_versions.py): each upgrade is a people line of that month.
CURRENT = {"start_month": "2026-02", "upgrade_policy": "current"}


def upgrades(result: Comparison) -> list[tuple[int, str, Decimal, str | None]]:
    """Each month's upgrade lines: (month, label, hours, source)."""
    return [
        (month.month, line.label, line.quantity, line.source)
        for month in result.months.months
        for line in month.kubernetes.lines
        if line.category == "people"
    ]


def test_an_upgrade_costs_the_labour_tables_hours(catalog: Catalog) -> None:
    # 16 h (the labour table's likely) x $96 = $1,536.00 in each month with an upgrade
    table = catalog.labour.kubernetes.upgrade_hours
    assert upgrades(run(catalog, **CURRENT)) == [
        (6, "Kubernetes upgrade, 1.35 → 1.36: 16 h", D(16), table.source),
        (10, "Kubernetes upgrade, 1.36 → 1.37: 16 h", D(16), table.source),
    ]
    result = run(catalog, **CURRENT)
    assert result.months.upgrades == 2
    assert result.months.months[5].kubernetes.total - result.months.months[4].kubernetes.total == (
        D("1536.00")
    )


def test_a_two_service_wordpress_and_a_twelve_service_shop_differ(catalog: Catalog) -> None:
    wordpress = run(catalog, services=2, stateful=True)
    shop = run(
        catalog,
        services=12,
        stateful=True,
        stateful_services=3,
        docker_hosts=2,
        deploy_frequency="several-daily",
    )
    # WordPress, Docker: 2 + 2 x 0.5 + 1 x 1.5 + 20 x 0.05 + 1 = 6.5 h = $624.00;
    # Kubernetes: 6 + 2 x 1.5 + 1 x 3 + 20 x 0.02 + 4 = 16.4 h = $1,574.40
    assert (wordpress.docker.people_monthly, wordpress.kubernetes.people_monthly) == (
        D("624.00"),
        D("1574.40"),
    )
    # Shop, Docker: 2 x 2 + 12 x 0.5 + 3 x 1.5 + 60 x 0.05 + 2 x 1 = 19.5 h = $1,872.00;
    # Kubernetes: 6 + 12 x 1.5 + 3 x 3 + 60 x 0.02 + 4 = 38.2 h = $3,667.20
    assert (shop.docker.people_monthly, shop.kubernetes.people_monthly) == (
        D("1872.00"),
        D("3667.20"),
    )


def test_environments_multiply_the_hosts_and_clusters(catalog: Catalog) -> None:
    # 3 environments, a cluster each: Docker 3 hosts x 2 h + 1.5 + 1 + 3 hosts x 1 h = 11.5 h;
    # Kubernetes 3 clusters x 6 h + 4.5 + 0.4 + 3 clusters x 4 h = 34.9 h
    result = run(catalog, environments=3)
    hours = [sum((h for _, h in people(result, s)), D(0)) for s in ("docker", "kubernetes")]
    assert hours == [D("11.5"), D("34.9")]
    # in namespaces of one cluster: one cluster's 6 h and 4 h
    shared = run(catalog, environments=3, k8s_environments="namespaces")
    assert sum((h for _, h in people(shared, "kubernetes")), D(0)) == D("14.9")


def test_a_coefficient_of_the_scenario_replaces_the_tables(catalog: Catalog) -> None:
    result = run(catalog, k8s_upgrade_hours="40", docker_host_hours="1/3/9", **CURRENT)
    # 40 h an upgrade, yours: no source of ours
    assert upgrades(result)[0] == (6, "Kubernetes upgrade, 1.35 → 1.36: 40 h", D(40), None)
    first = result.docker.line_items[-4]
    assert (first.quantity, first.source) == (D(3), None)  # the likely 3 h of your range
    assert run(catalog).docker.line_items[-4].source is not None


def test_hours_entered_replace_the_drivers_they_cover(catalog: Catalog) -> None:
    result = run(catalog, docker_devops_hours="5", k8s_steady_hours="15")
    assert people(result, "docker") == [("DevOps engineering", D(5))]
    assert people(result, "kubernetes") == [("DevOps engineering, steady state", D(15))]
    # no ramp-up hours entered: the steady 15 h plus the table's 25 h extra, for 4 months
    assert result.kubernetes.people_first_month == D("3840.00")  # 40 h x $96
    entered = run(catalog, k8s_rampup_hours="60", k8s_rampup_months="2")
    assert [i.label for i in entered.kubernetes.rampup_items] == ["DevOps engineering, ramp-up"]
    assert entered.kubernetes.people_first_month == D("5760.00")  # 60 h x $96
    assert entered.kubernetes.rampup_months == 2


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"services": 2, "stateful": True, "stateful_services": 3}, "not be more than services"),
        ({"stateful_services": 1}, "stateful is false"),
        ({"stateful": True, "stateful_services": 0}, "stateful is true"),
    ],
)
def test_stateful_services_must_agree_with_the_checklist(
    catalog: Catalog, values: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError) as caught:
        run(catalog, **values)
    [problem] = caught.value.problems
    assert problem.field == "stateful_services"
    assert message in problem.message


def test_each_preset_says_how_it_counts_people_time(catalog: Catalog) -> None:
    assert set(PEOPLE_TIME) == set(PRESETS)
    assert {name for name, way in PEOPLE_TIME.items() if way == "hours"} == {
        "article",
        "k3s",
        "hetzner-k3s",
    }
    for name, way in PEOPLE_TIME.items():
        result = run(catalog, name)
        labels = [label for label, _ in people(result, "docker")]
        assert (labels == ["DevOps engineering"]) == (way == "hours"), name
    # k3s keeps its figures: 5 h for Docker; 60 h for 6 months, then 25 h, at $96
    k3s = run(catalog, "k3s")
    assert (k3s.docker.people_monthly, k3s.kubernetes.people_monthly) == (
        D("480.00"),
        D("2400.00"),
    )
    assert (k3s.kubernetes.people_first_month, k3s.kubernetes.rampup_months) == (
        D("5760.00"),
        6,
    )


def test_an_operator_overrides_a_coefficient(tmp_path: Path) -> None:
    override = {"labour": {"kubernetes": {"upgrade_hours": sourced(low=8, likely=24, high=120)}}}
    catalog = catalog_with(tmp_path, override)
    assert upgrades(run(catalog, **CURRENT))[0][1:3] == (
        "Kubernetes upgrade, 1.35 → 1.36: 24 h",
        D(24),
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"low": "20"},
            "entry labour.kubernetes: field upgrade_hours: Value error, low 20, likely",
        ),
        ({"high": "5000"}, "upgrade_hours: each value must be from 0 to 2080 hours per upgrade"),
        ({"likely": "-1"}, "labour.kubernetes.upgrade_hours: field likely"),
    ],
)
def test_a_bad_coefficient_stops_the_catalog_naming_it(
    tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    override = {"labour": {"kubernetes": {"upgrade_hours": change}}}
    with pytest.raises(CatalogError) as caught:
        catalog_with(tmp_path, override)
    assert expected in str(caught.value)


def test_whole_months_only_for_the_rampup(tmp_path: Path) -> None:
    override = {"labour": {"kubernetes": {"rampup_months": {"likely": "4.5"}}}}
    with pytest.raises(CatalogError, match="field kubernetes: Value error, rampup_months: must be"):
        catalog_with(tmp_path, override)
