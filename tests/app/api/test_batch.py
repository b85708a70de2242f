"""POST /api/v1/batch: order kept, per-row errors, formula injection, limits."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.batch import usable_cpus
from app.main import create_app
from app.settings import Settings

CSV = {"content-type": "text/csv"}


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_batch_keeps_row_order_and_reports_bad_rows(client: TestClient) -> None:
    body = (
        "preset,k8s_nodes,provider,region\r\n"
        "article,,,\r\n"
        ",-3,,\r\n"
        ",5,gcp,\r\n"
        ",4,aws,mars-1\r\n"
        ",2,,\r\n"
    )
    response = client.post("/api/v1/batch", content=body, headers=CSV)
    assert response.status_code == 200
    out = parse(response.text)
    assert len(out) == 5
    assert out[0]["kubernetes_infrastructure_monthly"] == "443.00"
    assert out[0]["error"] == ""
    assert "k8s_nodes" in out[1]["error"] and out[1]["kubernetes_monthly_total"] == ""
    assert out[2]["error"] == "" and out[2]["provider"] == "gcp"
    assert out[3]["error"].startswith("region:")
    assert out[4]["k8s_nodes"] == "2" and out[4]["error"] == ""


def test_batch_as_file_upload(client: TestClient) -> None:
    files = {"file": ("scenarios.csv", b"k8s_nodes\n3\n4\n", "text/csv")}
    out = parse(client.post("/api/v1/batch", files=files).text)
    assert [r["k8s_nodes"] for r in out] == ["3", "4"]


def test_a_form_part_without_a_filename_is_read_as_the_csv(client: TestClient) -> None:
    # A form field sent as text (no filename) was refused with "upload the CSV as the form
    # field 'file'", which it was; a header without rows is an empty result, not an error.
    rows = client.post("/api/v1/batch", files={"file": (None, "k8s_nodes\n5\n")})
    assert rows.status_code == 200
    assert [r["k8s_nodes"] for r in parse(rows.text)] == ["5"]
    header_only = client.post("/api/v1/batch", files={"file": (None, "k8s_nodes\n")})
    assert header_only.status_code == 200
    assert header_only.text.startswith("k8s_nodes,") and parse(header_only.text) == []


def test_unknown_column_rejected_up_front_with_valid_list(client: TestClient) -> None:
    response = client.post("/api/v1/batch", content="k8s_nodes,colour\n3,red\n", headers=CSV)
    assert response.status_code == 422
    message = response.json()["detail"][0]["message"]
    assert "'colour'" in message and "k8s_nodes" in message


def test_missing_header_and_non_utf8(client: TestClient) -> None:
    assert client.post("/api/v1/batch", content=b"", headers=CSV).status_code == 422
    assert (
        client.post("/api/v1/batch", content=b"k8s_nodes\n\xff\n", headers=CSV).status_code == 400
    )


def test_formula_payloads_are_neutralised_numbers_stay(client: TestClient) -> None:
    body = 'provider,k8s_nodes\r\n=HYPERLINK("http://x"),3\r\n@SUM(A1),-1\r\n+cmd,4\r\n'
    out = parse(client.post("/api/v1/batch", content=body, headers=CSV).text)
    assert [r["provider"] for r in out] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)", "'+cmd"]
    assert out[1]["k8s_nodes"] == "-1"


def test_row_and_byte_limits_answer_413() -> None:
    settings = Settings(batch_max_rows=2, batch_max_bytes=2048)
    with TestClient(create_app(settings)) as small:
        rows = small.post("/api/v1/batch", content="k8s_nodes\n1\n2\n3\n", headers=CSV)
        assert rows.status_code == 413
        assert "2 rows" in rows.json()["detail"][0]["message"]
        big = small.post("/api/v1/batch", content="k8s_nodes\n" + "3\n" * 2000, headers=CSV)
        assert big.status_code == 413
        assert "2048" in big.json()["detail"][0]["message"]


def test_request_body_limit_on_json(client: TestClient) -> None:
    response = client.post(
        "/api/v1/estimate",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413


def test_batch_carries_the_depth_columns(client: TestClient) -> None:
    body = (
        "k8s_nodes,k8s_nodes_min,k8s_nodes_max,workload_vcpu,currency,exchange_rate\r\n"
        "3,2,6,20,EUR,0.92\r\n"
        "3,,,,,\r\n"
    )
    out = parse(client.post("/api/v1/batch", content=body, headers=CSV).text)
    assert out[0]["kubernetes_monthly_at_min_nodes"] and out[0]["kubernetes_monthly_at_max_nodes"]
    assert (out[0]["docker_fits"], out[0]["kubernetes_fits"]) == ("no", "no")
    assert out[0]["currency"] == "EUR"
    assert out[1]["kubernetes_monthly_at_min_nodes"] == "" and out[1]["docker_fits"] == ""


def test_large_batch_in_worker_processes_keeps_order_and_errors() -> None:
    lines = ["k8s_nodes,devops_hourly_rate,provider"]
    for n in range(6000):
        bad = n % 997 == 0
        lines.append(
            f"{'-1' if bad else n % 40 + 1},{n % 150 + 1},{['aws', 'gcp', 'azure'][n % 3]}"
        )
    body = "\r\n".join(lines) + "\r\n"
    pooled_app = create_app(Settings(batch_processes=2, batch_max_rows=10_000))
    inline_app = create_app(Settings(batch_processes=1, batch_max_rows=10_000))
    with TestClient(pooled_app) as pooled, TestClient(inline_app) as inline:
        by_pool = pooled.post("/api/v1/batch", content=body, headers=CSV).text
        here = inline.post("/api/v1/batch", content=body, headers=CSV).text
    assert by_pool == here
    out = parse(by_pool)
    assert len(out) == 6000
    assert [r["k8s_nodes"] for r in out[:3]] == ["-1", "2", "3"]
    assert sum(1 for r in out if r["error"]) == 7


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [
        ("max 100000\n", None),  # no quota: the affinity alone
        ("100000 100000\n", 1),  # --cpus=1
        ("150000 100000\n", 2),  # --cpus=1.5 rounds up
        ("5000 100000\n", 1),  # a twentieth of a CPU still prices in one process
        ("garbage\n", None),  # unreadable: the affinity alone
    ],
)
def test_usable_cpus_respects_a_container_cpu_limit(
    tmp_path: Path, cpu_max: str, expected: int | None
) -> None:
    affinity = len(os.sched_getaffinity(0))
    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert usable_cpus(path) == (min(affinity, expected) if expected else affinity)
    assert usable_cpus(tmp_path / "missing") == affinity


def test_batch_rows_say_what_is_wrong_in_words(client: TestClient) -> None:
    body = "k8s_nodes,provider,k8s_instance_type\r\n1000000000,,\r\n,=1+2,\r\n,,-2+3\r\n"
    out = parse(client.post("/api/v1/batch", content=body, headers=CSV).text)
    errors = [row["error"] for row in out]
    assert errors[0] == "k8s_nodes: Input should be less than or equal to 1000"
    assert errors[1].startswith("provider: must be a key such as aws: letters, digits")
    assert errors[2].startswith("k8s_instance_type: must be a key such as m6i.large")
    assert not any("pattern" in error for error in errors)


def test_every_output_row_is_as_wide_as_the_header(client: TestClient) -> None:
    # A row with too many or too few cells keeps its place with its error under "error", and a
    # blank line is no row: spreadsheets and pandas read the answer as one table.
    body = "preset,provider,k8s_nodes,devops_hourly_rate\narticle,,,108,extra\n\narticle\n\n\n"
    response = client.post("/api/v1/batch", content=body, headers=CSV)
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(response.text)))
    assert len({len(row) for row in table}) == 1, [len(row) for row in table]
    out = parse(response.text)
    assert [row["preset"] for row in out] == ["article", "article"]
    assert out[0]["error"] == "row has 5 cells but the header has 4"
    assert out[1]["error"] == "row has 1 cells but the header has 4"


def test_a_quote_never_closed_is_refused_with_its_line(client: TestClient) -> None:
    # It used to swallow every row after it into one cell, answering 200 with one row.
    body = 'preset,k8s_nodes\n"article,4\narticle,5\n'
    response = client.post("/api/v1/batch", content=body, headers=CSV)
    assert response.status_code == 400
    assert "line 3" in response.text and "a quoted cell is never closed" in response.text


def test_batch_rows_carry_the_odds_or_say_what_is_wrong(client: TestClient) -> None:
    body = "services,k8s_upgrade_hours,odds\r\n12,4/16/80,\r\n12,80/16/4,\r\n12,,false\r\n"
    out = parse(client.post("/api/v1/batch", content=body, headers=CSV).text)
    assert 0 <= float(out[0]["kubernetes_cheaper_probability"]) <= 1
    assert float(out[0]["kubernetes_horizon_total_p10"]) < float(
        out[0]["kubernetes_horizon_total_p90"]
    )
    assert out[1]["error"] == (
        "k8s_upgrade_hours: low 80 is above likely 16: give low/likely/high with "
        "low <= likely <= high (each from 0 to 2080 hours per upgrade)"
    )
    assert out[2]["error"] == "" and out[2]["kubernetes_cheaper_probability"] == ""


def test_batch_rows_carry_each_people_lines_hours(client: TestClient) -> None:
    # Row 1, the drivers: 8 services, 2 of them stateful, deployed daily (20 a month), one
    # host and one cluster; the labour table's likely hours: Docker host 1 x 2, services
    # 8 x 0.5 = 4, stateful 2 x 1.5 = 3, deploys 20 x 0.05 = 1, incidents 1 x 1; Kubernetes
    # cluster 1 x 6, services 8 x 1.5 = 12, stateful 2 x 3 = 6, deploys 20 x 0.02 = 0.4,
    # incidents 1 x 4. Row 2 enters the Kubernetes hours outright: its drivers are empty.
    body = "services,stateful,stateful_services,k8s_steady_hours\r\n8,true,2,\r\n3,false,,15\r\n"
    out = parse(client.post("/api/v1/batch", content=body, headers=CSV).text)
    hours = {k: v for k, v in out[0].items() if k.endswith("_a_month")}
    assert hours == {
        "docker_host_hours_a_month": "2",
        "docker_service_hours_a_month": "4",
        "docker_stateful_hours_a_month": "3",
        "docker_deploy_hours_a_month": "1",
        "docker_incident_hours_a_month": "1",
        "docker_devops_hours_a_month": "",
        "k8s_cluster_hours_a_month": "6",
        "k8s_service_hours_a_month": "12",
        "k8s_stateful_hours_a_month": "6",
        "k8s_deploy_hours_a_month": "0.4",
        "k8s_incident_hours_a_month": "4",
        "k8s_steady_hours_a_month": "",
    }
    # 11 hours of Docker people at $96 = $1,056.00, the row's people_monthly
    assert out[0]["docker_people_monthly"] == "1056.00"
    assert out[1]["k8s_steady_hours_a_month"] == "15"
    assert out[1]["k8s_service_hours_a_month"] == ""
    value = client.get(
        "/api/v1/value", params={"services": "8", "field": "people.k8s_service_hours"}
    )
    assert value.text == "12"
