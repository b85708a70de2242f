"""What ``size`` and ``diff`` read from the command line: the files (``-`` is stdin), and the
Scenario fields, ``--preset`` and the sizing options as flags (``--k8s-nodes`` for
``k8s_nodes``), parsed as a query string is (app.sizing.options); and how a problem with them
is said (exit 2, one line each, naming the flag)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli.settings import PROG, ConfigError
from pricing.scenario import InputError


def read_texts(paths: Sequence[str]) -> list[str]:
    """Each file's text (``-`` is stdin), or ConfigError naming the file."""
    texts = []
    for path in paths:
        try:
            texts.append(sys.stdin.read() if path == "-" else Path(path).read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([f"{path}: {exc}"]) from None
    return texts


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


def flag_of(field: str) -> str:
    """The flag of a Scenario field or sizing option: ``k8s_nodes`` -> ``--k8s-nodes``."""
    return "--" + field.replace("_", "-")


def add_scenario_flags(parser: argparse.ArgumentParser) -> None:
    """``--preset``, a flag per sizing option and a flag per Scenario field."""
    from app.sizing.options import OPTION_PARAMS
    from pricing.scenario import Scenario

    parser.add_argument("--preset", action=_Given, dest="preset", help="start from a preset")
    sizing = parser.add_argument_group("sizing options")
    for param in OPTION_PARAMS:
        shown = param.default or "none"
        sizing.add_argument(
            flag_of(param.name),
            action=_Given,
            dest=param.name,
            help=f"{param.description} (default {shown})",
        )
    fields = parser.add_argument_group("scenario fields (as in the query string)")
    for name, info in Scenario.model_fields.items():
        fields.add_argument(flag_of(name), action=_Given, dest=name, help=info.description)
    parser.set_defaults(given={})


def given_pairs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The flags given, as a query string's pairs."""
    return list(vars(args).get("given", {}).items())


def base_url(text: str | None) -> str:
    """The calculator's address from ``--base-url``, ending in a slash; "/" (links as paths)
    when none is given."""
    if not text:
        return "/"
    return text if text.endswith("/") else text + "/"


def print_problems(exc: InputError, files: str = "input") -> int:
    """Each problem on its own line, naming its flag (or ``files`` for what the files hold);
    the exit status of bad input, 2."""
    for problem in exc.problems:
        where = files if problem.field == "body" else flag_of(problem.field)
        print(f"{PROG}: error: {where}: {problem.message}", file=sys.stderr)
    return 2
