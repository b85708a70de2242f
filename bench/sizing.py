"""Time the sizing of a generated 200-workload manifest set (read + size), best of N runs.

.venv/bin/python bench/sizing.py [workloads] [runs]
"""

from __future__ import annotations

import sys
import time

from pricing.catalog import load_catalog
from pricing.workload import read_application, size_workload


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


def main() -> None:
    workloads = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
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


if __name__ == "__main__":
    main()
