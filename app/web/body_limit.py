"""A cap on request bodies, as plain ASGI middleware: 413 before any route runs."""

from __future__ import annotations

import asyncio

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.responses import problems_json
from pricing.scenario import FieldProblem

# An over-limit body is read and dropped before the 413 goes out: a client that sends its whole
# body before reading the answer (Python's urllib and requests) would otherwise see the
# connection reset instead of the 413. The discard stops at whichever bound comes first, and the
# connection is then closed.
DISCARD_MAX_BYTES = 256 * 1024 * 1024
DISCARD_SECONDS = 10.0


class BodyLimit:
    """Answers 413 when a declared body is larger than allowed, before any route runs;
    cuts off undeclared (chunked) bodies at the same size. Either way the rest of the body is
    read and dropped first (see DISCARD_MAX_BYTES), unless the client sent
    ``Expect: 100-continue`` and so waits for the answer before sending it."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, batch_max_bytes: int, size_max_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.batch_max_bytes = batch_max_bytes
        self.size_max_bytes = max_bytes if size_max_bytes is None else size_max_bytes

    def limit_for(self, path: str) -> int:
        """The batch CSV and the sizing upload (API and page) have their own caps."""
        if path.endswith("/batch"):
            return self.batch_max_bytes
        if path.endswith("/size"):
            return self.size_max_bytes
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            if headers.get("expect", "").lower() != "100-continue":
                await discard_body(receive)
            await _too_large(send, limit)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if message.get("more_body", False):
                        await discard_body(receive)
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counting_receive, send)


class BodyTooLarge(Exception):
    """Raised while reading a body that grew past the limit; the app turns it into a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body larger than {limit} bytes")
        self.limit = limit


async def discard_body(
    receive: Receive, max_bytes: int = DISCARD_MAX_BYTES, seconds: float = DISCARD_SECONDS
) -> None:
    """Read and drop what is left of the request body, at most ``max_bytes`` or ``seconds``."""
    dropped = 0
    try:
        async with asyncio.timeout(seconds):
            while dropped <= max_bytes:
                message = await receive()
                if message["type"] != "http.request":
                    return
                dropped += len(message.get("body", b""))
                if not message.get("more_body", False):
                    return
    except TimeoutError:
        return


async def _too_large(send: Send, limit: int) -> None:
    body = problems_json([FieldProblem("body", str(BodyTooLarge(limit)))])
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
