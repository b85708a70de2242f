"""The months ahead through the API: the timeline's months and events in JSON, the timeline
CSV shape, and bad input as a 422 naming the field and its range."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

# The article's cluster on EKS 1.35 from 2026-02, never upgraded (tests/pricing/
# test_versions.py has the arithmetic): standard support for 14 months, then extended.
NEVER = {
    "preset": "article",
    "start_month": "2026-02",
    "upgrade_policy": "never",
    "horizon_months": "36",
}


def test_each_month_has_its_costs_and_events(client: TestClient) -> None:
    body = client.get("/api/v1/estimate", params=NEVER).json()
    timeline = body["timeline"]
    assert len(timeline) == 36
    # month 14 (2027-03): $443.00 of infrastructure and 15 h x $96 = $1,440.00
    # month 15 (2027-04): extended support, $365.00 more on the control plane
    assert [p["kubernetes_month"] for p in timeline[13:15]] == [1883.00, 2248.00]
    assert timeline[14]["calendar_month"] == "2027-04"
    assert timeline[14]["events"] == [
        {
            "setup": "kubernetes",
            "kind": "extended-support",
            "text": "extended support starts for 1.35",
        }
    ]
    assert timeline[13]["events"] == []
    # the cumulative keys stay, and add up the months
    assert timeline[-1]["kubernetes"] == body["kubernetes"]["horizon_total"] == 94826.00
    assert round(sum(p["kubernetes_month"] for p in timeline), 2) == 94826.00
    assert body["months"]["start_month"] == "2026-02"
    assert body["months"]["kubernetes_version"] == "1.35"
    assert body["scenario"]["start_month"] == "2026-02"


def test_the_start_month_is_shown_resolved(client: TestClient) -> None:
    body = client.get("/api/v1/estimate", params={"preset": "article"}).json()
    assert body["scenario"]["start_month"] == "2026-12"  # the calendar's month
    assert body["timeline"][0]["calendar_month"] == "2026-12"


def test_the_timeline_csv_is_a_row_per_month_setup_and_category(client: TestClient) -> None:
    response = client.get(
        "/api/v1/estimate", params={**NEVER, "format": "csv", "shape": "timeline"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.split("\r\n")
    assert lines[0] == "month,setup,category,amount,currency"
    # the article's Docker month: a $200.00 host, $50.00 of seats, 5 h x $96
    assert lines[1:4] == [
        "1,docker,compute,200.00,USD",
        "1,docker,subscription,50.00,USD",
        "1,docker,people,480.00,USD",
    ]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    control = [
        r["amount"] for r in rows if r["setup"] == "kubernetes" and r["category"] == "control plane"
    ]
    assert control == ["73.00"] * 14 + ["438.00"] * 22
    # each setup's rows add up to its horizon total
    kubernetes = sum(float(r["amount"]) for r in rows if r["setup"] == "kubernetes")
    assert round(kubernetes, 2) == 94826.00


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("environments", "11", "less than or equal to 10"),
        ("nonprod_size_percent", "0", "greater than 0"),
        ("growth_percent_per_month", "150", "less than or equal to 100"),
        ("upgrade_policy", "sometimes", "'current' or 'never'"),
        ("k8s_environments", "pods", "'clusters' or 'namespaces'"),
        ("start_month", "2024-01", "must be from 2024-02"),
        ("growth_percent_per_month", "5", "enter workload_vcpu"),
    ],
)
def test_bad_months_input_is_422_naming_the_field(
    client: TestClient, field: str, value: str, says: str
) -> None:
    response = client.get("/api/v1/estimate", params={field: value})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["field"] == field
    assert says in problem["message"]


def test_growth_past_what_can_be_sized_is_422_with_the_month(client: TestClient) -> None:
    params = {"workload_vcpu": "4", "growth_percent_per_month": "20", "horizon_months": "60"}
    response = client.get("/api/v1/estimate", params=params)
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["field"] == "growth_percent_per_month"
    assert "month 39 (2030-02)" in problem["message"]
