"""Calling the MCP tools as an assistant does, through the SDK's own client (not a test module)."""

from __future__ import annotations

from typing import Any

import anyio
from mcp.client import Client
from mcp.client.stdio import StdioServerParameters
from mcp.server.mcpserver import MCPServer
from mcp_types import CallToolResult, Tool

Target = MCPServer | StdioServerParameters | str


def call(target: Target, tool: str, arguments: dict[str, Any]) -> CallToolResult:
    """One tool call on a fresh connection: a server object in process, a subprocess over
    stdio, or a URL over streamable HTTP."""

    async def run() -> CallToolResult:
        async with Client(target) as client:
            return await client.call_tool(tool, arguments)

    return anyio.run(run)


def tools(target: Target) -> dict[str, Tool]:
    async def run() -> dict[str, Tool]:
        async with Client(target) as client:
            return {tool.name: tool for tool in (await client.list_tools()).tools}

    return anyio.run(run)


def text(result: CallToolResult) -> str:
    """The result's text blocks, joined."""
    return "\n".join(getattr(block, "text", "") for block in result.content)
