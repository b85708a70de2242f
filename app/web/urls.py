"""Where a request reached the app: its root path (the prefix it is served under, behind a
proxy) and base URL, and so the links of a scenario as that request's reader must follow them."""

from __future__ import annotations

from starlette.requests import Request

from app.present.links import Links


def root_of(request: Request) -> str:
    """The app's path prefix: "" unless it is served under one (CALC_ROOT_PATH or a proxy)."""
    root: str = request.scope.get("root_path", "")
    return root


def links_of(request: Request, query: str) -> Links:
    """The links of the scenario whose permalink is ``query``, as this request reaches us."""
    return Links(root_of(request), str(request.base_url), query)
