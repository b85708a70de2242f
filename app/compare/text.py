"""A comparison of the old and new files of an application as text (``dockerk8s-cost diff``):
for a terminal, or as Markdown for a pull-request comment. The words come from
app.present.changes; formatting only."""

from __future__ import annotations

from app.present.changes import TOTAL_TITLES, change_summary, shown_value, signed_money
from app.present.links import CompareLinks
from app.present.words import SETUP_TITLES
from app.sizing.text import table
from pricing.delta import SETUPS, Delta, LineChange
from pricing.money import format_money

SIDES = ("the old files", "the new files")
# Finds the comment again: a CI job updates the comment that holds it instead of adding one.
MARKER = "<!-- dockerk8s-cost diff -->"


def _item(line: LineChange, side: str) -> str:
    item = line.old if side == "old" else line.new
    return item.label if item else "(none)"


def _line_rows(change: Delta, currency: str) -> list[list[str]]:
    return [
        [
            SETUP_TITLES[line.setup],
            line.category,
            _item(line, "old"),
            _item(line, "new"),
            format_money(line.old.monthly, currency) if line.old else "-",
            format_money(line.new.monthly, currency) if line.new else "-",
            signed_money(line.change, currency),
        ]
        for line in change.changed_lines()
    ]


def _total_rows(change: Delta, currency: str) -> list[list[str]]:
    return [
        [
            SETUP_TITLES[total.setup],
            TOTAL_TITLES[total.name],
            format_money(total.old, currency),
            format_money(total.new, currency),
            signed_money(total.change, currency),
        ]
        for total in change.totals
    ]


def diff_text(change: Delta, links: CompareLinks) -> str:
    """The comparison for a terminal: the summary, the inputs, the lines and totals that
    change, and the link to the compare page."""
    currency = change.new.comparison.currency
    lines = ["Cost change from the old files to the new", "", *change_summary(change, SIDES)]
    if change.fields:
        rows = [[f.field, shown_value(f.old), shown_value(f.new)] for f in change.fields]
        lines += ["", "Sized inputs that change", *table(["input", "old", "new"], rows, set())]
    changed = _line_rows(change, currency)
    if changed:
        header = ["setup", "category", "old", "new", "old a month", "new a month", "change"]
        lines += ["", "Line items that change", *table(header, changed, {4, 5, 6})]
    header = ["setup", "total", "old", "new", "change"]
    lines += ["", "Totals", *table(header, _total_rows(change, currency), {2, 3, 4})]
    return "\n".join([*lines, "", f"Compare: {links.permalink}"])


def _cell(text: str) -> str:
    """Text in a Markdown table cell: its pipes escaped, no HTML let through."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|")
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markdown_table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    rule = ["--:" if i in right else "---" for i in range(len(header))]
    return ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in [header, rule, *rows]]


def _headline(change: Delta, currency: str) -> str:
    changes = ((setup, change.total(setup, "monthly_total").change) for setup in SETUPS)
    parts = (f"{SETUP_TITLES[setup]} {signed_money(amount, currency)}" for setup, amount in changes)
    return "### Cost change a month: " + ", ".join(parts)


def _monthly_rows(change: Delta, currency: str) -> list[list[str]]:
    return [
        [
            SETUP_TITLES[t.setup],
            format_money(t.old, currency),
            format_money(t.new, currency),
            signed_money(t.change, currency),
        ]
        for t in change.totals
        if t.name == "monthly_total"
    ]


def _folded(change: Delta, currency: str) -> list[str]:
    """The inputs, line items and totals that change, folded away in ``<details>``."""
    lines = [
        "<details><summary>What changes: the sized inputs, the line items, the totals</summary>",
        "",
    ]
    if change.fields:
        inputs = [[f.field, shown_value(f.old), shown_value(f.new)] for f in change.fields]
        lines += [*_markdown_table(["input", "old", "new"], inputs, set()), ""]
    changed = _line_rows(change, currency)
    if changed:
        header = ["setup", "category", "old", "new", "old a month", "new a month", "change"]
        lines += [*_markdown_table(header, changed, {4, 5, 6}), ""]
    header = ["setup", "total", "old", "new", "change"]
    totals = _markdown_table(header, _total_rows(change, currency), {2, 3, 4})
    return [*lines, *totals, "", "</details>"]


def diff_markdown(change: Delta, links: CompareLinks, linked: bool) -> str:
    """The comparison as Markdown for a pull-request comment: the headline, each setup's
    monthly totals, the verdict, and what changes folded away; the link to the compare page
    when ``linked`` (its URL absolute)."""
    currency = change.new.comparison.currency
    header = ["setup", "old a month", "new a month", "change"]
    lines = [
        MARKER,
        _headline(change, currency),
        "",
        *_markdown_table(header, _monthly_rows(change, currency), {1, 2, 3}),
        "",
        " ".join(change_summary(change, SIDES)[len(SETUPS) :]),
        "",
        *_folded(change, currency),
    ]
    if linked:
        lines += ["", f"[Compare both in the calculator]({links.permalink})"]
    return "\n".join(lines) + "\n"
