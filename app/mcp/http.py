"""The MCP server at /mcp over streamable HTTP, when CALC_MCP_ENABLED is true: stateless (any
worker answers any request, as the rest of the app) and answering plain JSON, behind the app's
middleware (access log, security headers, the body cap of CALC_MAX_BODY_BYTES)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from mcp.server.transport_security import TransportSecuritySettings
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.mcp.server import CalculatorServer, build_server
from app.settings import Settings

PATH = "/mcp"
# The tools read public prices and change nothing, and the app is served under any host name:
# the SDK's DNS-rebinding guard (which admits only localhost unless told every host) is off.
OPEN = TransportSecuritySettings(enable_dns_rebinding_protection=False)


class McpEndpoint:
    """The ASGI app at /mcp: the server's current session manager answers."""

    def __init__(self, server: CalculatorServer) -> None:
        self.server = server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.server.session_manager.handle_request(scope, receive, send)


def install_mcp(app: FastAPI, settings: Settings) -> None:
    """Route /mcp to the MCP server over the app's engine; its session manager runs while the
    app does (a new one each time the app starts: one cannot run twice)."""
    server = build_server(app.state.engine, settings)
    app.state.mcp = server
    app.router.routes.append(Route(PATH, McpEndpoint(server)))
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(running: Any) -> AsyncIterator[Any]:
        server.streamable_http_app(
            streamable_http_path=PATH,
            json_response=True,
            stateless_http=True,
            max_request_body_size=settings.max_body_bytes,
            transport_security=OPEN,
        )
        async with outer(running) as state, server.session_manager.run():
            yield state

    app.router.lifespan_context = lifespan
