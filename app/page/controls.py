"""The calculator form's controls, each rendered once per value and kept.

The full page draws 56 controls through the ``field`` macro of templates/partials/fields.html
(about 1,270 escapes a page), yet a new scenario changes one or two of them: a control's HTML
depends only on its field, its value, its error and, for a select, the cloud whose options it
lists. ``FieldHtml`` keeps each control's HTML by those, in a bounded memo on the app's
template environment, and the page calls it in place of the macro.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from app.page.form import FormView
from pricing.memo import Memo

# Controls kept: 56 fields with a few values each; the oldest is forgotten past this.
MAX_CONTROLS = 8192

ControlKey = tuple[str, str | None, str | None, tuple[str, str] | None]


class FieldHtml:
    """``field_html(f, view)``: what ``field(f, view)`` renders, from memory when seen."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.kept: Memo[Markup] = Memo(MAX_CONTROLS)

    def __call__(self, f: Any, view: FormView) -> Markup:
        # Saves most of the full page's form rendering (the macro and its escapes).
        cloud = view.cloud if f.kind == "select" else None
        key: ControlKey = (f.name, view.values.get(f.name), view.errors.get(f.name), cloud)
        html = self.kept.find(key)
        if html is None:
            module: Any = self.env.get_template("partials/fields.html").module
            html = self.kept.keep(key, module.field(f, view))  # Markup: the env autoescapes
        return html


def install_field_html(env: Environment) -> None:
    env.globals["field_html"] = FieldHtml(env)
