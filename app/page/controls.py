"""The calculator form's controls, each rendered once per value and kept.

The full page draws 56 controls through the ``field`` macro of templates/partials/fields.html
(about 1,270 escapes a page), yet a new scenario changes one or two of them: a control's HTML
depends only on its field, its value, its error and, for a select, the cloud whose options it
lists. ``field_html`` keeps each control's HTML by those (``app.present.kept_html``), and the
page calls it in place of the macro.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from jinja2 import Environment

from app.page.form import FormView
from app.present.kept_html import KeptMacro

# Controls kept: 56 fields with a few values each; the oldest is forgotten past this.
MAX_CONTROLS = 8192


def control_key(f: Any, view: FormView) -> Hashable:
    """What a control's HTML depends on: its field, value, error and, for a select, cloud."""
    cloud = view.cloud if f.kind == "select" else None
    return (f.name, view.values.get(f.name), view.errors.get(f.name), cloud)


def install_field_html(env: Environment) -> None:
    """``field_html(f, view)``: what ``field(f, view)`` renders, from memory when seen (saves
    most of the full page's form rendering: the macro and its escapes)."""
    env.globals["field_html"] = KeptMacro(
        env, "partials/fields.html", "field", control_key, MAX_CONTROLS
    )
