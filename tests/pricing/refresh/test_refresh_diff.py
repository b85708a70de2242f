"""The diff report: percent changes and the table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing.refresh.diff import Diff, Line, percent_change, render


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ("0.09", "0.096", "+6.67%"),
        ("0.2", "0.1", "-50.00%"),
        ("0.1", "0.10005", "+0.05%"),
        ("3", "3.000075", "+0.00%"),
        ("0.192", "0.2016", "+5.00%"),
    ],
)
def test_percent_change(old: str, new: str, change: str) -> None:
    assert percent_change(Decimal(old), Decimal(new)) == change


def test_the_table() -> None:
    diff = Diff(
        provider="aws",
        changed=[Line("us-east-1", "m5.large", Decimal("0.09"), Decimal("0.096"))],
        added=[Line("eu-west-1", "m5.large", new=Decimal("0.107"))],
        disappeared=[Line("us-east-1", "t3.nano", old=Decimal("0.0052"))],
        not_found=[Line("eu-west-1", "t3.nano")],
        unchanged=4,
    )
    assert diff.changes_file
    assert render(diff) == (
        "aws: 1 changed, 1 new, 1 disappeared (kept as they were), "
        "1 requested but not in the price list, 4 unchanged\n"
        "\n"
        "status       region     instance type  old     new    change\n"
        "changed      us-east-1  m5.large       0.09    0.096  +6.67%\n"
        "new          eu-west-1  m5.large       -       0.107\n"
        "disappeared  us-east-1  t3.nano        0.0052  -      kept unchanged\n"
        "not found    eu-west-1  t3.nano        -       -      not added\n"
    )


def test_nothing_to_report() -> None:
    diff = Diff(provider="gcp", unchanged=3)
    assert not diff.changes_file
    assert render(diff) == (
        "gcp: 0 changed, 0 new, 0 disappeared (kept as they were), "
        "0 requested but not in the price list, 3 unchanged\n"
    )


def test_disappeared_only_does_not_change_the_file() -> None:
    diff = Diff(provider="aws", disappeared=[Line("us-east-1", "t3.nano", old=Decimal("0.0052"))])
    assert not diff.changes_file
