"""htmx requests: one route answers the full page, or only the partial the page itself swaps
in when htmx asks (``HX-Request``), but not when htmx restores a page from history (it then
asks for the whole page, with ``HX-History-Restore-Request``)."""

from __future__ import annotations

from starlette.requests import Request

# The answer depends on these request headers: caches must keep the page and the partial apart.
VARY = "HX-Request, HX-History-Restore-Request"


def is_partial(request: Request) -> bool:
    """Whether htmx asked for the partial (and not for a page to restore from history)."""
    headers = request.headers
    return headers.get("hx-request") == "true" and not headers.get("hx-history-restore-request")
