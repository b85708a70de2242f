"""The settings as the command line reads and shows them: the program's name, ConfigError (one
line per problem), the settings loaded from ``CALC_`` variables with each bad one named, and the
table of every setting (the one in docs/DEPLOY.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from app.settings import Settings

PROG = "dockerk8s-cost"
ENV_PREFIX = str(Settings.model_config.get("env_prefix", ""))


class ConfigError(Exception):
    """Settings or catalog that cannot be used; each line names one problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def env_name(field: str) -> str:
    """The environment variable of a Settings field: ``workers`` -> ``CALC_WORKERS``."""
    return ENV_PREFIX + field.upper()


def describe_settings_error(exc: ValidationError) -> list[str]:
    """One line per problem, naming the environment variable and the value it had."""
    lines = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        name = env_name(field) if field in Settings.model_fields else "settings"
        got = f" (got {error['input']!r})" if isinstance(error.get("input"), str) else ""
        lines.append(f"{name}: {error['msg']}{got}")
    return lines


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """``CALC_`` variables that are no setting (a typo would otherwise pass unnoticed)."""
    known = {env_name(field) for field in Settings.model_fields}
    return sorted(n for n in environ if n.upper().startswith(ENV_PREFIX) and n.upper() not in known)


def load_settings() -> Settings:
    """Read the settings from the environment, or raise ConfigError naming each bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(describe_settings_error(exc)) from None


def warn_unknown_variables() -> None:
    """Print a warning line for each ``CALC_`` variable that is no setting."""
    for name in unknown_variables(os.environ):
        print(f"{PROG}: warning: {name} is not a setting and is ignored", file=sys.stderr)


def default_text(value: object) -> str:
    """A default as the settings table shows it."""
    if value is None:
        return "(none)"
    if value == "":
        return "(empty)"
    return f"`{value}`"


def settings_table() -> str:
    """The Markdown table of every setting: environment variable, default, meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for field, info in Settings.model_fields.items():
        meaning = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{env_name(field)}` | {default_text(info.default)} | {meaning} |")
    return "\n".join(rows)


def print_settings(_args: argparse.Namespace) -> int:
    """Print the settings table."""
    print(settings_table())
    return 0


def add_settings_parser(commands: Any) -> None:
    table_parser = commands.add_parser("settings", help="print the table of every setting")
    table_parser.set_defaults(run=print_settings)
