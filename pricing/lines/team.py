"""What the team costs: the Docker subscription seats of a setup, and engineering hours (one
line per term of the labour model, ``pricing.labour``)."""

from __future__ import annotations

from decimal import Decimal

from pricing.catalog import Sourced
from pricing.labour import Term
from pricing.lines.item import LineItem, in_currency, priced
from pricing.money import to_cents
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


def people(
    scenario: Scenario, *, hours: Decimal, label: str, sourced: Sourced | None = None
) -> LineItem:
    """Engineering hours at the scenario's rate, with the source of the hours when they come
    from the labour table (priced for every batch row: built positionally, as ``priced``
    would build it, a third of its cost)."""
    price = in_currency(scenario.devops_hourly_rate, scenario.exchange_rate)
    source, as_of = (sourced.source, sourced.as_of) if sourced else (None, None)
    return LineItem("people", label, hours, "hour", price, to_cents(hours * price), source, as_of)


def effort(scenario: Scenario, term: Term) -> LineItem:
    """A term of the labour model as a line: its likely hours a month at the rate."""
    return people(scenario, hours=term.likely, label=term.label, sourced=term.coefficient)
