"""What several faces say of the odds, written once: the range sentence, the table of
quantiles and the inputs the answer turns on. The page, the embed card, the SVG and the CLI
take their words from here; the summary sentence itself is the engine's (``Odds.summary``),
so the JSON says it too."""

from __future__ import annotations

from decimal import Decimal
from textwrap import wrap
from typing import NamedTuple

from app.present.words import SETUP_NAMES
from pricing import Comparison, Odds
from pricing.money import ROUNDING, format_money
from pricing.spread import Influence

# The inputs listed under "What would flip the answer?": those explaining at least 1% of the
# spread, at most this many.
SHOWN_INFLUENCES = 6
_LISTED_SHARE = Decimal("0.01")


class OddsRow(NamedTuple):
    """One setup's total (a steady month or the horizon) at P10, P50 and P90, as text."""

    setup: str
    measure: str
    p10: str
    p50: str
    p90: str


def percent(share: Decimal) -> str:
    """A share from 0 to 1 as a whole percent: "52%", "less than 1%", "more than 99%"."""
    whole = (share * 100).quantize(Decimal(1), rounding=ROUNDING)
    if whole == 0 and share > 0:
        return "less than 1%"
    if whole == 100 and share < 1:
        return "more than 99%"
    return f"{whole}%"


def rows(odds: Odds, comparison: Comparison) -> tuple[OddsRow, ...]:
    """Each setup's steady month and horizon total at P10, P50 and P90."""
    currency = comparison.currency
    horizon = f"{comparison.scenario.horizon_months} months"
    found = []
    for setup, name in SETUP_NAMES.items():
        chances = getattr(odds, setup)
        for measure, quantiles in (
            ("a steady month", chances.monthly_total),
            (horizon, chances.horizon_total),
        ):
            found.append(OddsRow(name, measure, *(format_money(q, currency) for q in quantiles)))
    return tuple(found)


def range_sentence(odds: Odds, comparison: Comparison) -> str:
    """The horizon's P10 to P90 of both setups in a sentence."""
    currency = comparison.currency
    docker, kubernetes = odds.docker.horizon_total, odds.kubernetes.horizon_total
    return (
        f"Over {comparison.scenario.horizon_months} months, 8 in 10 plausible totals fall "
        f"between {format_money(docker.p10, currency)} and {format_money(docker.p90, currency)} "
        f"on Docker, {format_money(kubernetes.p10, currency)} and "
        f"{format_money(kubernetes.p90, currency)} on Kubernetes."
    )


def middle_above_likely(odds: Odds, comparison: Comparison) -> bool:
    """Whether either setup's horizon P50 is above its total at the likely figures (the
    ranges reach further up than down), which the page then explains."""
    return (
        odds.docker.horizon_total.p50 > comparison.docker.horizon_total
        or odds.kubernetes.horizon_total.p50 > comparison.kubernetes.horizon_total
    )


LIKELY_NOTE = (
    "The totals price each people-time figure at its likely value; most ranges reach further "
    "up than down, so the middle of the draws sits above them."
)


def likely_note(odds: Odds, comparison: Comparison) -> str:
    """Why a total may lie below its own P10-P90 range, when it does; else nothing."""
    return LIKELY_NOTE if middle_above_likely(odds, comparison) else ""


def influences(odds: Odds) -> tuple[Influence, ...]:
    """The uncertain inputs worth listing, largest share of the spread first."""
    listed = [i for i in odds.turns_on if i.share >= _LISTED_SHARE]
    return tuple(listed[:SHOWN_INFLUENCES])


def lines(odds: Odds | None, comparison: Comparison) -> tuple[str, ...]:
    """The odds as plain text lines (the SVG, the CLI): the summary, then the range; nothing
    when the scenario asked for no odds."""
    if odds is None:
        return ()
    note = likely_note(odds, comparison)
    return (odds.summary, range_sentence(odds, comparison), *((note,) if note else ()))


def wrapped(odds: Odds | None, width: int = 84) -> tuple[str, ...]:
    """The odds' summary broken at ``width`` characters (the image's lines)."""
    return () if odds is None else tuple(wrap(odds.summary, width))
