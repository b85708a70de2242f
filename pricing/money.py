"""The money rules, stated once: Decimal everywhere, rounded half up to the cent per line item."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP  # what a spreadsheet's ROUND() does
ZERO = Decimal("0.00")


def to_cents(amount: Decimal) -> Decimal:
    """Round an amount to whole cents, half up."""
    return amount.quantize(CENT, rounding=ROUNDING)


def format_money(amount: Decimal, currency: str = "USD", places: int = 2) -> str:
    """Money for people: $1,234.56 in USD, 1,234.56 EUR in another currency; a negative amount
    (a credit) as -$74.40. Display only: no arithmetic here."""
    sign = "-" if amount < 0 else ""
    return sign + with_currency(f"{abs(amount):,.{places}f}", currency)


def with_currency(digits: str, currency: str) -> str:
    """An amount's digits with its currency, for people: $ before them for US dollars, the
    code after them for any other (1,234.56 EUR)."""
    return f"${digits}" if currency == "USD" else f"{digits} {currency}"


def total(amounts: list[Decimal] | tuple[Decimal, ...]) -> Decimal:
    """Sum amounts that are already rounded to cents; the result keeps two places."""
    return sum(amounts, ZERO).quantize(CENT)
