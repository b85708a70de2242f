"""``dockerk8s-cost``: the production command.

- ``serve``: gunicorn with uvicorn workers, ``CALC_WORKERS`` of them; on SIGTERM it stops
  accepting connections and lets requests in flight finish (``--graceful-timeout``).
- ``check``: load the settings and the catalog, say what is wrong, exit 0 or 1.
- ``settings``: print the table of every setting (the one in docs/DEPLOY.md).
- ``size FILE...``: size both setups from a Compose file or Kubernetes manifests (``-`` reads
  stdin) and print the report with both monthly totals, or the API's JSON (``--format json``).

Settings and the catalog are loaded before any worker starts, so a bad ``CALC_`` value or a bad
catalog override stops start-up at once with one line per problem, naming it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from pydantic import ValidationError

from app.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

PROG = "dockerk8s-cost"
ENV_PREFIX = str(Settings.model_config.get("env_prefix", ""))
WORKER_CLASS = "uvicorn_worker.UvicornWorker"
GRACEFUL_TIMEOUT = 30
# Longer than the usual load-balancer idle timeout (60 s), so the balancer closes idle
# connections first and never sends a request on a connection the server is closing.
KEEPALIVE = 65
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus-client when app.metrics loads


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


def build_app(settings: Settings) -> FastAPI:
    """Build the app (catalog loaded and validated), or raise ConfigError naming the problem."""
    from app.main import create_app  # imported late: app.metrics must see the multiproc dir
    from pricing import CatalogError

    try:
        return create_app(settings)
    except CatalogError as exc:
        override = settings.catalog_override
        source = env_name("catalog_override") if override and str(override) in str(exc) else None
        raise ConfigError([f"{source}: {exc}" if source else f"catalog: {exc}"]) from None


def warn_unknown_variables() -> None:
    """Print a warning line for each ``CALC_`` variable that is no setting."""
    for name in unknown_variables(os.environ):
        print(f"{PROG}: warning: {name} is not a setting and is ignored", file=sys.stderr)


def prepare_metrics_dir(workers: int) -> Path | None:
    """Give the workers one empty metrics directory; return it when this process made it."""
    configured = os.environ.get(MULTIPROC_ENV)
    if configured:
        folder = Path(configured)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        return None
    if workers == 1:
        return None
    made = Path(tempfile.mkdtemp(prefix="dockerk8s-cost-metrics-"))
    os.environ[MULTIPROC_ENV] = str(made)
    return made


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn run in-process on an app object already built (and validated)."""

    def __init__(self, app: FastAPI, options: Mapping[str, Any]) -> None:
        self.application = app
        self.options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        """Apply our options; nothing is read from the command line or a config file."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> FastAPI:
        """Hand gunicorn the app built before the workers start."""
        return self.application


def gunicorn_options(
    args: argparse.Namespace, workers: int, on_exit: Callable[[Any], None]
) -> dict[str, Any]:
    """Gunicorn's settings: uvicorn workers, graceful stop, no files written at run time."""
    host = f"[{args.host}]" if ":" in args.host else args.host
    return {
        "bind": [f"{host}:{args.port}"],
        "workers": workers,
        "worker_class": WORKER_CLASS,
        "graceful_timeout": args.graceful_timeout,
        "keepalive": KEEPALIVE,
        "preload_app": True,
        "accesslog": None,  # app.access_log writes one line per request
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": PROG,
        "control_socket_disable": True,  # it would write to $HOME, read-only in the image
        "on_exit": on_exit,
    }


def serve(args: argparse.Namespace) -> int:
    """Run the calculator under gunicorn until SIGTERM or SIGINT; return the exit status."""
    settings = load_settings()
    warn_unknown_variables()
    made = prepare_metrics_dir(settings.workers)

    def remove_metrics_dir(_server: Any) -> None:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)

    try:
        app = build_app(settings)
    except BaseException:
        remove_metrics_dir(None)
        raise
    # No try/finally around run(): forked workers unwind this stack too when they exit.
    GunicornServer(app, gunicorn_options(args, settings.workers, remove_metrics_dir)).run()
    return 0


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
    from app.sizing_text import sizing_text
    from app.sizing_view import parse_sizing_query, permalink_of, size_and_estimate, sizing_dict
    from pricing import CatalogError, Engine, load_catalog, new_memo
    from pricing.scenario import InputError

    settings = load_settings()
    pairs = [(name, value) for name, value in vars(args).get("given", {}).items()]
    try:
        texts = read_texts(args.files)
        engine = Engine(load_catalog(settings.catalog_override), new_memo())
        scenario, options, _ = parse_sizing_query(pairs, settings.size_max_bytes)
        sized = size_and_estimate(engine, texts, scenario, options)
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
        print(orjson.dumps(sizing_dict(sized, engine)).decode())
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
    from app.sizing_view import OPTION_PARAMS
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


def build_parser() -> argparse.ArgumentParser:
    """The command line: serve, check, settings, size."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__.splitlines()[0] if __doc__ else None
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="serve the calculator (gunicorn + uvicorn)")
    serve_parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (the image gives 0.0.0.0)"
    )
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve_parser.add_argument(
        "--graceful-timeout",
        type=int,
        default=GRACEFUL_TIMEOUT,
        help="seconds requests in flight get to finish after SIGTERM",
    )
    serve_parser.set_defaults(run=serve)
    check_parser = commands.add_parser("check", help="validate the settings and the catalog")
    check_parser.set_defaults(run=check)
    table_parser = commands.add_parser("settings", help="print the table of every setting")
    table_parser.set_defaults(run=print_settings)
    add_size_parser(commands)
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
