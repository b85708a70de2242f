"""The baseline: a bare ASGI "hello" app, served exactly as the calculator is served.

``python -m bench.hello --host 127.0.0.1 --port 8001`` runs it under the production server
code of ``app.cli``: the same gunicorn options (uvicorn workers, keep-alive, preload, graceful
timeout), the same command-line parser and ``CALC_WORKERS`` workers. Only the app differs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from starlette.types import Message, Receive, Scope, Send

BODY = b"Hello, world!"
HEADERS = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"13")]


async def _lifespan(receive: Receive, send: Send) -> None:
    for _ in range(2):  # startup, then shutdown
        message: Message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def hello_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Answer every HTTP request with 200 and 13 bytes of text."""
    if scope["type"] == "lifespan":
        await _lifespan(receive, send)
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def main(argv: Sequence[str] | None = None) -> int:
    """Serve ``hello_app`` with app.cli's gunicorn server, parser, options and worker count."""
    from app.cli import GunicornServer, build_parser, gunicorn_options, load_settings

    args = build_parser().parse_args(["serve", *(sys.argv[1:] if argv is None else argv)])
    settings = load_settings()

    def on_exit(_server: Any) -> None:
        return None

    options = gunicorn_options(args, settings.workers, on_exit)
    # app.cli types its app as FastAPI; gunicorn's uvicorn worker serves any ASGI app.
    GunicornServer(hello_app, options).run()  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
