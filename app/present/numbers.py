"""Jinja filters for money and quantities on the page (display only, no arithmetic)."""

from __future__ import annotations

from decimal import Decimal

from jinja2 import Environment

from pricing.money import format_money


def _places(value: Decimal, least: int) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(least, -exponent if isinstance(exponent, int) else 0)


def money(value: Decimal, currency: str = "USD") -> str:
    """$1,234.56 (or 1,234.56 EUR); a negative amount, a credit, as -$74.40."""
    return format_money(value, currency)


def money_abs(value: Decimal, currency: str = "USD") -> str:
    return money(abs(value), currency)


def unit_money(value: Decimal, currency: str = "USD") -> str:
    """A unit price with as many places as it has, at least two: $0.0225, $96.00."""
    return format_money(value, currency, _places(value, 2))


def qty(value: Decimal) -> str:
    """A quantity with thousands separators and no trailing zeros: 2,190 or 446.76."""
    return f"{value:,.{_places(value, 0)}f}"


def install_filters(env: Environment) -> None:
    env.filters.update(money=money, money_abs=money_abs, unit_money=unit_money, qty=qty)
