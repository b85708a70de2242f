"""GET/POST /api/v1/estimate in JSON, CSV and TSV, and GET /api/v1/value."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

# The article's people hours, entered outright (the hours a break-even within 36 months of
# eight Docker hosts was worked out with).
ARTICLE_HOURS = {
    "docker_devops_hours": "5",
    "k8s_rampup_hours": "40",
    "k8s_rampup_months": "6",
    "k8s_steady_hours": "15",
}


def rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_article_preset_in_json(client: TestClient) -> None:
    body = client.get("/api/v1/estimate", params={"preset": "article"}).json()
    assert body["docker"]["infrastructure_monthly"] == 250.00
    assert body["kubernetes"]["infrastructure_monthly"] == 443.00
    assert body["kubernetes"]["first_month_total"] == 4283.00
    assert body["advice"]["recommendation"] == "docker"
    assert body["catalog"]["as_of"] and body["catalog"]["version"]
    assert [p["month"] for p in body["timeline"]] == list(range(1, 13))
    assert body["scenario"]["k8s_nodes"] == 3


def test_post_takes_the_preset_from_the_query_string(client: TestClient) -> None:
    # docs/SPREADSHEETS.md: preset=NAME applies on every route, POST included (in the body
    # or the query string, not both).
    post = client.post("/api/v1/estimate?preset=article", json={"k8s_nodes": 4}).json()
    get = client.get("/api/v1/estimate", params={"preset": "article", "k8s_nodes": 4}).json()
    assert post["kubernetes"]["monthly_total"] == get["kubernetes"]["monthly_total"]
    assert post["scenario"] == get["scenario"]


def test_post_refuses_scenario_fields_in_the_query_string(client: TestClient) -> None:
    # They used to be dropped without a word: the body's 4 nodes were priced, not the 7 asked.
    response = client.post("/api/v1/estimate?k8s_nodes=7&format=csv", json={"k8s_nodes": 4})
    assert response.status_code == 422
    assert "k8s_nodes: belongs in the JSON body" in response.text


def test_post_with_a_preset_in_both_places_applies_the_bodys(client: TestClient) -> None:
    # The OpenAPI document allows both; the body's preset is the one priced (documented).
    both = client.post("/api/v1/estimate?preset=startup", json={"preset": "article"})
    assert both.status_code == 200
    article = client.get("/api/v1/estimate", params={"preset": "article"}).json()
    assert both.json()["scenario"] == article["scenario"]
    wrong = client.post("/api/v1/estimate?preset=nosuch", json={"preset": "article"})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["field"] == "preset"


def test_post_json_equals_get_query(client: TestClient) -> None:
    get = client.get("/api/v1/estimate", params={"preset": "article", "k8s_nodes": "4"}).json()
    post = client.post("/api/v1/estimate", json={"preset": "article", "k8s_nodes": 4}).json()
    assert get == post


def test_article_preset_in_csv_items_adds_up(client: TestClient) -> None:
    response = client.get("/api/v1/estimate", params={"preset": "article", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "\r\n" in response.text
    items = rows(response.text)
    assert list(items[0]) == [
        "setup",
        "category",
        "item",
        "quantity",
        "unit",
        "unit_price",
        "monthly",
        "list_unit_price",
    ]
    infra = {
        setup: sum(
            Decimal(r["monthly"])
            for r in items
            if r["setup"] == setup and r["category"] != "people"
        )
        for setup in ("docker", "kubernetes")
    }
    assert infra == {"docker": Decimal("250.00"), "kubernetes": Decimal("443.00")}
    for r in items:
        assert Decimal(r["monthly"]).as_tuple().exponent == -2


def test_accept_header_selects_csv(client: TestClient) -> None:
    response = client.get("/api/v1/estimate?preset=article", headers={"Accept": "text/csv"})
    assert response.text.startswith("setup,category,item")


def test_summary_shape_and_tsv(client: TestClient) -> None:
    response = client.get(
        "/api/v1/estimate", params={"preset": "article", "format": "tsv", "shape": "summary"}
    )
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    (row,) = rows(response.text, "\t")
    assert row["docker_infrastructure_monthly"] == "250.00"
    assert row["kubernetes_infrastructure_monthly"] == "443.00"
    assert row["difference_monthly"] == "1153.00"
    assert row["provider"] == "aws"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("kubernetes.infrastructure_monthly", "443.00"),
        ("docker.infrastructure_monthly", "250.00"),
        ("kubernetes.monthly_total", "1883.00"),
        ("difference.horizon", "28236.00"),
        ("advice.recommendation", "docker"),
    ],
)
def test_value_is_one_bare_value(client: TestClient, field: str, expected: str) -> None:
    response = client.get("/api/v1/value", params={"preset": "article", "field": field})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == expected


def test_unknown_value_field_lists_valid_ones(client: TestClient) -> None:
    response = client.get("/api/v1/value", params={"field": "kubernetes.total"})
    assert response.status_code == 422
    assert "kubernetes.monthly_total" in response.text
    assert response.text.startswith("error: field:")


def test_json_csv_text_and_html_agree(client: TestClient) -> None:
    q = {"preset": "startup", "k8s_nodes": "4"}
    as_json = client.get("/api/v1/estimate", params=q).json()["kubernetes"]["monthly_total"]
    (summary,) = rows(
        client.get("/api/v1/estimate", params={**q, "format": "csv", "shape": "summary"}).text
    )
    as_text = client.get("/api/v1/value", params={**q, "field": "kubernetes.monthly_total"}).text
    page = client.get("/", params=q).text
    assert Decimal(str(as_json)) == Decimal(summary["kubernetes_monthly_total"]) == Decimal(as_text)
    assert f"${Decimal(as_text):,.2f}" in page


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"k8s_nodes": "-1"}, "k8s_nodes"),
        ({"k8s_nodes": "NaN"}, "k8s_nodes"),
        ({"devops_hourly_rate": "inf"}, "devops_hourly_rate"),
        ({"region": "moon-1"}, "region"),
        ({"k8s_nodez": "3"}, "k8s_nodez"),
        ({"preset": "nope"}, "preset"),
        ({"format": "xml"}, "format"),
        ({"shape": "wide"}, "shape"),
        ({"docker_surplus_vcpu": "0.5"}, "docker_surplus_vcpu"),  # m6i.2xlarge: not burstable
        ({"k8s_surplus_vcpu": "-1"}, "k8s_surplus_vcpu"),
    ],
)
def test_bad_query_is_422_naming_the_field(
    client: TestClient, query: dict[str, str], field: str
) -> None:
    response = client.get("/api/v1/estimate", params=query)
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["detail"]] == [field]


def test_duplicate_parameter_is_rejected(client: TestClient) -> None:
    response = client.get("/api/v1/estimate?k8s_nodes=3&k8s_nodes=4")
    assert response.status_code == 422
    assert response.json()["detail"][0] == {
        "field": "k8s_nodes",
        "message": "is given more than once",
    }


@pytest.mark.parametrize(
    "body",
    [b"{", b"[1, 2]", b'{"k8s_nodes": 1e400}', b'{"k8s_nodes": "3", "extra": 1}', b"\xff"],
)
def test_bad_json_bodies_are_4xx_not_500(client: TestClient, body: bytes) -> None:
    response = client.post(
        "/api/v1/estimate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.json()["detail"][0]["field"] in ("body", "extra")


def test_errors_never_echo_input(client: TestClient) -> None:
    payload = "<script>alert(1)</script>"
    response = client.post("/api/v1/estimate", json={"provider": payload})
    assert response.status_code == 422
    assert payload not in response.text


def test_etag_makes_refreshes_cheap(client: TestClient) -> None:
    first = client.get("/api/v1/value?field=kubernetes.monthly_total")
    etag = first.headers["etag"]
    again = client.get(
        "/api/v1/value?field=kubernetes.monthly_total", headers={"If-None-Match": etag}
    )
    assert again.status_code == 304
    assert again.content == b""


def test_cors_open_for_get(client: TestClient) -> None:
    response = client.get(
        "/api/v1/value?field=docker.monthly_total", headers={"Origin": "https://sheets.example.com"}
    )
    assert response.headers["access-control-allow-origin"] == "*"


def test_openapi_documents_every_scenario_parameter(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/estimate"]["get"]["parameters"]}
    assert {"preset", "format", "shape", "k8s_nodes", "devops_hourly_rate"} <= set(params)
    assert "Default: 3" in params["k8s_nodes"]["description"]
    assert "USD" in params["devops_hourly_rate"]["description"]
    assert "422" in spec["paths"]["/api/v1/estimate"]["get"]["responses"]


def test_depth_fields_flow_to_json(client: TestClient) -> None:
    body = client.get(
        "/api/v1/estimate",
        params={
            "workload_vcpu": "20",
            "k8s_nodes_min": "2",
            "k8s_nodes_max": "6",
            "currency": "EUR",
            "exchange_rate": "0.92",
            "k8s_pricing": "1-year",
            "k8s_commitment_percent": "30",
            "docker_hosts": "8",
            "horizon_months": "36",
            **ARTICLE_HOURS,
        },
    ).json()
    assert body["currency"] == {
        "code": "EUR",
        "per_usd": 0.92,
        "catalog": "USD",
        "per_catalog_unit": 0.92,
    }
    assert body["difference"]["break_even_month"] > 6
    assert [f["setup"] for f in body["fit"]] == ["docker", "kubernetes"]
    low, high = body["kubernetes"]["monthly_range"]
    assert low <= body["kubernetes"]["monthly_total"] <= high
    compute = body["kubernetes"]["line_items"][0]
    assert compute["list_unit_price"] > compute["unit_price"]
    assert "sensitivity" not in body


def test_sensitivity_on_request(client: TestClient) -> None:
    q = {
        "devops_hourly_rate": "20",
        "k8s_steady_hours": "5",
        "k8s_rampup_months": "0",
        "sensitivity": "true",
    }
    flips = client.get("/api/v1/estimate", params=q).json()["sensitivity"]
    assert {
        "field": "k8s_nodes",
        "label": "Kubernetes worker nodes",
        "current": "3",
        "needed": "1",
        "change": "-2",
    } in flips


def test_break_even_month_as_a_value(client: TestClient) -> None:
    q = {"docker_hosts": "8", "horizon_months": "36", "field": "difference.break_even_month"}
    assert int(client.get("/api/v1/value", params={**q, **ARTICLE_HOURS}).text) > 6


def test_format_by_accept_header_is_announced_in_vary(client: TestClient) -> None:
    for headers in ({}, {"Accept": "text/csv"}):
        response = client.get("/api/v1/estimate?preset=article", headers=headers)
        assert "accept" in response.headers["vary"].lower()


def test_catalog_refuses_parameters_it_would_ignore(client: TestClient) -> None:
    response = client.get("/api/v1/catalog", params={"provider": "aws"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "field": "provider",
            "message": "is not a parameter of the catalog, which takes only format",
        }
    ]
    assert client.get("/api/v1/catalog", params={"format": "csv"}).status_code == 200


@pytest.mark.parametrize("nodes", ["100000000", "1000000000", "9" * 10_000])
def test_too_many_nodes_names_the_maximum_however_many_digits(
    client: TestClient, nodes: str
) -> None:
    response = client.get("/api/v1/estimate", params={"k8s_nodes": nodes})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "k8s_nodes", "message": "Input should be less than or equal to 1000"}
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"provider": ""}, "must not be empty: give a key such as aws"),
        (
            {"provider": "=1+2"},
            "must be a key such as aws: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
        ),
        (
            {"k8s_instance_type": "-2+3"},
            "must be a key such as m6i.large: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
        ),
        ({"currency": "X"}, "must be a three-letter currency code in capitals, such as EUR"),
    ],
)
def test_a_malformed_key_is_refused_in_words(
    client: TestClient, query: dict[str, str], message: str
) -> None:
    response = client.get("/api/v1/estimate", params=query)
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": next(iter(query)), "message": message}]


def test_the_odds_in_json_and_as_one_value(client: TestClient) -> None:
    body = client.get("/api/v1/estimate", params={"services": "12"}).json()
    odds = body["odds"]
    assert set(odds) == {
        "kubernetes_cheaper_probability",
        "docker",
        "kubernetes",
        "draws",
        "seed",
        "turns_on",
        "not_fitting",
        "summary",
    }
    assert (odds["draws"], odds["seed"]) == (10_000, 2026)
    for setup in ("docker", "kubernetes"):
        for total in ("monthly_total", "horizon_total"):
            low, middle, high = (odds[setup][total][q] for q in ("p10", "p50", "p90"))
            assert low <= middle <= high
    assert 0 <= odds["kubernetes_cheaper_probability"] <= 1
    assert odds["turns_on"][0]["field"] in body["scenario"]
    value = client.get(
        "/api/v1/value",
        params={"services": "12", "field": "odds.kubernetes_cheaper_probability"},
    )
    assert value.headers["content-type"].startswith("text/plain")
    assert float(value.text) == odds["kubernetes_cheaper_probability"]
    p90 = client.get(
        "/api/v1/value", params={"services": "12", "field": "odds.kubernetes.horizon_total.p90"}
    ).text
    assert float(p90) == odds["kubernetes"]["horizon_total"]["p90"]
    assert client.get("/api/v1/estimate", params={"odds": "false"}).json()["odds"] is None
    # a value of the odds asked with the odds off: a 422 naming odds, not an empty cell
    off = client.get(
        "/api/v1/value", params={"odds": "false", "field": "odds.kubernetes_cheaper_probability"}
    )
    assert off.status_code == 422
    assert off.text == "error: odds: is false, so there is no odds.kubernetes_cheaper_probability"


def test_the_csv_summary_carries_the_odds(client: TestClient) -> None:
    text = client.get("/api/v1/estimate", params={"format": "csv", "shape": "summary"}).text
    header, row = (line.split(",") for line in text.splitlines()[:2])
    cells = dict(zip(header, row, strict=True))
    assert cells["kubernetes_cheaper_probability"] == "0"  # Docker is cheaper in every draw
    assert float(cells["docker_horizon_total_p10"]) <= float(cells["docker_horizon_total_p90"])


def test_a_range_out_of_order_is_a_422_naming_the_field_and_its_limits(
    client: TestClient,
) -> None:
    response = client.get("/api/v1/estimate", params={"k8s_incident_hours": "10/4/23"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "field": "k8s_incident_hours",
            "message": "low 10 is above likely 4: give low/likely/high with low <= likely "
            "<= high (each from 0 to 744 hours a month)",
        }
    ]
    absurd = client.post("/api/v1/estimate", json={"docker_devops_hours": 100000})
    assert absurd.status_code == 422
    assert absurd.json()["detail"][0]["field"] == "docker_devops_hours"
