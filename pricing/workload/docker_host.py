"""The Docker host: the cheapest type whose room holds the whole workload and its headroom."""

from __future__ import annotations

import math
from decimal import Decimal

from pricing.allocatable import host_allocatable
from pricing.workload.candidates import Candidate, gib, vcpu
from pricing.workload.model import Application, SizingOptions
from pricing.workload.report import Choice, DockerSizing


def workload_sum(app: Application) -> tuple[int, int]:
    """CPU (millicores) and memory (bytes) of everything on one host: every replica, and
    each per-node workload once."""
    cpu = sum(w.cpu_millicores * (1 if w.per_node else w.replicas) for w in app.workloads)
    memory = sum(w.memory_bytes * (1 if w.per_node else w.replicas) for w in app.workloads)
    return cpu, memory


def size_docker(
    app: Application, types: list[Candidate], hours: Decimal, options: SizingOptions
) -> DockerSizing | None:
    """The cheapest host type for the workload (None when no type holds it)."""
    cpu, memory = workload_sum(app)
    factor = (100 + options.headroom_percent) / 100
    needed_cpu, needed_memory = math.ceil(cpu * factor), math.ceil(memory * factor)
    fitting = []
    for candidate in types:
        room = host_allocatable(candidate.spec)
        if needed_cpu <= room.cpu_millicores and needed_memory <= room.memory_bytes:
            fitting.append((candidate.monthly(options.docker_hosts, hours), candidate, room))
    if not fitting:
        largest = max(types, key=lambda c: (c.spec.memory_gib, c.spec.vcpu))
        app.warn(
            "",
            f"no single Docker host holds the workload ({vcpu(needed_cpu)} vCPU, "
            f"{gib(needed_memory)} GiB with {options.headroom_percent}% headroom); "
            f"the largest type here is {largest.key}",
        )
        return None
    fitting.sort(key=lambda item: (item[0], item[1].key))
    monthly, best, room = fitting[0]
    runner_up = None
    if len(fitting) > 1:
        runner_up = Choice(fitting[1][1].key, options.docker_hosts, fitting[1][0])
    return DockerSizing(
        instance_type=best.key,
        hosts=options.docker_hosts,
        vcpu=best.spec.vcpu,
        memory_gib=best.spec.memory_gib,
        needed_cpu=vcpu(needed_cpu),
        needed_memory_gib=gib(needed_memory),
        allocatable_cpu=vcpu(room.cpu_millicores),
        allocatable_memory_gib=gib(room.memory_bytes),
        monthly=monthly,
        runner_up=runner_up,
    )
