"""What the team costs: the Docker subscription seats of a setup, and engineering hours (one
line per term of the labour model, ``pricing.labour``)."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import Sourced
from pricing.labour import Term
from pricing.lines.item import LineItem, in_currency, priced
from pricing.money import CENT, ROUNDING
from pricing.resolve import Resolved
from pricing.scenario import Scenario, Setup


def seats(resolved: Resolved, *, setup: Setup) -> list[LineItem]:
    """The Docker subscription seats of one setup: free, at your price or at the plan's."""
    scenario, matches = resolved
    count = scenario.docker_seats if setup == "docker" else scenario.k8s_seats
    plan = matches.docker_plan if setup == "docker" else matches.k8s_plan
    if count == 0:
        return []
    listed = plan.monthly if scenario.plan_billing == "monthly" and plan.monthly else plan.annual
    sourced: Sourced | None = plan
    if scenario.docker_desktop_free:
        label, price = f"{plan.label}: free, we qualify", Decimal(0)
    elif scenario.seat_price is not None:
        label, price, sourced = f"{plan.label}, your price", scenario.seat_price, None
    else:
        label, price = f"{plan.label} ({scenario.plan_billing} billing)", listed
    return [
        priced(
            scenario,
            category="subscription",
            label=label,
            quantity=Decimal(count),
            unit="seat-month",
            price=price,
            rate=scenario.exchange_rate,
            sourced=sourced,
            list_price=listed,
        )
    ]


def hourly_rate(scenario: Scenario) -> Decimal:
    """The scenario's DevOps rate in its display currency: every people line's unit price."""
    return in_currency(scenario.devops_hourly_rate, scenario.exchange_rate)


def efforts(terms: tuple[Term, ...], rate: Decimal) -> list[LineItem]:
    """The labour model's terms as lines: each term's likely hours a month at ``rate`` (the
    ``hourly_rate``, converted once per bill), with the source of the hours when they are
    the labour table's. (Priced for every batch row: built positionally in one loop.)"""
    made = []
    for term in terms:
        hours, sourced = term.likely, term.coefficient
        monthly = (hours * rate).quantize(CENT, ROUNDING)
        source, as_of = (None, None) if sourced is None else (sourced.source, sourced.as_of)
        made.append(LineItem("people", term.label, hours, "hour", rate, monthly, source, as_of))
    return made
