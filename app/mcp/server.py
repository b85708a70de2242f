"""build_server(): the MCP server with the calculator's tools (app.mcp.tools), built with the
official SDK's MCPServer. A tool error is an MCP tool error (``isError``) naming each field by
its place in the arguments, in the API's words: never the input echoed back, never a stack
trace; and an argument the tool does not take is refused, not ignored."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, InputRequiredResult, ToolAnnotations
from pydantic import ValidationError

from app.inputs import message_of
from app.mcp.tools import Tools
from app.settings import Settings
from pricing import Engine
from pricing.scenario import FieldProblem, InputError

NAME = "dockerk8s-cost"
INSTRUCTIONS = (
    "Prices running an application on Docker hosts (Docker Compose) against a managed "
    "Kubernetes cluster on {providers}, line by line, with each price's source and date, and "
    "advises which to choose. Use catalog to see the providers, regions and presets; estimate "
    "for one scenario; size to size both setups from the application's Compose file or "
    "Kubernetes manifests; compare for what a change costs. Every answer links to the "
    "calculator (permalink)."
)
# Every tool reads only public prices and changes nothing.
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)


def problems_text(problems: Iterable[FieldProblem]) -> str:
    """One ``field: message`` line per problem."""
    return "\n".join(f"{p.field}: {p.message}" for p in problems)


def validation_problems(error: ValidationError) -> list[FieldProblem]:
    """The SDK's check of the arguments' types, each problem named by its path."""
    return [
        FieldProblem(".".join(str(part) for part in item["loc"]) or "arguments", message_of(item))
        for item in error.errors(include_input=False, include_url=False)
    ]


class CalculatorServer(MCPServer[Any]):
    """MCPServer whose tool errors name the fields (see the module)."""

    def __init__(self, arguments: Mapping[str, frozenset[str]], **settings: Any) -> None:
        super().__init__(**settings)
        self.arguments = dict(arguments)

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        known = self.arguments.get(name, frozenset())
        unknown = sorted(set(arguments) - known)
        if name in self.arguments and unknown:
            message = f"is not an argument of {name}, which takes " + ", ".join(sorted(known))
            raise ToolError(problems_text(FieldProblem(arg, message) for arg in unknown))
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(cause, ValidationError):
                raise ToolError(problems_text(validation_problems(cause))) from None
            if isinstance(cause, InputError):
                raise ToolError(problems_text(cause.problems)) from None
            raise


def _register(server: CalculatorServer, tool: Callable[..., Any], title: str) -> None:
    server.add_tool(tool, title=title, annotations=READ_ONLY)
    parameters = inspect.signature(tool).parameters
    server.arguments[tool.__name__] = frozenset(n for n in parameters if n != "ctx")


def build_server(engine: Engine, settings: Settings, base_url: str = "/") -> CalculatorServer:
    """The MCP server over ``engine``; ``base_url`` is the calculator's address for the links
    in answers when the request does not say it (stdio)."""
    providers = ", ".join(p.name for p in engine.catalog.providers.values())
    instructions = INSTRUCTIONS.format(providers=providers)
    server = CalculatorServer({}, name=NAME, instructions=instructions, log_level="WARNING")
    tools = Tools(engine, settings, base_url)
    _register(server, tools.estimate, "Estimate: Docker vs Kubernetes, monthly")
    _register(server, tools.size, "Size both setups from Compose files or manifests")
    _register(server, tools.compare, "Compare two scenarios")
    _register(server, tools.catalog, "The price catalog and the presets")
    return server
