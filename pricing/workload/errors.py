"""One error for everything wrong with an uploaded Compose file or manifest set."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from pricing.scenario import FieldProblem, InputError, Scenario


class SizingError(InputError):
    """Input that cannot be sized. ``field`` is "body" (the uploaded text) or an option name;
    ``line``/``column`` are 1-based and ``document`` 0-based, when known. ``too_large`` marks
    input refused for its size (kind "too_large", which the edge answers with 413)."""

    def __init__(
        self,
        message: str,
        *,
        field: str = "body",
        line: int | None = None,
        column: int | None = None,
        document: int | None = None,
        too_large: bool = False,
    ) -> None:
        where = []
        if document is not None:
            where.append(f"document {document + 1}")
        if line is not None:
            where.append(f"line {line}" + (f", column {column}" if column is not None else ""))
        text = f"{message} ({'; '.join(where)})" if where else message
        super().__init__([FieldProblem(field, text)], "too_large" if too_large else "invalid")
        self.message = message  # without the place
        self.line = line
        self.column = column
        self.document = document
        self.too_large = too_large


def field_limit(name: str) -> int:
    """The Scenario field's upper bound (``le``), e.g. 1000 for k8s_nodes."""
    for rule in Scenario.model_fields[name].metadata:
        limit = getattr(rule, "le", None)
        if limit is not None:
            return int(limit)
    raise KeyError(name)


LABELS = {
    "k8s_nodes": "Kubernetes nodes",
    "k8s_nodes_max": "Kubernetes nodes at the most replicas",
    "docker_hosts": "Docker hosts",
    "workload_pods": "pods",
    "services": "workloads",
    "k8s_load_balancers": "load balancers",
    "docker_disk_gb": "GB of disk per Docker host",
    "k8s_disk_gb": "GB of disk per node",
}


def sized_problems(exc: ValidationError, values: dict[str, Any]) -> SizingError:
    """A sized Scenario over the Scenario's limits, in words: what the workload needs."""
    parts = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        value, limit = values.get(name), (error.get("ctx") or {}).get("le")
        if isinstance(value, int) and limit is not None:
            label = LABELS.get(name, name)
            parts.append(f"{value:,} {label}, over the limit of {int(limit):,} ({name})")
        else:
            parts.append(f"{name}: {error['msg']}")
    return SizingError("the sized workload needs " + "; ".join(parts))
