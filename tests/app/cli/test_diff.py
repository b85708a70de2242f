"""dockerk8s-cost diff: the cost change between two versions of an application's files, on two
real Compose files (tests/fixtures/diff/: Docker's awesome-compose sample before and after a
RabbitMQ queue is added)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient

from app.cli import main as cli
from tests.conftest import Goldens
from tests.deploy.dockerfile import REPO

FIXTURES = REPO / "tests" / "fixtures" / "diff"
OLD = str(FIXTURES / "nginx-golang-postgres.compose.yaml")
NEW = str(FIXTURES / "nginx-golang-postgres-rabbitmq.compose.yaml")
# Neither file states resources: half a vCPU and 1 GiB a service, on both sides.
SIZED = ["--default-cpu", "0.5", "--default-memory-gib", "1"]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CALC_"):
            monkeypatch.delenv(name)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(["diff", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_queue_needs_a_larger_docker_host(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, OLD, NEW, *SIZED)
    assert status == 0
    # Old: 3 services x 0.5 vCPU = 1.5 vCPU, with 20% headroom 1.8: a c6i.large (2 vCPU, 4 GiB)
    # at $0.085 x 730 h = $62.05. New: 4 x 0.5 = 2 vCPU, 2.4 with headroom: a c6i.xlarge at
    # $0.17 x 730 = $124.10, so +$62.05 a month; the cluster's c6i.xlarge node holds both.
    # The fourth service is people time too, at $96: Docker 0.5 h more ($48.00), so +$110.05;
    # Kubernetes 1.5 h more, +$144.00 (17.9 h -> 19.4 h: the cluster 6, the services 3 x 1.5 ->
    # 4 x 1.5, the database 3, 20 deploys 0.4, incidents 4).
    assert "Docker: $817.05 → $927.10 a month (+$110.05)." in out
    assert "Kubernetes: $2,011.73 → $2,155.73 a month (+$144.00)." in out
    assert "docker_instance_type  c6i.large  c6i.xlarge" in out
    assert "services              3          4" in out
    assert "Compare: /compare?a=" in out


def test_the_json_is_the_apis_compare(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, OLD, NEW, *SIZED, "--format", "json", "--base-url", "http://testserver/"
    )
    assert status == 0
    printed = json.loads(out)
    assert printed["fields"][0] == {
        "field": "docker_instance_type",
        "a": "c6i.large",
        "b": "c6i.xlarge",
    }
    sides = dict(parse_qsl(urlsplit(printed["permalink"]).query))
    api = client.get("/api/v1/compare", params=sides).json()
    assert printed == api


def test_the_markdown_is_as_it_was(capsys: pytest.CaptureFixture[str], goldens: Goldens) -> None:
    argv = [OLD, NEW, *SIZED, "--format", "markdown", "--base-url", "https://calc.example.com"]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert out.startswith(
        "<!-- dockerk8s-cost diff -->\n### Cost change a month: Docker host +$110.05"
    )
    goldens.check("diff-rabbitmq.md", out)


def test_several_files_a_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    override = tmp_path / "scale.yaml"
    override.write_text("services:\n  backend:\n    deploy:\n      replicas: 3\n")
    status, out, _ = run(capsys, "--old", OLD, "--new", OLD, str(override), "--format", "json")
    assert status == 0
    fields = {f["field"]: (f["a"], f["b"]) for f in json.loads(out)["fields"]}
    # Two more backend replicas at the default 0.25 vCPU and 0.5 GiB each.
    assert fields["workload_pods"] == (3, 5)
    assert fields["workload_vcpu"] == (0.75, 1.25)


def test_the_same_files_change_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, OLD, OLD)
    assert status == 0
    # a c6i.large's $62.05 and the rest as before; 7 h of people at $96 ($672.00): 2 for the
    # host, 1.5 for 3 services, 1.5 for the database, 1 for 20 deploys, 1 for incidents
    assert "Docker: $817.05 a month, unchanged." in out
    assert "Line items that change" not in out and "Sized inputs" not in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([OLD], "give two files, OLD NEW"),
        ([OLD, NEW, "--old", OLD], "not both"),
        (["--old", OLD], "give the old files and the new"),
        ([OLD, NEW, "--k8s-nodes", "many"], "--k8s-nodes: "),
        ([OLD, NEW, "--zones", "0"], "--zones: must be between 1 and 10"),
        ([OLD, "absent.yaml"], "absent.yaml"),
    ],
)
def test_bad_input_exits_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert expected in err


def test_bad_yaml_names_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("services:\n  api: [unclosed\n")
    status, _, err = run(capsys, OLD, str(bad))
    assert status == 2
    assert err.startswith(f"dockerk8s-cost: error: {bad}: ") and "line 3" in err
