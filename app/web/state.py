"""Typed access to what create_app() keeps on the application: engine, settings, templates."""

from __future__ import annotations

from starlette.requests import Request
from starlette.templating import Jinja2Templates

from app.settings import Settings
from pricing import Catalog, Engine


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def catalog_of(request: Request) -> Catalog:
    return engine_of(request).catalog


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def templates_of(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates
