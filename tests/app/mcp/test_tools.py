"""The MCP tools called in process through the SDK's client: the same input schema, the same
figures and the same errors as the API, each error naming its field."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.openapi import catalog_keys
from app.mcp.server import CalculatorServer, build_server
from app.settings import Settings
from pricing import Catalog, Engine, new_memo
from tests.app.mcp.support import call, text, tools
from tests.deploy.dockerfile import REPO

BASE = "http://testserver/"
COMPOSE = (REPO / "tests" / "fixtures" / "diff" / "nginx-golang-postgres.compose.yaml").read_text()


@pytest.fixture(scope="module")
def server(catalog: Catalog) -> CalculatorServer:
    return build_server(Engine(catalog, new_memo()), Settings(), BASE)


def structured(server: CalculatorServer, tool: str, arguments: dict[str, Any]) -> Any:
    result = call(server, tool, arguments)
    assert not result.is_error, text(result)
    return result.structured_content


def error(server: CalculatorServer, tool: str, arguments: dict[str, Any]) -> str:
    result = call(server, tool, arguments)
    assert result.is_error
    said = text(result)
    assert "Traceback" not in said and "errors.pydantic.dev" not in said
    return said


def test_the_tools_take_the_apis_scenario(
    server: CalculatorServer, client: TestClient, catalog: Catalog
) -> None:
    listed = tools(server)
    assert sorted(listed) == ["catalog", "compare", "estimate", "size"]
    api = client.get("/openapi.json").json()["components"]["schemas"]["Scenario"]["properties"]
    # The API's document lists the running catalog's keys as enums; the tools name them by
    # their text pattern, and the catalog tool lists them (see docs/MCP.md).
    keys = catalog_keys(catalog)
    for tool, argument in (("estimate", "scenario"), ("size", "scenario"), ("compare", "b")):
        schema = listed[tool].input_schema["properties"][argument]["properties"]
        assert list(schema) == list(api)
        assert {k: v for k, v in schema.items() if k not in keys} == {
            k: v for k, v in api.items() if k not in keys
        }
        assert schema["provider"]["pattern"] == "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
    assert set(listed["compare"].input_schema["properties"]) == {"a", "b"}
    assert set(listed["size"].input_schema["required"]) == {"files"}
    output = listed["estimate"].output_schema
    assert output is not None and set(output["properties"]) == {
        "headline",
        "permalink",
        "comparison",
    }
    assert all(t.annotations and t.annotations.read_only_hint for t in listed.values())
    assert server.instructions and "Hetzner Cloud, line by line" in server.instructions


def test_an_estimate_is_the_apis(server: CalculatorServer, client: TestClient) -> None:
    answer = structured(server, "estimate", {"scenario": {"preset": "article", "k8s_nodes": 4}})
    api = client.get("/api/v1/estimate", params={"preset": "article", "k8s_nodes": "4"}).json()
    assert answer["comparison"] == api
    # The preset applies first, the one field given over it: the article's Docker $730 a month
    # stays; its 3 nodes at 0.159817 $/h become 4: 2,920 h = 466.67, Kubernetes 1,999.67.
    assert answer["comparison"]["docker"]["monthly_total"] == 730
    assert answer["comparison"]["kubernetes"]["monthly_total"] == 1999.67
    assert answer["permalink"].startswith(BASE + "?") and "k8s_nodes=4" in answer["permalink"]
    plane = next(
        item
        for item in answer["comparison"]["kubernetes"]["line_items"]
        if item["category"] == "control plane"
    )
    assert plane["source"].startswith("https://") and plane["as_of"]
    assert answer["comparison"]["advice"]["recommendation"] == "docker"


def test_the_answer_reads_as_words_first(server: CalculatorServer) -> None:
    said = text(call(server, "estimate", {"scenario": {"preset": "article"}}))
    first = said.splitlines()
    assert first[0] == "Docker $730.00 vs Kubernetes $1,883.00 per month."
    assert first[3].startswith(BASE + "?")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"scenario": {"k8s_nodes": 0}}, "scenario.k8s_nodes: Input should be greater than"),
        ({"scenario": {"k8s_nodes": "many"}}, "scenario.k8s_nodes: must be a whole number"),
        ({"scenario": {"preset": "nope"}}, "scenario.preset: is not a known preset"),
        ({"scenario": {"colour": "red"}}, "scenario.colour: is not a known field"),
        ({"scenario": {"k8s_instance_type": "m0.tiny"}}, "scenario.k8s_instance_type: "),
        ({"scenario": "k8s_nodes=4"}, "scenario: Input should be a valid dictionary"),
        ({"k8s_nodes": 4}, "k8s_nodes: is not an argument of estimate, which takes scenario"),
    ],
)
def test_errors_name_the_field(
    server: CalculatorServer, arguments: dict[str, Any], expected: str
) -> None:
    said = error(server, "estimate", arguments)
    assert said.startswith(expected), said
    assert "5000" not in said


def test_compare_is_the_apis(server: CalculatorServer, client: TestClient) -> None:
    a, b = {"preset": "article"}, {"preset": "article", "k8s_nodes": 4}
    answer = structured(server, "compare", {"a": a, "b": b})
    api = client.get(
        "/api/v1/compare", params={"a": "preset=article", "b": "preset=article&k8s_nodes=4"}
    ).json()
    assert answer == api
    assert answer["summary"][1] == "Kubernetes: $1,883.00 → $1,999.67 a month (+$116.67)."


def test_compare_names_the_side(server: CalculatorServer) -> None:
    said = error(server, "compare", {"a": {"k8s_nodes": 0}, "b": {"currency": "EUR"}})
    assert said.splitlines()[0].startswith("a.k8s_nodes: ")
    euros = {"preset": "article", "currency": "EUR", "exchange_rate": 0.92}
    said = error(server, "compare", {"a": {"preset": "article"}, "b": euros})
    assert said.startswith("b.currency: must be the same in both scenarios")


def test_size_is_the_apis(server: CalculatorServer, client: TestClient) -> None:
    options = {"default_cpu": 0.5, "default_memory_gib": "1", "rolling_surge": True}
    answer = structured(
        server, "size", {"files": [COMPOSE], "scenario": {"provider": "aws"}, "options": options}
    )
    api = client.post(
        "/api/v1/size",
        content=COMPOSE,
        headers={"content-type": "application/yaml"},
        params={"provider": "aws", "default_cpu": "0.5", "default_memory_gib": "1"},
    ).json()
    assert answer["permalink"] == BASE + api["permalink"].removeprefix("/")
    assert {**answer, "permalink": api["permalink"]} == api
    # 3 services at 0.5 vCPU, 1.5 with 20% headroom 1.8: a c6i.large ($0.085 x 730 = $62.05).
    assert answer["docker"]["instance_type"] == "c6i.large" and answer["docker"]["monthly"] == 62.05


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"files": ["services: [oops"]}, "files: not valid YAML"),
        ({"files": [COMPOSE], "options": {"zones": 0}}, "options.zones: must be between 1 and 10"),
        ({"files": [COMPOSE], "options": {"colour": 1}}, "options.colour: is not a sizing option"),
        ({"files": []}, "files: List should have at least 1 item"),
        ({"files": [COMPOSE], "scenario": {"provider": "nowhere"}}, "scenario.provider: "),
    ],
)
def test_size_errors_name_the_field(
    server: CalculatorServer, arguments: dict[str, Any], expected: str
) -> None:
    assert error(server, "size", arguments).startswith(expected)


def test_the_catalog_overview_and_a_region(server: CalculatorServer) -> None:
    overview = structured(server, "catalog", {})
    assert {p["key"] for p in overview["providers"]} >= {"aws", "gcp", "azure", "hetzner"}
    assert "article" in {p["name"] for p in overview["presets"]}
    region = structured(server, "catalog", {"provider": "hetzner", "region": "nbg1"})
    assert [r["key"] for r in region["regions"]] == ["nbg1"]
    assert all(i["source"] and i["as_of"] for i in region["regions"][0]["instances"])
    assert error(server, "catalog", {"provider": "hetzner", "region": "x"}).startswith(
        "region: is not a region of hetzner"
    )
    assert error(server, "catalog", {"region": "nbg1"}) == "region: needs a provider"
