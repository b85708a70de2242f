"""Repeated GETs are answered from the response cache, exactly as the first time."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from app.metrics import ESTIMATES
from app.settings import Settings


def estimates_so_far() -> float:
    return ESTIMATES._value.get()  # type: ignore[attr-defined,no-any-return]


def test_a_repeat_is_served_without_pricing_again() -> None:
    with TestClient(create_app(Settings())) as client:
        url = "/api/v1/estimate?preset=article&k8s_nodes=7"
        first = client.get(url)
        counted = estimates_so_far()
        again = client.get(url)
        assert estimates_so_far() == counted
        assert again.content == first.content
        assert again.headers["etag"] == first.headers["etag"]
        assert "frame-ancestors 'self'" in again.headers["content-security-policy"]


def test_headers_that_change_the_answer_are_part_of_the_key() -> None:
    with TestClient(create_app(Settings())) as client:
        url = "/api/v1/estimate?preset=article&k8s_nodes=8"
        as_json = client.get(url)
        as_csv = client.get(url, headers={"Accept": "text/csv"})
        assert as_json.headers["content-type"] == "application/json"
        assert as_csv.text.startswith("setup,category")
        partial = client.get("/?k8s_nodes=8", headers={"HX-Request": "true"})
        page = client.get("/?k8s_nodes=8")
        assert "<html" not in partial.text and "<html" in page.text
        origin = client.get(url, headers={"Origin": "https://sheets.example.com"})
        assert origin.headers["access-control-allow-origin"] == "*"


def test_errors_are_not_cached() -> None:
    with TestClient(create_app(Settings())) as client:
        for _ in range(2):
            assert client.get("/api/v1/estimate?k8s_nodes=-1").status_code == 422
