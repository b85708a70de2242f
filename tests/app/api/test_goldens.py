"""The spreadsheet faces, exactly (tests/goldens/; ``pytest --update-goldens`` rewrites them on
purpose): the CSV of line items and the summary row, every /api/v1/value, and a batch with bad
rows among good ones. CRLF line endings are part of the CSV and are spelled out in the files."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.present.columns import VALUES
from tests.conftest import Goldens

SCENARIOS = {
    "article": {"preset": "article"},
    # Another provider, a display currency at the user's rate, autoscaling and a workload.
    "gcp-eur": {
        "provider": "gcp",
        "currency": "EUR",
        "exchange_rate": "0.92",
        "k8s_nodes": "4",
        "k8s_nodes_min": "2",
        "k8s_nodes_max": "6",
        "workload_vcpu": "3.5",
        "workload_memory_gib": "12",
    },
}
BATCH = (
    "provider,k8s_nodes,devops_hourly_rate,preset,horizon_months\r\n"
    "aws,3,96,,12\r\n"
    "gcp,5,120.5,,24\r\n"
    "aws,4,80,article,36\r\n"  # over a preset
    "azure,abc,96,,12\r\n"  # a bad value: its error in the error column
    "=1+2,1,1,,1\r\n"  # a formula: echoed as text, and an unknown provider
    "aws,2\r\n"  # a ragged row
    "\r\n"  # a blank line: no scenario
    '"hetzner",4,50,,36\r\n'
)


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("shape", ["items", "summary"])
def test_the_csv_is_as_it_was(client: TestClient, goldens: Goldens, name: str, shape: str) -> None:
    params = {**SCENARIOS[name], "format": "csv", "shape": shape}
    answer = client.get("/api/v1/estimate", params=params)
    assert answer.status_code == 200
    goldens.check(f"estimate-{shape}-{name}.csv", answer.content.decode())


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_value_is_as_it_was(client: TestClient, goldens: Goldens, name: str) -> None:
    lines = []
    for field in VALUES:
        answer = client.get("/api/v1/value", params={**SCENARIOS[name], "field": field})
        assert answer.status_code == 200
        lines.append(f"{field}: {answer.text}\n")
    goldens.check(f"value-{name}.txt", "".join(lines))


def test_the_batch_output_is_as_it_was(client: TestClient, goldens: Goldens) -> None:
    answer = client.post("/api/v1/batch", content=BATCH, headers={"content-type": "text/csv"})
    assert answer.status_code == 200
    goldens.check("batch.csv", answer.content.decode())
