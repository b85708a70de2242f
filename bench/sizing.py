"""Time the sizing: a generated 200-workload manifest set (read + size, best of N runs), and
kubectl-like dumps of 1,000 and 5,000 Deployments (YAML and JSON, managedFields, the
last-applied annotation and status included) end to end through POST /api/v1/size.

.venv/bin/python -m bench.sizing [workloads] [runs]        # the manifest set
.venv/bin/python -m bench.sizing dumps [runs]              # the dumps through the API
"""

from __future__ import annotations

import resource
import sys
import time

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from bench.dumps import deployment_dump
from pricing.catalog import load_catalog
from pricing.workload import Limits, read_application, size_workload
from pricing.workload.dumps import read_fast


def manifest(workloads: int) -> str:
    """Deployments of 1-4 replicas with varied requests, a DaemonSet, Services."""
    documents = []
    for index in range(workloads):
        cpu, memory, replicas = 50 + (index * 37) % 450, 64 + (index * 53) % 960, 1 + index % 4
        documents.append(
            f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-{index}
spec:
  replicas: {replicas}
  template:
    spec:
      containers:
        - name: app
          image: example/service-{index}:1
          resources:
            requests: {{cpu: {cpu}m, memory: {memory}Mi}}
            limits: {{cpu: "1", memory: 2Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: service-{index}
spec:
  ports: [{{port: 80}}]"""
        )
    documents.append(
        """apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers: [{name: agent, image: x, resources: {requests: {cpu: 100m, memory: 128Mi}}}]"""
    )
    return "\n---\n".join(documents)


def manifests(workloads: int, runs: int) -> None:
    catalog, text = load_catalog(), manifest(workloads)
    reading, sizing = [], []
    for _ in range(runs):
        started = time.perf_counter()
        app = read_application(text)
        read_at = time.perf_counter()
        result = size_workload(app, catalog=catalog)
        reading.append(read_at - started)
        sizing.append(time.perf_counter() - read_at)
    cluster = result.report.kubernetes
    total = min(r + s for r, s in zip(reading, sizing, strict=True))
    print(
        f"{workloads} workloads, {sum(w.replicas for w in app.workloads)} pods, "
        f"{len(text) // 1024} KiB: read {min(reading) * 1000:.1f} ms, "
        f"size {min(sizing) * 1000:.1f} ms, total {total * 1000:.1f} ms "
        f"(best of {runs}); {cluster.nodes} x {cluster.instance_type}"
    )


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dumps(runs: int) -> None:
    """Each dump: the read alone (the fast path) and POST /api/v1/size end to end."""
    client = TestClient(create_app(Settings()))
    for deployments in (1000, 5000):
        for json in (False, True):
            text = deployment_dump(deployments, json=json)
            body, megabytes = text.encode(), len(text.encode()) / 1e6
            kind = "application/json" if json else "application/yaml"
            reads, posts = [], []
            for _ in range(runs):
                started = time.perf_counter()
                read_fast(text, Limits())
                reads.append(time.perf_counter() - started)
                started = time.perf_counter()
                response = client.post("/api/v1/size", content=body, headers={"content-type": kind})
                posts.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text[:300]
            sized = response.json()["kubernetes"]
            print(
                f"{deployments:,} Deployments, {'JSON' if json else 'YAML'} {megabytes:.1f} MB: "
                f"read {min(reads) * 1000:.0f} ms ({megabytes / min(reads):.0f} MB/s), "
                f"POST /api/v1/size {min(posts) * 1000:.0f} ms (best of {runs}); "
                f"{sized['nodes']} x {sized['instance_type']}; peak RSS {peak_mib():.0f} MiB"
            )


def main() -> None:
    if sys.argv[1:2] == ["dumps"]:
        dumps(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
        return
    workloads = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    manifests(workloads, runs)


if __name__ == "__main__":
    main()
