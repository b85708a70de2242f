"""Macros kept per value: the same HTML as the macro, drawn once per value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.main import build_templates
from app.present.kept_html import KeptMacro
from pricing.lines import LineItem

ROW = LineItem(
    "compute",
    "m6i.xlarge × 3 nodes",
    Decimal("2190"),
    "hour",
    Decimal("0.192"),
    Decimal("420.48"),
    "https://aws.amazon.com/ec2/pricing/",
    date(2026, 11, 1),
)


def test_a_kept_row_is_the_macro_s_row_and_drawn_once() -> None:
    env = build_templates().env
    item_html: KeptMacro = env.globals["item_html"]  # type: ignore[assignment]
    macro = env.get_template("partials/items.html").module.item_row  # type: ignore[attr-defined]
    first = item_html(ROW, "USD")
    assert first == macro(ROW, "USD")
    assert "$420.48" in first and "2,190 hour" in first and "$0.192" in first
    assert item_html(ROW._replace(label="m6i.xlarge × 3 nodes"), "USD") is first  # kept
    assert len(item_html.kept) == 1
    # Another currency, or an equal number written otherwise, is drawn apart.
    assert "420.48 EUR" in item_html(ROW, "EUR")
    item_html(ROW._replace(quantity=Decimal("2190.0")), "USD")
    assert len(item_html.kept) == 3
