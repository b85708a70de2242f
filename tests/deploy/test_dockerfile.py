"""The Dockerfile: hadolint clean, plus what hadolint does not check."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.deploy.dockerfile import (
    DOCKERFILE,
    REPO,
    copy_sources,
    final_stage,
    read_instructions,
    stage_names,
)

HADOLINT = Path(sys.executable).with_name("hadolint")
PINNED_BASE = re.compile(
    r"^python:3\.11\.\d+-slim-(bookworm|trixie)@sha256:[0-9a-f]{64}(\s+AS\s+\S+)?$", re.IGNORECASE
)


def test_hadolint_finds_nothing() -> None:
    result = subprocess.run(
        [str(HADOLINT), "--no-color", "--format", "json", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert json.loads(result.stdout or "[]") == [], result.stdout
    assert result.returncode == 0, result.stderr


def test_every_base_image_is_pinned_by_exact_tag_and_digest() -> None:
    instructions = read_instructions()
    names = stage_names(instructions)
    for item in instructions:
        if item.keyword != "FROM":
            continue
        image = item.args.split()[0]
        earlier = {name for stage, name in names.items() if stage < item.stage}
        assert image in earlier or PINNED_BASE.match(item.args), item.args


def test_is_multi_stage_and_installs_the_wheel_with_the_constraints() -> None:
    instructions = read_instructions()
    assert len({item.stage for item in instructions}) >= 2
    runs = " ".join(item.args for item in final_stage(instructions) if item.keyword == "RUN")
    assert re.search(r"(--constraint|-c)\s+\S*constraints\.txt", runs), runs
    assert ".whl" in runs
    assert "--no-cache-dir" in runs


def test_runs_as_a_non_root_user() -> None:
    users = [item.args for item in final_stage(read_instructions()) if item.keyword == "USER"]
    assert users, "no USER in the final stage: the container would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), users[-1]
    assert user.isdigit(), "a numeric UID lets Kubernetes verify runAsNonRoot"


def test_healthcheck_probes_healthz_without_curl() -> None:
    checks = [item for item in final_stage(read_instructions()) if item.keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    assert re.search(r"\bCMD \[", checks[0].args), checks[0].args
    command = checks[0].exec_form()
    assert command[:2] == ["python", "-c"], command
    assert "/healthz" in command[-1]


def test_serves_the_production_command_on_port_8000_without_writing_bytecode() -> None:
    stage = final_stage(read_instructions())
    assert [item.args for item in stage if item.keyword == "EXPOSE"] == ["8000"]
    cmd = [item for item in stage if item.keyword == "CMD"][-1].exec_form()
    assert cmd[:2] == ["dockerk8s-cost", "serve"]
    assert cmd[cmd.index("--port") + 1] == "8000"
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    envs = " ".join(item.args for item in read_instructions() if item.keyword == "ENV")
    assert "PYTHONDONTWRITEBYTECODE=1" in envs
    assert "PIP_NO_CACHE_DIR=1" in envs


def test_dockerignore_admits_exactly_what_the_dockerfile_copies() -> None:
    lines = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "allowlist: everything is ignored unless admitted"
    admitted = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    sources = {source.rstrip("/") for source in copy_sources(read_instructions())}
    assert sources <= admitted, sources - admitted
    for source in sources:
        assert (REPO / source).exists(), f"the Dockerfile copies {source}, which is missing"
