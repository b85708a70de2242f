"""One registry of named values: /api/v1/value, the CSV summary and the batch pick from it."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from fastapi.testclient import TestClient

from app.present import columns


def test_every_face_picks_from_the_one_registry() -> None:
    for face in (columns.VALUE_COLUMNS, columns.SUMMARY_COLUMNS, columns.BATCH_COLUMNS):
        assert all(columns.COLUMNS[column.key] is column for column in face)


def test_value_summary_and_batch_agree_on_each_shared_column(client: TestClient) -> None:
    query = {"preset": "platform", "k8s_nodes_min": "4", "k8s_nodes_max": "8"}
    summary = client.get("/api/v1/estimate", params={**query, "format": "csv", "shape": "summary"})
    summary_row = next(csv.DictReader(io.StringIO(summary.text)))
    batch = client.post(
        "/api/v1/batch",
        content="preset,k8s_nodes_min,k8s_nodes_max\r\nplatform,4,8\r\n",
        headers={"content-type": "text/csv"},
    )
    batch_row = next(csv.DictReader(io.StringIO(batch.text)))
    for column in columns.VALUE_COLUMNS:
        value = client.get("/api/v1/value", params={**query, "field": column.key}).text
        for row in (summary_row, batch_row):
            if column.csv_name in row:
                assert row[column.csv_name] == value, column.key
    low, average = (
        Decimal(batch_row[name])
        for name in ("kubernetes_monthly_at_min_nodes", "kubernetes_monthly_total")
    )
    assert low < average
