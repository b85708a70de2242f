"""POST /size: the page's "Size from your files" form (multipart; works without JavaScript).

Without htmx it answers the whole calculator page, filled from the sized Scenario, with the
report beside the results. With htmx it answers the report, and out of band the form and the
results, and puts the permalink in the address bar (HX-Replace-Url).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import UploadFile
from starlette.responses import Response

from app.page.form import FormView, values_of
from app.page.presenter import page_context
from app.sizing.options import parse_sizing_query
from app.sizing.panel import sizing_panel
from app.sizing.report import permalink_of
from app.web.deps import EngineDep, SettingsDep, TemplatesDep
from app.web.errors import STATUS, TextErrors
from app.web.htmx import is_partial
from app.web.state import run_sizing
from app.web.urls import root_of
from pricing import Engine, Estimate, Scenario
from pricing.scenario import DEFAULT_SCENARIO, SIZED_FIELDS, FieldProblem, InputError

router = APIRouter(include_in_schema=False, route_class=TextErrors)
TEXT_FIELD = "yaml"
FILES_FIELD = "files"
CONTROLS: frozenset[str] = frozenset()


async def _texts(request: Request) -> tuple[list[str], list[tuple[str, str]]]:
    """The pasted text and every uploaded file's text, and the other form fields."""
    form = await request.form()
    texts: list[str] = []
    fields: list[tuple[str, str]] = []
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if not data:
                continue
            try:
                texts.append(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                message = f"{value.filename or 'a file'} is not UTF-8 text"
                raise InputError([FieldProblem(FILES_FIELD, message)]) from None
        elif name == TEXT_FIELD:
            if value.strip():
                texts.insert(0, value)
        elif name != FILES_FIELD:
            fields.append((name, value))
    if not texts:
        raise InputError(
            [FieldProblem(TEXT_FIELD, "paste a Compose file or manifests, or pick files")]
        )
    return texts, fields


def _page_context(
    request: Request, engine: Engine, scenario: Scenario, result: Estimate | None, **extra: Any
) -> dict[str, Any]:
    values = values_of(result.comparison.scenario if result else scenario)
    return page_context(request, engine, result, FormView(values, engine.catalog), **extra)


def _sizing_failed(
    request: Request, engine: Engine, scenario: Scenario, exc: InputError, htmx: bool
) -> tuple[str, dict[str, Any], int, dict[str, str]]:
    """The template, context, status and headers that say why the files were not sized: the
    errors alone for htmx, else the calculator for ``scenario`` with them."""
    errors = [f"{p.field}: {p.message}" if p.field != "body" else p.message for p in exc.problems]
    if htmx:
        headers = {"HX-Retarget": "#sizing-errors", "HX-Reswap": "outerHTML"}
        return "partials/sizing_errors.html", {"sizing_errors": errors}, 422, headers
    result = engine.estimate(scenario)
    context = _page_context(request, engine, scenario, result, sizing_errors=errors)
    return "calculator.html", context, STATUS[exc.kind], {}


@router.post("/size")
async def post_size_page(
    request: Request, engine: EngineDep, settings: SettingsDep, templates: TemplatesDep
) -> Response:
    """Size the pasted or uploaded files; show the calculator filled from the result."""
    htmx = is_partial(request)
    scenario = DEFAULT_SCENARIO
    try:
        # The scenario is the page's permalink, in the query string: the form's action (no
        # JavaScript) or the address bar's (static/app.js). What an earlier sizing wrote is
        # dropped, so that sizing again gives the same answer.
        texts, fields = await _texts(request)
        pairs = [
            (name, value)
            for name, value in [*request.query_params.multi_items(), *fields]
            if name not in SIZED_FIELDS
        ]
        scenario, options, _ = parse_sizing_query(pairs, settings.size_max_bytes, CONTROLS)
        sized = await run_sizing(request, engine.size, texts, scenario, options)
    except InputError as exc:
        name, context, status, headers = _sizing_failed(request, engine, scenario, exc, htmx)
        return templates.TemplateResponse(request, name, context, status, headers or None)
    context = _page_context(
        request, engine, scenario, sized.estimate, sizing=sizing_panel(sized), sizing_errors=[]
    )
    if not htmx:
        return templates.TemplateResponse(request, "calculator.html", context)
    headers = {
        "HX-Replace-Url": permalink_of(sized, engine, root_of(request)),
        "Vary": "HX-Request",
    }
    return templates.TemplateResponse(
        request, "partials/sizing_update.html", context, headers=headers
    )
