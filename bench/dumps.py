"""Generated cluster dumps that look like ``kubectl get deploy -A -o yaml`` (and ``-o json``):
a ``kind: List`` of Deployments, each with the fields kubectl prints and sizing never reads
(managedFields, the last-applied annotation, status), about 6.6 KB of YAML a Deployment as in
issue 22's measurements (300 Deployments: 2.0 MB).

    from bench.dumps import deployment_dump
    text = deployment_dump(1000)              # YAML, about 6.6 MB
    text = deployment_dump(1000, json=True)   # the same objects as kubectl's JSON
"""

from __future__ import annotations

from typing import Any

import orjson
import yaml


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """kubectl writes every object out in full: no anchors for shared values."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _fields(prefix: str, names: list[str]) -> dict[str, Any]:
    return {".": {}} | {f"{prefix}{name}": {} for name in names}


def _managed_fields(index: int, stamp: str) -> list[dict[str, Any]]:
    """What the API server records of who set which field (kubectl prints it unless told
    not to): client-side apply's fields, then the controller's status fields."""
    container = {
        'k:{"name":"app"}': _fields(
            "f:",
            [
                "image",
                "imagePullPolicy",
                "name",
                "terminationMessagePath",
                "terminationMessagePolicy",
            ],
        )
        | {
            "f:ports": {
                'k:{"containerPort":8080,"protocol":"TCP"}': _fields(
                    "f:", ["containerPort", "protocol"]
                )
            },
            "f:resources": {
                ".": {},
                "f:limits": _fields("f:", ["cpu", "memory"]),
                "f:requests": _fields("f:", ["cpu", "memory"]),
            },
            "f:env": {
                f'k:{{"name":"VAR_{n}"}}': _fields("f:", ["name", "value"]) for n in range(4)
            },
        }
    }
    applied = {
        "f:metadata": {
            "f:annotations": _fields("f:", ["kubectl.kubernetes.io/last-applied-configuration"]),
            "f:labels": _fields("f:", ["app", "team", "tier"]),
        },
        "f:spec": {
            "f:progressDeadlineSeconds": {},
            "f:replicas": {},
            "f:revisionHistoryLimit": {},
            "f:selector": {},
            "f:strategy": {
                "f:rollingUpdate": _fields("f:", ["maxSurge", "maxUnavailable"]),
                "f:type": {},
            },
            "f:template": {
                "f:metadata": {"f:labels": _fields("f:", ["app", "team", "tier"])},
                "f:spec": {
                    "f:containers": container,
                    "f:dnsPolicy": {},
                    "f:restartPolicy": {},
                    "f:schedulerName": {},
                    "f:securityContext": {},
                    "f:terminationGracePeriodSeconds": {},
                },
            },
        },
    }
    status = {
        "f:metadata": {"f:annotations": _fields("f:", ["deployment.kubernetes.io/revision"])},
        "f:status": {
            "f:availableReplicas": {},
            "f:conditions": {
                ".": {},
                'k:{"type":"Available"}': _fields(
                    "f:",
                    ["lastTransitionTime", "lastUpdateTime", "message", "reason", "status", "type"],
                ),
                'k:{"type":"Progressing"}': _fields(
                    "f:",
                    ["lastTransitionTime", "lastUpdateTime", "message", "reason", "status", "type"],
                ),
            },
            "f:observedGeneration": {},
            "f:readyReplicas": {},
            "f:replicas": {},
            "f:updatedReplicas": {},
        },
    }
    return [
        {
            "apiVersion": "apps/v1",
            "fieldsType": "FieldsV1",
            "fieldsV1": applied,
            "manager": "kubectl-client-side-apply",
            "operation": "Update",
            "time": stamp,
        },
        {
            "apiVersion": "apps/v1",
            "fieldsType": "FieldsV1",
            "fieldsV1": status,
            "manager": "kube-controller-manager",
            "operation": "Update",
            "subresource": "status",
            "time": stamp,
        },
    ]


def deployment(index: int) -> dict[str, Any]:
    """One Deployment as the API server returns it: 1-4 replicas, varied requests."""
    name, namespace = f"service-{index}", f"team-{index % 17}"
    cpu, memory, replicas = 50 + (index * 37) % 450, 64 + (index * 53) % 960, 1 + index % 4
    stamp = f"2025-0{1 + index % 9}-1{index % 10}T10:{index % 60:02d}:00Z"
    labels = {"app": name, "team": namespace, "tier": "backend"}
    container = {
        "env": [{"name": f"VAR_{n}", "value": f"value-{n}-{index}"} for n in range(4)],
        "image": f"registry.example.com/{namespace}/{name}:1.{index % 40}.0",
        "imagePullPolicy": "IfNotPresent",
        "name": "app",
        "ports": [{"containerPort": 8080, "protocol": "TCP"}],
        "resources": {
            "limits": {"cpu": "1", "memory": "2Gi"},
            "requests": {"cpu": f"{cpu}m", "memory": f"{memory}Mi"},
        },
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
    }
    spec = {
        "progressDeadlineSeconds": 600,
        "replicas": replicas,
        "revisionHistoryLimit": 10,
        "selector": {"matchLabels": {"app": name}},
        "strategy": {
            "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"},
            "type": "RollingUpdate",
        },
        "template": {
            "metadata": {"creationTimestamp": None, "labels": labels},
            "spec": {
                "containers": [container],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30,
            },
        },
    }
    applied = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"annotations": {}, "labels": labels, "name": name, "namespace": namespace},
        "spec": spec,
    }
    condition = {
        "lastTransitionTime": stamp,
        "lastUpdateTime": stamp,
        "message": f'ReplicaSet "{name}-7d9f8c6b5d" has successfully progressed.',
        "reason": "NewReplicaSetAvailable",
        "status": "True",
        "type": "Progressing",
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
            "annotations": {
                "deployment.kubernetes.io/revision": str(1 + index % 7),
                "kubectl.kubernetes.io/last-applied-configuration": orjson.dumps(applied).decode()
                + "\n",
            },
            "creationTimestamp": stamp,
            "generation": 1 + index % 7,
            "labels": labels,
            "managedFields": _managed_fields(index, stamp),
            "name": name,
            "namespace": namespace,
            "resourceVersion": str(1_000_000 + index * 13),
            "uid": f"{index:08x}-1b2c-4d5e-8f90-{index * 7919:012x}",
        },
        "spec": spec,
        "status": {
            "availableReplicas": replicas,
            "conditions": [
                condition
                | {
                    "message": "Deployment has minimum availability.",
                    "reason": "MinimumReplicasAvailable",
                    "type": "Available",
                },
                condition,
            ],
            "observedGeneration": 1 + index % 7,
            "readyReplicas": replicas,
            "replicas": replicas,
            "updatedReplicas": replicas,
        },
    }


def deployment_dump(deployments: int, *, json: bool = False) -> str:
    """``kubectl get deploy -A -o yaml`` (or ``-o json``) of that many Deployments."""
    listing = {
        "apiVersion": "v1",
        "items": [deployment(index) for index in range(deployments)],
        "kind": "List",
        "metadata": {"resourceVersion": ""},
    }
    if json:
        return orjson.dumps(listing, option=orjson.OPT_INDENT_2).decode() + "\n"
    text: str = yaml.dump(listing, Dumper=_Dumper, default_flow_style=False, width=10_000)
    return text
