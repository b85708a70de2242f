"""What several faces say of one result, written once: the headline sentences, the advice's
summary, the autoscaling range and the embed snippets. The page, the htmx partial, the embed
card, the SVG, oEmbed and the JSON all take their words from here.

A sentence is a tuple of Phrases so that each face can stress what it likes (HTML in
``<strong>``) while the words stay the same; ``spoken`` joins them for plain text.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup, escape

from app.cells import decimal_text
from pricing import Bill, Comparison, Estimate
from pricing.money import format_money

# The embed card's size in an iframe snippet (and the most oEmbed offers); the SVG image's.
CARD_WIDTH, CARD_HEIGHT = 640, 460
IMAGE_WIDTH, IMAGE_HEIGHT = 640, 360
SETUP_NAMES = {"docker": "Docker", "kubernetes": "Kubernetes"}


class Phrase(NamedTuple):
    text: str
    stressed: bool = False


Sentence = tuple[Phrase, ...]
END = Phrase(".")


def spoken(sentence: Sentence) -> str:
    """The sentence as plain text."""
    return "".join(phrase.text for phrase in sentence)


def monthly_gap(comparison: Comparison) -> Sentence:
    """How much more (or less) Kubernetes costs a month at steady state; empty when equal."""
    gap = comparison.difference.monthly
    if not gap:
        return ()
    amount = format_money(abs(gap), comparison.currency)
    return (
        Phrase("At steady state Kubernetes costs "),
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


def headline(comparison: Comparison, *, with_ratio: bool = False) -> Sentence:
    """The monthly gap and the horizon's verdict in one sentence (with the ratio of the
    monthly totals, if asked and known)."""
    gap, verdict = monthly_gap(comparison), horizon_verdict(comparison)
    if not gap:
        first = verdict[0]
        return (first._replace(text=first.text[:1].upper() + first.text[1:]), *verdict[1:], END)
    ratio = comparison.difference.ratio
    if with_ratio and ratio:
        gap = (*gap, Phrase(f" ({ratio}× Docker)"))
    return (*gap, Phrase("; "), *verdict, END)


def headline_lines(comparison: Comparison) -> tuple[str, ...]:
    """The headline as plain text, broken after the monthly gap, for a narrow image."""
    sentence = headline(comparison)
    gap = len(monthly_gap(comparison))
    if not gap:
        return (spoken(sentence),)
    return (spoken(sentence[: gap + 1]).rstrip(), spoken(sentence[gap + 1 :]))


def advice_summary(result: Estimate) -> str:
    """The checklist's verdict, then the monthly gap: the advice in two sentences."""
    gap = monthly_gap(result.comparison)
    verdict = result.advice.verdict
    return f"{verdict} {spoken(gap)}." if gap else verdict


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


class Snippet(NamedTuple):
    key: str
    title: str
    code: str


def iframe_snippet(src: str, width: int = CARD_WIDTH, height: int = CARD_HEIGHT) -> str:
    """The iframe a wiki embeds for the card at ``src`` (a URL of ours: its query string is
    percent-encoded, so only its ``&`` may want escaping where strict HTML is needed)."""
    return (
        f'<iframe src="{src}" width="{width}" height="{height}" '
        'style="border:0;max-width:100%" loading="lazy" '
        'title="Docker vs Kubernetes cost comparison"></iframe>'
    )


def embed_snippets(base_url: str, query: str) -> tuple[Snippet, ...]:
    """What the page offers to paste into a wiki: the card's iframe and the image's embeds.
    ``base_url`` ends in a slash; ``query`` is the permalink's query string."""
    tail = f"?{query}" if query else ""
    page, image = f"{base_url}{tail}", f"{base_url}embed.svg{tail}"
    return (
        Snippet(
            "iframe",
            "Iframe (Confluence iframe or HTML macro, Docusaurus, MkDocs, any HTML page)",
            iframe_snippet(f"{base_url}embed{tail}"),
        ),
        Snippet(
            "markdown",
            "Image in Markdown (GitHub, GitLab, MkDocs, Notion)",
            f"[![Docker vs Kubernetes cost]({image})]({page})",
        ),
        Snippet(
            "html",
            "Image in HTML",
            f'<a href="{page}"><img src="{image}" width="{IMAGE_WIDTH}" height="{IMAGE_HEIGHT}" '
            'alt="Docker vs Kubernetes monthly cost comparison"></a>',
        ),
    )


def stressed_html(sentence: Sentence) -> Markup:
    """The sentence as HTML, stressed phrases in ``<strong>``."""
    return Markup("").join(
        Markup("<strong>{}</strong>").format(phrase.text)
        if phrase.stressed
        else escape(phrase.text)
        for phrase in sentence
    )
