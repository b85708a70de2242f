"""Money in CSV cells and JSON strings: always two places, whatever the Decimal's exponent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.present.cells import cents_text as money


@pytest.mark.parametrize(
    ("amount", "cell"),
    [
        ("443.00", "443.00"),
        ("-74.40", "-74.40"),
        ("0.10", "0.10"),
        ("0", "0.00"),
        ("12.3", "12.30"),
        ("1.234", "1.23"),
        ("1.235", "1.24"),
        ("1E+2", "100.00"),
        ("1.2E+3", "1200.00"),
        ("1234567.89", "1234567.89"),
    ],
)
def test_money_has_two_places(amount: str, cell: str) -> None:
    assert money(Decimal(amount)) == cell
