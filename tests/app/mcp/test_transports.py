"""The MCP server where assistants reach it: at /mcp over streamable HTTP against the app (only
when CALC_MCP_ENABLED is true, under the API's body cap), and over stdio with
``dockerk8s-cost mcp`` as a subprocess; each called by the SDK's own client."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from mcp.client.stdio import StdioServerParameters

from app.main import create_app
from app.settings import Settings
from tests.app.mcp.support import call, text, tools
from tests.live import serve

COMMAND = str(Path(sys.executable).parent / "dockerk8s-cost")
# The article's Kubernetes: $443 of infrastructure and 15 h x $96 of people a month.
ARTICLE = {"scenario": {"preset": "article"}}


@pytest.fixture(scope="module")
def mcp_server() -> Iterator[str]:
    """The app served by uvicorn with the MCP server on."""
    proc, url = serve({"CALC_MCP_ENABLED": "true"})
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_over_streamable_http(mcp_server: str) -> None:
    assert sorted(tools(mcp_server + "/mcp")) == ["catalog", "compare", "estimate", "size"]
    result = call(mcp_server + "/mcp", "estimate", ARTICLE)
    assert not result.is_error, text(result)
    answer = result.structured_content
    assert answer is not None
    assert answer["comparison"]["kubernetes"]["monthly_total"] == 1883
    # The links are on the address the request reached.
    assert answer["permalink"].startswith(mcp_server + "/?")


def test_an_error_over_http_names_the_field(mcp_server: str) -> None:
    result = call(mcp_server + "/mcp", "compare", {"a": {}, "b": {"k8s_nodes": 0}})
    assert result.is_error
    assert text(result).startswith("b.k8s_nodes: ")


def test_off_unless_the_setting_turns_it_on(client: TestClient) -> None:
    assert Settings().mcp_enabled is False
    assert client.post("/mcp", json={}).status_code == 404


def test_the_body_cap_applies() -> None:
    app = create_app(Settings(mcp_enabled=True, max_body_bytes=4096))
    with TestClient(app) as capped:
        answer = capped.post(
            "/mcp",
            content=b"{" + b" " * 5000 + b"}",
            headers={"content-type": "application/json", "accept": "application/json"},
        )
    assert answer.status_code == 413
    assert answer.json() == {
        "detail": [{"field": "body", "message": "request body larger than 4096 bytes"}]
    }


def test_over_stdio_with_the_cli() -> None:
    command = StdioServerParameters(
        command=COMMAND, args=["mcp", "--base-url", "https://calc.example.com"]
    )
    result = call(command, "estimate", ARTICLE)
    assert not result.is_error, text(result)
    answer = result.structured_content
    assert answer is not None
    assert answer["comparison"]["docker"]["monthly_total"] == 730
    assert answer["permalink"].startswith("https://calc.example.com/?")
    said = text(call(command, "estimate", {"scenario": {"horizon_months": 0}}))
    assert said.startswith("scenario.horizon_months: ")
