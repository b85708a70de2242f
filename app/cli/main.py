"""``dockerk8s-cost``: the production command.

- ``serve``: gunicorn with uvicorn workers, ``CALC_WORKERS`` of them (app.cli.serve).
- ``check``: load the settings and the catalog, say what is wrong, exit 0 or 1.
- ``settings``: print the table of every setting (the one in docs/DEPLOY.md).
- ``size FILE...``: size both setups from a Compose file or Kubernetes manifests (``-`` reads
  stdin) and print the report with both monthly totals, or the API's JSON (``--format json``).
- ``diff OLD NEW``: the cost change between two versions of an application's files, per setup,
  as text, JSON or Markdown (for a pull-request comment).
- ``mcp``: the MCP server for AI assistants over stdio (tools estimate, size, compare, catalog).

Settings and the catalog are loaded before any worker starts, so a bad ``CALC_`` value or a bad
catalog override stops start-up at once with one line per problem, naming it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli.check import add_check_parser
from app.cli.diff import add_diff_parser
from app.cli.mcp import add_mcp_parser
from app.cli.serve import add_serve_parser
from app.cli.settings import PROG, ConfigError, add_settings_parser
from app.cli.size import add_size_parser


def build_parser() -> argparse.ArgumentParser:
    """The command line: serve, check, settings, size, diff, mcp."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__.splitlines()[0] if __doc__ else None
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add_serve_parser(commands)
    add_check_parser(commands)
    add_settings_parser(commands)
    add_size_parser(commands)
    add_diff_parser(commands)
    add_mcp_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``dockerk8s-cost``; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ConfigError as exc:
        for line in exc.lines:
            print(f"{PROG}: error: {line}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
