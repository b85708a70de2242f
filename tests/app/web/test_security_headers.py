"""Security headers on every route, and framing only where embedding is meant."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

ROUTES = [
    "/",
    "/?k8s_nodes=-1",
    "/embed.svg",
    "/api/v1/estimate",
    "/api/v1/estimate?format=csv",
    "/api/v1/value?field=docker.monthly_total",
    "/api/v1/catalog",
    "/healthz",
    "/readyz",
    "/metrics",
    "/docs",
    "/openapi.json",
    "/static/app.css",
    "/vendor/htmx/htmx.min.js",
    "/no/such/page",
    "/oembed?url=http://testserver/",
]


@pytest.mark.parametrize("route", [*ROUTES, "/embed"])
def test_every_response_carries_security_headers(client: TestClient, route: str) -> None:
    response = client.get(route)
    assert response.status_code < 500
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "x-frame-options" not in response.headers


@pytest.mark.parametrize("route", ROUTES)
def test_only_the_embed_may_be_framed_elsewhere(client: TestClient, route: str) -> None:
    assert "frame-ancestors 'self'" in client.get(route).headers["content-security-policy"]


def test_embed_frame_ancestors(client: TestClient) -> None:
    assert "frame-ancestors *" in client.get("/embed").headers["content-security-policy"]


def test_html_is_autoescaped_and_page_has_no_inline_script(client: TestClient) -> None:
    html = client.get("/?preset=article").text
    assert "<script>" not in html
    assert all("src=" in tag for tag in html.split("<script")[1:])


def test_unknown_route_is_a_plain_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Traceback" not in response.text
