"""Managed container services, priced as a reference beside the two setups: their rates,
free grants and billing rule, and what each leaves out."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Literal

from pydantic import Field, model_validator

from pricing.catalog.entries import Entry, NonNegativePrice, PositivePrice, Sourced

# always-on: every replica billed all month (Fargate, Cloud Run instance-based);
# per-request: billed only while requests are served, plus a fee per request (Cloud Run);
# active-idle: always-on replicas at an active rate while busy, an idle rate otherwise
# (Azure Container Apps); pods: GKE Autopilot's pod rates and cluster fee (its control-plane
# tier's prices).
Billing = Literal["always-on", "per-request", "active-idle", "pods"]


class TaskSize(Entry):
    """One CPU size a service runs a task at, and the memory it allows with it."""

    vcpu: PositivePrice
    memory_min: PositivePrice
    memory_max: PositivePrice
    memory_step: PositivePrice


class ContainerRates(Sourced):
    """A service's list prices where they apply, per vCPU and per GiB (Fargate: per GB) of
    the replicas' size, by the hour or by the second."""

    regions: list[str] = Field(min_length=1)
    per: Literal["hour", "second"]
    vcpu: PositivePrice
    memory: PositivePrice
    memory_unit: Literal["GiB", "GB"] = "GiB"
    idle_vcpu: NonNegativePrice | None = None
    idle_memory: NonNegativePrice | None = None
    per_million_requests: NonNegativePrice | None = None
    free_vcpu_seconds: NonNegativePrice = Decimal(0)
    free_memory_seconds: NonNegativePrice = Decimal(0)
    free_requests: int = Field(0, ge=0)


class ContainerService(Sourced):
    """A managed container service: how it bills, at which rates where, the task sizes it
    runs (if it rounds a request up to one), and what it leaves out, in words."""

    label: str
    billing: Billing
    rates: list[ContainerRates] = Field(default_factory=list)
    sizes: list[TaskSize] = Field(default_factory=list)
    control_plane: str | None = Field(
        None, description="For billing 'pods': the control-plane tier whose prices apply."
    )
    leaves_out: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_billing(self) -> ContainerService:
        if (self.billing == "pods") != (self.control_plane is not None):
            raise ValueError("control_plane is given for billing 'pods', and only then")
        if self.billing != "pods" and not self.rates:
            raise ValueError("rates are needed for this billing")
        for rates in self.rates:
            if self.billing == "active-idle" and rates.idle_vcpu is None:
                raise ValueError("active-idle billing needs idle_vcpu and idle_memory rates")
            if self.billing == "per-request" and rates.per_million_requests is None:
                raise ValueError("per-request billing needs per_million_requests")
        return self

    def rates_in(self, region: str) -> ContainerRates | None:
        return next((rates for rates in self.rates if region in rates.regions), None)

    def size_for(self, vcpu: Decimal, memory: Decimal) -> tuple[Decimal, Decimal] | None:
        """The smallest task size holding ``vcpu`` and ``memory``, as (vCPU, memory); the
        size asked for where the service has no size table; None beyond its largest."""
        if not self.sizes:
            return vcpu, memory
        for size in self.sizes:
            if size.vcpu >= vcpu and size.memory_max >= memory:
                steps = max(Decimal(0), memory - size.memory_min) / size.memory_step
                whole = steps.to_integral_value(rounding=ROUND_CEILING)
                return size.vcpu, size.memory_min + whole * size.memory_step
        return None
