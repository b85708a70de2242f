"""deploy/compose.yaml: one host, read-only, the operator's override mounted, health-checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from app.cli.serve import GRACEFUL_TIMEOUT
from pricing import load_catalog
from tests.deploy.dockerfile import REPO

COMPOSE = REPO / "deploy" / "compose.yaml"
EXAMPLE = REPO / "deploy" / "catalog-override.example.json"


def service() -> dict[str, Any]:
    compose = yaml.safe_load(COMPOSE.read_text())
    assert list(compose["services"]) == ["calculator"]
    result: dict[str, Any] = compose["services"]["calculator"]
    return result


def seconds(duration: str) -> int:
    match = re.fullmatch(r"(\d+)s", duration)
    assert match, duration
    return int(match.group(1))


def test_builds_the_repository_image() -> None:
    build = service()["build"]
    assert (COMPOSE.parent / build["context"] / build["dockerfile"]).resolve() == (
        REPO / "Dockerfile"
    )


def test_runs_read_only_as_non_root_with_a_tmpfs() -> None:
    calculator = service()
    assert calculator["read_only"] is True
    assert any(entry.split(":")[0] == "/tmp" for entry in calculator["tmpfs"])
    assert calculator["user"].split(":")[0] not in ("0", "root")
    assert calculator["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in calculator["security_opt"]


def test_mounts_the_override_read_only_where_the_setting_points() -> None:
    calculator = service()
    target = calculator["environment"]["CALC_CATALOG_OVERRIDE"]
    mounts = [v for v in calculator["volumes"] if v["target"] == target]
    assert len(mounts) == 1
    assert mounts[0]["type"] == "bind"
    assert mounts[0]["read_only"] is True
    assert Path(mounts[0]["source"]).name == "catalog-override.json"


def test_health_checked_restarted_and_stopped_gracefully() -> None:
    calculator = service()
    test = calculator["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"]
    assert "/healthz" in test[-1]
    assert calculator["restart"] in ("always", "unless-stopped")
    assert seconds(calculator["stop_grace_period"]) > GRACEFUL_TIMEOUT


def test_example_override_is_valid() -> None:
    instance = load_catalog(EXAMPLE).providers["aws"].regions["us-east-1"].instances
    assert str(instance["m6i.xlarge"].hourly) == "0.15"
