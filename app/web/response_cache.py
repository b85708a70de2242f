"""A small in-memory cache of whole GET responses, as plain ASGI middleware, for the routes
that opt in (``@cacheable``): their answer depends only on the URL and on the request headers
the response names in its ``Vary`` (the catalog is fixed for the process's life).

Spreadsheets refresh the same URLs again and again, and a wiki page shows the same SVG to
every reader: those repeats are answered here, before routing, validation or pricing. The
middleware sits inside the access log and the metrics, so a hit is logged and counted like any
other answer (under the route that first produced it), and outside everything else (security
headers, CORS, compression), so a stored answer carries what they add. A conditional request whose
``If-None-Match`` names the stored ETag gets 304. Only complete 200 responses under
``MAX_BODY`` bytes are kept, at most ``MAX_ENTRIES`` of them and ``MAX_TOTAL`` bytes in all,
the least recently used going first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar

from starlette.datastructures import Headers
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 2048
MAX_BODY = 256 * 1024
MAX_TOTAL = 32 * 1024 * 1024  # bytes of bodies kept, all entries together
# Headers of a stored answer sent again with a 304 (RFC 9110, section 15.4.5).
NOT_MODIFIED_HEADERS = frozenset({b"etag", b"cache-control", b"vary", b"content-location"})

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
UrlKey = tuple[str, str, bytes, str, bytes]


def cacheable(endpoint: Endpoint) -> Endpoint:
    """Mark a GET endpoint whose answers the response cache may keep."""
    endpoint.cacheable = True  # type: ignore[attr-defined]
    return endpoint


def cacheable_paths(routes: Iterable[BaseRoute], prefix: str = "") -> frozenset[str]:
    """The paths of the routes marked ``@cacheable``, in included routers too (FastAPI keeps
    an included router whole, with its include prefix, rather than copying its routes)."""
    paths: set[str] = set()
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            extra = getattr(getattr(route, "include_context", None), "prefix", "")
            paths |= cacheable_paths(included.routes, prefix + extra)
        elif getattr(getattr(route, "endpoint", None), "cacheable", False):
            paths.add(prefix + str(getattr(route, "path", "")))
    return frozenset(paths)


class Stored(NamedTuple):
    """One answer: the request header values it varies on, and what was sent."""

    vary: tuple[bytes, ...]
    varying: tuple[bytes, ...]
    start: Message
    body: bytes
    route: Any  # the route that produced it, for the access log and the metrics


def _url(scope: Scope) -> UrlKey:
    host = next((value for name, value in scope["headers"] if name == b"host"), b"")
    return (scope["scheme"], scope["path"], scope.get("query_string", b""), "GET", host)


def _values(headers: Headers, names: tuple[bytes, ...]) -> tuple[bytes, ...]:
    return tuple(headers.get(name.decode(), "").encode("latin-1") for name in names)


def _vary_names(start: Message) -> tuple[bytes, ...]:
    names: list[bytes] = []
    for name, value in start.get("headers", []):
        if name.lower() == b"vary":
            names += [part.strip().lower() for part in value.split(b",") if part.strip()]
    return tuple(sorted(set(names)))


def _etag(start: Message) -> bytes | None:
    return next((value for name, value in start["headers"] if name == b"etag"), None)


class ResponseStore:
    """The stored answers by URL (a few variants each), least recently used first."""

    def __init__(self) -> None:
        self.entries: OrderedDict[UrlKey, list[Stored]] = OrderedDict()
        self.size = 0
        self.count = 0

    def find(self, url: UrlKey, headers: Headers) -> Stored | None:
        variants = self.entries.get(url)
        if not variants:
            return None
        self.entries.move_to_end(url)
        for stored in variants:
            if _values(headers, stored.vary) == stored.varying:
                return stored
        return None

    def keep(self, url: UrlKey, stored: Stored) -> None:
        """Keep ``stored`` (replacing the variant it repeats), then forget the oldest URLs
        while over the bounds."""
        old = self.entries.pop(url, [])
        kept = [v for v in old if (v.vary, v.varying) != (stored.vary, stored.varying)]
        kept.append(stored)
        self.entries[url] = kept
        self.count += len(kept) - len(old)
        self.size += _bytes(kept) - _bytes(old)
        while self.entries and (self.count > MAX_ENTRIES or self.size > MAX_TOTAL):
            _, dropped = self.entries.popitem(last=False)
            self.count -= len(dropped)
            self.size -= _bytes(dropped)

    def __len__(self) -> int:
        return self.count


def _bytes(variants: list[Stored]) -> int:
    return sum(len(variant.body) for variant in variants)


class ResponseCache:
    """Answers a repeated GET to a cacheable path from the store; stores fresh 200 answers."""

    def __init__(self, app: ASGIApp, store: ResponseStore, paths: frozenset[str]) -> None:
        self.app = app
        self.store = store
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        url, headers = _url(scope), Headers(scope=scope)
        stored = self.store.find(url, headers)
        if stored is None:
            await self.app(scope, receive, self._recording(scope, url, headers, send))
            return
        scope["route"] = stored.route
        etag = _etag(stored.start)
        if etag is not None and etag.decode("latin-1") in headers.get("if-none-match", ""):
            kept = [(n, v) for n, v in stored.start["headers"] if n in NOT_MODIFIED_HEADERS]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(dict(stored.start))
        await send({"type": "http.response.body", "body": stored.body})

    def _recording(self, scope: Scope, url: UrlKey, headers: Headers, send: Send) -> Send:
        start: Message | None = None
        parts: list[bytes] = []
        size = 0

        async def record(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = dict(message) if message["status"] == 200 else None
            elif message["type"] == "http.response.body" and start is not None:
                body = message.get("body", b"")
                size += len(body)
                parts.append(body)
                if size > MAX_BODY:
                    start = None
                elif not message.get("more_body", False):
                    vary = _vary_names(start)
                    stored = Stored(
                        vary, _values(headers, vary), start, b"".join(parts), scope.get("route")
                    )
                    self.store.keep(url, stored)
            await send(message)

        return record
