"""The API over real HTTP, read the way spreadsheet tools and pandas read it."""

from __future__ import annotations

import subprocess
import urllib.request
from decimal import Decimal

import pandas as pd


def test_pandas_reads_the_line_items(live_server: str) -> None:
    items = pd.read_csv(f"{live_server}/api/v1/estimate?preset=article&format=csv")
    infra = items[items["category"] != "people"].groupby("setup")["monthly"].sum().round(2)
    assert infra.to_dict() == {"docker": 250.00, "kubernetes": 443.00}


def test_pandas_reads_the_summary_row(live_server: str) -> None:
    summary = pd.read_csv(f"{live_server}/api/v1/estimate?preset=article&format=csv&shape=summary")
    assert summary.loc[0, "kubernetes_monthly_total"] == 1883.00
    assert summary.loc[0, "recommendation"] == "docker"


def test_plain_value_is_a_bare_number(live_server: str) -> None:
    url = f"{live_server}/api/v1/value?preset=article&field=kubernetes.infrastructure_monthly"
    with urllib.request.urlopen(url) as response:  # what WEBSERVICE() does
        raw = response.read()
    assert raw == b"443.00"
    assert Decimal(raw.decode()) == Decimal("443.00")


def test_curl_batch_recipe(live_server: str, tmp_path: object) -> None:
    body = b"preset,k8s_nodes,provider\r\narticle,,\r\n,5,gcp\r\n,x,\r\n"
    result = subprocess.run(
        [
            "curl",
            "-s",
            "--data-binary",
            "@-",
            "-H",
            "Content-Type: text/csv",
            f"{live_server}/api/v1/batch",
        ],
        input=body,
        capture_output=True,
        check=True,
        timeout=30,
    )
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 4
    assert lines[1].split(",")[-1] == "" and "k8s_nodes" in lines[3]
