"""``dockerk8s-cost check``: load the settings and the catalog, say what is wrong, exit 0 or 1."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.serve import build_app
from app.cli.settings import load_settings, warn_unknown_variables


def check(_args: argparse.Namespace) -> int:
    """Load the settings and the catalog; print what was loaded."""
    settings = load_settings()
    warn_unknown_variables()
    catalog = build_app(settings).state.engine.catalog
    override = settings.catalog_override or "none"
    print(
        f"ok: settings valid; catalog {catalog.version} (prices as of {catalog.as_of}), "
        f"providers {', '.join(sorted(catalog.providers))}; override: {override}; "
        f"workers: {settings.workers}"
    )
    return 0


def add_check_parser(commands: Any) -> None:
    check_parser = commands.add_parser("check", help="validate the settings and the catalog")
    check_parser.set_defaults(run=check)
