"""Typed access to what create_app() keeps on the application: engine, settings, templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from app.settings import Settings
from pricing import Catalog, Engine

T = TypeVar("T")


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


async def run_sizing(request: Request, size: Callable[..., T], *args: object) -> T:
    """Run a sizing off the event loop, at most CALC_SIZE_CONCURRENCY at once in this process
    (the others wait their turn): a large dump never holds the loop, nor the memory of more
    than that many sizings."""
    state = request.app.state
    limiter = getattr(state, "sizing_limiter", None)
    if limiter is None:  # made in the event loop, on the first sizing
        limiter = state.sizing_limiter = anyio.CapacityLimiter(
            settings_of(request).size_concurrency
        )
    return await anyio.to_thread.run_sync(size, *args, limiter=limiter)
