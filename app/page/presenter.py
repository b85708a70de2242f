"""What the calculator page's templates draw, computed in Python: the result, its words and
chart, every link (app.present.links) and the form's state. The page (GET /) and the sizing
form's answer (POST /size) both draw the calculator from here."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from app.page.form import FormView
from app.page.layout import FIELDS, GROUPS
from app.present import odds as odds_words
from app.present import words
from app.present.chart import chart_for
from app.present.links import permalink_query
from app.web.urls import links_of
from pricing import Engine, Estimate


def results_context(request: Request, engine: Engine, result: Estimate | None) -> dict[str, Any]:
    """What the results partial needs: the comparison, its advice, chart, months and
    managed containers (each built once here), and links."""
    comparison = result.comparison if result else None
    query = permalink_query(comparison.scenario, engine.catalog) if comparison else ""
    links = links_of(request, query)
    return {
        "request": request,
        "root": links.root,
        "comparison": comparison,
        "advice": result.advice if result else None,
        "summary": words.advice_summary(result) if result else "",
        "present": words,
        "odds": result.odds if result else None,
        "odds_words": odds_words,
        "chart": chart_for(engine, result) if result else None,
        "timeline": comparison.timeline if comparison else (),
        "managed": comparison.managed_containers if comparison else (),
        "links": links,
        "snippets": links.snippets(),
    }


def page_context(
    request: Request, engine: Engine, result: Estimate | None, view: FormView, **extra: Any
) -> dict[str, Any]:
    """The whole calculator: the results, and the form drawn from ``view``."""
    return {
        **results_context(request, engine, result),
        "view": view,
        "groups": GROUPS,
        "fields": FIELDS,
        **extra,
    }
