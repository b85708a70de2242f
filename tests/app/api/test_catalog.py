"""GET /api/v1/catalog in JSON and CSV, each price with its source and date."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


def test_catalog_json(client: TestClient) -> None:
    body = client.get("/api/v1/catalog").json()
    aws = next(p for p in body["providers"] if p["key"] == "aws")
    east = next(r for r in aws["regions"] if r["key"] == "us-east-1")
    m6i = next(i for i in east["instances"] if i["type"] == "m6i.xlarge")
    assert (m6i["vcpu"], m6i["memory_gib"], m6i["hourly"], m6i["monthly"]) == (4, 16, 0.192, 140.16)
    assert m6i["source"].startswith("https://") and m6i["as_of"]
    assert {p["key"] for p in body["plans"]} == {"personal", "pro", "team", "business"}


def test_catalog_csv_has_a_source_on_every_row(client: TestClient) -> None:
    text = client.get("/api/v1/catalog", params={"format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) > 100
    assert all(r["source"].startswith("https://") and r["as_of"] for r in rows)
    kinds = {r["kind"] for r in rows}
    assert {"instance", "control_plane", "load_balancer", "disk", "plan"} <= kinds
