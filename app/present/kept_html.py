"""Template macros whose HTML depends only on a few values, rendered once per set of those
values and kept: the page's form controls and the results' line-item rows.

A new scenario changes few of the page's controls and few of its line items (a new hourly
rate changes the people rows, not the machines'), yet a Jinja macro call renders its HTML
again, escapes and filters included. ``KeptMacro`` calls the macro only for a key it has not
seen, in a bounded memo (``pricing.memo.Memo``), and returns the kept Markup otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from pricing.lines import LineItem
from pricing.memo import Memo

# Line-item rows kept: each infrastructure the engine's memo keeps has a handful.
MAX_ROWS = 8192


class KeptMacro:
    """``macro(*args)`` of ``template``, from memory when ``key(*args)`` was seen."""

    def __init__(
        self,
        env: Environment,
        template: str,
        macro: str,
        key: Callable[..., Hashable],
        size: int,
    ) -> None:
        self.env = env
        self.template = template
        self.macro = macro
        self.key = key
        self.kept: Memo[Markup] = Memo(size)

    def __call__(self, *args: Any) -> Markup:
        key = self.key(*args)
        html = self.kept.find(key)
        if html is None:
            module: Any = self.env.get_template(self.template).module
            html = self.kept.keep(key, getattr(module, self.macro)(*args))  # Markup: autoescaped
        return html


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def item_key(item: LineItem, currency: str) -> Hashable:
    """What ``item_row`` draws: every field of the item, numbers by their text (1.0 and 1 are
    equal Decimals but could be drawn apart), and the currency."""
    return (
        item.category,
        item.label,
        str(item.quantity),
        item.unit,
        str(item.unit_price),
        str(item.monthly),
        item.source,
        item.as_of,
        _text(item.list_unit_price),
        currency,
    )


def install_item_html(env: Environment) -> None:
    """``item_html(i, currency)``: ``item_row`` of templates/partials/items.html, kept. Saves
    most of a new scenario's line-item rows (about 0.2 ms of a partial; docs/PERFORMANCE.md)."""
    env.globals["item_html"] = KeptMacro(env, "partials/items.html", "item_row", item_key, MAX_ROWS)
