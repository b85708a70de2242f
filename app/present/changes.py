"""What several faces say of a comparison of two scenarios (a ``pricing.delta.Delta``), written
once: a change of money with its sign, each setup's monthly total before and after, the verdict
before and after, and a value of an input as people read it. The compare page, the compare
JSON's summary, ``dockerk8s-cost diff`` (text and Markdown) and the MCP server's compare tool
take their words from here. Display only: the amounts come from ``pricing``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.present.links import value_text
from app.present.odds import percent
from app.present.words import SETUP_NAMES
from pricing.delta import SETUPS, Delta
from pricing.money import format_money
from pricing.scenario import Setup

# Each total of a setup that a delta reports, as people call it (pricing.delta.TOTALS).
TOTAL_TITLES = {
    "infrastructure_monthly": "Infrastructure a month",
    "people_monthly": "People a month",
    "monthly_total": "Total a month",
    "horizon_total": "Over the horizon",
}
NO_CHANGE = "no change"


def signed_money(amount: Decimal, currency: str) -> str:
    """A change of money with its sign: +$116.67, -$5.00, or "no change"."""
    if not amount:
        return NO_CHANGE
    return ("+" if amount > 0 else "") + format_money(amount, currency)


def shown_value(value: Any) -> str:
    """An input's value as people read it: true/false, plain decimals, "(none)" for empty."""
    text = value_text(value)
    return text if text else "(none)"


def setup_change(change: Delta, setup: Setup) -> str:
    """One setup's monthly total, before and after: "Kubernetes: $1,883.00 -> $1,999.67 a month
    (+$116.67)", or "... unchanged"."""
    total = change.total(setup, "monthly_total")
    currency = change.new.comparison.currency
    name = SETUP_NAMES[setup]
    if not total.change:
        return f"{name}: {format_money(total.new, currency)} a month, unchanged."
    return (
        f"{name}: {format_money(total.old, currency)} → {format_money(total.new, currency)} "
        f"a month ({signed_money(total.change, currency)})."
    )


def _cheaper_words(cheaper: str, months: int) -> str:
    if cheaper == "equal":
        return f"both cost the same over {months} months"
    return f"{SETUP_NAMES[cheaper]} is cheaper over {months} months"


# How the sides are called: A and B, or the old and new files of a diff.
SIDE_NAMES = ("A", "B")


def verdict_change(change: Delta, sides: tuple[str, str] = SIDE_NAMES) -> str:
    """Which setup is cheaper over the horizon on each side, in one sentence."""
    before, after = change.cheaper
    months = (
        change.old.comparison.scenario.horizon_months,
        change.new.comparison.scenario.horizon_months,
    )
    if before == after and months[0] == months[1]:
        return f"In both, {_cheaper_words(before, months[0])}."
    return (
        f"In {sides[0]}, {_cheaper_words(before, months[0])}; "
        f"in {sides[1]}, {_cheaper_words(after, months[1])}."
    )


ADVICE_WORDS = {**SETUP_NAMES, "either": "either setup"}


def advice_change(change: Delta, sides: tuple[str, str] = SIDE_NAMES) -> str:
    """What the checklist recommends on each side, in one sentence."""
    before, after = change.recommendation
    if before == after:
        return f"The checklist's advice: {ADVICE_WORDS[before]} in both."
    return (
        f"The checklist's advice: {ADVICE_WORDS[before]} in {sides[0]}, "
        f"{ADVICE_WORDS[after]} in {sides[1]}."
    )


def odds_change(change: Delta, sides: tuple[str, str] = SIDE_NAMES) -> str | None:
    """How often Kubernetes is cheaper on each side, in one sentence; None unless both sides
    have the odds and both setups hold the workload on each."""
    before, after = change.old.odds, change.new.odds
    if before is None or after is None:
        return None
    old, new = before.kubernetes_cheaper_probability, after.kubernetes_cheaper_probability
    if old is None or new is None:
        return None
    if old == new:
        return f"The odds: Kubernetes is cheaper in {percent(old)} of plausible cases in both."
    return (
        f"The odds: Kubernetes is cheaper in {percent(old)} of plausible cases in {sides[0]}, "
        f"{percent(new)} in {sides[1]}."
    )


def change_summary(change: Delta, sides: tuple[str, str] = SIDE_NAMES) -> tuple[str, ...]:
    """The comparison in a few sentences: each setup's monthly change, the verdict over the
    horizon, the odds and the checklist's advice, on each side."""
    setups = (setup_change(change, setup) for setup in SETUPS)
    odds = odds_change(change, sides)
    said = (verdict_change(change, sides), *((odds,) if odds else ()), advice_change(change, sides))
    return (*setups, *said)
