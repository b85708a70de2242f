"""``dockerk8s-cost mcp``: the MCP server over stdio, for an assistant that starts it as a
subprocess (Claude Desktop, VS Code, ...). Links in its answers are on ``--base-url`` (the
calculator's address; by default the one ``make run`` serves). Settings and the catalog are
read as ``serve`` reads them; nothing but the protocol is written to stdout."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.flags import base_url
from app.cli.settings import PROG, load_settings

DEFAULT_BASE_URL = "http://127.0.0.1:8000/"


def serve_stdio(args: argparse.Namespace) -> int:
    """Run the MCP server on stdin and stdout until the client closes them."""
    from app.mcp.server import build_server
    from pricing import CatalogError, Engine, load_catalog, new_memo

    settings = load_settings()
    try:
        engine = Engine(load_catalog(settings.catalog_override), new_memo())
    except CatalogError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    build_server(engine, settings, base_url(args.base_url)).run("stdio")
    return 0


def add_mcp_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "mcp",
        help="the MCP server for AI assistants, over stdio",
        description="Serve the tools estimate, size, compare and catalog over stdio (the "
        "Model Context Protocol), for an assistant that starts this command.",
    )
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"the calculator's address, for the links in answers (default {DEFAULT_BASE_URL})",
    )
    parser.set_defaults(run=serve_stdio)
