"""``dockerk8s-cost size FILE...``: size both setups from a Compose file or Kubernetes
manifests (``-`` reads stdin) and print the report with both monthly totals, or the API's JSON
(``--format json``). Any Scenario field and sizing option is a flag."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli.settings import PROG, ConfigError, load_settings


def read_texts(paths: Sequence[str]) -> list[str]:
    """Each file's text (``-`` is stdin), or ConfigError naming the file."""
    texts = []
    for path in paths:
        try:
            texts.append(sys.stdin.read() if path == "-" else Path(path).read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([f"{path}: {exc}"]) from None
    return texts


def size_files(args: argparse.Namespace) -> int:
    """Size the files for the Scenario given as options; print the report (exit 2 if bad)."""
    from app.sizing.options import parse_sizing_query
    from app.sizing.report import permalink_of, sizing_json
    from app.sizing.text import sizing_text
    from pricing import CatalogError, Engine, load_catalog, new_memo
    from pricing.scenario import InputError

    settings = load_settings()
    pairs = [(name, value) for name, value in vars(args).get("given", {}).items()]
    try:
        texts = read_texts(args.files)
        engine = Engine(load_catalog(settings.catalog_override), new_memo())
        scenario, options, _ = parse_sizing_query(pairs, settings.size_max_bytes)
        sized = engine.size(texts, scenario, options)
    except (CatalogError, ConfigError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        for problem in exc.problems:
            flag = "--" + problem.field.replace("_", "-")
            where = "input" if problem.field == "body" else flag
            print(f"{PROG}: error: {where}: {problem.message}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(sizing_json(sized, engine).decode())
    else:
        print(sizing_text(sized, permalink_of(sized, engine)))
    return 0


class _Given(argparse.Action):
    """Collects the Scenario fields and sizing options given, under their own names."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given = dict(getattr(namespace, "given", None) or {})
        given[self.dest] = str(values)
        namespace.given = given


def add_size_parser(commands: Any) -> None:
    from app.sizing.options import OPTION_PARAMS
    from pricing.scenario import Scenario

    size_parser = commands.add_parser(
        "size",
        help="size both setups from a Compose file or Kubernetes manifests",
        description="Size the Docker host and the Kubernetes nodes from the files, then price "
        "both. Any Scenario field is an option (--provider aws --region us-east-1 ...).",
    )
    size_parser.add_argument("files", nargs="+", metavar="FILE", help="YAML files; - is stdin")
    size_parser.add_argument("--format", choices=["table", "json"], default="table")
    size_parser.add_argument("--preset", action=_Given, dest="preset", help="start from a preset")
    sizing = size_parser.add_argument_group("sizing options")
    for param in OPTION_PARAMS:
        flag = "--" + param.name.replace("_", "-")
        shown = param.default or "none"
        sizing.add_argument(
            flag, action=_Given, dest=param.name, help=f"{param.description} (default {shown})"
        )
    fields = size_parser.add_argument_group("scenario fields (as in the query string)")
    for name, info in Scenario.model_fields.items():
        fields.add_argument(
            "--" + name.replace("_", "-"), action=_Given, dest=name, help=info.description
        )
    size_parser.set_defaults(run=size_files, given={})
