"""GET /api/v1/compare: two permalinks' scenarios side by side, as JSON and CSV, and every
problem named by its side."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from fastapi.testclient import TestClient

from tests.conftest import Goldens

D = Decimal
ARTICLE = "preset=article"
# The article with a fourth node, and a load balancer (100 GB of traffic) before the Docker host.
CHANGED = "preset=article&k8s_nodes=4&docker_load_balancers=1&docker_lb_usage=100"


def compare(client: TestClient, **params: str) -> tuple[int, object]:
    answer = client.get("/api/v1/compare", params=params)
    return answer.status_code, answer.json()


def test_a_fourth_node_costs_one_nodes_price(client: TestClient) -> None:
    status, body = compare(client, a=ARTICLE, b="preset=article&k8s_nodes=4")
    assert status == 200
    assert isinstance(body, dict)
    assert body["fields"] == [{"field": "k8s_nodes", "a": 3, "b": 4}]
    # The article's nodes are its own price, 0.159817 $/h: 3 x 730 h = 350.00 a month,
    # 4 x 730 h = 2,920 h x 0.159817 = 466.666 -> 466.67; the change 116.67.
    compute = [line for line in body["lines"] if line["category"] == "compute"]
    assert [
        (line["setup"], line["a_monthly"], line["b_monthly"], line["change"]) for line in compute
    ] == [
        ("docker", 200, 200, 0),
        ("kubernetes", 350, 466.67, 116.67),
    ]
    totals = {(t["setup"], t["name"]): (t["a"], t["b"], t["change"]) for t in body["totals"]}
    # The article: Kubernetes $443 of infrastructure and 15 h x $96 = $1,440 of people a month.
    assert totals["kubernetes", "monthly_total"] == (1883, 1999.67, 116.67)
    assert totals["docker", "monthly_total"] == (730, 730, 0)
    assert body["summary"][1] == "Kubernetes: $1,883.00 → $1,999.67 a month (+$116.67)."
    assert "k8s_nodes=4" in body["b"]["query"] and "k8s_nodes" not in body["a"]["query"]
    assert body["b"]["permalink"] == "http://testserver/?" + body["b"]["query"]
    assert body["b"]["comparison"]["kubernetes"]["monthly_total"] == 1999.67


def test_a_side_may_be_a_whole_permalink(client: TestClient) -> None:
    as_query = client.get("/api/v1/compare", params={"a": ARTICLE, "b": CHANGED})
    as_urls = client.get(
        "/api/v1/compare",
        params={"a": "https://calc.example.com/?" + ARTICLE, "b": "/?" + CHANGED + "#results"},
    )
    assert as_urls.status_code == 200
    assert as_urls.content == as_query.content


def test_the_json_is_as_it_was(client: TestClient, goldens: Goldens) -> None:
    answer = client.get("/api/v1/compare", params={"a": ARTICLE, "b": CHANGED})
    assert answer.status_code == 200
    goldens.check(
        "compare-article.json", json.dumps(answer.json(), indent=1, ensure_ascii=False) + "\n"
    )


def test_the_csv_is_as_it_was(client: TestClient, goldens: Goldens) -> None:
    answer = client.get("/api/v1/compare", params={"a": ARTICLE, "b": CHANGED, "format": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    goldens.check("compare-article.csv", answer.text)


def test_the_csv_columns_add_up_to_the_totals(client: TestClient) -> None:
    text = client.get(
        "/api/v1/compare", params={"a": ARTICLE, "b": CHANGED}, headers={"Accept": "text/csv"}
    ).text
    rows = list(csv.DictReader(io.StringIO(text)))
    docker = [row for row in rows if row["setup"] == "docker"]
    # A's Docker: the $200 host, ten $5 seats and 5 h x $96 = $730; B adds the load balancer:
    # 730 h x $0.0225 = $16.43 and 100 GB x $0.008 = $0.80 (one LCU-hour a GB), +$17.23.
    assert sum(D(row["a_monthly"] or "0") for row in docker) == D("730.00")
    assert sum(D(row["change"]) for row in docker) == D("17.23")
    added = [row for row in docker if not row["a_item"]]
    assert [(row["b_monthly"], row["change"]) for row in added] == [
        ("16.43", "16.43"),
        ("0.80", "0.80"),
    ]
    assert {row["currency"] for row in rows} == {"USD"}


def test_each_problem_names_its_side(client: TestClient) -> None:
    status, body = compare(client, a="preset=nope", b="colour=red")
    assert status == 422
    assert isinstance(body, dict)
    assert [p["field"] for p in body["detail"]] == ["a.preset", "b.colour"]
    status, body = compare(client, a="k8s_instance_type=m0.tiny", b="k8s_nodes=0")
    assert isinstance(body, dict)
    assert [p["field"] for p in body["detail"]] == ["b.k8s_nodes"]  # read before priced
    status, body = compare(client, a="k8s_instance_type=m0.tiny", b="")
    assert isinstance(body, dict)
    assert [p["field"] for p in body["detail"]] == ["a.k8s_instance_type"]  # priced


def test_a_missing_side_is_named(client: TestClient) -> None:
    status, body = compare(client, a=ARTICLE)
    assert status == 422
    assert body == {
        "detail": [
            {
                "field": "b",
                "message": "is required: a permalink's query string (empty for the defaults)",
            }
        ]
    }


def test_a_field_beside_the_sides_is_refused(client: TestClient) -> None:
    status, body = compare(client, a=ARTICLE, b=ARTICLE, k8s_nodes="4")
    assert status == 422
    assert isinstance(body, dict)
    assert body["detail"][0]["field"] == "k8s_nodes"
    assert "inside a or b" in body["detail"][0]["message"]


def test_two_currencies_are_refused_naming_b(client: TestClient) -> None:
    status, body = compare(client, a=ARTICLE, b=ARTICLE + "&currency=EUR&exchange_rate=0.92")
    assert status == 422
    assert isinstance(body, dict)
    assert [p["field"] for p in body["detail"]] == ["b.currency"]


def test_a_csv_request_gets_its_errors_as_text(client: TestClient) -> None:
    answer = client.get("/api/v1/compare", params={"a": "k8s_nodes=x", "b": "", "format": "csv"})
    assert answer.status_code == 422
    assert answer.text.startswith("error: a.k8s_nodes: ")


def test_an_unknown_format_is_named(client: TestClient) -> None:
    status, body = compare(client, a="", b="", format="xml")
    assert status == 422
    assert body == {"detail": [{"field": "format", "message": "must be one of: json, csv"}]}
