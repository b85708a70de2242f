"""The hot GET routes answered without FastAPI's routing: the same bytes, errors, metrics."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import ASGIApp

from app.main import create_app
from app.settings import Settings
from app.web.hot_routes import HotRoutes
from tests.app.web.test_observability import requests_count


def without_hot_routes() -> FastAPI:
    app = create_app(Settings())
    app.user_middleware = [m for m in app.user_middleware if m.cls is not HotRoutes]
    return app


def hot_layer(app: FastAPI) -> HotRoutes:
    with TestClient(app) as client:
        client.get("/healthz")  # builds the middleware stack
    layer: ASGIApp | None = app.middleware_stack
    while not isinstance(layer, HotRoutes):
        layer = getattr(layer, "app", None)
        assert layer is not None, "no HotRoutes layer in the stack"
    return layer


def test_only_routes_taking_just_the_request_are_hot() -> None:
    hot = set(hot_layer(create_app(Settings())).hot)
    # The estimate, the value, the page, the card and the image take the request (and
    # dependencies that take only it): served here.
    assert {"/api/v1/estimate", "/api/v1/value", "/", "/embed", "/embed.svg"} <= hot
    # /oembed declares query parameters FastAPI validates; POST routes read a body.
    assert "/oembed" not in hot and "/api/v1/batch" not in hot and "/api/v1/size" not in hot


def test_answers_and_errors_are_those_fastapi_gives() -> None:
    urls = [
        ("/api/v1/estimate?preset=article&k8s_nodes=6", {}),
        ("/api/v1/estimate?preset=article&k8s_nodes=6&format=csv", {}),
        ("/api/v1/estimate?k8s_nodes=abc", {}),  # 422, JSON detail
        ("/api/v1/estimate?format=xml", {}),  # 422 raised after pricing
        ("/api/v1/value?preset=article&field=nonsense", {}),  # 422, text
        ("/embed.svg?k8s_nodes=5", {}),
        ("/embed.svg?k8s_nodes=-1", {}),
        ("/?k8s_nodes=5", {"HX-Request": "true"}),
        ("/?k8s_nodes=5", {}),
        ("/api/v1/estimate?preset=article", {"Origin": "https://a.example", "If-None-Match": "x"}),
    ]
    with TestClient(create_app(Settings())) as hot, TestClient(without_hot_routes()) as cold:
        for url, headers in urls:
            fast, slow = hot.get(url, headers=headers), cold.get(url, headers=headers)
            assert (fast.status_code, fast.content) == (slow.status_code, slow.content), url
            assert sorted(fast.headers.items()) == sorted(slow.headers.items()), url


def test_metrics_name_the_route_template() -> None:
    with TestClient(create_app(Settings())) as client:
        before = requests_count("/embed.svg", "422")
        assert client.get("/embed.svg?k8s_nodes=abc").status_code == 422
        assert requests_count("/embed.svg", "422") == before + 1


def test_behind_a_path_prefix_the_links_carry_it() -> None:
    # CALC_ROOT_PATH=/calc: a proxy forwards /calc/... with or without the prefix; either way
    # the hot route answers and its links start with /calc/.
    with TestClient(create_app(Settings(root_path="/calc"))) as client:
        for path in ("/embed?k8s_nodes=5", "/calc/embed?k8s_nodes=5"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert 'href="http://testserver/calc/?k8s_nodes=5"' in response.text
