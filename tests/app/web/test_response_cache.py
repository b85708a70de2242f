"""Repeated GETs are answered from the response cache, exactly as the first time."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from app.web.metrics import ESTIMATES
from tests.app.web.test_observability import requests_count


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
    app = create_app(Settings())
    with TestClient(app) as client:
        for url in ("/api/v1/estimate?k8s_nodes=-1", "/api/v1/estimate?region=mars-1"):
            for _ in range(2):
                assert client.get(url).status_code == 422
        # A replayed 422 would still be a 422: what shows it was not stored is the store.
        assert len(app.state.responses) == 0
        client.get("/api/v1/estimate?k8s_nodes=4")
        assert len(app.state.responses) == 1


def test_a_conditional_repeat_gets_304_from_the_store() -> None:
    with TestClient(create_app(Settings())) as client:
        url = "/api/v1/value?preset=article&field=kubernetes.monthly_total"
        first = client.get(url)
        counted = estimates_so_far()
        again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == first.headers["etag"]
        assert estimates_so_far() == counted


def test_a_hit_is_logged_and_counted_under_its_route() -> None:
    with TestClient(create_app(Settings())) as client:
        url = "/embed.svg?preset=startup"
        client.get(url)
        before = requests_count("/embed.svg", "200")
        client.get(url)
        assert requests_count("/embed.svg", "200") == before + 1


def test_routes_not_marked_cacheable_are_not_stored() -> None:
    app = create_app(Settings())
    with TestClient(app) as client:
        client.get("/healthz")
        client.get("/flips?preset=article")
        assert len(app.state.responses) == 0
