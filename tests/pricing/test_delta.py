"""Two scenarios side by side: the inputs that differ and each line's change, by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing import Catalog, InputError
from pricing.delta import delta
from tests.pricing.support import advised

D = Decimal


def test_a_fourth_node_adds_one_nodes_price(catalog: Catalog) -> None:
    old = advised(catalog, "article")
    new = advised(catalog, "article", k8s_nodes=4)
    change = delta(old, new)
    assert [(f.field, f.old, f.new) for f in change.fields] == [("k8s_nodes", 3, 4)]
    moved = change.changed_lines()
    # The article's nodes are its own price: 0.159817 $/h x 730 h = 116.67 a node a month;
    # 3 nodes 2,190 h = 350.00, 4 nodes 2,920 h = 466.67 (0.159817 x 2920 = 466.666 -> .67).
    assert [(m.setup, m.category) for m in moved] == [("kubernetes", "compute")]
    assert moved[0].change == D("116.67")
    assert moved[0].old is not None and "× 3 nodes" in moved[0].old.label
    assert moved[0].new is not None and "× 4 nodes" in moved[0].new.label
    monthly = {(t.setup, t.name): t.change for t in change.totals}
    assert monthly["kubernetes", "monthly_total"] == D("116.67")
    assert monthly["docker", "monthly_total"] == 0


def test_a_line_that_comes_and_goes_is_added_or_removed(catalog: Catalog) -> None:
    old = advised(catalog, "article")
    new = advised(catalog, "article", docker_load_balancers=1, docker_disk_gb=0)
    added = [line for line in delta(old, new).changed_lines() if line.old is None]
    assert {line.category for line in added} == {"load balancer"}
    assert all(line.setup == "docker" for line in added)
    removed = delta(new, old).changed_lines()
    assert {line.category for line in removed if line.new is None} == {"load balancer"}
    # Each direction is the other's negative.
    assert sum(line.change for line in delta(old, new).lines) == -sum(
        line.change for line in delta(new, old).lines
    )


def test_the_same_scenario_changes_nothing(catalog: Catalog) -> None:
    same = delta(advised(catalog, "startup"), advised(catalog, "startup"))
    assert same.fields == () and same.changed_lines() == ()
    assert all(total.change == 0 for total in same.totals)


def test_two_currencies_do_not_subtract(catalog: Catalog) -> None:
    dollars = advised(catalog, "article")
    euros = advised(catalog, "article", currency="EUR", exchange_rate="0.92")
    with pytest.raises(InputError) as raised:
        delta(dollars, euros)
    assert raised.value.problems[0].field == "currency"


def test_a_total_and_the_advice_before_and_after(catalog: Catalog) -> None:
    old = advised(catalog, "article")
    # 60 DevOps hours a month on the Docker host: 60 x $96 = $5,760 of people, +$5,280.
    new = advised(catalog, "article", docker_devops_hours=60)
    change = delta(old, new)
    people = change.total("docker", "people_monthly")
    assert (people.old, people.new, people.change) == (D("480.00"), D("5760.00"), D("5280.00"))
    assert change.cheaper == ("docker", "kubernetes")
    assert change.recommendation == (old.advice.recommendation, new.advice.recommendation)
    with pytest.raises(KeyError):
        change.total("docker", "first_month_total")
