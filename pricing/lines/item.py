"""A line of a bill, LineItem, and how one is priced.

Every line is ``quantity × unit price``, rounded to the cent; unit prices are converted into
the scenario's display currency first: the catalog's at the resolved ``price_rate`` (from the
provider's currency), the US-dollar amounts a user enters at the scenario's ``exchange_rate``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, NamedTuple

from pricing.catalog import Sourced
from pricing.money import to_cents
from pricing.scenario import Scenario

UNIT_PRICE = Decimal("0.000001")
HUNDRED = Decimal(100)
Category = Literal[
    "compute",
    "control plane",
    "load balancer",
    "storage",
    "data transfer",
    "network",
    "subscription",
    "credit",
    "people",
]


class LineItem(NamedTuple):
    """One priced line: ``monthly`` is ``quantity * unit_price`` rounded to the cent.
    ``list_unit_price`` is the catalog's list price when yours differs from it."""

    category: Category
    label: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    monthly: Decimal
    source: str | None = None
    as_of: date | None = None
    list_unit_price: Decimal | None = None


def in_currency(price: Decimal, rate: Decimal) -> Decimal:
    """A unit price converted at ``rate`` (display units per unit of its currency), to the
    millionth."""
    return (price * rate).quantize(UNIT_PRICE, rounding=ROUND_HALF_UP)


def priced(
    scenario: Scenario,
    *,
    category: Category,
    label: str,
    quantity: Decimal,
    unit: str,
    price: Decimal,
    rate: Decimal,
    sourced: Sourced | None = None,
    list_price: Decimal | None = None,
    list_rate: Decimal | None = None,
) -> LineItem:
    """A line at ``price`` a unit, converted at ``rate``; the list price (converted at
    ``list_rate``, or the same rate) is kept beside it when it differs."""
    unit_price = in_currency(price, rate)
    listed = None
    if list_price is not None and list_price != price:
        listed = in_currency(list_price, rate if list_rate is None else list_rate)
    return LineItem(
        category=category,
        label=label,
        quantity=quantity,
        unit=unit,
        unit_price=unit_price,
        monthly=to_cents(quantity * unit_price),
        source=sourced.source if sourced else None,
        as_of=sourced.as_of if sourced else None,
        list_unit_price=listed,
    )


def by_the_hour(
    scenario: Scenario,
    *,
    category: Category,
    label: str,
    count: int,
    hours: Decimal,
    price: Decimal,
    list_price: Decimal,
    cap: Decimal | None,
    rate: Decimal,
    sourced: Sourced,
) -> LineItem:
    """``count`` units at ``price`` an hour for ``hours`` a month; where the provider caps
    hourly billing at a monthly price and the hours reach it, ``count`` months at the cap."""
    if cap is not None and price * hours > discounted(scenario, cap):
        return priced(
            scenario,
            category=category,
            label=f"{label}, billed at the monthly cap",
            quantity=Decimal(count),
            unit="month",
            price=discounted(scenario, cap),
            rate=rate,
            sourced=sourced,
            list_price=cap,
        )
    return priced(
        scenario,
        category=category,
        label=label,
        quantity=count * hours,
        unit="hour",
        price=price,
        rate=rate,
        sourced=sourced,
        list_price=list_price,
    )


def discounted(scenario: Scenario, list_price: Decimal) -> Decimal:
    """The negotiated discount off a list price."""
    return list_price * (HUNDRED - scenario.discount_percent) / HUNDRED


def plural(count: int | Decimal) -> str:
    return "" if count == 1 else "s"
