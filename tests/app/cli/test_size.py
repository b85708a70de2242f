"""dockerk8s-cost size: the API's sizing from the command line, no server needed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main as cli
from tests.deploy.dockerfile import REPO

COMPOSE = REPO / "tests" / "fixtures" / "sizing" / "article-compose.yml"
MANIFESTS = REPO / "tests" / "fixtures" / "sizing" / "shop-manifests.yaml"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CALC_"):
            monkeypatch.delenv(name)


def test_table_shows_the_report_and_both_totals(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["size", str(COMPOSE)]) == 0
    out = capsys.readouterr().out
    assert "Read compose: 1 document" in out
    assert "worker" in out and "cpu, memory" in out
    # t3.xlarge sustains 1.6 vCPU at its baseline, under the 3.6 needed: c6i.xlarge, $0.17 x 730
    assert "Docker host: 1 x c6i.xlarge" in out and "$124.10/month" in out
    assert "Kubernetes: " in out and "runner-up" in out
    assert "Placement" in out and "api-1" in out
    # Docker: the host $124.10, the seats, and people from the file's drivers: 1 host x 2 h,
    # 4 services x 0.5 h, 1 stateful service x 1.5 h, 20 deploys x 0.05 h, 1 host x 1 h of
    # incidents: 7.5 h x $96 = $720.00
    assert "Monthly total" in out and "$927.10" in out
    assert "Permalink: /?" in out


def test_json_is_exactly_the_api(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["size", str(MANIFESTS), "--provider", "gcp", "--headroom-percent", "30"]
    assert cli.main([*argv, "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    api = client.post(
        "/api/v1/size",
        content=MANIFESTS.read_bytes(),
        headers={"content-type": "application/yaml"},
        params={"provider": "gcp", "headroom_percent": "30"},
    ).json()
    assert printed == api
    assert printed["scenario"]["provider"] == "gcp"


def test_several_files_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    override = tmp_path / "override.yml"
    override.write_text("services:\n  api:\n    deploy:\n      replicas: 4\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(COMPOSE.read_text()))
    assert cli.main(["size", "-", str(override), "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert next(w for w in body["workloads"] if w["name"] == "api")["replicas"] == 4


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--k8s-nodes", "many"], "--k8s-nodes: "),
        (["--zones", "0"], "--zones: must be between 1 and 10"),
        (["--max-host-vcpu", "0"], "--max-host-vcpu: must be between 1 and 1024"),
        (["--max-host-vcpu", "1"], "--max-host-vcpu: no host type here has at most 1 vCPU"),
        (["--provider", "nowhere"], "--provider: "),
        (
            ["--k8s-upgrade-hours", "20/16/80"],
            "--k8s-upgrade-hours: low 20 is above likely 16: give low/likely/high with "
            "low <= likely <= high (each from 0 to 2080 hours per upgrade)",
        ),
    ],
)
def test_bad_options_exit_2_naming_the_flag(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["size", str(COMPOSE), *argv]) == 2
    assert expected in capsys.readouterr().err


def test_bad_yaml_exits_2_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("services:\n  api: [unclosed\n")
    assert cli.main(["size", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dockerk8s-cost: error: input: ") and "line 3" in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["size", str(tmp_path / "absent.yml")]) == 2
    assert "absent.yml" in capsys.readouterr().err


def test_bad_catalog_override_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override = tmp_path / "override.json"
    override.write_text('{"providers": {"aws": {"regions": 3}}}')
    monkeypatch.setenv("CALC_CATALOG_OVERRIDE", str(override))
    assert cli.main(["size", str(COMPOSE)]) == 2
    assert "override.json" in capsys.readouterr().err


def test_console_script_reads_stdin() -> None:
    script = Path(sys.executable).parent / "dockerk8s-cost"
    result = subprocess.run(
        [str(script), "size", "-", "--format", "json"],
        input=COMPOSE.read_text(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["docker"]["instance_type"] == "c6i.xlarge"


def test_a_provider_pricing_in_euros_says_its_prices_in_euros(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fixture = str(
        Path(__file__).resolve().parents[2] / "fixtures" / "sizing" / "article-compose.yml"
    )
    args = [
        "size",
        fixture,
        "--provider",
        "hetzner",
        "--currency",
        "EUR",
        "--exchange-rate",
        "0.86",
    ]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    # the chosen types' list prices are Hetzner's own, in EUR: cx33 at EUR 8.49 a month
    assert "8.49 EUR/month" in out and "$8.49" not in out


def test_a_workload_over_the_node_limit_exits_2_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.yml"
    big.write_text("services: {a: {image: x, deploy: {replicas: 1001}}}\n")
    # 3 pods a node less EKS's 2 per-node pods: 1,001 + surge + 2 CoreDNS = 1,004 nodes
    assert cli.main(["size", str(big), "--k8s-max-pods", "3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dockerk8s-cost: error: input: the workload needs at least 1,004")
    assert "over the limit of 1,000" in err and "Traceback" not in err


def test_the_table_says_what_runs_on_each_docker_host(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Three hosts asked for: web's four 3-vCPU replicas over all three (two at most on one),
    # db (4 vCPU, a volume) with one of them: 7 vCPU with 20% headroom = 8.4 on host 1, which
    # m6i.2xlarge's 7.91 vCPU do not hold; the cheapest that does is c6i.4xlarge:
    # 3 x $0.68 x 730 = $1,489.20.
    compose = tmp_path / "compose.yaml"
    compose.write_text(
        "services:\n"
        "  web: {image: w, ports: ['80:80'], deploy: {replicas: 4,"
        " resources: {reservations: {cpus: '3', memory: 8g}}}}\n"
        "  db: {image: p, volumes: ['data:/d'],"
        " deploy: {resources: {reservations: {cpus: '4', memory: 16g}}}}\n"
        "volumes: {data: {}}\n"
    )
    assert cli.main(["size", str(compose), "--docker-hosts", "3"]) == 0
    out = capsys.readouterr().out
    assert "Docker host: 3 x c6i.4xlarge" in out and "$1,489.20/month" in out
    assert "behind a load balancer" in out
    hosts = out.split("Docker hosts\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    assert [line.split(None, 7)[-1] for line in hosts] == ["db, web-1", "web-2, web-4", "web-3"]


def test_a_bad_burstable_option_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["size", str(COMPOSE), "--burstable-cpu", "sometimes"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "dockerk8s-cost: error: --burstable-cpu: must be one of: baseline, credits, full\n"
    )


def test_the_table_lists_what_happens_in_the_months_ahead(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # EKS 1.35 from 2026-02, never upgraded: its standard support ends 2027-03-27, so
    # extended support is billed from 2027-04, month 15; it ends 2028-03-27, and AWS upgrades
    # the control plane to 1.36 in 2028-04, month 27 (pricing/data/versions.json).
    argv = ["--upgrade-policy", "never", "--start-month", "2026-02", "--horizon-months", "30"]
    assert cli.main(["size", str(COMPOSE), *argv]) == 0
    out = capsys.readouterr().out
    months = out.split("The months ahead, from 2026-02 (Kubernetes 1.35)\n")[1].split("\n\n")[0]
    rows = [line.split("  ")[1:] for line in months.splitlines()[2:]]
    assert [[cell.strip() for cell in row if cell.strip()][:2] for row in rows] == [
        ["15 (2027-04)", "Kubernetes"],
        ["27 (2028-04)", "Kubernetes"],
    ]
    assert "extended support starts for 1.35" in months
    assert "Amazon EKS upgrades the cluster 1.35 → 1.36" in months
