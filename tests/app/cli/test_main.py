"""dockerk8s-cost check / serve / settings, in-process: bad settings stop start-up, named."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest

from app.cli import main as cli
from app.cli import serve
from tests.deploy.dockerfile import REPO

EXAMPLE = REPO / "deploy" / "catalog-override.example.json"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CALC_ variable from the developer's shell, and no metrics directory left behind."""
    for name in list(os.environ):
        if name.startswith("CALC_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv(serve.MULTIPROC_ENV, "unset-below")  # records "absent" for the undo
    monkeypatch.delenv(serve.MULTIPROC_ENV)


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: serve.GunicornServer) -> None:
        raise AssertionError("the server started despite a bad configuration")

    monkeypatch.setattr(serve.GunicornServer, "run", refuse)


def bad_override(tmp_path: Path) -> Path:
    data = json.loads(EXAMPLE.read_text())
    instance = data["providers"]["aws"]["regions"]["us-east-1"]["instances"]["m6i.xlarge"]
    instance["hourly"] = "-0.15"
    path = tmp_path / "override.json"
    path.write_text(json.dumps(data))
    return path


def test_check_passes_on_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: settings valid; catalog ")
    assert "override: none" in out


def test_check_passes_with_the_example_override(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALC_CATALOG_OVERRIDE", str(EXAMPLE))
    assert cli.main(["check"]) == 0
    assert f"override: {EXAMPLE}" in capsys.readouterr().out


def test_bad_override_is_named_with_its_entry_and_field(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_override(tmp_path)
    monkeypatch.setenv("CALC_CATALOG_OVERRIDE", str(path))
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"dockerk8s-cost: error: CALC_CATALOG_OVERRIDE: {path}: ")
    assert "entry providers.aws.regions.us-east-1.instances.m6i.xlarge: field hourly" in err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1


def test_missing_override_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALC_CATALOG_OVERRIDE", str(tmp_path / "absent.json"))
    assert cli.main(["check"]) == 1
    assert "absent.json: cannot be read" in capsys.readouterr().err


def test_bad_values_are_named_one_line_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALC_WORKERS", "0")
    monkeypatch.setenv("CALC_LOG_FORMAT", "xml")
    assert cli.main(["check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "dockerk8s-cost: error: CALC_WORKERS: Input should be greater than or equal to 1 (got '0')",
        "dockerk8s-cost: error: CALC_LOG_FORMAT: Input should be 'text' or 'json' (got 'xml')",
    ]


@pytest.mark.usefixtures("no_server")
def test_serve_stops_before_starting_on_a_bad_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALC_WORKERS", "many")
    assert cli.main(["serve", "--port", "1"]) == 1
    assert "CALC_WORKERS: Input should be a valid integer" in capsys.readouterr().err


@pytest.mark.usefixtures("no_server")
def test_serve_stops_before_starting_on_a_bad_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serve.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("CALC_CATALOG_OVERRIDE", str(bad_override(tmp_path)))
    assert cli.main(["serve", "--port", "1"]) == 1
    assert "CALC_CATALOG_OVERRIDE" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["override.json"], "metrics dir left"


def test_unknown_variable_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALC_WORKRS", "4")
    assert cli.main(["check"]) == 0
    assert "warning: CALC_WORKRS is not a setting" in capsys.readouterr().err


def test_metrics_dir_is_made_for_several_workers_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(serve.tempfile, "tempdir", str(tmp_path))
    assert serve.prepare_metrics_dir(1) is None
    assert serve.MULTIPROC_ENV not in os.environ
    made = serve.prepare_metrics_dir(2)
    assert made is not None
    assert made.parent == tmp_path
    assert os.environ[serve.MULTIPROC_ENV] == str(made)


def test_configured_metrics_dir_is_emptied_not_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "counter_123.db").write_bytes(b"stale")
    (tmp_path / "keep.txt").write_text("not ours")
    monkeypatch.setenv(serve.MULTIPROC_ENV, str(tmp_path))
    assert serve.prepare_metrics_dir(4) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_metrics_dir_variable_is_the_one_app_metrics_reads() -> None:
    from app.web import metrics

    assert serve.MULTIPROC_ENV == metrics.MULTIPROC_ENV


def test_gunicorn_options_stop_gracefully_and_write_nothing() -> None:
    args = cli.build_parser().parse_args(["serve", "--host", "::1", "--port", "9000"])
    options = serve.gunicorn_options(args, 3, lambda server: None)
    assert options["bind"] == ["[::1]:9000"]
    assert options["workers"] == 3
    assert options["worker_class"] == "uvicorn_worker.UvicornWorker"
    assert options["graceful_timeout"] == serve.GRACEFUL_TIMEOUT
    assert options["control_socket_disable"] is True
    assert options["accesslog"] is None


def test_serve_hides_the_built_app_from_the_collector_before_the_workers_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen: list[int] = []
    monkeypatch.setattr(
        serve.GunicornServer, "run", lambda self: frozen.append(gc.get_freeze_count())
    )
    try:
        assert cli.main(["serve", "--port", "1"]) == 0
    finally:
        gc.unfreeze()
    assert frozen and frozen[0] > 10_000  # the app, its catalog and templates: many objects
