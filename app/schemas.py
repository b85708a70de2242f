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
    monthly: float = Field(description="USD per month: quantity x unit_price, rounded to cents.")
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


class ReasonOut(BaseModel):
    question: str
    points_to: Literal["docker", "kubernetes", "neutral"]
    text: str
    weight: int


class AdviceOut(BaseModel):
    recommendation: Literal["docker", "kubernetes", "either"]
    summary: str
    reasons: list[ReasonOut]


class CatalogRef(BaseModel):
    version: str
    as_of: str


class ComparisonOut(BaseModel):
    catalog: CatalogRef
    scenario: dict[str, str | int | float | bool | None]
    docker: SetupOut
    kubernetes: SetupOut
    timeline: list[TimelinePointOut]
    difference: DifferenceOut
    advice: AdviceOut
