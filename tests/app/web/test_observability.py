"""/metrics and the access log, in-process: bounded labels, no secrets, no stack traces."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from app.main import create_app
from app.settings import Settings
from app.web.access_log import LOGGER_NAME
from app.web.metrics import count_estimate, route_label

SECRET = "s3cr3t-t0ken"


class Lines(logging.Handler):
    """Collects the access log's lines."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def access_lines() -> Iterator[list[str]]:
    handler = Lines()
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def failing_app() -> FastAPI:
    """The app, logging JSON, with one more route that fails unexpectedly."""
    app = create_app(Settings(log_format="json"))

    async def explode() -> None:
        raise RuntimeError(f"internal detail {SECRET}")

    app.add_api_route("/boom", explode)
    return app


def requests_count(route: str, status: str, method: str = "GET") -> float:
    labels = {"method": method, "route": route, "status": status}
    return REGISTRY.get_sample_value("calculator_http_requests_total", labels) or 0.0


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    before = requests_count("/api/v1/estimate", "200")
    other = requests_count("other", "404")
    assert client.get("/api/v1/estimate", params={"preset": "article"}).status_code == 200
    assert client.get(f"/no/such/{SECRET}", params={"token": SECRET}).status_code == 404
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    assert requests_count("/api/v1/estimate", "200") == before + 1
    assert requests_count("other", "404") == other + 1
    assert 'calculator_http_requests_total{method="GET",route="/api/v1/estimate",status="200"}' in (
        response.text
    )
    assert "calculator_http_request_duration_seconds_bucket" in response.text
    assert SECRET not in response.text


def test_static_files_are_labelled_by_their_mount(client: TestClient) -> None:
    before = requests_count("/static", "404")
    client.get("/static/no-such-file.css")
    assert requests_count("/static", "404") == before + 1


def test_route_label_never_uses_the_raw_path() -> None:
    assert route_label({"type": "http", "path": "/x/123"}) == "other"


def test_count_estimate_feeds_the_estimates_counter(client: TestClient) -> None:
    before = REGISTRY.get_sample_value("calculator_estimates_total") or 0.0
    count_estimate(3)
    assert REGISTRY.get_sample_value("calculator_estimates_total") == before + 3
    assert "calculator_estimates_total" in client.get("/metrics").text


def test_metrics_are_not_in_the_openapi_document(client: TestClient) -> None:
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_access_log_text_line_has_no_query_string_or_headers(access_lines: list[str]) -> None:
    # An app made after the test's handler joined the logger (a log picks its writer once).
    client = TestClient(create_app(Settings()))
    client.get(
        "/api/v1/estimate",
        params={"preset": "article", "note": SECRET},
        headers={"Authorization": f"Bearer {SECRET}", "Cookie": f"session={SECRET}"},
    )
    assert len(access_lines) == 1
    line = access_lines[0]
    assert SECRET not in line
    assert "?" not in line
    assert "method=GET path=/api/v1/estimate status=" in line
    assert " duration_ms=" in line
    assert " bytes=" in line


def test_access_log_escapes_odd_bytes_in_the_path(access_lines: list[str]) -> None:
    client = TestClient(create_app(Settings()))
    client.get("/a%0Ab%20c%22")
    assert "path=/a%0Ab%20c%22 " in access_lines[0]
    assert "\n" not in access_lines[0]


def test_unexpected_error_is_a_bare_500_logged_and_counted(access_lines: list[str]) -> None:
    before = requests_count("/boom", "500")
    with TestClient(failing_app(), raise_server_exceptions=False) as client:
        response = client.get("/boom", params={"q": SECRET})
    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    assert SECRET not in response.text
    assert "Traceback" not in response.text
    record = json.loads(access_lines[-1])
    assert record["path"] == "/boom"
    assert record["status"] == 500
    assert set(record) == {"time", "method", "path", "status", "duration_ms", "bytes"}
    assert SECRET not in access_lines[-1]
    assert requests_count("/boom", "500") == before + 1
