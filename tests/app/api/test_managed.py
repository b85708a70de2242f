"""Managed containers, a reference in no total, through the API: the JSON's
managed_containers, the CSV summary's column per service and /api/v1/value."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

# 1 replica of 1 vCPU and 2 GiB, 730 h: on Fargate x86 730 x $0.04048 = $29.5504 -> $29.55 of
# vCPU and 2 x 730 x $0.004445 = $6.4897 -> $6.49 of memory, $36.04; on Arm 730 x $0.03238 =
# $23.6374 -> $23.64 and 1,460 x $0.00356 = $5.1976 -> $5.20, $28.84 (aws.json, us-east-1).
ONE = {"workload_vcpu": "1", "workload_memory_gib": "2", "workload_pods": "1"}


def test_the_json_quotes_each_service_with_its_lines_and_sources(client: TestClient) -> None:
    body = client.get("/api/v1/estimate", params=ONE).json()
    quotes = body["managed_containers"]
    assert [(q["key"], q["monthly"]) for q in quotes] == [
        ("fargate-x86", 36.04),
        ("fargate-arm", 28.84),
    ]
    x86 = quotes[0]
    assert [(i["quantity"], i["unit_price"], i["monthly"]) for i in x86["line_items"]] == [
        (730, 0.04048, 29.55),
        (1460, 0.004445, 6.49),
    ]
    assert all(i["source"] == "https://aws.amazon.com/fargate/pricing/" for i in x86["line_items"])
    assert x86["unavailable"] is None and x86["source"].startswith("https://")
    assert x86["assumptions"][0] == "1 replica with 1 vCPU and 2 GiB in all, running 730 h a month"
    assert any("No load balancer" in text for text in x86["leaves_out"])


def test_no_price_says_why_and_no_service_is_empty(client: TestClient) -> None:
    gcp = client.get("/api/v1/estimate", params={**ONE, "provider": "gcp"}).json()
    requests = next(q for q in gcp["managed_containers"] if q["key"] == "cloud-run-requests")
    assert (requests["monthly"], requests["line_items"]) == (None, [])
    assert (
        requests["unavailable"]
        == "enter monthly_requests and request_ms to price billing by request"
    )
    hetzner = {**ONE, "provider": "hetzner", "eur_rate": "1.1"}
    assert client.get("/api/v1/estimate", params=hetzner).json()["managed_containers"] == []
    without = client.get("/api/v1/estimate").json()
    assert without["managed_containers"] == []


def test_the_summary_and_value_give_each_services_monthly_price(client: TestClient) -> None:
    summary = client.get("/api/v1/estimate", params={**ONE, "format": "csv", "shape": "summary"})
    row = next(csv.DictReader(io.StringIO(summary.text)))
    assert (row["managed_fargate_x86_monthly"], row["managed_fargate_arm_monthly"]) == (
        "36.04",
        "28.84",
    )
    # a column for every service of the catalog: empty where the provider has no such one
    assert row["managed_cloud_run_monthly"] == row["managed_container_apps_monthly"] == ""
    value = client.get(
        "/api/v1/value", params={**ONE, "field": "managed_containers.fargate-x86.monthly"}
    )
    assert value.text == "36.04"
    other = {**ONE, "field": "managed_containers.cloud-run.monthly"}
    assert client.get("/api/v1/value", params=other).text == ""


def test_an_unknown_service_is_named_in_the_422(client: TestClient) -> None:
    response = client.get("/api/v1/value", params={"field": "managed_containers.ecs.monthly"})
    assert response.status_code == 422
    assert "managed_containers.fargate-x86.monthly" in response.text


def test_the_batch_keeps_its_columns(client: TestClient) -> None:
    # the batch's one header serves rows of any provider: no managed container columns
    batch = client.post(
        "/api/v1/batch",
        content="workload_vcpu,workload_memory_gib\r\n1,2\r\n",
        headers={"content-type": "text/csv"},
    )
    assert "managed" not in batch.text.split("\r\n")[0]
