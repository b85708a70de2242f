"""A small in-memory cache of whole GET responses, for the routes whose answer depends only on
the request line and a few headers (the catalog is fixed for the process's life).

Spreadsheets refresh the same URLs again and again, and a wiki page shows the same SVG to
every reader: those repeats are answered here without routing, validating or pricing again.
A different query string, or a different value of any header in ``VARY``, is a different
entry; only complete 200 responses under ``MAX_BODY`` bytes are kept, at most ``MAX_ENTRIES``
of them and ``MAX_TOTAL`` bytes in all, the least recently used going first. A hit is marked
in the scope (``cache_route``) so that logs and metrics still name its route.
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHEABLE_PATHS = frozenset(
    {"/api/v1/estimate", "/api/v1/value", "/api/v1/catalog", "/embed.svg", "/embed", "/"}
)
# Request headers any cached route reads: its answer may differ when one of them does.
VARY = (
    b"host",
    b"accept",
    b"accept-encoding",
    b"origin",
    b"if-none-match",
    b"hx-request",
    b"hx-history-restore-request",
    b"x-forwarded-proto",
    b"x-forwarded-host",
)
MAX_ENTRIES = 2048
MAX_BODY = 256 * 1024
MAX_TOTAL = 32 * 1024 * 1024  # bytes of bodies kept, all entries together

Key = tuple[str, bytes, str, tuple[bytes, ...]]
Entry = tuple[Message, bytes]


def _key(scope: Scope) -> Key:
    headers = dict(scope["headers"])
    return (
        scope["path"],
        scope.get("query_string", b""),
        scope.get("scheme", "http"),
        tuple(headers.get(name, b"") for name in VARY),
    )


class ResponseCache:
    """Answers a repeated cacheable GET from memory; stores fresh 200 answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.entries: OrderedDict[Key, Entry] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] not in CACHEABLE_PATHS
        ):
            await self.app(scope, receive, send)
            return
        key = _key(scope)
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, body = hit
            scope["cache_route"] = scope["path"]
            await send(dict(start))
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._recording(key, send))

    def _recording(self, key: Key, send: Send) -> Send:
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
                    self._store(key, (start, b"".join(parts)))
            await send(message)

        return record

    def _store(self, key: Key, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[1])
        self.entries[key] = entry
        self.size += len(entry[1])
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_TOTAL:
            _, (_, body) = self.entries.popitem(last=False)
            self.size -= len(body)
