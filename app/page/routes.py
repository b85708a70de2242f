"""The calculator page: the full page, or only the results when htmx asks (HX-Request)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.inputs import PRESET, parse_scenario, split_query
from app.page.form import FormView, default_values, switch_cloud, values_of
from app.page.layout import FIELDS
from app.page.presenter import page_context
from app.present import words
from app.web.deps import EngineDep, ScenarioDep, TemplatesDep
from app.web.errors import TextErrors
from app.web.htmx import VARY, is_partial
from app.web.response_cache import cacheable
from pricing import Engine, Estimate
from pricing.presets import preset_values
from pricing.resolve import CATALOG_FIELDS, OWN_PRICES
from pricing.scenario import InputError

# The page shows its own errors inline; what reaches the error handlers is a partial's.
router = APIRouter(include_in_schema=False, route_class=TextErrors)


CHANGED = "changed"  # which select the user just changed (set by static/app.js)


def _read(request: Request) -> tuple[dict[str, str], dict[str, str], str]:
    """The form values as typed (over a preset's, if one was picked), the field errors, and
    the name of the select that changed."""
    errors: dict[str, str] = {}
    try:
        fields, controls = split_query(request.query_params.multi_items(), frozenset({CHANGED}))
    except InputError as exc:
        errors = {p.field: p.message for p in exc.problems}
        fields = {k: v for k, v in request.query_params.items() if k in FIELDS or k == PRESET}
        controls = {}
    base: dict[str, Any] = {}
    preset = fields.pop(PRESET, "")
    if preset:
        try:
            base = preset_values(preset)
        except InputError as exc:
            errors.update({p.field: p.message for p in exc.problems})
    values = {**default_values(), **{k: str(v) for k, v in base.items()}, **fields}
    return values, errors, controls.get(CHANGED, "")


def _estimate(engine: Engine, values: dict[str, str]) -> tuple[Estimate | None, dict[str, str]]:
    try:
        scenario = parse_scenario({k: v for k, v in values.items() if k in FIELDS})
        return engine.estimate(scenario), {}
    except InputError as exc:
        return None, {p.field: p.message for p in exc.problems}


@router.get("/")
@cacheable
async def get_calculator(request: Request, engine: EngineDep, templates: TemplatesDep) -> Response:
    """The calculator: full page, or the results partial for htmx."""
    catalog = engine.catalog
    values, errors, trigger = _read(request)
    values = switch_cloud(catalog, values, trigger)
    result, problems = _estimate(engine, values) if not errors else (None, {})
    errors.update(problems)
    partial = is_partial(request)
    cloud_oob = (
        [k for k in (*CATALOG_FIELDS, *OWN_PRICES.values()) if k != trigger]
        if partial and trigger in ("provider", "region")
        else []
    )
    # The partial draws no control after a good answer unless the cloud changed: then the
    # values as the form shows them are not needed (about 80 µs a keystroke).
    if result is not None and (not partial or cloud_oob):
        values = values_of(result.comparison.scenario)
    view = FormView(values, catalog, errors)
    context = page_context(request, engine, result, view, cloud_oob=cloud_oob)
    headers = {"Vary": VARY}
    status = 422 if errors else 200
    if not partial:
        return templates.TemplateResponse(
            request, "calculator.html", context, status_code=status, headers=headers
        )
    if errors:
        headers["HX-Reswap"] = "none"
    else:
        headers["HX-Replace-Url"] = context["links"].page
    return templates.TemplateResponse(
        request, "partials/update.html", context, status_code=status, headers=headers
    )


@router.get("/flips")
async def get_flips(request: Request, query: ScenarioDep, templates: TemplatesDep) -> Response:
    """The sensitivity list, loaded into the results when the reader opens it."""
    engine = query.engine
    comparison = engine.estimate(query.scenario).comparison
    cheaper = comparison.difference.cheaper
    context = {
        "request": request,
        "flips": engine.sensitivity(comparison),
        "cheaper": cheaper,
        "other": words.other_setup(cheaper),
    }
    return templates.TemplateResponse(request, "partials/flips.html", context)
