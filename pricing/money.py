"""The money rules, stated once: Decimal everywhere, rounded half up to the cent per line item."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP  # what a spreadsheet's ROUND() does
ZERO = Decimal("0.00")


def to_cents(amount: Decimal) -> Decimal:
    """Round an amount to whole cents, half up."""
    return amount.quantize(CENT, rounding=ROUNDING)


def total(amounts: list[Decimal] | tuple[Decimal, ...]) -> Decimal:
    """Sum amounts that are already rounded to cents; the result keeps two places."""
    return sum(amounts, ZERO).quantize(CENT)
