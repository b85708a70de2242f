"""create_app(): the FastAPI application, built from one Settings object."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.templating import Jinja2Templates
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

from app.api import docs, openapi
from app.api import routes as api
from app.compare import api as compare_api
from app.compare import page as compare_page
from app.embed import routes as embed
from app.page import routes as pages
from app.page.controls import install_field_html
from app.present.kept_html import install_item_html
from app.present.numbers import install_filters
from app.settings import Settings
from app.sizing import api as sizing
from app.sizing import page as sizing_page
from app.sizing.options import OPTION_DEFAULTS
from app.web import access_log, errors, health, metrics
from app.web.body_limit import BodyLimit
from app.web.hot_routes import HotRoutes
from app.web.metrics import CountingEngine
from app.web.response_cache import ResponseCache, ResponseStore, cacheable_paths
from app.web.root_path import RootPath
from app.web.security_headers import SecurityHeaders
from pricing import load_catalog, new_memo

VERSION = "0.1.0"
DESCRIPTION = (
    "Prices one Docker host (Docker Compose) against a managed Kubernetes cluster, line by "
    "line: VMs, control plane, load balancers, storage, Docker seats and DevOps hours. "
    "Every input is a Scenario field, the same name as query parameter, JSON key, form field "
    "and batch-CSV column. Money is in the currency each result names (currency.code): the "
    "provider's own (US dollars for most, euros for Hetzner), or the one the scenario chose "
    "at the rates it gives; rounded to cents per line item."
)


def asset_dir(name: str) -> Path:
    """templates/ or static/: beside the packages in a checkout, inside ``app`` when installed."""
    here = Path(__file__).resolve().parent
    checkout = here.parent / name
    return checkout if checkout.is_dir() else here / name


def build_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(asset_dir("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        auto_reload=False,
    )
    install_filters(env)
    install_field_html(env)
    install_item_html(env)
    env.globals["sizing_defaults"] = OPTION_DEFAULTS
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; a bad catalog override stops here with a CatalogError naming it."""
    settings = settings or Settings()
    catalog = load_catalog(settings.catalog_override)
    app = FastAPI(
        title="Docker vs Kubernetes cost calculator",
        version=VERSION,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = CountingEngine(catalog, new_memo())
    app.state.responses = ResponseStore()
    app.state.templates = build_templates()
    app.mount("/static", StaticFiles(directory=asset_dir("static")), name="static")
    app.mount("/vendor/swagger-ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.mount("/vendor", StaticFiles(packages=[("js_lib_htmx", "static")]), name="vendor")
    for router in ROUTERS:
        app.include_router(router)
    if settings.mcp_enabled:  # the SDK is imported only when the server is on
        from app.mcp.http import install_mcp

        install_mcp(app, settings)
    errors.install(app)
    openapi.install(app, catalog)
    metrics.install(app)
    add_middleware(app, settings)
    return app


# Every face's routes: the probes, the API, the page, the sizing, the wiki faces, the
# comparison of two scenarios, the docs.
ROUTERS = (
    health.router,
    api.router,
    api.text_router,
    sizing.router,
    pages.router,
    sizing_page.router,
    embed.router,
    embed.oembed_router,
    compare_api.router,
    compare_page.router,
    docs.router,
)


def add_middleware(app: FastAPI, settings: Settings) -> None:
    """The middleware, innermost first. The response cache is the outermost but for the access
    log (which logs and counts every answer: 413s, CORS preflights and cache hits included): a
    stored answer carries the compression, CORS and security headers it was sent with, and a
    hit costs none of those layers again (Vary names Origin, which CORS answers by)."""
    app.add_middleware(HotRoutes, routes=app.routes, handlers=app.exception_handlers)
    # Level 4, not Starlette's 9: a full page compresses in 0.58 ms instead of 1.37 (the
    # partial 0.14 instead of 0.29) for 4% more bytes (bench figures in docs/PERFORMANCE.md).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=4)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        batch_max_bytes=settings.batch_max_bytes,
        size_max_bytes=settings.size_max_bytes,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET"],
        expose_headers=["ETag"],
        max_age=3600,
    )
    app.add_middleware(SecurityHeaders, embed_frame_ancestors=settings.embed_frame_ancestors)
    app.add_middleware(ResponseCache, store=app.state.responses, paths=cacheable_paths(app.routes))
    app.add_middleware(access_log.AccessLog, log=access_log.RequestLog(settings.log_format))
    if settings.root_path:  # a layer less a request when no prefix is set (about 10 µs)
        app.add_middleware(RootPath, root_path=settings.root_path)
