"""deploy/kubernetes: strict schema validation, offline, and the properties the issue asks for."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from kubernetes_validate import utils as kv

from pricing import load_catalog
from tests.deploy.dockerfile import REPO

FOLDER = REPO / "deploy" / "kubernetes"
MANIFESTS = sorted(p.name for p in FOLDER.glob("*.yaml") if p.name != "kustomization.yaml")
# The oldest minor version the managed offerings still run, and the newest schemas shipped.
VERSIONS = ["1.31", kv.major_minor(kv.latest_version())]


def load(name: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((FOLDER / name).read_text()) if doc]


def resource(kind: str) -> dict[str, Any]:
    found = [doc for name in MANIFESTS for doc in load(name) if doc["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def container() -> dict[str, Any]:
    containers = resource("Deployment")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    result: dict[str, Any] = containers[0]
    return result


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((FOLDER / "kustomization.yaml").read_text())
    assert kustomization["kind"] == "Kustomization"
    assert sorted(kustomization["resources"]) == MANIFESTS
    assert "namespace" not in kustomization


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", MANIFESTS)
def test_manifest_is_valid_in_strict_mode(name: str, version: str) -> None:
    docs = load(name)
    assert docs
    for doc in docs:
        assert "namespace" not in doc["metadata"], "manifests are namespace-less"
        kv.validate(doc, version, strict=True)


def test_strict_mode_rejects_a_misspelled_field() -> None:
    deployment = copy.deepcopy(resource("Deployment"))
    security = deployment["spec"]["template"]["spec"]["containers"][0]["securityContext"]
    security["readOnlyRootFileSystem"] = security.pop("readOnlyRootFilesystem")
    with pytest.raises(kv.ValidationError):
        kv.validate(deployment, VERSIONS[-1], strict=True)


def test_kustomize_output_is_valid() -> None:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: the kustomization is checked by the test above")
    rendered = subprocess.run(
        [kubectl, "kustomize", str(FOLDER)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    docs = [doc for doc in yaml.safe_load_all(rendered) if doc]
    assert sorted(doc["kind"] for doc in docs) == sorted(
        doc["kind"] for name in MANIFESTS for doc in load(name)
    )
    for doc in docs:
        kv.validate(doc, VERSIONS[-1], strict=True)


def test_deployment_runs_three_probed_replicas_with_resources() -> None:
    spec = resource("Deployment")["spec"]
    assert spec["replicas"] == 3
    main = container()
    assert main["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert main["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for kind in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(main["resources"][kind]), kind
    assert spec["strategy"]["rollingUpdate"]["maxUnavailable"] == 0


def test_deployment_is_locked_down() -> None:
    pod = resource("Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    security = container()["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert security["runAsNonRoot"] is True


def test_tmp_is_an_empty_dir_and_the_override_is_mounted() -> None:
    pod = resource("Deployment")["spec"]["template"]["spec"]
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    mounts = {mount["mountPath"]: mount for mount in container()["volumeMounts"]}
    assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
    env = {item["name"]: item.get("value") for item in container()["env"]}
    override = Path(env["CALC_CATALOG_OVERRIDE"])
    mount = mounts[str(override.parent)]
    assert mount["readOnly"] is True
    configmap = resource("ConfigMap")
    assert volumes[mount["name"]]["configMap"]["name"] == configmap["metadata"]["name"]
    assert override.name in configmap["data"]


def test_configmap_override_is_a_valid_catalog_override(tmp_path: Path) -> None:
    data = resource("ConfigMap")["data"]
    for key, text in data.items():
        json.loads(text)
        (tmp_path / key).write_text(text)
        assert load_catalog(tmp_path / key).providers


def test_service_hpa_pdb_and_ingress_point_at_the_deployment() -> None:
    deployment = resource("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= labels.items()
    service = resource("Service")
    assert service["spec"]["selector"].items() <= labels.items()
    port_names = {port["name"] for port in container()["ports"]}
    assert {port["targetPort"] for port in service["spec"]["ports"]} <= port_names
    hpa = resource("HorizontalPodAutoscaler")
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] >= deployment["spec"]["replicas"]
    assert resource("PodDisruptionBudget")["spec"]["selector"]["matchLabels"] == selector
    paths = resource("Ingress")["spec"]["rules"][0]["http"]["paths"]
    assert {p["backend"]["service"]["name"] for p in paths} == {service["metadata"]["name"]}


def test_grace_period_covers_pre_stop_and_graceful_timeout() -> None:
    from app.cli.serve import GRACEFUL_TIMEOUT

    pod = resource("Deployment")["spec"]["template"]["spec"]
    pre_stop = container()["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    assert pod["terminationGracePeriodSeconds"] > int(pre_stop[1]) + GRACEFUL_TIMEOUT
