"""GET / as a full page, as the htmx partial, its permalink and its errors."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from app.page.layout import FIELDS
from pricing.scenario import FIELD_NAMES

HX = {"HX-Request": "true"}
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sizing"


def test_every_scenario_field_is_on_the_form() -> None:
    assert set(FIELDS) == set(FIELD_NAMES)


def test_full_page_has_the_form_and_results(client: TestClient) -> None:
    response = client.get("/?preset=article")
    assert response.status_code == 200
    assert response.headers["vary"].lower().startswith("hx-request")
    html = response.text
    assert '<form id="calc" method="get"' in html
    assert 'data-infra="kubernetes">$443.00' in html
    assert 'name="k8s_nodes"' in html and 'id="error-k8s_nodes"' in html


def test_partial_is_only_the_results_with_a_permalink(client: TestClient) -> None:
    response = client.get("/?k8s_nodes=5&devops_hourly_rate=96", headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<section id="results"')
    # only what differs from the defaults: the rate of 96 is the default
    assert response.headers["hx-replace-url"] == "/?k8s_nodes=5"


def test_permalink_round_trip(client: TestClient) -> None:
    partial = client.get("/?k8s_nodes=5&provider=gcp", headers=HX)
    permalink = partial.headers["hx-replace-url"]
    page = client.get(permalink)
    total = partial.text.split('data-total="kubernetes">')[1].split("<")[0]
    assert f'data-total="kubernetes">{total}<' in page.text


def test_error_partial_keeps_results_and_names_the_field(client: TestClient) -> None:
    response = client.get("/?k8s_nodes=-3", headers=HX)
    assert response.status_code == 422
    assert response.headers["hx-reswap"] == "none"
    assert 'id="results"' not in response.text
    assert '<p class="field-error" id="error-k8s_nodes" hx-swap-oob="true">must be' in response.text


def test_error_page_without_javascript_keeps_the_input(client: TestClient) -> None:
    response = client.get("/?k8s_nodes=-3")
    assert response.status_code == 422
    assert 'value="-3"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Fix the highlighted fields" in response.text


def test_history_restore_gets_the_full_page(client: TestClient) -> None:
    response = client.get("/?k8s_nodes=5", headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in response.text


def test_provider_change_sends_that_clouds_choices(client: TestClient) -> None:
    response = client.get("/?provider=gcp&region=us-east-1&changed=provider", headers=HX)
    assert response.status_code == 200
    assert 'id="field-region" name="region"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert 'value="us-central1" selected' in response.text


def test_unknown_parameter_is_shown_not_dropped(client: TestClient) -> None:
    response = client.get("/?k8s_nodez=4")
    assert response.status_code == 422
    assert "k8s_nodez: is not a known field" in response.text


def test_every_problem_is_summed_up_above_the_form(client: TestClient) -> None:
    # eur_rate sits in a folded group: the summary names it and links to it
    page = client.get("/", params={"provider": "hetzner"})
    assert page.status_code == 422
    assert '<a href="#field-eur_rate">Euro rate</a>: Hetzner Cloud prices in EUR' in page.text
    partial = client.get("/", params={"provider": "hetzner"}, headers={"HX-Request": "true"})
    assert '<a href="#field-eur_rate">Euro rate</a>' in partial.text


def _select_options(html: str, name: str) -> list[str]:
    start = html.index(f'<select id="field-{name}"')
    select = html[start : html.index("</select>", start)]
    return re.findall(r'<option value="([^"]*)"', select)


def test_sizing_on_two_clouds_lists_each_clouds_machines(client: TestClient) -> None:
    # The form a sizing sends back lists the sized cloud's VM types in every select, also
    # after a sizing on another cloud drew the same control with the same (empty) value.
    compose = (FIXTURES / "article-compose.yml").read_text()
    lists = {}
    for provider in ("gcp", "aws"):
        response = client.post(
            "/size", params={"provider": provider}, data={"yaml": compose}, headers=HX
        )
        assert response.status_code == 200, response.text
        lists[provider] = _select_options(response.text, "k8s_control_instance_type")
    assert "e2-standard-4" in lists["gcp"] and "m6i.xlarge" not in lists["gcp"]
    assert "m6i.xlarge" in lists["aws"] and "e2-standard-4" not in lists["aws"]


def _docker_price_box(html: str) -> str:
    box = re.search(r'<input id="field-docker_hourly_price"[^>]*>', html)
    assert box is not None, "the own-price box is not in the answer"
    return box[0]


def test_provider_change_drops_the_own_price_of_the_vm_type_it_replaced(
    client: TestClient,
) -> None:
    # The article preset prices its m6i.2xlarge host at $0.273973/h; on GCP the host is an
    # e2 type, priced at its list price, and the form's own-price box is emptied with it.
    query = "preset=article&provider=gcp&changed=provider"
    response = client.get(f"/?{query}", headers=HX)
    assert response.status_code == 200, response.text
    assert "e2-standard-8 × 1 host" in response.text
    assert not re.search(r"× \d+ (host|node)[^<]*your price", response.text)
    assert "docker_hourly_price" not in response.headers["HX-Replace-Url"]
    emptied = _docker_price_box(response.text)
    assert 'value=""' in emptied and 'hx-swap-oob="true"' in emptied


def test_region_change_keeps_the_own_price_of_a_vm_type_still_offered(
    client: TestClient,
) -> None:
    query = "preset=article&region=us-west-2&changed=region"
    response = client.get(f"/?{query}", headers=HX)
    assert response.status_code == 200, response.text
    assert "m6i.2xlarge × 1 host (8 vCPU, 32 GiB), your price" in response.text
    assert 'value="0.273973"' in _docker_price_box(response.text)


def test_the_page_says_a_count_is_over_its_maximum_however_many_digits(
    client: TestClient,
) -> None:
    response = client.get("/", params={"k8s_nodes": "1000000000"}, headers=HX)
    assert response.status_code == 422
    assert "less than or equal to 1000" in response.text
    assert "whole number" not in response.text


def test_sizing_a_workload_over_the_node_limit_shows_why(client: TestClient) -> None:
    # One 3,000 GiB replica a node (no AWS type holds two): 1,001 replicas and the rolling
    # update's surge, 1,002 nodes.
    compose = (
        "services: {a: {image: x, deploy: {replicas: 1001,"
        " resources: {reservations: {memory: 3000g}}}}}"
    )
    response = client.post("/size", data={"yaml": compose}, headers=HX)
    assert response.status_code == 422, response.text
    assert response.headers["HX-Retarget"] == "#sizing-errors"
    expected = "1,002 Kubernetes nodes, over the limit of 1,000"
    assert expected in response.text
    page = client.post("/size", data={"yaml": compose})
    assert page.status_code == 422
    errors = page.text.split('id="sizing-errors"', 1)[1].split("</div>", 1)[0]
    assert expected in errors


SPREAD = """services:
  web:
    image: example/web
    ports: ["80:80"]
    deploy: {replicas: 4, resources: {reservations: {cpus: "3", memory: 8g}}}
  db:
    image: postgres
    volumes: [data:/var/lib/postgresql/data]
    deploy: {resources: {reservations: {cpus: "4", memory: 16g}}}
volumes: {data: {}}
"""


def test_the_sizing_panel_shows_what_runs_on_each_docker_host(client: TestClient) -> None:
    # 16 vCPU x 1.2 = 19.2 > the largest AWS host here: spread. m6i.2xlarge hosts hold
    # 7.91 / 1.2 = 6.59 vCPU each: db (4) alone, then web 2 + 2 (6 each): 3 hosts, and a
    # load balancer in front of them for the published port.
    # Three hosts asked for: web's four replicas over all three (two at most on one), db
    # alone with its volume. Host 1 holds db and a web replica, 7 vCPU with 20% headroom =
    # 8.4: the cheapest type whose room holds that is c6i.4xlarge (15.89 vCPU after the
    # system's share; m6i.2xlarge's 7.91 does not).
    response = client.post("/size?docker_hosts=3", data={"yaml": SPREAD}, headers=HX)
    assert response.status_code == 200, response.text
    page = response.text
    assert "Services on each c6i.4xlarge Docker host, behind a load balancer" in page
    assert 'aria-label="Host 1: db, web-1; CPU 7 of 15.89 vCPU' in page
    assert 'aria-label="Host 3: web-3; CPU 3 of 15.89 vCPU' in page
    assert "System pods (Amazon EKS" in page and "coredns x 2" in page
    assert "tone-6" in page  # the system's per-node pods, drawn in their own colour


def test_a_bad_burstable_option_is_shown_in_the_panel(client: TestClient) -> None:
    response = client.post(
        "/size?burstable_cpu=sometimes", data={"yaml": "services: {a: {image: x}}"}, headers=HX
    )
    assert response.status_code == 422
    assert "burstable_cpu: must be one of: baseline, credits, full" in response.text
