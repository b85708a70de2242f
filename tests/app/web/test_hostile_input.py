"""Hostile input on every face: each gets a clear 4xx in the user's format, never a 500."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

XSS = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
NUMBERS = ["NaN", "nan", "Infinity", "-inf", "-1", "1e308", "9" * 400, "0x10", "1,5", "", "\x00"]
GET_FACES = [
    "/",
    "/api/v1/estimate",
    "/api/v1/value?field=docker.monthly_total",
    "/embed",
    "/embed.svg",
]


def get(client: TestClient, face: str, **params: str) -> tuple[int, str, str]:
    response = client.get(face, params=params)
    return response.status_code, response.headers.get("content-type", ""), response.text


@pytest.mark.parametrize("face", GET_FACES)
@pytest.mark.parametrize("value", NUMBERS)
def test_bad_numbers_are_4xx(client: TestClient, face: str, value: str) -> None:
    status, _, _ = get(client, face, k8s_nodes=value, devops_hourly_rate=value)
    assert status in (200, 422) if value == "" else status == 422


@pytest.mark.parametrize("face", GET_FACES)
@pytest.mark.parametrize(
    "field",
    [
        "provider",
        "region",
        "docker_instance_type",
        "k8s_instance_type",
        "control_plane",
        "docker_plan",
        "preset",
        "deploy_frequency",
        "plan_billing",
        "unknown_field",
    ],
)
def test_xss_never_comes_back_unescaped(client: TestClient, face: str, field: str) -> None:
    status, content_type, body = get(client, face, **{field: XSS})
    assert status == 422
    if "html" in content_type or "svg" in content_type or face in ("/", "/embed"):
        assert "<script>" not in body
        assert "onerror=alert" not in body.replace("onerror=alert(1)&gt;", "")


@pytest.mark.parametrize("face", GET_FACES)
def test_huge_strings_and_duplicates(client: TestClient, face: str) -> None:
    assert get(client, face, region="a" * 10_000)[0] == 422
    sep = "&" if "?" in face else "?"
    assert client.get(f"{face}{sep}k8s_nodes=3&k8s_nodes=4").status_code == 422


def test_non_utf8_query_bytes(client: TestClient) -> None:
    for face in GET_FACES:
        sep = "&" if "?" in face else "?"
        assert client.get(f"{face}{sep}region=%FF%FE").status_code == 422


@pytest.mark.parametrize(
    "body",
    [
        b'{"k8s_nodes": NaN}',
        b'{"k8s_nodes": Infinity}',
        b'{"devops_hourly_rate": -1e400}',
        b'{"k8s_nodes": [3]}',
        b'{"k8s_nodes": {"a": 1}}',
        b'{"k8s_nodes": true}',
        b'{"provider": 5}',
        b'{"k8s_nodes": 1.5}',
        b'{"devops_hourly_rate": 123456789012345678901234567890}',
        b'{"preset": ["article"]}',
        b'"just a string"',
        b"null",
        b"",
        b"\xff\xfe{}",
        b'{"a":' * 10_000,
    ],
)
def test_hostile_json_bodies(client: TestClient, body: bytes) -> None:
    response = client.post(
        "/api/v1/estimate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422), response.text
    assert response.json()["detail"][0]["message"]


def test_hostile_batch_csvs(client: TestClient) -> None:
    text_csv = {"content-type": "text/csv"}
    million = ",".join(f"c{i}" for i in range(1_000_000)).encode() + b"\n"
    wide = client.post("/api/v1/batch", content=million, headers=text_csv)
    assert wide.status_code == 422
    assert len(wide.text) < 5_000
    assert client.post("/api/v1/batch", content=b"\n\n", headers=text_csv).status_code == 422
    bad = client.post("/api/v1/batch", content=b"k8s_nodes\n\xff\n", headers=text_csv)
    assert bad.status_code == 400
    quoted = b'k8s_nodes\n"' + b"9" * 200_000 + b'"\n'
    assert client.post("/api/v1/batch", content=quoted, headers=text_csv).status_code == 400
    repeated = client.post("/api/v1/batch", content=b"k8s_nodes,k8s_nodes\n1,2\n", headers=text_csv)
    assert repeated.status_code == 422


def test_batch_rows_with_xss_and_formulas(client: TestClient) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([["region", "provider"], [XSS, "aws"], ["=cmd|'/c calc'!A0", "aws"]])
    body = out.getvalue().encode()
    response = client.post("/api/v1/batch", content=body, headers={"content-type": "text/csv"})
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert len(lines) == 3
    assert lines[2].startswith("'=cmd")


def test_oembed_hostile_urls(client: TestClient) -> None:
    for url in [XSS, "javascript:alert(1)", "http://testserver/?k8s_nodes=NaN", "x" * 10_000]:
        response = client.get("/oembed", params={"url": url})
        assert response.status_code in (404, 422)
        assert "<script>" not in response.text
    assert (
        client.get("/oembed", params={"url": "http://testserver/", "maxwidth": "-5"}).status_code
        == 422
    )


def test_oversized_bodies_are_413_before_work(client: TestClient) -> None:
    big = b"x" * 1_100_000
    response = client.post(
        "/api/v1/estimate", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    lying = client.post(
        "/api/v1/estimate",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": "abc"},
    )
    assert lying.status_code in (400, 413)


def test_server_keeps_serving_after_abuse(client: TestClient) -> None:
    for _ in range(3):
        client.post("/api/v1/estimate", content=b"\xff" * 1000)
        client.get("/api/v1/estimate", params={"k8s_nodes": "NaN"})
    assert (
        client.get(
            "/api/v1/value",
            params={"preset": "article", "field": "kubernetes.infrastructure_monthly"},
        ).text
        == "443.00"
    )
