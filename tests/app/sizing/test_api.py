"""POST /api/v1/size: YAML in, both setups sized, the sized Scenario priced; bad input 4xx."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sizing"
COMPOSE = (FIXTURES / "article-compose.yml").read_text()
MANIFESTS = (FIXTURES / "shop-manifests.yaml").read_text()
YAML = {"content-type": "application/yaml"}


def size(client: TestClient, text: str, **params: str) -> Any:
    return client.post("/api/v1/size", content=text.encode(), headers=YAML, params=params)


def problem(response: Any) -> str:
    detail = response.json()["detail"]
    return " | ".join(f"{p['field']}: {p['message']}" for p in detail)


def test_compose_file_is_sized_and_priced(client: TestClient) -> None:
    response = size(client, COMPOSE)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == {"kind": "compose", "documents": 1}
    worker = next(w for w in body["workloads"] if w["name"] == "worker")
    assert worker["assumed"] == ["cpu", "memory"]
    assert body["totals"]["cpu"] == 3
    assert body["totals"]["memory_gib"] == 3.75
    assert body["totals"]["load_balancers"] == 1
    # 3.6 vCPU with headroom: t3.xlarge sustains only 40% x 4 vCPU, so c6i.xlarge ($0.17 x 730)
    assert body["docker"]["instance_type"] == "c6i.xlarge"
    assert body["docker"]["monthly"] == 124.10
    assert body["docker"]["runner_up"]["instance_type"]
    kubernetes = body["kubernetes"]
    assert kubernetes["nodes"] == len(kubernetes["placement"])
    placed = [pod for node in kubernetes["placement"] for pod in node["pods"]]
    assert "api-1" in placed and "api-2" in placed
    assert body["ignored"] == ["service debug (profiles debug)"]
    assert {"workload": "worker", "message": "states no cpu or memory: assumed per replica"} in (
        body["warnings"]
    )
    assert body["scenario"]["docker_instance_type"] == "c6i.xlarge"
    assert body["permalink"].startswith("/?")
    assert body["comparison"]["scenario"] == body["scenario"]


@pytest.mark.parametrize("text", [COMPOSE, MANIFESTS], ids=["compose", "kubernetes"])
def test_permalink_gives_the_same_comparison(client: TestClient, text: str) -> None:
    body = size(client, text, provider="aws").json()
    estimate = client.get("/api/v1/estimate" + body["permalink"][1:]).json()
    assert estimate == body["comparison"]
    assert estimate["docker"]["monthly_total"] == body["comparison"]["docker"]["monthly_total"]


def test_comparison_is_exactly_the_estimate_of_the_scenario(client: TestClient) -> None:
    body = size(client, MANIFESTS).json()
    scenario = {k: v for k, v in body["scenario"].items() if v is not None}
    posted = client.post("/api/v1/estimate", json=scenario).json()
    assert posted == body["comparison"]


def test_scenario_fields_and_options_apply(client: TestClient) -> None:
    body = size(
        client, COMPOSE, provider="gcp", headroom_percent="50", zones="1", docker_hosts="2"
    ).json()
    assert body["scenario"]["provider"] == "gcp"
    assert body["docker"]["hosts"] == 2
    assert body["docker"]["needed_cpu"] == 4.5  # 3.0 vCPU x 1.5
    assert body["comparison"]["scenario"]["docker_hosts"] == 2


def test_kubernetes_manifests(client: TestClient) -> None:
    body = size(client, MANIFESTS).json()
    assert body["source"]["kind"] == "kubernetes"
    assert body["totals"]["storage_gib"] == 25
    assert body["totals"]["daemonset_cpu_per_node"] == 0.1
    assert body["totals"]["load_balancers"] == 2


@pytest.mark.parametrize("media", ["text/yaml", "application/x-yaml", "text/plain; charset=utf-8"])
def test_every_yaml_content_type(client: TestClient, media: str) -> None:
    response = client.post("/api/v1/size", content=COMPOSE, headers={"content-type": media})
    assert response.status_code == 200


@pytest.mark.parametrize("media", ["application/xml", "multipart/form-data; boundary=x", ""])
def test_other_content_types_are_415(client: TestClient, media: str) -> None:
    response = client.post("/api/v1/size", content=COMPOSE, headers={"content-type": media})
    assert response.status_code == 415
    assert "application/yaml" in problem(response) and "text/plain" in problem(response)


def test_yaml_syntax_error_names_line_and_column(client: TestClient) -> None:
    response = size(client, "services:\n  api:\n    image: [unclosed\n  db: {}\n")
    assert response.status_code == 422
    assert "line 4" in problem(response) and "column" in problem(response)


def test_neither_compose_nor_kubernetes(client: TestClient) -> None:
    response = size(client, "name: my-app\nversion: 3\n")
    assert response.status_code == 422
    assert "Compose" in problem(response) and "Kubernetes" in problem(response)


def test_not_utf8(client: TestClient) -> None:
    response = client.post("/api/v1/size", content=b"services: \xff\xfe", headers=YAML)
    assert response.status_code == 422
    assert "UTF-8" in problem(response)


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
HOSTILE = {
    "billion-laughs": "services:\n  api:\n    image: x\n" + BILLION_LAUGHS,
    "deep-nesting": "[" * 5000 + "]" * 5000,
    "deep-mappings": "a:\n" + "".join("  " * i + "  b:\n" for i in range(200)),
    "python-object": "services: !!python/object/apply:os.system ['touch /tmp/pwned-by-size']\n",
    "python-name": "x: !!python/name:os.system\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_yaml_is_refused_quickly(client: TestClient, name: str) -> None:
    started = time.perf_counter()
    response = size(client, HOSTILE[name])
    assert time.perf_counter() - started < 1.0
    assert 400 <= response.status_code < 500, response.text
    assert not Path("/tmp/pwned-by-size").exists()


def test_huge_scalar_over_the_cap_is_413_naming_the_cap() -> None:
    with TestClient(create_app(Settings(size_max_bytes=2 * 1024 * 1024))) as small:
        text = "services:\n  api:\n    image: " + "x" * (3 * 1024 * 1024) + "\n"
        response = size(small, text)
    assert response.status_code == 413
    detail = response.json()["detail"][0]
    assert detail == {"field": "body", "message": "request body larger than 2097152 bytes"}


def test_a_kubectl_json_dump_is_sized(client: TestClient) -> None:
    # kubectl get deploy -o json: a List with items; status and managedFields are dropped.
    dump = {
        "apiVersion": "v1",
        "kind": "List",
        "items": [
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": "api", "managedFields": [{"manager": "kubectl"}]},
                "spec": {
                    "replicas": 2,
                    "template": {
                        "spec": {
                            "containers": [
                                {"name": "a", "resources": {"requests": {"cpu": "250m"}}}
                            ]
                        }
                    },
                },
                "status": {"replicas": 2},
            }
        ],
    }
    response = client.post(
        "/api/v1/size", content=json.dumps(dump), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    workloads = response.json()["workloads"]
    assert [(w["name"], w["replicas"], w["cpu"]) for w in workloads] == [("api", 2, 0.25)]


def test_size_cap_is_the_setting() -> None:
    with TestClient(create_app(Settings(size_max_bytes=2048))) as small:
        assert size(small, COMPOSE).status_code == 200
        response = size(small, COMPOSE + "#" * 4096)
        assert response.status_code == 413


def test_workload_larger_than_every_node_type(client: TestClient) -> None:
    text = "services:\n  big:\n    image: x\n    cpus: 5000\n"
    response = size(client, text)
    assert response.status_code == 422
    message = problem(response)
    assert "big" in message and "largest" in message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("headroom_percent", "5_0"),
        ("headroom_percent", "-1"),
        ("headroom_percent", "1e3"),
        ("zones", "0"),
        ("zones", "2.5"),
        ("default_cpu", "0"),
        ("rolling_surge", "yes"),
        ("profiles", "a b"),
        ("k8s_nodes", "many"),
        ("no_such_option", "1"),
    ],
)
def test_bad_parameters_are_named(client: TestClient, name: str, value: str) -> None:
    response = size(client, COMPOSE, **{name: value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == name


def test_a_negative_option_is_told_its_range(client: TestClient) -> None:
    response = size(client, COMPOSE, headroom_percent="-5")
    assert response.json()["detail"] == [
        {"field": "headroom_percent", "message": "must be between 0 and 1000"}
    ]


def test_an_autoscaler_of_a_missing_workload_is_named_in_the_warnings(client: TestClient) -> None:
    scaler = (
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: hpa}\n"
        "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nothere}\n"
        "  minReplicas: 2\n  maxReplicas: 4\n"
    )
    body = size(client, MANIFESTS + "\n---\n" + scaler).json()
    warnings = " | ".join(str(w) for w in body["warnings"])
    assert "HorizontalPodAutoscaler target Deployment/nothere not found" in warnings


def test_profiles_option_starts_a_profile(client: TestClient) -> None:
    body = size(client, COMPOSE, profiles="debug").json()
    assert "debug" in [w["name"] for w in body["workloads"]]


def test_openapi_declares_the_route(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    operation = document["paths"]["/api/v1/size"]["post"]
    assert set(operation["requestBody"]["content"]) == {
        "application/yaml",
        "text/yaml",
        "application/x-yaml",
        "text/plain",
        "application/json",
    }
    assert {"200", "413", "415", "422"} <= set(operation["responses"])
    names = {p["name"] for p in operation["parameters"]}
    assert {"provider", "region", "headroom_percent", "zones", "default_cpu"} <= names
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(document)


def test_a_workload_over_the_node_limit_is_a_422_saying_so(client: TestClient) -> None:
    text = "services: {a: {image: x, deploy: {replicas: 1001}}}"
    # 3 pods a node, 2 of them EKS's own (aws-node, kube-proxy): one pod a node, and
    # 1,001 replicas + the surge + 2 CoreDNS = 1,004 nodes
    response = size(client, text, k8s_max_pods="3")
    assert response.status_code == 422, response.text
    message = problem(response)
    assert "needs at least 1,004 Kubernetes nodes" in message
    assert "over the limit of 1,000" in message


def test_a_sized_node_count_over_the_limit_is_a_422_saying_so(client: TestClient) -> None:
    # One 3,000 GiB replica a node: only x2iedn.24xlarge (3,072 GiB) and x2iedn.32xlarge
    # (4,096 GiB) hold one and neither holds two, so 1,001 replicas and the rolling update's
    # surge need 1,002 nodes, though the lower bound (1,001 x 3,000 / 4,093 GiB) is 734.
    text = (
        "services: {a: {image: x, deploy: {replicas: 1001,"
        " resources: {reservations: {memory: 3000g}}}}}"
    )
    response = size(client, text)
    assert response.status_code == 422, response.text
    assert "needs 1,002 Kubernetes nodes, over the limit of 1,000 (k8s_nodes)" in problem(response)


def test_docker_hosts_over_the_limit_leave_docker_unsized_saying_why(client: TestClient) -> None:
    # One 170-vCPU replica a host: the largest type (m8i.96xlarge, 384 vCPU) keeps about
    # 383 after the system's reservation, / 1.2 headroom = 319, under two replicas (340):
    # 1,001 replicas need 1,001 hosts, over the Scenario's 1,000. A node has no headroom and
    # holds two (340 of about 383): the cluster is sized.
    text = (
        "services: {a: {image: x, deploy: {replicas: 1001,"
        ' resources: {reservations: {cpus: "170"}}}}}'
    )
    body = size(client, text).json()
    assert "docker" in body, body
    assert body["docker"] is None
    assert any("nor do 1,000 hosts" in w["message"] for w in body["warnings"])


def test_a_file_without_services_says_so(client: TestClient) -> None:
    response = size(client, "services: {}")
    assert response.status_code == 422
    assert problem(response) == "body: no workloads found to size: the file has no services"


def test_a_price_override_for_another_type_is_dropped_and_noted(client: TestClient) -> None:
    body = size(client, "services: {a: {image: x}}", preset="article").json()
    assert body["docker"]["instance_type"] == "t3.medium"
    assert body["scenario"]["docker_hourly_price"] is None
    assert body["scenario"]["k8s_hourly_price"] is None
    docker = body["comparison"]["docker"]["line_items"][0]
    assert docker["monthly"] == body["docker"]["monthly"] == 30.37
    assert "your price" not in docker["label"]
    nodes = body["comparison"]["kubernetes"]["line_items"][0]
    assert nodes["monthly"] == body["kubernetes"]["monthly"]
    messages = [w["message"] for w in body["warnings"]]
    assert (
        "your hourly price for the Docker host (0.273973/h) was for m6i.2xlarge; "
        "the sized t3.medium is priced at its list price"
    ) in messages
    assert any("Kubernetes nodes (0.159817/h) was for m6i.xlarge" in m for m in messages)


def test_a_price_override_for_the_sized_type_is_kept(client: TestClient) -> None:
    body = size(
        client,
        "services: {a: {image: x}}",
        docker_instance_type="t3.medium",
        docker_hourly_price="0.05",
        k8s_instance_type="t3.medium",
        k8s_hourly_price="0.06",
        burstable_cpu="full",  # at its baseline a t3.medium node has no room left for 250m
    ).json()
    assert body["docker"]["instance_type"] == body["kubernetes"]["instance_type"] == "t3.medium"
    assert body["scenario"]["docker_hourly_price"] == 0.05
    assert body["scenario"]["k8s_hourly_price"] == 0.06
    assert not any("your hourly price" in w["message"] for w in body["warnings"])


def test_a_burstable_option_out_of_range_is_a_422_naming_it(client: TestClient) -> None:
    response = size(client, COMPOSE, burstable_cpu="sometimes")
    assert response.status_code == 422
    assert problem(response) == "burstable_cpu: must be one of: baseline, credits, full"


def test_no_pod_slot_left_says_so(client: TestClient) -> None:
    # EKS runs aws-node and kube-proxy on every node: 2 pods a node leave no slot.
    response = size(client, COMPOSE, k8s_max_pods="2")
    assert response.status_code == 422
    assert "no pod slot is left on any node type here" in problem(response)
    assert "(raise k8s_max_pods)" in problem(response)
