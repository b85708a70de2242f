"""Jinja filters for money and quantities on the page (display only, no arithmetic)."""

from __future__ import annotations

from decimal import Decimal

from jinja2 import Environment


def usd(value: Decimal) -> str:
    """$1,234.56; a negative amount (a credit) as -$74.40."""
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def usd_abs(value: Decimal) -> str:
    return usd(abs(value))


def unit_usd(value: Decimal) -> str:
    """A unit price with as many places as it has, at least two: $0.0225, $96.00."""
    places = max(2, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.{places}f}"


def qty(value: Decimal) -> str:
    """A quantity with thousands separators and no trailing zeros: 2,190 or 446.76."""
    normal = value.normalize()
    places = max(0, -normal.as_tuple().exponent)  # type: ignore[operator]
    return f"{value:,.{places}f}"


def install_filters(env: Environment) -> None:
    env.filters.update(usd=usd, usd_abs=usd_abs, unit_usd=unit_usd, qty=qty)
