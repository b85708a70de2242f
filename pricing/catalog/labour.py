"""The labour table: what each driver of people time costs, as low, likely and high values,
each with its source, the date it was read and a confidence, per setup. It is catalog data
like a price (``pricing/data/labour.json``), checked when the catalog loads and overridable by
the operator's file; a Scenario field per coefficient overrides it for one scenario."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pydantic import model_validator

from pricing.catalog.entries import Entry, NonNegativePrice, Sourced
from pricing.ranges import Range, checked


class Limit(NamedTuple):
    """The most a coefficient may be, in ``unit``; ``whole``: whole numbers only."""

    most: Decimal
    unit: str
    whole: bool = False


HOURS_A_MONTH = Decimal(744)  # 31 days: no month holds more hours
# Each coefficient's limit and unit, by its key in the labour table. The Scenario field that
# overrides it is the key prefixed with the setup: docker_host_hours, k8s_upgrade_hours.
LIMITS: dict[str, Limit] = {
    "host_hours": Limit(HOURS_A_MONTH, "hours per host a month"),
    "service_hours": Limit(HOURS_A_MONTH, "hours per service a month"),
    "stateful_hours": Limit(HOURS_A_MONTH, "hours per stateful service a month"),
    "deploy_hours": Limit(Decimal(24), "hours per deploy"),
    "incident_hours": Limit(HOURS_A_MONTH, "hours a month"),
    "cluster_hours": Limit(HOURS_A_MONTH, "hours per cluster a month"),
    "upgrade_hours": Limit(Decimal(2080), "hours per upgrade"),  # a working year
    "rampup_extra_hours": Limit(HOURS_A_MONTH, "extra hours a month"),
    "rampup_months": Limit(Decimal(120), "months", whole=True),
}
PREFIXES = {"docker": "docker_", "kubernetes": "k8s_"}


class Coefficient(Sourced):
    """What one unit of a driver costs: ``name`` says it in a sentence ("Kubernetes upgrade
    hours"), ``label`` names its line ("Kubernetes upgrades")."""

    name: str
    label: str
    low: NonNegativePrice
    likely: NonNegativePrice
    high: NonNegativePrice

    @property
    def range(self) -> Range:
        return Range(self.low, self.likely, self.high)

    @model_validator(mode="after")
    def _check_order(self) -> Coefficient:
        low, likely, high = self.range
        if not low <= likely <= high:
            raise ValueError(f"low {low}, likely {likely} and high {high} must not decrease")
        return self


class LabourTable(Entry):
    """A setup's coefficients, each within its LIMITS, in whole numbers where they say so."""

    @model_validator(mode="after")
    def _check_limits(self) -> LabourTable:
        for key, coefficient in coefficients(self).items():
            limit = LIMITS[key]
            try:
                checked(coefficient.range, limit.most, limit.unit)
            except ValueError as exc:
                raise ValueError(f"{key}: {exc}") from None
            if limit.whole and any(v != v.to_integral_value() for v in coefficient.range):
                raise ValueError(f"{key}: must be whole {limit.unit}")
        return self


class DockerLabour(LabourTable):
    host_hours: Coefficient
    service_hours: Coefficient
    stateful_hours: Coefficient
    deploy_hours: Coefficient
    incident_hours: Coefficient


class KubernetesLabour(LabourTable):
    cluster_hours: Coefficient
    service_hours: Coefficient
    stateful_hours: Coefficient
    deploy_hours: Coefficient
    incident_hours: Coefficient
    upgrade_hours: Coefficient
    rampup_extra_hours: Coefficient
    rampup_months: Coefficient


class Labour(Entry):
    note: str | None = None
    docker: DockerLabour
    kubernetes: KubernetesLabour

    def sourced_entries(self) -> list[Sourced]:
        """Every coefficient, for the "every figure has a source" audit."""
        entries: list[Sourced] = []
        for table in (self.docker, self.kubernetes):
            entries.extend(coefficients(table).values())
        return entries


def _coefficient_keys(model: type[Entry]) -> tuple[str, ...]:
    return tuple(k for k, f in model.model_fields.items() if f.annotation is Coefficient)


# Each setup's coefficient keys, in the table's order.
COEFFICIENT_KEYS: dict[str, tuple[str, ...]] = {
    "docker": _coefficient_keys(DockerLabour),
    "kubernetes": _coefficient_keys(KubernetesLabour),
}


def field_name(setup: str, key: str) -> str:
    """The Scenario field that overrides a coefficient: docker_host_hours, k8s_upgrade_hours."""
    return PREFIXES[setup] + key


def coefficients(table: Entry) -> dict[str, Coefficient]:
    """A setup's coefficients by key, in the table's order."""
    return {key: value for key, value in table.__dict__.items() if isinstance(value, Coefficient)}
