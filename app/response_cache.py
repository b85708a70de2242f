"""A small in-memory cache of whole GET responses, for the routes whose answer depends only on
the request line and a few headers (the catalog is fixed for the process's life).

Spreadsheets refresh the same URLs again and again, and a wiki page shows the same SVG to
every reader: those repeats are answered from here before any routing, validation or pricing
(``CalculatorApp.__call__`` looks first), while ``RecordResponses``, a middleware just outside
the security headers, stores fresh answers, so a stored response carries every header the
app adds. A different query string, or a different value of any header in ``VARY``, is a
different entry; only complete 200 responses under ``MAX_BODY`` bytes are kept, at most
``MAX_ENTRIES`` of them and ``MAX_TOTAL`` bytes in all, the least recently used going first.
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
_VARY_INDEX = {name: i for i, name in enumerate(VARY)}
MAX_ENTRIES = 2048
MAX_BODY = 256 * 1024
MAX_TOTAL = 32 * 1024 * 1024  # bytes of bodies kept, all entries together

Key = tuple[str, bytes, str, tuple[bytes, ...]]
Entry = tuple[Message, bytes]


def cache_key(scope: Scope) -> Key | None:
    """The key of a cacheable request, or None when the request is not one."""
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHEABLE_PATHS:
        return None
    varying = [b""] * len(VARY)
    for name, value in scope["headers"]:
        index = _VARY_INDEX.get(name)
        if index is not None:
            varying[index] = value
    return (
        scope["path"],
        scope.get("query_string", b""),
        scope.get("scheme", "http"),
        tuple(varying),
    )


class ResponseStore:
    """The stored responses, least recently used first."""

    def __init__(self) -> None:
        self.entries: OrderedDict[Key, Entry] = OrderedDict()
        self.size = 0

    def get(self, key: Key) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: Key, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[1])
        self.entries[key] = entry
        self.size += len(entry[1])
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_TOTAL:
            _, (_, body) = self.entries.popitem(last=False)
            self.size -= len(body)

    async def answer(self, scope: Scope, send: Send) -> int | None:
        """Send the stored response for ``scope``; its size, or None when there is none."""
        key = cache_key(scope)
        scope["cache_key"] = key  # the recorder, further in, stores a miss under it
        entry = self.get(key) if key is not None else None
        if entry is None:
            return None
        start, body = entry
        scope["cache_route"] = scope["path"]  # so that logs and metrics still name the route
        await send(dict(start))
        await send({"type": "http.response.body", "body": body})
        return len(body)


class RecordResponses:
    """Stores each fresh, complete 200 answer to a cacheable GET in the store."""

    def __init__(self, app: ASGIApp, store: ResponseStore) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = scope["cache_key"] if "cache_key" in scope else cache_key(scope)
        await self.app(scope, receive, send if key is None else self._recording(key, send))

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
                    self.store.put(key, (start, b"".join(parts)))
            await send(message)

        return record
