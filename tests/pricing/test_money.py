"""The money rules: cents rounded half up, totals of cents, money written for people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing.money import ZERO, format_money, to_cents, total

D = Decimal


@pytest.mark.parametrize(
    ("amount", "cents"),
    [
        ("0.005", "0.01"),
        ("0.004999", "0.00"),
        ("2.675", "2.68"),
        ("152.064", "152.06"),
        ("-0.005", "-0.01"),
    ],
)
def test_to_cents_rounds_half_up(amount: str, cents: str) -> None:
    assert to_cents(D(amount)) == D(cents)
    assert to_cents(D(amount)).as_tuple().exponent == -2


def test_total_keeps_two_places() -> None:
    assert total([]) == ZERO
    assert str(total([])) == "0.00"
    assert str(total([D("1.10"), D("2.20"), D("-0.30")])) == "3.00"
    assert total((D("73.00"), D("-73.00"))) == ZERO


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("1234.56", "USD", "$1,234.56"),
        ("0", "USD", "$0.00"),
        ("-74.4", "USD", "-$74.40"),
        ("1060.76", "EUR", "1,060.76 EUR"),
        ("-5", "GBP", "-5.00 GBP"),
    ],
)
def test_format_money(amount: str, currency: str, text: str) -> None:
    assert format_money(D(amount), currency) == text


def test_format_money_with_more_places() -> None:
    assert format_money(D("0.1"), places=4) == "$0.1000"
