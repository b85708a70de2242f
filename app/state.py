"""Typed access to what create_app() keeps on the application: catalog, settings, templates."""

from __future__ import annotations

from starlette.requests import Request
from starlette.templating import Jinja2Templates

from app.settings import Settings
from pricing import Catalog


def catalog_of(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def templates_of(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates
