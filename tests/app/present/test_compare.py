"""A comparison's words and CSV rows (app.present.changes, app.present.compare)."""

from __future__ import annotations

from decimal import Decimal

from app.present.changes import change_summary, signed_money
from app.present.compare import compare_rows
from pricing import Catalog
from pricing.delta import delta
from tests.pricing.support import advised

D = Decimal


def test_a_change_of_money_carries_its_sign() -> None:
    assert signed_money(D("116.67"), "USD") == "+$116.67"
    assert signed_money(D("-5.00"), "USD") == "-$5.00"
    assert signed_money(D("1234.50"), "EUR") == "+1,234.50 EUR"
    assert signed_money(D("0.00"), "USD") == "no change"


def test_the_summary_says_when_the_cheaper_setup_changes(catalog: Catalog) -> None:
    old = advised(catalog, "article")
    # 60 hours a month on the Docker host at $96: 5,760 a month, more than Kubernetes' 1,883.
    new = advised(catalog, "article", docker_devops_hours=60)
    docker, kubernetes, verdict, odds, advice = change_summary(delta(old, new))
    # 730 = 250 of infrastructure + 5 h x 96; 60 h x 96 = 5,760, so 6,010 and +5,280.
    assert docker == "Docker: $730.00 → $6,010.00 a month (+$5,280.00)."
    assert kubernetes == "Kubernetes: $1,883.00 a month, unchanged."
    assert verdict == (
        "In A, Docker is cheaper over 12 months; in B, Kubernetes is cheaper over 12 months."
    )
    # every figure of the article is one number: the odds are the verdict, all or nothing
    assert odds == "The odds: Kubernetes is cheaper in 0% of plausible cases in A, 100% in B."
    assert advice.startswith("The checklist's advice: ")


def test_a_label_that_looks_like_a_formula_is_written_as_text(catalog: Catalog) -> None:
    change = delta(advised(catalog, "article"), advised(catalog, "article", k8s_nodes=4))
    line = change.lines[0]
    assert line.old is not None
    hostile = line._replace(old=line.old._replace(label='=HYPERLINK("http://x")'))
    rows = compare_rows(change._replace(lines=(hostile,)))
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert rows[1][4:7] == ["200.00", "200.00", "0.00"]
