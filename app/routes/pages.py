"""The calculator page: the full page, or only the results when htmx asks (HX-Request)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.chart import chart_of
from app.form import (
    CLOUD_KEYS,
    FormView,
    cloud_choice,
    options_for,
    switch_cloud,
    values_of,
)
from app.form_layout import FIELDS, GROUPS
from app.inputs import PRESET, InputError, compare, scenario_from_query, scenario_of, split_query
from app.permalink import permalink_query
from app.state import catalog_of, templates_of
from pricing import Comparison, sensitivity
from pricing.presets import preset_values
from pricing.scenario import DEFAULT_SCENARIO, ScenarioError

router = APIRouter(include_in_schema=False)


CHANGED = "changed"  # which select the user just changed (set by static/app.js)


def _read(request: Request) -> tuple[dict[str, str], dict[str, str], str]:
    """The form values as typed (over a preset's, if one was picked), the field errors, and
    the name of the select that changed."""
    errors: dict[str, str] = {}
    try:
        fields, controls = split_query(request.query_params.multi_items(), frozenset({CHANGED}))
    except InputError as exc:
        errors = {p.field: p.message for p in exc.problems}
        fields = {k: v for k, v in request.query_params.items() if k in FIELDS}
        controls = {}
    base: dict[str, Any] = {}
    if controls.get(PRESET):
        try:
            base = preset_values(controls[PRESET])
        except ScenarioError as exc:
            errors.update({p.field: p.message for p in exc.problems})
    values = {**values_of(DEFAULT_SCENARIO), **{k: str(v) for k, v in base.items()}, **fields}
    return values, errors, controls.get(CHANGED, "")


def _estimate(request: Request, values: dict[str, str]) -> tuple[Comparison | None, dict[str, str]]:
    try:
        scenario = scenario_of({k: v for k, v in values.items() if k in FIELDS})
        return compare(scenario, catalog_of(request)), {}
    except InputError as exc:
        return None, {p.field: p.message for p in exc.problems}


def page_context(request: Request, comparison: Comparison | None, view: FormView) -> dict[str, Any]:
    """What the calculator's templates need: the result, its chart and permalink, the form."""
    catalog = catalog_of(request)
    query = permalink_query(comparison.scenario, catalog) if comparison else ""
    return {
        "request": request,
        "root": request.scope.get("root_path", ""),
        "c": comparison,
        "chart": chart_of(comparison) if comparison else None,
        "query": query,
        "view": view,
        "groups": GROUPS,
        "fields": FIELDS,
    }


@router.get("/")
async def get_calculator(request: Request) -> Response:
    """The calculator: full page, or the results partial for htmx."""
    catalog = catalog_of(request)
    values, errors, trigger = _read(request)
    values = switch_cloud(catalog, values, trigger)
    comparison, problems = _estimate(request, values) if not errors else (None, {})
    errors.update(problems)
    if comparison is not None:
        values = values_of(comparison.scenario)
    provider, region = cloud_choice(catalog, values)
    view = FormView(values, options_for(catalog, provider, region), errors)
    context = page_context(request, comparison, view)
    partial = request.headers.get("hx-request") == "true" and not request.headers.get(
        "hx-history-restore-request"
    )
    templates = templates_of(request)
    headers = {"Vary": "HX-Request"}
    status = 422 if errors else 200
    if not partial:
        return templates.TemplateResponse(
            request, "calculator.html", context, status_code=status, headers=headers
        )
    if errors:
        headers["HX-Reswap"] = "none"
    else:
        headers["HX-Replace-Url"] = f"{context['root']}/?{context['query']}".rstrip("?")
    context["cloud_oob"] = (
        [k for k in CLOUD_KEYS if k != trigger] if trigger in ("provider", "region") else []
    )
    return templates.TemplateResponse(
        request, "partials/update.html", context, status_code=status, headers=headers
    )


@router.get("/flips")
async def get_flips(request: Request) -> Response:
    """The sensitivity list, loaded into the results when the reader opens it."""
    scenario, _ = scenario_from_query(request.query_params.multi_items())
    comparison = compare(scenario, catalog_of(request))
    context = {
        "request": request,
        "flips": sensitivity(comparison, catalog_of(request)),
        "cheaper": comparison.difference.cheaper,
    }
    return templates_of(request).TemplateResponse(request, "partials/flips.html", context)
