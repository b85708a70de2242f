"""A Compose file (https://compose-spec.io) read as an application's workloads.

Read: ``services`` with ``deploy.replicas`` (or legacy ``scale``), ``deploy.mode: global``,
``deploy.resources.reservations``/``limits`` (``cpus``, ``memory``), legacy ``cpus``,
``mem_reservation``, ``mem_limit``, ``ports``, ``volumes`` and ``profiles``. A reservation
is the request; a limit stands in for it when no reservation is given (as Kubernetes defaults
a request to its limit). Extension fields (``x-...``) serve only as anchors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pricing.workload.errors import SizingError
from pricing.workload.interpolation import interpolate
from pricing.workload.model import GIB, Application, SizingOptions, Workload
from pricing.workload.quantity import compose_cpu_millicores, compose_memory_bytes


def is_compose(document: object) -> bool:
    """A Compose file: a mapping whose ``services`` is a mapping and that is no Kubernetes
    object."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("services"), dict)
        and "kind" not in document
    )


def _mapping(value: object, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SizingError(f"{where} must be a mapping")
    return value


def _first(candidates: list[tuple[str, object]]) -> tuple[str, object] | None:
    for key, value in candidates:
        if value is not None:
            return key, value
    return None


def _quantity(
    name: str, candidates: list[tuple[str, Any]], parse: Callable[[Any], int]
) -> int | None:
    """The first of ``candidates`` (key, value) that is given, parsed; None if none is."""
    found = _first(candidates)
    if found is None:
        return None
    try:
        return parse(found[1])
    except ValueError as exc:
        raise SizingError(f"services.{name}.{found[0]}: {exc}") from None


def _requests(
    name: str, service: dict[str, Any], resources: dict[str, Any]
) -> tuple[int | None, int | None]:
    """A service's CPU (millicores) and memory (bytes) per replica, None where not given:
    the reservation, else the limit, else the legacy key."""
    where = f"services.{name}.deploy.resources"
    reservations = _mapping(resources.get("reservations"), where)
    limits = _mapping(resources.get("limits"), where)
    cpu = [
        ("deploy.resources.reservations.cpus", reservations.get("cpus")),
        ("deploy.resources.limits.cpus", limits.get("cpus")),
        ("cpus", service.get("cpus")),
    ]
    memory = [
        ("deploy.resources.reservations.memory", reservations.get("memory")),
        ("deploy.resources.limits.memory", limits.get("memory")),
        ("mem_reservation", service.get("mem_reservation")),
        ("mem_limit", service.get("mem_limit")),
    ]
    return (
        _quantity(name, cpu, compose_cpu_millicores),
        _quantity(name, memory, compose_memory_bytes),
    )


def _replicas(name: str, service: dict[str, Any], deploy: dict[str, Any]) -> int:
    value = deploy.get("replicas", service.get("scale", 1))
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100_000:
        raise SizingError(f"services.{name}.deploy.replicas must be a whole number, not {value!r}")
    return value


def _uses_named_volume(service: dict[str, Any], named: set[str]) -> bool:
    for mount in service.get("volumes") or []:
        if isinstance(mount, str):
            source = mount.split(":", 1)[0] if ":" in mount else ""
            if source in named or (source and not source.startswith((".", "/", "~", "$"))):
                return True
        elif (
            isinstance(mount, dict)
            and mount.get("type", "volume") == "volume"
            and mount.get("source")
        ):
            return True
    return False


def _service(
    name: str,
    service: dict[str, Any],
    app: Application,
    options: SizingOptions,
    stateful: bool = False,
) -> None:
    deploy = _mapping(service.get("deploy"), f"services.{name}.deploy")
    resources = _mapping(deploy.get("resources"), f"services.{name}.deploy.resources")
    replicas = _replicas(name, service, deploy)
    if replicas == 0:
        app.warn(name, "0 replicas: not started, not sized")
        return
    cpu, memory = _requests(name, service, resources)
    assumed = []
    if cpu is None:
        cpu = int(options.default_cpu * 1000)
        assumed.append("cpu")
    if memory is None:
        memory = int(options.default_memory_gib * GIB)
        assumed.append("memory")
    if assumed:
        app.warn(name, f"states no {' or '.join(assumed)}: assumed per replica")
    app.workloads.append(
        Workload(
            name=name,
            kind="compose service",
            replicas=replicas,
            cpu_millicores=cpu,
            memory_bytes=memory,
            assumed=tuple(assumed),
            per_node=deploy.get("mode") == "global",
            # A service keeping data on a volume runs as a StatefulSet (or Recreate): its
            # rollout replaces the pod rather than starting a second beside it.
            surges=deploy.get("mode") != "global" and not stateful,
            stateful=stateful,
        )
    )


def read_compose(document: dict[str, Any], documents: int, options: SizingOptions) -> Application:
    """The application a Compose file describes."""
    missing: set[str] = set()
    compose = interpolate(
        {k: v for k, v in document.items() if not str(k).startswith("x-")}, missing
    )
    app = Application(source="compose", documents=documents)
    for name in sorted(missing):
        app.warn("", f"variable {name} has no default here: read as empty")
    named = set(_mapping(compose.get("volumes"), "volumes"))
    published = False
    for name, service in _mapping(compose.get("services"), "services").items():
        service = _mapping(service, f"services.{name}")
        profiles = service.get("profiles") or []
        if profiles and not set(profiles) & set(options.profiles):
            app.ignored.append(f"service {name} (profiles {', '.join(map(str, profiles))})")
            continue
        keeps_data = _uses_named_volume(service, named)
        _service(str(name), service, app, options, keeps_data)
        published = published or bool(service.get("ports"))
        app.stateful = app.stateful or keeps_data
    if published:
        app.load_balancers = 1
        app.assumptions.append(
            "published ports: one load balancer in front of the Kubernetes cluster; "
            "one Docker host publishes them itself, several share one in front of them"
        )
    if named:
        app.assumptions.append(
            f"named volumes ({', '.join(sorted(named))}) state no size: not priced as storage"
        )
    return app
