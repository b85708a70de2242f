"""Start a server on 127.0.0.1 in its own process group, wait until it answers, stop it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bench.procmem import Memory, children_of, cpu_seconds, tree_memory

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
READY_SECONDS = 30.0
STOP_SECONDS = 40.0  # more than gunicorn's graceful timeout (30 s)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(extra: dict[str, str]) -> dict[str, str]:
    """This environment, the checkout first on the import path, and ``extra``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


def production_command(port: int) -> list[str]:
    """The production command: ``dockerk8s-cost serve`` (gunicorn + uvicorn workers)."""
    script = Path(sys.executable).parent / "dockerk8s-cost"
    return [str(script), "serve", "--host", HOST, "--port", str(port)]


def hello_command(port: int, app: str = "") -> list[str]:
    """The baseline (or, with ``app="fastapi"``, FastAPI's floor), served by app.cli.serve's
    gunicorn code with the same options."""
    chosen = [app] if app else []
    return [sys.executable, "-m", "bench.hello", *chosen, "--host", HOST, "--port", str(port)]


@dataclass
class Server:
    """One server process group we started; ``base`` is its URL."""

    name: str
    process: subprocess.Popen[bytes]
    base: str
    log: IO[bytes]

    def workers(self) -> list[int]:
        return children_of(self.process.pid)

    def cpu_seconds(self) -> float:
        """CPU time used so far by the master and the workers."""
        return cpu_seconds([self.process.pid, *self.workers()])

    def memory(self) -> dict[int, Memory]:
        """Memory of the master and of each worker."""
        return tree_memory([self.process.pid, *self.workers()])

    def answers(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.base + path, timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def wait_ready(self, path: str, workers: int) -> None:
        """Wait until ``path`` answers 200 and all ``workers`` worker processes are up."""
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            if len(self.workers()) >= workers and self.answers(path):
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} was not ready within {READY_SECONDS:.0f} s")

    def stop(self) -> None:
        """SIGTERM the master (graceful), then SIGKILL the group if it does not exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()


def start(name: str, command: list[str], env: dict[str, str], log_path: Path) -> Server:
    """Start ``command`` in a new session (its own process group), output to ``log_path``;
    return once it answers and its ``CALC_WORKERS`` workers are up."""
    log = log_path.open("wb")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=server_env(env),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    port = command[command.index("--port") + 1]
    server = Server(name, process, f"http://{HOST}:{port}", log)
    try:
        ready = "/healthz" if name == "calculator" else "/"
        server.wait_ready(ready, int(env["CALC_WORKERS"]))
    except BaseException:
        server.stop()
        raise
    return server
