"""The image's steps without a container engine.

Build the wheel from exactly what the Dockerfile's builder stage copies, install it into a clean
virtual environment with constraints.txt (as the runtime stage does), then run the production
command as the container would: health, readiness, metrics, an estimate, a request in flight
across SIGTERM, a clean exit, and nothing written outside /tmp.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.deploy.dockerfile import REPO, final_stage, read_instructions, stage_names
from tests.live import free_port

BUILDER = "builder"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


def builder_sources() -> list[str]:
    """What the builder stage COPYs from the build context."""
    instructions = read_instructions()
    stage = next(n for n, name in stage_names(instructions).items() if name == BUILDER)
    sources: list[str] = []
    for item in instructions:
        if item.stage == stage and item.keyword == "COPY" and "--from=" not in item.args:
            sources.extend(item.args.split()[:-1])
    return sources


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=env, cwd=cwd, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built like the builder stage: from the copied sources only."""
    context = tmp_path_factory.mktemp("context")
    for source in builder_sources():
        path = REPO / source
        if path.is_dir():
            shutil.copytree(path, context / source, ignore=IGNORED)
        else:
            shutil.copy2(path, context / source)
    out = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(context)])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean virtual environment with the wheel installed, pinned by constraints.txt."""
    root = tmp_path_factory.mktemp("image") / "venv"
    assert run([sys.executable, "-m", "venv", "--without-pip", str(root)]).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    python = str(root / "bin" / "python")
    constraints = str(REPO / "constraints.txt")
    command = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    result = run([*command, "--disable-pip-version-check", "-c", constraints, str(wheel)], env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def clean_env(venv: Path, home: Path, tmp: Path, **settings: str) -> dict[str, str]:
    """The container's environment: the venv on PATH, an empty HOME and TMPDIR, no checkout."""
    return {
        "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "LANG": "C.UTF-8",
        **settings,
    }


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_healthy(proc: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            if get(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer /healthz within 30 s")


@pytest.fixture
def server_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """An empty HOME and an empty TMPDIR for the server."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    return home, tmp


def test_wheel_holds_every_module_template_and_price(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        str(p.relative_to(REPO))
        for package in ("app", "pricing")
        for p in (REPO / package).rglob("*.py")
        if "__pycache__" not in p.parts
    }
    expected |= {str(p.relative_to(REPO)) for p in (REPO / "pricing" / "data").glob("*.json")}
    for folder in ("templates", "static"):
        expected |= {
            "app/" + str(p.relative_to(REPO))
            for p in (REPO / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
    assert expected - names == set(), "missing from the wheel (pyproject [tool.setuptools])"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert (
        "dockerk8s-cost = app.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_installed_command_uses_the_venv_not_the_checkout(
    venv: Path, server_dirs: tuple[Path, Path]
) -> None:
    env = clean_env(venv, *server_dirs)
    code = "import app, pricing; print(app.__file__); print(pricing.__file__)"
    result = run([str(venv / "bin" / "python"), "-c", code], env=env, cwd=server_dirs[1])
    assert result.returncode == 0, result.stderr
    assert all(line.startswith(str(venv)) for line in result.stdout.split()), result.stdout


@pytest.mark.parametrize("command", ["check", "serve"])
def test_bad_value_stops_the_command(
    command: str, venv: Path, server_dirs: tuple[Path, Path]
) -> None:
    env = clean_env(venv, *server_dirs, CALC_WORKERS="0")
    result = run(
        ["dockerk8s-cost", command, *(["--port", str(free_port())] if command == "serve" else [])],
        env=env,
        cwd=server_dirs[1],
    )
    assert result.returncode == 1
    assert "CALC_WORKERS: Input should be greater than or equal to 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_to_start_on_a_bad_override(
    venv: Path, server_dirs: tuple[Path, Path]
) -> None:
    home, tmp = server_dirs
    override = tmp / "override.json"
    override.write_text('{"providers": {"aws": {"regions": {"nowhere": {"name": 1}}}}}')
    port = free_port()
    env = clean_env(venv, home, tmp, CALC_CATALOG_OVERRIDE=str(override))
    result = run(["dockerk8s-cost", "serve", "--port", str(port)], env=env, cwd=tmp)
    assert result.returncode == 1
    assert result.stderr.startswith(f"dockerk8s-cost: error: CALC_CATALOG_OVERRIDE: {override}")
    assert "entry providers.aws.regions.nowhere" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp.iterdir()) == ["override.json"]


def estimate_in_flight_across_sigterm(proc: subprocess.Popen[bytes], port: int) -> float:
    """POST an estimate, SIGTERM the server while its body is half sent, then finish it:
    the answer must still come. Returns when SIGTERM was sent (time.monotonic)."""
    body = b'{"preset": "article"}'
    head = (
        "POST /api/v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + body[:7])
        time.sleep(0.3)  # the worker has read the headers and waits for the body
        terminated = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)  # an idle server is gone by now (about 0.3 s)
        assert proc.poll() is None, "the server exited with a request in flight"
        sock.sendall(body[7:])
        response = b"".join(iter(lambda: sock.recv(65536), b""))
    head_bytes, _, answer = response.partition(b"\r\n\r\n")
    assert head_bytes.split()[1] == b"200", response[:500]
    assert json.loads(answer)["kubernetes"]["infrastructure_monthly"] == 443.0
    return terminated


def healthcheck_command(venv: Path, port: int) -> list[str]:
    """The Dockerfile's HEALTHCHECK, run by the venv's python and aimed at the test's port."""
    (check,) = [i for i in final_stage(read_instructions()) if i.keyword == "HEALTHCHECK"]
    program, *args = check.exec_form()
    return [str(venv / "bin" / program), *(a.replace(":8000/", f":{port}/") for a in args)]


@contextmanager
def running_server(env: dict[str, str], cwd: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`dockerk8s-cost serve` as the container's CMD runs it; killed if a check fails."""
    with (
        (cwd.parent / "stdout.log").open("wb") as out,
        (cwd.parent / "stderr.log").open("wb") as err,
    ):
        proc = subprocess.Popen(
            ["dockerk8s-cost", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    try:
        wait_until_healthy(proc, f"http://127.0.0.1:{port}")
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def check_serving(base: str) -> None:
    """Readiness, eight estimates, and /metrics adding up both workers' counts."""
    status, body = get(base + "/readyz")
    assert status == 200
    assert json.loads(body)["status"] == "ready"
    for _ in range(8):
        status, body = get(base + "/api/v1/estimate?preset=article")
        assert status == 200
        assert json.loads(body)["kubernetes"]["infrastructure_monthly"] == 443.0
    status, body = get(base + "/metrics")
    assert status == 200
    sample = 'calculator_http_requests_total{method="GET",route="/api/v1/estimate",status="200"}'
    counts = [line.split()[-1] for line in body.decode().splitlines() if line.startswith(sample)]
    assert counts == ["8.0"], "the workers' counts are not added up (multiprocess mode)"


def check_logs(folder: Path) -> None:
    """JSON access lines without query strings; a clean gunicorn log."""
    errors = (folder / "stderr.log").read_text()
    assert "Traceback" not in errors, errors
    assert "Shutting down: Master" in errors
    text = (folder / "stdout.log").read_text()
    lines = [json.loads(line) for line in text.splitlines()]
    assert {line["path"] for line in lines} >= {"/healthz", "/readyz", "/api/v1/estimate"}
    last = {key: lines[-1][key] for key in ("method", "path", "status")}
    assert last == {"method": "POST", "path": "/api/v1/estimate", "status": 200}
    assert "preset" not in text


def test_production_command_serves_and_stops_gracefully(
    venv: Path, server_dirs: tuple[Path, Path]
) -> None:
    home, tmp = server_dirs
    port = free_port()
    env = clean_env(venv, home, tmp, CALC_WORKERS="2", CALC_LOG_FORMAT="json")
    installed = files_under(venv)
    healthcheck = healthcheck_command(venv, port)
    with running_server(env, tmp, port) as proc:
        check_serving(f"http://127.0.0.1:{port}")
        assert run(healthcheck, env=env).returncode == 0
        terminated = estimate_in_flight_across_sigterm(proc, port)
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - terminated < 5
    assert run(healthcheck, env=env).returncode != 0, "the HEALTHCHECK passes with no server"
    check_logs(tmp.parent)
    assert files_under(home) == set(), "the server wrote to $HOME"
    assert files_under(tmp) == set(), "the server left files in the temporary directory"
    assert files_under(venv) == installed, "the server wrote into its installation"
