"""The JSON of an estimate, defined once: GET and POST /api/v1/estimate return it, and the
sizing's JSON holds it as its ``comparison``. Money is in the result's currency
(``currency.code``): the provider's own, or the one the scenario chose at its rates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer

from app.present.cells import json_number
from app.present.output import Number, Output
from app.present.words import advice_summary
from pricing import Estimate, Flip, Scenario

Setup = Literal["docker", "kubernetes"]


def scenario_values(scenario: Scenario) -> dict[str, Any]:
    """Every Scenario field, decimals as JSON numbers."""
    return {
        name: json_number(value) if isinstance(value, Decimal) else value
        for name, value in scenario.model_dump().items()
    }


# The Scenario as priced, every field written (its catalog keys filled).
ScenarioValues = Annotated[
    Scenario,
    PlainSerializer(scenario_values, return_type=dict[str, str | int | float | bool | None]),
]


class LineItemOut(Output):
    category: str = Field(description="compute, control plane, load balancer, storage, ...")
    label: str = Field(description="What is priced, in words.")
    quantity: Number = Field(description="How many units a month.")
    unit: str = Field(description="The unit of quantity and unit_price: hour, GB-month, ...")
    unit_price: Number = Field(description="Price of one unit, up to 6 decimal places.")
    monthly: Number = Field(description="Per month: quantity x unit_price, rounded to cents.")
    list_unit_price: Number | None = Field(
        description="The catalog's list price, when the unit price you pay differs from it."
    )
    source: str | None = Field(description="Where the price was read (a URL).")
    as_of: date | None = Field(description="When the price was read.")


class AvailabilityOut(Output):
    label: str = Field(description="The service-level agreement that promises it.")
    percent: Number = Field(description="Monthly uptime promised, in percent.")
    source: str
    as_of: date


class SetupOut(Output):
    line_items: list[LineItemOut] = Field(description="The steady-state month, line by line.")
    infrastructure_monthly: Number = Field(description="Every line but people's, a month.")
    people_monthly: Number = Field(description="DevOps time at steady state, a month.")
    monthly_total: Number = Field(description="Infrastructure plus people, a month.")
    people_first_month: Number = Field(description="DevOps time in the first month.")
    first_month_total: Number = Field(description="Infrastructure plus first-month people.")
    horizon_total: Number = Field(description="Every month of the horizon added up.")
    monthly_range: list[Number] | None = Field(
        description="Monthly total at the fewest and the most autoscaled nodes, if given."
    )
    availability: AvailabilityOut | None = Field(
        description="What the provider promises for this setup; null if nothing is published."
    )
    rampup_items: list[LineItemOut] = Field(
        description="The people lines of a month during the ramp-up (all of them: they "
        "replace line_items' people lines); empty without a ramp-up."
    )
    rampup_months: int = Field(description="Months of ramp-up (the likely value).")


class EventOut(Output):
    setup: Setup
    kind: Literal[
        "upgrade",
        "forced-upgrade",
        "automatic-upgrade",
        "extended-support",
        "support-ends",
        "host-added",
        "host-type-change",
        "node-added",
    ] = Field(
        description="upgrade: the team upgrades a minor version; forced-upgrade: the provider "
        "upgrades the control plane and the team the rest; automatic-upgrade: the provider "
        "upgrades the cluster; extended-support: extended (or long-term) support starts; "
        "support-ends: the version gets no more patches; host-added, host-type-change, "
        "node-added: the workload grew past a setup."
    )
    text: str


class TimelinePointOut(Output):
    month: int
    docker: Number = Field(description="Cumulative cost through this month.")
    kubernetes: Number = Field(description="Cumulative cost through this month.")
    calendar_month: str = Field(description="The month, YYYY-MM.")
    docker_month: Number = Field(description="What Docker costs in this month alone.")
    kubernetes_month: Number = Field(description="What Kubernetes costs in this month alone.")
    events: list[EventOut] = Field(description="What happens in this month.")


class MonthsOut(Output):
    start_month: str = Field(description="The horizon's first month, YYYY-MM.")
    kubernetes_version: str | None = Field(
        description="The cluster's Kubernetes version in the first month; null where the "
        "tier does not follow the version calendar."
    )
    docker_outgrown_month: int | None = Field(
        description="First month production's Docker hosts no longer hold the workload and "
        "hosts are added; null if not within the horizon."
    )
    cheaper_changes_month: int | None = Field(
        description="First month whose own cost makes the other setup the cheaper one; null "
        "if never within the horizon."
    )
    assumptions: list[str] = Field(description="What the months assume (extrapolated versions).")


class DifferenceOut(Output):
    monthly: Number = Field(description="Kubernetes minus Docker, steady-state month.")
    first_month: Number = Field(description="Kubernetes minus Docker, first month.")
    horizon: Number = Field(description="Kubernetes minus Docker, over the horizon.")
    ratio: Number | None = Field(description="Kubernetes / Docker monthly; null if Docker is 0.")
    cheaper: Literal["docker", "kubernetes", "equal", "neither"] = Field(
        description="The setup with the lower horizon total among those that hold the "
        "workload; neither when no setup holds it."
    )
    break_even_month: int | None = Field(
        description="First month the cumulative costs cross the other way; null if never."
    )


class ReasonOut(Output):
    question: str = Field(description="The checklist question (its Scenario field).")
    points_to: Literal["docker", "kubernetes", "neutral"]
    text: str
    weight: int = Field(description="How much the answer counts in the recommendation.")


class AdviceOut(Output):
    recommendation: Literal["docker", "kubernetes", "either", "neither"] = Field(
        description="The setup the checklist points to, never one the workload does not fit; "
        "neither when no setup holds it."
    )
    summary: str = Field(description="The checklist's verdict and the monthly gap, in words.")
    reasons: list[ReasonOut]
    notes: list[str] = Field(description="Cost traps this scenario walks into.")


class FitOut(Output):
    setup: Setup
    fits: bool
    count: int = Field(description="Hosts or nodes in the scenario.")
    needed: int = Field(description="Fewest hosts or nodes that hold the workload.")
    cpu_allocatable: Number = Field(description="vCPU per VM after system reservations.")
    memory_allocatable_gib: Number = Field(description="GiB per VM after reservations.")
    cpu_utilisation: Number | None = Field(description="Percent of allocatable CPU used.")
    memory_utilisation: Number | None = Field(description="Percent of allocatable memory used.")
    pods_per_vm: int | None = Field(description="Most pods per VM, where there is a limit.")


class QuantilesOut(Output):
    p10: Number = Field(description="Nine plausible cases in ten cost more.")
    p50: Number = Field(description="The middle of the plausible cases.")
    p90: Number = Field(description="Nine plausible cases in ten cost less.")


class SetupOddsOut(Output):
    monthly_total: QuantilesOut = Field(description="The steady month's total.")
    horizon_total: QuantilesOut = Field(description="The horizon's total.")


class InfluenceOut(Output):
    field: str = Field(description="The Scenario field of the uncertain input.")
    name: str
    share: Number = Field(description="Share of the horizon difference's variance, 0 to 1.")


class OddsOut(Output):
    kubernetes_cheaper_probability: Number | None = Field(
        description="Share of the draws in which Kubernetes costs less over the horizon, 0 to "
        "1; null when either setup does not hold the workload (the summary says which does)."
    )
    docker: SetupOddsOut
    kubernetes: SetupOddsOut
    draws: int = Field(description="Monte Carlo draws.")
    seed: int = Field(description="The fixed seed: the same scenario gives the same odds.")
    turns_on: list[InfluenceOut] = Field(description="The uncertain inputs, largest share first.")
    not_fitting: list[Setup] = Field(description="Setups that do not hold the workload.")
    summary: str = Field(description="The odds in a sentence.")


class ContainerQuoteOut(Output):
    key: str = Field(description="The service's catalog key, e.g. fargate-x86.")
    label: str
    monthly: Number | None = Field(
        description="The workload a month on this service (the sum of its line items); null "
        "where it cannot be priced (unavailable says why)."
    )
    line_items: list[LineItemOut] = Field(description="The month, line by line.")
    assumptions: list[str] = Field(description="What the price assumes, in words.")
    leaves_out: list[str] = Field(
        description="What the service does not do or the price does not include, in words."
    )
    unavailable: str | None = Field(description="Why there is no price; null if priced.")
    source: str | None = Field(description="Where the service's billing rules were read.")
    as_of: date | None = Field(description="When they were read.")


class FlipOut(Output):
    field: str = Field(description="The Scenario field to change.")
    label: str
    current: str
    needed: str = Field(description="The value at which the other setup becomes cheaper.")
    change: str


class CurrencyOut(Output):
    code: str = Field(description="The currency of every amount in this result.")
    per_usd: Number = Field(description="Units of it per US dollar (the scenario's rate).")
    catalog: str = Field(description="The currency the provider's catalog prices are in.")
    per_catalog_unit: Number = Field(description="Units of it per unit of the catalog's.")


class CatalogRef(Output):
    version: str
    as_of: date = Field(description="The oldest read date among the prices used.")


class ComparisonOut(Output):
    catalog: CatalogRef
    currency: CurrencyOut
    scenario: ScenarioValues
    docker: SetupOut
    kubernetes: SetupOut
    timeline: list[TimelinePointOut]
    months: MonthsOut
    difference: DifferenceOut
    fit: list[FitOut] = Field(description="Does the workload fit? Empty without a workload.")
    odds: OddsOut | None = Field(
        description="P10, P50 and P90 of each setup's totals and the probability that "
        "Kubernetes is cheaper, from the people-time ranges; null with odds=false."
    )
    managed_containers: list[ContainerQuoteOut] = Field(
        description="For reference, in no total: the workload (workload_vcpu, "
        "workload_memory_gib, workload_pods) on the provider's managed container services. "
        "Empty where the provider has none or no workload is given."
    )
    advice: AdviceOut
    sensitivity: list[FlipOut] | None = Field(
        None, description="With sensitivity=true: single inputs that flip the cheaper setup."
    )


def comparison_source(result: Estimate, flips: Iterable[Flip] | None = None) -> dict[str, Any]:
    """An estimate as ComparisonOut reads it: the engine's objects under the JSON's keys."""
    comparison, advice = result.comparison, result.advice
    matches = comparison.resolved.matches
    source: dict[str, Any] = {
        "catalog": {"version": comparison.catalog_version, "as_of": comparison.as_of},
        "currency": {
            "code": comparison.currency,
            "per_usd": comparison.scenario.exchange_rate,
            "catalog": matches.provider.currency,
            "per_catalog_unit": matches.price_rate,
        },
        "scenario": comparison.scenario,
        "docker": comparison.docker,
        "kubernetes": comparison.kubernetes,
        "timeline": comparison.timeline,
        "months": comparison.months,
        "difference": comparison.difference,
        "fit": comparison.fit,
        "odds": result.odds,
        "managed_containers": comparison.managed_containers,
        "advice": {
            "recommendation": advice.recommendation,
            "summary": advice_summary(result, with_months=True),
            "reasons": advice.reasons,
            "notes": advice.notes,
        },
    }
    if flips is not None:
        source["sensitivity"] = flips
    return source


def estimate_json(result: Estimate, flips: Iterable[Flip] | None = None) -> bytes:
    """The body of GET /api/v1/estimate: the comparison, its advice (and the flips, if asked)."""
    return ComparisonOut.to_json(comparison_source(result, flips))
