"""``dockerk8s-cost serve``: gunicorn with uvicorn workers, ``CALC_WORKERS`` of them; on SIGTERM
it stops accepting connections and lets requests in flight finish (``--graceful-timeout``).
Settings and the catalog are loaded before any worker starts, so a bad ``CALC_`` value or a bad
catalog override stops start-up at once with one line per problem, naming it."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

from app.cli.settings import PROG, ConfigError, env_name, load_settings, warn_unknown_variables
from app.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

WORKER_CLASS = "uvicorn_worker.UvicornWorker"
GRACEFUL_TIMEOUT = 30
# Longer than the usual load-balancer idle timeout (60 s), so the balancer closes idle
# connections first and never sends a request on a connection the server is closing.
KEEPALIVE = 65
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus-client when app.web.metrics loads


def build_app(settings: Settings) -> FastAPI:
    """Build the app (catalog loaded and validated), or raise ConfigError naming the problem."""
    from app.main import create_app  # imported late: app.web.metrics must see the multiproc dir
    from pricing import CatalogError

    try:
        return create_app(settings)
    except CatalogError as exc:
        override = settings.catalog_override
        source = env_name("catalog_override") if override and str(override) in str(exc) else None
        raise ConfigError([f"{source}: {exc}" if source else f"catalog: {exc}"]) from None


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
        "accesslog": None,  # app.web.access_log writes one line per request
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
    # The app, its catalog and templates live as long as the process: out of the collector's
    # sight, a full collection no longer walks them (in process, a new estimate's 8,000 requests
    # saw one of 68-78 ms, about 1% of a constant-rate run's requests held up by it), and
    # forked workers share their pages instead of touching each to count references.
    gc.freeze()
    # No try/finally around run(): forked workers unwind this stack too when they exit.
    GunicornServer(app, gunicorn_options(args, settings.workers, remove_metrics_dir)).run()
    return 0


def add_serve_parser(commands: Any) -> None:
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
