"""The baseline: a bare ASGI "hello" app, served exactly as the calculator is served.

``python -m bench.hello --host 127.0.0.1 --port 8001`` runs it under the production server
code of ``app.cli.serve``: the same gunicorn options (uvicorn workers, keep-alive, preload, graceful
timeout), the same command-line parser and ``CALC_WORKERS`` workers. Only the app differs.

``python -m bench.hello fastapi --host ...`` serves, the same way, a bare FastAPI app with one
empty route instead: FastAPI's own cost per request, the floor under every calculator route.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
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


def fastapi_app() -> Any:
    """A FastAPI app answering ``GET /`` (any query) with the same 13 bytes, doing nothing else:
    no middleware, no dependency, the route taking the request as the calculator's do."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/")
    async def empty(request: Request) -> Response:
        return Response(BODY, media_type="text/plain")

    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Serve ``hello_app`` (or, given ``fastapi`` first, ``fastapi_app()``) with app.cli.serve's
    gunicorn server, parser, options and worker count."""
    from app.cli.main import build_parser
    from app.cli.serve import GunicornServer, gunicorn_options
    from app.cli.settings import load_settings

    given = list(sys.argv[1:] if argv is None else argv)
    app: Any = fastapi_app() if given[:1] == ["fastapi"] else hello_app
    given = given[1:] if given[:1] == ["fastapi"] else given
    args = build_parser().parse_args(["serve", *given])
    settings = load_settings()

    def on_exit(_server: Any) -> None:
        return None

    options = gunicorn_options(args, settings.workers, on_exit)
    # app.cli.serve types its app as FastAPI; gunicorn's uvicorn worker serves any ASGI app.
    GunicornServer(app, options).run()  # typed as FastAPI; the uvicorn worker serves any ASGI app
    return 0


if __name__ == "__main__":
    sys.exit(main())
