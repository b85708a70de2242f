"""``dockerk8s-cost diff OLD NEW``: the cost change of a change to an application. Each side is
a Compose file or a set of Kubernetes manifests (``OLD NEW``: one file each; ``--old FILE...
--new FILE...``: several), sized and priced with the same Scenario flags and sizing options
(as ``size`` takes them); printed as text, the API's compare JSON (A the old files, B the new)
or Markdown for a pull-request comment. Exit 0, or 2 with a message on bad input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from app.cli.flags import (
    add_scenario_flags,
    base_url,
    given_pairs,
    print_problems,
    read_texts,
)
from app.cli.settings import PROG, ConfigError, load_settings

FORMATS = ("text", "json", "markdown")


def sides_of(args: argparse.Namespace) -> tuple[Sequence[str], Sequence[str]]:
    """The old and the new files, or ConfigError saying how to give them."""
    if args.files and (args.old or args.new):
        raise ConfigError(["give OLD NEW, or --old FILE... --new FILE..., not both"])
    if args.files:
        if len(args.files) != 2:
            raise ConfigError(["give two files, OLD NEW (or --old FILE... --new FILE...)"])
        return [args.files[0]], [args.files[1]]
    if not (args.old and args.new):
        raise ConfigError(["give the old files and the new: OLD NEW, or --old ... --new ..."])
    return args.old, args.new


def diff_files(args: argparse.Namespace) -> int:
    """Size and price both sides; print what changes (exit 2 on bad input)."""
    from app.compare.text import diff_markdown, diff_text
    from app.present.compare import compare_json, compare_links
    from app.sizing.options import parse_sizing_query
    from pricing import CatalogError, Engine, load_catalog, new_memo
    from pricing.delta import delta
    from pricing.scenario import InputError

    settings = load_settings()
    try:
        paths = sides_of(args)
        texts = [read_texts(side) for side in paths]
        engine = Engine(load_catalog(settings.catalog_override), new_memo())
        scenario, options, _ = parse_sizing_query(given_pairs(args), settings.size_max_bytes)
    except (CatalogError, ConfigError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        return print_problems(exc)
    estimates = []
    for side, side_texts in zip(paths, texts, strict=True):
        try:
            estimates.append(engine.size(side_texts, scenario, options).estimate)
        except InputError as exc:
            return print_problems(exc, files=" ".join(side))
    change = delta(*estimates)
    links = compare_links(change, engine.catalog, "", base_url(args.base_url))
    if args.format == "json":
        print(compare_json(change, links).decode())
    elif args.format == "markdown":
        print(diff_markdown(change, links, linked=bool(args.base_url)), end="")
    else:
        print(diff_text(change, links))
    return 0


def add_diff_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "diff",
        help="the cost change between two versions of an application's files",
        description="Size and price the old files and the new (Compose files or Kubernetes "
        "manifests) with the same options, and print what the change costs, per setup.",
    )
    parser.add_argument("files", nargs="*", metavar="OLD NEW", help="one file each; - is stdin")
    parser.add_argument("--old", nargs="+", metavar="FILE", help="the old files (several)")
    parser.add_argument("--new", nargs="+", metavar="FILE", help="the new files (several)")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the calculator's address (https://calc.example.com/): links to it are "
        "absolute, and the Markdown links the comparison (without it: paths, no link)",
    )
    add_scenario_flags(parser)
    parser.set_defaults(run=diff_files)
