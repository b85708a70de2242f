"""Embedding in wikis: /embed (an iframe card), /embed.svg (an image) and /oembed."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Query, Request
from markupsafe import escape
from starlette.responses import Response

from app.inputs import parse_query
from app.present import odds as odds_words
from app.present import words
from app.present.chart import chart_for
from app.present.links import (
    CARD_HEIGHT,
    CARD_WIDTH,
    IMAGE_HEIGHT,
    IMAGE_WIDTH,
    iframe_snippet,
    permalink_query,
)
from app.web.deps import EngineDep, ScenarioDep, TemplatesDep
from app.web.errors import JsonErrors, TextErrors
from app.web.response_cache import cacheable
from app.web.responses import JSON_TYPE, ErrorResponse, cached, json_bytes
from app.web.urls import links_of, root_of
from pricing import Engine, Estimate
from pricing.scenario import FieldProblem, InputError

# The card and the image answer an iframe or an <img>: their errors are plain text.
router = APIRouter(tags=["embed"], route_class=TextErrors)
oembed_router = APIRouter(tags=["embed"], route_class=JsonErrors)

SVG_TYPE = "image/svg+xml"
LINE_HEIGHT = 18  # the image's headline lines, px


def _context(
    request: Request, engine: Engine, result: Estimate, width: int, height: int
) -> dict[str, Any]:
    """What the card and the image both draw."""
    comparison = result.comparison
    return {
        "request": request,
        "comparison": comparison,
        "advice": result.advice,
        "summary": words.advice_summary(result),
        "present": words,
        "odds": result.odds,
        "odds_words": odds_words,
        "chart": chart_for(engine, result, width, height),
    }


def _card_context(request: Request, engine: Engine, result: Estimate) -> dict[str, Any]:
    """The card's: with its links (the image shows none, and its permalink would cost it
    about 80 µs a request: docs/PERFORMANCE.md)."""
    links = links_of(request, permalink_query(result.comparison.scenario, engine.catalog))
    return {**_context(request, engine, result, 560, 170), "root": links.root, "links": links}


@router.get("/embed", include_in_schema=False)
@cacheable
async def get_embed(request: Request, query: ScenarioDep, templates: TemplatesDep) -> Response:
    """A compact result card for an iframe: same query string as the page."""
    engine = query.engine
    result = engine.estimate(query.scenario)
    context = _card_context(request, engine, result)
    return templates.TemplateResponse(request, "embed.html", context)


@router.get(
    "/embed.svg",
    summary="The comparison as an SVG image, for wikis that allow only images",
    response_model=None,
    responses={
        200: {"content": {SVG_TYPE: {"schema": {"type": "string"}}}},
        422: {"model": ErrorResponse},
    },
)
@cacheable
async def get_embed_svg(request: Request, query: ScenarioDep, templates: TemplatesDep) -> Response:
    """Totals, difference and the cumulative chart as a standalone SVG image."""
    engine = query.engine
    result = engine.estimate(query.scenario)
    lines = (*words.headline_lines(result.comparison), *odds_words.wrapped(result.odds))
    # The chart starts below the headline: each line past two takes its height off the chart.
    below = LINE_HEIGHT * max(0, len(lines) - 2)
    context = _context(request, engine, result, IMAGE_WIDTH - 40, 205 - below)
    template = templates.get_template("embed.svg")
    body = template.render(
        context, width=IMAGE_WIDTH, height=IMAGE_HEIGHT, lines=lines, chart_top=112 + below
    )
    return cached(request, body.encode(), SVG_TYPE)


def _calculator_url(request: Request, url: str) -> str:
    """The query string of ``url`` if it is this calculator's page or embed, else 404."""
    parts = urlsplit(url)
    ours = urlsplit(str(request.base_url))
    root = root_of(request)
    paths = {f"{root}/", f"{root}/embed", f"{root}"}
    if (parts.scheme, parts.netloc) != (ours.scheme, ours.netloc) or parts.path not in paths:
        raise InputError([FieldProblem("url", "is not a page of this calculator")], "not_found")
    return parts.query


OEMBED_PARAMETERS = frozenset({"url", "format", "maxwidth", "maxheight"})


@oembed_router.get(
    "/oembed",
    summary="oEmbed: the iframe HTML for a calculator permalink",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def get_oembed(
    request: Request,
    engine: EngineDep,
    url: str = Query(description="A permalink of this calculator (its page or /embed)."),
    # The pattern is declared, not enforced by FastAPI: its message would show the regex.
    format: str = Query(
        "json", description="Only json is offered.", json_schema_extra={"pattern": "^json$"}
    ),
    maxwidth: int | None = Query(None, ge=100, le=4000, description="Largest width, px."),
    maxheight: int | None = Query(None, ge=100, le=4000, description="Largest height, px."),
) -> Response:
    """A ``rich`` oEmbed response whose HTML is an iframe of /embed."""
    if format != "json":
        raise InputError([FieldProblem("format", "must be json (the only format served)")])
    unknown = [name for name in request.query_params if name not in OEMBED_PARAMETERS]
    if unknown:  # most often a url that was not percent-encoded: its own query split off
        message = "is not an oEmbed parameter: percent-encode the url if it was part of it"
        raise InputError([FieldProblem(name, message) for name in unknown])
    query = _calculator_url(request, url)
    scenario, _ = parse_query(parse_qsl(query, keep_blank_values=True))
    comparison = engine.estimate(scenario).comparison
    width = min(CARD_WIDTH, maxwidth or CARD_WIDTH)
    height = min(CARD_HEIGHT, maxheight or CARD_HEIGHT)
    links = links_of(request, query)
    body = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Docker vs Kubernetes cost calculator",
        "provider_url": links.base,
        "title": words.title(comparison),
        "width": width,
        "height": height,
        "html": iframe_snippet(str(escape(links.embed)), width, height),
        "cache_age": 300,
    }
    return Response(json_bytes(body), media_type=JSON_TYPE)
