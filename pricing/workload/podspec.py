"""A pod's effective request, by Kubernetes' rules
(https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers,
https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers).

A container's request defaults to its limit when only the limit is set. Per resource, the
pod requests the larger of: the sum of its app containers and sidecars (init containers with
``restartPolicy: Always``), and for each ordinary init container, its request plus the
sidecars started before it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pricing.workload.errors import SizingError
from pricing.workload.model import GIB, Application, SizingOptions
from pricing.workload.quantity import cpu_millicores, memory_bytes

_RESOURCES = (("cpu", cpu_millicores), ("memory", memory_bytes))


class PodRequest(NamedTuple):
    cpu_millicores: int
    memory_bytes: int
    assumed: tuple[str, ...]


def _container_requests(container: dict[str, Any], where: str) -> dict[str, int | None]:
    resources = container.get("resources") or {}
    asked, limits = resources.get("requests") or {}, resources.get("limits") or {}
    found: dict[str, int | None] = {}
    for resource, parse in _RESOURCES:
        value = asked.get(resource, limits.get(resource))  # a request defaults to the limit
        try:
            found[resource] = None if value is None else parse(value)
        except ValueError as exc:
            name = container.get("name", "?")
            raise SizingError(f"{where}: container {name}: {resource}: {exc}") from None
    return found


def _effective(
    apps: list[dict[str, int | None]],
    inits: list[tuple[bool, dict[str, int | None]]],
    resource: str,
) -> tuple[int, bool]:
    """The pod's request for one resource, and whether any container stated it."""
    stated = any(c[resource] is not None for c in apps) or any(
        c[resource] is not None for _, c in inits
    )
    sidecars, init_peak = 0, 0
    for is_sidecar, container in inits:
        amount = container[resource] or 0
        if is_sidecar:
            sidecars += amount
        else:
            init_peak = max(init_peak, sidecars + amount)
    steady = sum(c[resource] or 0 for c in apps) + sidecars
    return max(steady, init_peak), stated


def pod_request(
    pod: dict[str, Any], where: str, app: Application, options: SizingOptions
) -> PodRequest:
    """The pod's effective CPU and memory request; defaults (and a warning) where no
    container states a resource, a warning where only some do."""
    containers = [c for c in pod.get("containers") or [] if isinstance(c, dict)]
    if not containers:
        raise SizingError(f"{where}: the pod template has no containers")
    apps = [_container_requests(c, where) for c in containers]
    inits = [
        (c.get("restartPolicy") == "Always", _container_requests(c, where))
        for c in pod.get("initContainers") or []
        if isinstance(c, dict)
    ]
    name = where.split("/", 1)[-1]
    amounts, assumed = {}, []
    defaults = {
        "cpu": int(options.default_cpu * 1000),
        "memory": int(options.default_memory_gib * GIB),
    }
    for resource, _ in _RESOURCES:
        amount, stated = _effective(apps, inits, resource)
        if not stated:
            amount = defaults[resource]
            assumed.append(resource)
        else:
            silent = [
                c.get("name", "?")
                for c, r in zip(containers, apps, strict=True)
                if r[resource] is None
            ]
            if silent:
                app.warn(name, f"containers {', '.join(silent)} state no {resource}: counted as 0")
        amounts[resource] = amount
    if assumed:
        app.warn(name, f"states no {' or '.join(assumed)}: assumed per replica")
    return PodRequest(amounts["cpu"], amounts["memory"], tuple(assumed))
