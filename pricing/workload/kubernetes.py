"""Kubernetes manifests read as an application's workloads.

Sized: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Pod (those
owned by another object, as ``kubectl get -o yaml`` lists them, are skipped: their owner is
counted). Listed, not sized: Job and CronJob. Counted: PersistentVolumeClaim storage, Service
of type LoadBalancer and Ingress (one load balancer each), HorizontalPodAutoscaler ranges.
Everything else is listed as ignored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pricing.workload.errors import SizingError
from pricing.workload.model import Application, SizingOptions, Workload
from pricing.workload.podspec import pod_request
from pricing.workload.quantity import memory_bytes

WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}
JOB_KINDS = {"Job", "CronJob"}
SURGING_KINDS = {"Deployment", "ReplicaSet", "ReplicationController"}


def is_kubernetes(document: object) -> bool:
    return isinstance(document, dict) and "kind" in document and "apiVersion" in document


def _objects(documents: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """Every object with the index of its document; ``kind: List`` unpacked."""
    found: list[tuple[int, dict[str, Any]]] = []
    for index, document in enumerate(documents):
        if not is_kubernetes(document):
            raise SizingError(
                "neither a Compose file (a top-level services: mapping) nor a Kubernetes "
                "object (apiVersion and kind)",
                document=index,
            )
        if str(document["kind"]).endswith("List") and isinstance(document.get("items"), list):
            found.extend((index, item) for item in document["items"] if is_kubernetes(item))
        else:
            found.append((index, document))
    return found


def _name(item: dict[str, Any]) -> tuple[str, str]:
    metadata = item.get("metadata") or {}
    name = str(metadata.get("name") or metadata.get("generateName") or "unnamed")
    return str(metadata.get("namespace") or ""), name


def _storage(claim: dict[str, Any], where: str) -> int:
    requests = ((claim.get("spec") or {}).get("resources") or {}).get("requests") or {}
    if "storage" not in requests:
        return 0
    try:
        return memory_bytes(requests["storage"])
    except ValueError as exc:
        raise SizingError(f"{where}: storage: {exc}") from None


def _replicas(spec: dict[str, Any], where: str) -> int:
    value = spec.get("replicas", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100_000:
        raise SizingError(f"{where}: spec.replicas must be a whole number, not {value!r}")
    return value


def _workload(item: dict[str, Any], app: Application, options: SizingOptions) -> None:
    kind, (_, name) = str(item["kind"]), _name(item)
    spec = item.get("spec") or {}
    where = f"{kind}/{name}"
    pod = spec if kind == "Pod" else ((spec.get("template") or {}).get("spec") or {})
    request = pod_request(pod, where, app, options)
    replicas = 1 if kind in {"Pod", "DaemonSet"} else _replicas(spec, where)
    claims = spec.get("volumeClaimTemplates") or [] if kind == "StatefulSet" else []
    storage = sum(_storage(claim, where) for claim in claims)
    if kind == "StatefulSet" or storage:
        app.stateful = True
    if replicas == 0:
        app.warn(name, "0 replicas: not sized")
        return
    app.workloads.append(
        Workload(
            name=name,
            kind=kind,
            replicas=replicas,
            cpu_millicores=request.cpu_millicores,
            memory_bytes=request.memory_bytes,
            storage_bytes=storage,
            assumed=request.assumed,
            per_node=kind == "DaemonSet",
            surges=kind in SURGING_KINDS,
            stateful=kind == "StatefulSet",
        )
    )


def _autoscale(app: Application, scalers: list[dict[str, Any]]) -> None:
    """Give each HPA's target its replica range."""
    for scaler in scalers:
        spec = scaler.get("spec") or {}
        target = spec.get("scaleTargetRef") or {}
        low, high = spec.get("minReplicas", 1), spec.get("maxReplicas")
        if not isinstance(low, int) or not isinstance(high, int) or not 1 <= low <= high:
            app.warn(_name(scaler)[1], "HorizontalPodAutoscaler without a valid range: ignored")
            continue
        for index, workload in enumerate(app.workloads):
            if workload.kind == target.get("kind") and workload.name == target.get("name"):
                app.workloads[index] = replace(
                    workload,
                    replicas=max(workload.replicas, low),
                    min_replicas=low,
                    max_replicas=high,
                )
                break
        else:
            wanted = f"{target.get('kind', '?')}/{target.get('name', '?')}"
            app.warn(_name(scaler)[1], f"HorizontalPodAutoscaler target {wanted} not found")


def _count(item: dict[str, Any], app: Application) -> bool:
    """Count what adds load balancers or storage; False when the kind is not one of those."""
    kind, (_, name) = str(item["kind"]), _name(item)
    if kind == "Service":
        if (item.get("spec") or {}).get("type") == "LoadBalancer":
            app.load_balancers += 1
        return True
    if kind == "Ingress":
        app.load_balancers += 1
        app.assumptions.append(f"Ingress {name}: one load balancer")
        return True
    if kind == "PersistentVolumeClaim":
        app.claim_storage_bytes += _storage(item, f"PersistentVolumeClaim/{name}")
        app.stateful = True
        return True
    return False


def read_manifests(documents: list[Any], options: SizingOptions) -> Application:
    """The application a set of Kubernetes manifests describes."""
    app = Application(source="kubernetes", documents=len(documents))
    scalers = []
    for index, item in _objects(documents):
        kind, (_, name) = str(item["kind"]), _name(item)
        owners = (item.get("metadata") or {}).get("ownerReferences") or []
        try:
            if owners and kind in WORKLOAD_KINDS | {"Pod"} | JOB_KINDS:
                app.ignored.append(f"{kind}/{name} (owned by {owners[0].get('kind')})")
            elif kind in WORKLOAD_KINDS or kind == "Pod":
                _workload(item, app, options)
            elif kind in JOB_KINDS:
                app.jobs.append(f"{kind}/{name}")
            elif kind == "HorizontalPodAutoscaler":
                scalers.append(item)
            elif not _count(item, app):
                app.ignored.append(f"{kind}/{name}")
        except SizingError as exc:
            raise SizingError(exc.problems[0].message, document=index) from None
    _autoscale(app, scalers)
    return app
