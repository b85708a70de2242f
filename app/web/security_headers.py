"""Security headers on every response, as plain ASGI middleware: a strict CSP (framing allowed
only for the embed card), nosniff, a referrer policy."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
EMBED_PATHS = ("/embed",)


def content_security_policy(frame_ancestors: str) -> bytes:
    return BASE_POLICY.format(ancestors=frame_ancestors).encode()


class SecurityHeaders:
    """Adds CSP (framing allowed only for the embed card), nosniff and a referrer policy,
    and ``Vary: Origin``: the CORS layer inside answers a request with an ``Origin`` with
    other headers, so a cache (ours, or a proxy's) must tell the two apart."""

    def __init__(self, app: ASGIApp, embed_frame_ancestors: str) -> None:
        self.app = app
        self.page_policy = content_security_policy("'self'")
        self.embed_policy = content_security_policy(embed_frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.embed_policy if scope["path"] in EMBED_PATHS else self.page_policy

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"vary", b"Origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
