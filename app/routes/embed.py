"""Embedding in wikis: /embed (an iframe card), /embed.svg (an image) and /oembed."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Query, Request
from markupsafe import escape
from starlette.responses import Response

from app.chart import chart_of
from app.inputs import InputError, compare, scenario_from_query
from app.permalink import permalink_query
from app.responses import JSON_TYPE, cached, json_bytes
from app.schemas import ErrorResponse
from app.state import catalog_of, templates_of
from pricing import Comparison
from pricing.money import format_money
from pricing.scenario import FieldProblem

router = APIRouter(tags=["embed"])

CARD_WIDTH, CARD_HEIGHT = 640, 460
SVG_WIDTH, SVG_HEIGHT = 640, 360
SVG_TYPE = "image/svg+xml"


def _comparison(request: Request) -> Comparison:
    scenario, _ = scenario_from_query(request.query_params.multi_items())
    return compare(scenario, catalog_of(request))


def _context(request: Request, c: Comparison, width: int, height: int) -> dict[str, Any]:
    query = permalink_query(c.scenario, catalog_of(request))
    base = str(request.base_url).rstrip("/")
    return {
        "request": request,
        "root": request.scope.get("root_path", ""),
        "c": c,
        "chart": chart_of(c, width, height),
        "query": query,
        "page_url": f"{base}/" + (f"?{query}" if query else ""),
        "base_url": base,
    }


@router.get("/embed", include_in_schema=False)
async def get_embed(request: Request) -> Response:
    """A compact result card for an iframe: same query string as the page."""
    c = _comparison(request)
    context = _context(request, c, 560, 170)
    return templates_of(request).TemplateResponse(request, "embed.html", context)


@router.get(
    "/embed.svg",
    summary="The comparison as an SVG image, for wikis that allow only images",
    response_model=None,
    responses={
        200: {"content": {SVG_TYPE: {"schema": {"type": "string"}}}},
        422: {"model": ErrorResponse},
    },
)
async def get_embed_svg(request: Request) -> Response:
    """Totals, difference and the cumulative chart as a standalone SVG image."""
    c = _comparison(request)
    context = _context(request, c, SVG_WIDTH - 40, 215)
    template = templates_of(request).get_template("embed.svg")
    body = template.render(context, width=SVG_WIDTH, height=SVG_HEIGHT)
    return cached(request, body.encode(), SVG_TYPE)


def _calculator_url(request: Request, url: str) -> str:
    """The query string of ``url`` if it is this calculator's page or embed, else 404."""
    parts = urlsplit(url)
    ours = urlsplit(str(request.base_url))
    root = request.scope.get("root_path", "")
    paths = {f"{root}/", f"{root}/embed", f"{root}"}
    if (parts.scheme, parts.netloc) != (ours.scheme, ours.netloc) or parts.path not in paths:
        raise InputError([FieldProblem("url", "is not a page of this calculator")], status=404)
    return parts.query


@router.get(
    "/oembed",
    summary="oEmbed: the iframe HTML for a calculator permalink",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def get_oembed(
    request: Request,
    url: str = Query(description="A permalink of this calculator (its page or /embed)."),
    format: str = Query("json", pattern="^json$", description="Only json is offered."),
    maxwidth: int | None = Query(None, ge=100, le=4000, description="Largest width, px."),
    maxheight: int | None = Query(None, ge=100, le=4000, description="Largest height, px."),
) -> Response:
    """A ``rich`` oEmbed response whose HTML is an iframe of /embed."""
    query = _calculator_url(request, url)
    scenario, _ = scenario_from_query(parse_qsl(query, keep_blank_values=True))
    c = compare(scenario, catalog_of(request))
    width = min(CARD_WIDTH, maxwidth or CARD_WIDTH)
    height = min(CARD_HEIGHT, maxheight or CARD_HEIGHT)
    base = str(request.base_url).rstrip("/")
    src = f"{base}/embed" + (f"?{query}" if query else "")
    body = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Docker vs Kubernetes cost calculator",
        "provider_url": f"{base}/",
        "title": (
            f"Docker {format_money(c.docker.monthly_total, c.currency)} vs Kubernetes "
            f"{format_money(c.kubernetes.monthly_total, c.currency)} per month"
        ),
        "width": width,
        "height": height,
        "html": (
            f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
            'style="border:0;max-width:100%" loading="lazy" '
            'title="Docker vs Kubernetes cost comparison"></iframe>'
        ),
        "cache_age": 300,
    }
    return Response(json_bytes(body), media_type=JSON_TYPE)
