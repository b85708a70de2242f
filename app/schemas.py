"""Response shapes, for the OpenAPI document (the renderers build the same dicts)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Problem(BaseModel):
    field: str = Field(description="The input field (or 'body', 'preset', 'columns') at fault.")
    message: str = Field(description="What is wrong, in words.")


class ErrorResponse(BaseModel):
    detail: list[Problem]


class LineItemOut(BaseModel):
    category: str
    label: str
    quantity: float
    unit: str
    unit_price: float = Field(description="USD per unit, up to 6 decimal places.")
    monthly: float = Field(description="Per month: quantity x unit_price, rounded to cents.")
    list_unit_price: float | None = Field(
        description="The catalog's list price, when the unit price you pay differs from it."
    )
    source: str | None
    as_of: str | None


class SetupOut(BaseModel):
    line_items: list[LineItemOut]
    infrastructure_monthly: float
    people_monthly: float
    monthly_total: float
    people_first_month: float
    first_month_total: float
    horizon_total: float
    monthly_range: list[float] | None = Field(
        description="Monthly total at the fewest and the most autoscaled nodes, if given."
    )


class TimelinePointOut(BaseModel):
    month: int
    docker: float = Field(description="Cumulative USD through this month.")
    kubernetes: float = Field(description="Cumulative USD through this month.")


class DifferenceOut(BaseModel):
    monthly: float = Field(description="Kubernetes minus Docker, steady-state month, USD.")
    first_month: float
    horizon: float
    ratio: float | None = Field(description="Kubernetes / Docker monthly; null if Docker is 0.")
    cheaper: Literal["docker", "kubernetes", "equal"]
    break_even_month: int | None = Field(
        description="First month the cumulative costs cross the other way; null if never."
    )


class ReasonOut(BaseModel):
    question: str
    points_to: Literal["docker", "kubernetes", "neutral"]
    text: str
    weight: int


class AdviceOut(BaseModel):
    recommendation: Literal["docker", "kubernetes", "either"]
    summary: str
    reasons: list[ReasonOut]
    notes: list[str] = Field(description="Cost traps this scenario walks into.")


class FitOut(BaseModel):
    setup: Literal["docker", "kubernetes"]
    fits: bool
    count: int
    needed: int = Field(description="Fewest hosts or nodes that hold the workload.")
    cpu_allocatable: float = Field(description="vCPU per VM after system reservations.")
    memory_allocatable_gib: float = Field(description="GiB per VM after reservations.")
    cpu_utilisation: float | None = Field(description="Percent of allocatable CPU used.")
    memory_utilisation: float | None = Field(description="Percent of allocatable memory used.")


class FlipOut(BaseModel):
    field: str
    label: str
    current: str
    needed: str = Field(description="The value at which the other setup becomes cheaper.")
    change: str


class CurrencyOut(BaseModel):
    code: str
    per_usd: float


class CatalogRef(BaseModel):
    version: str
    as_of: str


class ComparisonOut(BaseModel):
    catalog: CatalogRef
    currency: CurrencyOut
    scenario: dict[str, str | int | float | bool | None]
    docker: SetupOut
    kubernetes: SetupOut
    timeline: list[TimelinePointOut]
    difference: DifferenceOut
    advice: AdviceOut
    fit: list[FitOut] = Field(description="Does the workload fit? Empty without a workload.")
    sensitivity: list[FlipOut] | None = Field(
        None, description="With sensitivity=true: single inputs that flip the cheaper setup."
    )
