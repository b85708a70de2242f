"""What several faces say of one result, written once: the headline sentences, the advice's
summary and labels, the autoscaling range, the setups' titles. The page, the htmx partial, the
embed card, the SVG, oEmbed, the JSON and the CLI take their words from here.

A sentence is a tuple of Phrases so that each face can stress what it likes (HTML in
``<strong>``) while the words stay the same; ``spoken`` joins them for plain text.
"""

from __future__ import annotations

from textwrap import wrap
from typing import NamedTuple

from markupsafe import Markup, escape

from app.present.cells import decimal_text
from pricing import Advice, Bill, Comparison, Estimate
from pricing.advice import Reason
from pricing.money import format_money
from pricing.whole_months import month_text, parse_month

SETUP_NAMES = {"docker": "Docker", "kubernetes": "Kubernetes"}
# What the page and the card call each setup's column, and each side a reason leans to.
SETUP_TITLES = {"docker": "Docker host", "kubernetes": "Kubernetes"}
LEAN_NAMES = {**SETUP_NAMES, "neutral": "Note"}


class Phrase(NamedTuple):
    text: str
    stressed: bool = False


Sentence = tuple[Phrase, ...]
END = Phrase(".")
SPACE = Phrase(" ")


def spoken(sentence: Sentence) -> str:
    """The sentence as plain text."""
    return "".join(phrase.text for phrase in sentence)


def monthly_gap(comparison: Comparison) -> Sentence:
    """How much more (or less) Kubernetes costs a month at steady state (month 1's sizes:
    said so when the workload grows); empty when equal."""
    gap = comparison.difference.monthly
    if not gap:
        return ()
    amount = format_money(abs(gap), comparison.currency)
    growing = comparison.scenario.growth_percent_per_month > 0
    return (
        Phrase(f"At steady state{' in month 1' if growing else ''} Kubernetes costs "),
        Phrase(f"{amount} {'more' if gap > 0 else 'less'}", stressed=True),
        Phrase(" per month"),
    )


def horizon_verdict(comparison: Comparison) -> Sentence:
    """Which setup is cheaper over the horizon, and by how much; which one holds the workload,
    when one does not (a setup that does not fit is never called the cheaper)."""
    difference, months = comparison.difference, comparison.scenario.horizon_months
    unfit = comparison.not_fitting
    if unfit:
        needs = "; ".join(f"{SETUP_NAMES[f.setup]} {f.shortfall}" for f in unfit)
        if difference.cheaper == "neither":
            return (
                Phrase("neither setup holds the workload", stressed=True),
                Phrase(f" ({needs})"),
            )
        return (
            Phrase(f"over {months} months only "),
            Phrase(SETUP_NAMES[difference.cheaper], stressed=True),
            Phrase(f" holds the workload ({needs})"),
        )
    if difference.cheaper == "equal":
        return (Phrase(f"over {months} months both setups cost the same"),)
    amount = format_money(abs(difference.horizon), comparison.currency)
    return (
        Phrase(f"over {months} months "),
        Phrase(SETUP_NAMES[difference.cheaper], stressed=True),
        Phrase(" is cheaper by "),
        Phrase(amount, stressed=True),
    )


def month_named(comparison: Comparison, month: int) -> str:
    """A month of the horizon as the faces name it: "month 9 (2027-08)"."""
    calendar = month_text(parse_month(comparison.months.start_month) + month - 1)
    return f"month {month} ({calendar})"


def months_ahead(comparison: Comparison) -> tuple[Sentence, ...]:
    """What the months ahead change, a sentence each in the order they happen: the month
    production's Docker hosts stop being enough, and the month the setup that cost more in
    month 1 first costs less in a month; empty when neither happens within the horizon."""
    months = comparison.months
    outgrown, changes = months.docker_outgrown_month, months.cheaper_changes_month
    said: dict[int, Sentence] = {}
    if outgrown is not None:
        hosts = comparison.scenario.docker_hosts
        who = "One Docker host stops" if hosts == 1 else f"{hosts} Docker hosts stop"
        when = Phrase(month_named(comparison, outgrown), stressed=True)
        said[outgrown] = (Phrase(f"{who} being enough in "), when)
    if changes is not None:
        first = months.runs[0]
        dearer, cheaper = (
            ("Kubernetes", "Docker's")
            if first.kubernetes.total > first.docker.total
            else ("Docker", "Kubernetes'")
        )
        bill = f"monthly {dearer} bill first drops below {cheaper}"
        if changes in said:
            said[changes] = (*said[changes], Phrase(f", the month the {bill}"))
        else:
            when = Phrase(month_named(comparison, changes), stressed=True)
            said[changes] = (Phrase(f"The {bill} in "), when)
    return tuple((*said[month], END) for month in sorted(said))


def headline(comparison: Comparison, *, with_ratio: bool = False) -> Sentence:
    """The monthly gap and the horizon's verdict in one sentence (with the ratio of the
    monthly totals, if asked and known), then what the months ahead change."""
    gap, verdict = monthly_gap(comparison), horizon_verdict(comparison)
    ahead = tuple(phrase for sentence in months_ahead(comparison) for phrase in (SPACE, *sentence))
    if not gap:
        first = verdict[0]
        return (
            first._replace(text=first.text[:1].upper() + first.text[1:]),
            *verdict[1:],
            END,
            *ahead,
        )
    ratio = comparison.difference.ratio
    if with_ratio and ratio:
        gap = (*gap, Phrase(f" ({ratio}× Docker)"))
    return (*gap, Phrase("; "), *verdict, END, *ahead)


def headline_lines(comparison: Comparison, width: int = 84) -> tuple[str, ...]:
    """The headline as plain text for a narrow image: broken after the monthly gap, and
    before each sentence of the months ahead (itself broken at ``width`` characters)."""
    gap, verdict = monthly_gap(comparison), horizon_verdict(comparison)
    ahead = tuple(
        line for sentence in months_ahead(comparison) for line in wrap(spoken(sentence), width)
    )
    if not gap:
        return (spoken(headline(comparison)[: len(verdict) + 1]), *ahead)
    return (spoken((*gap, Phrase(";"))), spoken((*verdict, END)), *ahead)


def advice_summary(result: Estimate, *, with_months: bool = False) -> str:
    """The checklist's verdict, then the monthly gap: the advice in two sentences; with
    ``with_months`` (where no headline stands beside it: the JSON), what the months ahead
    change."""
    gap = monthly_gap(result.comparison)
    said = [result.advice.verdict, f"{spoken(gap)}." if gap else ""]
    if with_months:
        said += [spoken(sentence) for sentence in months_ahead(result.comparison)]
    return " ".join(part for part in said if part)


def node_range(comparison: Comparison) -> str | None:
    """The autoscaling range in words, when the scenario has one."""
    low_high = comparison.kubernetes.monthly_range
    if low_high is None:
        return None
    scenario, currency = comparison.scenario, comparison.currency
    fewest = scenario.k8s_nodes_min or scenario.k8s_nodes
    most = scenario.k8s_nodes_max or scenario.k8s_nodes
    return (
        f"Autoscaling between {fewest} and {most} nodes: {format_money(low_high[0], currency)} "
        f"to {format_money(low_high[1], currency)} a month ({scenario.k8s_nodes} on average)."
    )


def currency_note(comparison: Comparison) -> str | None:
    """Which currency the amounts are in and at which of the user's rates, when it is not
    simply the provider's US dollars."""
    scenario, matches = comparison.resolved
    shown, priced, name = comparison.currency, matches.provider.currency, matches.provider.name
    dollars = f"{scenario.exchange_rate} per US dollar"
    if priced == "USD":
        return None if shown == "USD" else f"Amounts in {shown} at {dollars} (your rate)."
    own = (
        f"{name}'s prices as listed in {priced}"
        if shown == priced
        else f"{name}'s {priced} prices at {matches.price_rate} per {priced}"
    )
    if shown == "USD":
        return f"Amounts in USD: {own} (your rate)."
    return (
        f"Amounts in {shown}: {own}; the US-dollar amounts (DevOps rate, Docker seats, prices "
        f"you enter) at {dollars} (your rates)."
    )


def availability(bill: Bill) -> str:
    """What the provider promises for one setup, in words."""
    promise = bill.availability
    if promise is None:
        return "None published"
    return f"{decimal_text(promise.percent)}% ({promise.label})"


def title(comparison: Comparison) -> str:
    """A short title: both monthly totals."""
    currency = comparison.currency
    return (
        f"Docker {format_money(comparison.docker.monthly_total, currency)} vs Kubernetes "
        f"{format_money(comparison.kubernetes.monthly_total, currency)} per month"
    )


def stressed_html(sentence: Sentence) -> Markup:
    """The sentence as HTML, stressed phrases in ``<strong>``."""
    return Markup("").join(
        Markup("<strong>{}</strong>").format(phrase.text)
        if phrase.stressed
        else escape(phrase.text)
        for phrase in sentence
    )


def titled_bills(comparison: Comparison) -> tuple[tuple[str, Bill], ...]:
    """Each setup's title and bill, Docker first: the page's and the card's columns."""
    return tuple(
        (SETUP_TITLES[bill.setup], bill) for bill in (comparison.docker, comparison.kubernetes)
    )


def recommendation_title(advice: Advice) -> str:
    """The advice's heading: the setup it recommends, that either can work, or that neither
    holds the workload."""
    if advice.recommendation == "either":
        return "either can work"
    if advice.recommendation == "neither":
        return "neither holds the workload"
    return SETUP_NAMES[advice.recommendation]


def lean_label(reason: Reason) -> str:
    """The side a checklist answer leans to, and its weight when it counts more than once."""
    name = LEAN_NAMES[reason.points_to]
    return f"{name} ×{reason.weight}" if reason.weight > 1 else name


def other_setup(setup: str) -> str:
    """The setup a flip would make the cheaper."""
    return "Kubernetes" if setup == "docker" else "Docker"
