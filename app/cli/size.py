"""``dockerk8s-cost size FILE...``: size both setups from a Compose file or Kubernetes
manifests (``-`` reads stdin) and print the report with both monthly totals, or the API's JSON
(``--format json``). Any Scenario field and sizing option is a flag."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.flags import add_scenario_flags, given_pairs, print_problems, read_texts
from app.cli.settings import PROG, ConfigError, load_settings


def size_files(args: argparse.Namespace) -> int:
    """Size the files for the Scenario given as options; print the report (exit 2 if bad)."""
    from app.sizing.options import parse_sizing_query
    from app.sizing.report import permalink_of, sizing_json
    from app.sizing.text import sizing_text
    from pricing import CatalogError, Engine, load_catalog, new_memo
    from pricing.scenario import InputError

    settings = load_settings()
    try:
        texts = read_texts(args.files)
        engine = Engine(load_catalog(settings.catalog_override), new_memo())
        scenario, options, _ = parse_sizing_query(given_pairs(args), settings.size_max_bytes)
        sized = engine.size(texts, scenario, options)
    except (CatalogError, ConfigError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        return print_problems(exc)
    if args.format == "json":
        print(sizing_json(sized, engine).decode())
    else:
        print(sizing_text(sized, permalink_of(sized, engine)))
    return 0


def add_size_parser(commands: Any) -> None:
    size_parser = commands.add_parser(
        "size",
        help="size both setups from a Compose file or Kubernetes manifests",
        description="Size the Docker host and the Kubernetes nodes from the files, then price "
        "both. Any Scenario field is an option (--provider aws --region us-east-1 ...).",
    )
    size_parser.add_argument("files", nargs="+", metavar="FILE", help="YAML files; - is stdin")
    size_parser.add_argument("--format", choices=["table", "json"], default="table")
    add_scenario_flags(size_parser)
    size_parser.set_defaults(run=size_files)
