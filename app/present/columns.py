"""One registry of the named values a result offers as text, and the faces that pick from it:
``/api/v1/value`` (by its dotted key), the CSV summary row and the batch output (by CSV name).

Beside the fixed columns, a column per managed container service of the catalog
(``managed_columns``): its monthly price for the scenario's workload, a reference in no total.
The summary and /value offer them; the batch does not (its header is one for rows of any
provider, and has kept its columns since it first shipped).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from app.present.cells import cents_text, decimal_text
from pricing import Bill, Catalog, Estimate
from pricing.labour import STEADY_FIELDS
from pricing.odds import Odds

SETUPS = ("docker", "kubernetes")
SETUP_TOTALS = (
    "infrastructure_monthly",
    "people_monthly",
    "monthly_total",
    "people_first_month",
    "first_month_total",
    "horizon_total",
)
ODDS_MEASURES = ("monthly_total", "horizon_total")
QUANTILES = ("p10", "p50", "p90")
SUMMARY_INPUTS = (
    "provider",
    "region",
    "docker_instance_type",
    "docker_hosts",
    "k8s_instance_type",
    "k8s_nodes",
    "control_plane",
    "devops_hourly_rate",
    "horizon_months",
)


class Column(NamedTuple):
    """A value as text: ``key`` names it in /api/v1/value, ``csv_name`` heads its CSV column."""

    key: str
    csv_name: str
    text: Callable[[Estimate], str]


def _total(setup: str, name: str) -> Callable[[Estimate], str]:
    amount = attrgetter(f"comparison.{setup}.{name}")  # one C call for three lookups
    return lambda result: cents_text(amount(result))


def _scaled(end: int) -> Callable[[Estimate], str]:
    def text(result: Estimate) -> str:
        low_high = result.comparison.kubernetes.monthly_range
        return cents_text(low_high[end]) if low_high else ""

    return text


def _fits(setup: str) -> Callable[[Estimate], str]:
    def text(result: Estimate) -> str:
        fit = [f.fits for f in result.comparison.fit if f.setup == setup]
        return ("yes" if fit[0] else "no") if fit else ""

    return text


def _input(name: str) -> Callable[[Estimate], str]:
    def text(result: Estimate) -> str:
        value = getattr(result.comparison.scenario, name)
        return decimal_text(value) if isinstance(value, Decimal) else str(value)

    return text


def _odds(text: Callable[[Odds], str]) -> Callable[[Estimate], str]:
    """A value of the odds; empty when the scenario asked for none (odds=false)."""
    return lambda result: "" if result.odds is None else text(result.odds)


def _probability(odds: Odds) -> str:
    probability = odds.kubernetes_cheaper_probability
    return "" if probability is None else decimal_text(probability)


def _quantile(setup: str, measure: str, name: str) -> Callable[[Estimate], str]:
    amount = attrgetter(f"{setup}.{measure}.{name}")
    return _odds(lambda odds: cents_text(amount(odds)))


def _ratio(result: Estimate) -> str:
    ratio = result.comparison.difference.ratio
    return decimal_text(ratio) if ratio else ""


class _People:
    """Each steady people line's hours a month in one result, by its Scenario field: read
    once for all the people columns of a row (kept by the people time's identity, which the
    Engine shares between scenarios with the same people-time inputs)."""

    def __init__(self) -> None:
        self.people: object = None
        self.hours: dict[str, Decimal] = {}

    def of(self, result: Estimate) -> dict[str, Decimal]:
        people = result.comparison.people
        if people is not self.people:
            terms = () if people is None else (*people.docker.steady, *people.kubernetes.steady)
            self.people, self.hours = people, {term.field: term.likely for term in terms}
        return self.hours


def _people_hours(field: str, hours: _People) -> Callable[[Estimate], str]:
    def text(result: Estimate) -> str:
        found = hours.of(result).get(field)
        return "" if found is None else decimal_text(found)

    return text


_HOURS = _People()
# A steady month's hours of each people line (the labour model's drivers, or the hours
# entered outright), empty where the line does not apply: the batch's people columns.
PEOPLE_COLUMNS = tuple(
    Column(f"people.{field}", f"{field}_a_month", _people_hours(field, _HOURS))
    for field in STEADY_FIELDS
)


COLUMNS: dict[str, Column] = {
    column.key: column
    for column in (
        *(Column(f"scenario.{name}", name, _input(name)) for name in SUMMARY_INPUTS),
        *(
            Column(f"{setup}.{name}", f"{setup}_{name}", _total(setup, name))
            for setup in SETUPS
            for name in SETUP_TOTALS
        ),
        Column("kubernetes.monthly_at_min_nodes", "kubernetes_monthly_at_min_nodes", _scaled(0)),
        Column("kubernetes.monthly_at_max_nodes", "kubernetes_monthly_at_max_nodes", _scaled(1)),
        Column(
            "difference.monthly",
            "difference_monthly",
            lambda result: cents_text(result.comparison.difference.monthly),
        ),
        Column(
            "difference.first_month",
            "difference_first_month",
            lambda result: cents_text(result.comparison.difference.first_month),
        ),
        Column(
            "difference.horizon",
            "difference_horizon",
            lambda result: cents_text(result.comparison.difference.horizon),
        ),
        Column("difference.ratio", "difference_ratio", _ratio),
        Column(
            "difference.cheaper", "cheaper", lambda result: result.comparison.difference.cheaper
        ),
        Column(
            "difference.break_even_month",
            "break_even_month",
            lambda result: str(result.comparison.difference.break_even_month or ""),
        ),
        Column(
            "advice.recommendation",
            "recommendation",
            lambda result: result.advice.recommendation,
        ),
        Column("docker.fits", "docker_fits", _fits("docker")),
        Column("kubernetes.fits", "kubernetes_fits", _fits("kubernetes")),
        Column("currency", "currency", lambda result: result.comparison.currency),
        Column(
            "odds.kubernetes_cheaper_probability",
            "kubernetes_cheaper_probability",
            _odds(_probability),
        ),
        *(
            Column(
                f"odds.{setup}.{measure}.{name}",
                f"{setup}_{measure}_{name}",
                _quantile(setup, measure, name),
            )
            for setup in SETUPS
            for measure in ODDS_MEASURES
            for name in QUANTILES
        ),
        *PEOPLE_COLUMNS,
    )
}


def pick(*keys: str) -> tuple[Column, ...]:
    return tuple(COLUMNS[key] for key in keys)


def _totals(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{setup}.{name}" for setup in SETUPS for name in names)


_DIFFERENCE = ("difference.monthly", "difference.first_month", "difference.horizon")
# The probability and each setup's horizon total at P10, P50 and P90.
_ODDS = (
    "odds.kubernetes_cheaper_probability",
    *(f"odds.{setup}.horizon_total.{name}" for setup in SETUPS for name in QUANTILES),
)
VALUE_COLUMNS = pick(
    *_totals(SETUP_TOTALS),
    *_DIFFERENCE,
    "difference.ratio",
    "difference.cheaper",
    "difference.break_even_month",
    "advice.recommendation",
    *(key for key in COLUMNS if key.startswith("odds.")),
    *(column.key for column in PEOPLE_COLUMNS),
)
VALUES = {column.key: column for column in VALUE_COLUMNS}
SUMMARY_COLUMNS = pick(
    *(f"scenario.{name}" for name in SUMMARY_INPUTS),
    *_totals(SETUP_TOTALS),
    "difference.monthly",
    "difference.horizon",
    "difference.cheaper",
    "advice.recommendation",
    "difference.break_even_month",
    "currency",
    *_ODDS,
)
# people_first_month left out: the batch output has kept its columns since it first shipped.
BATCH_COLUMNS = pick(
    *_totals(tuple(name for name in SETUP_TOTALS if name != "people_first_month")),
    "kubernetes.monthly_at_min_nodes",
    "kubernetes.monthly_at_max_nodes",
    "difference.monthly",
    "difference.horizon",
    "difference.break_even_month",
    "difference.cheaper",
    "advice.recommendation",
    "docker.fits",
    "kubernetes.fits",
    "currency",
    *_ODDS,
    *(column.key for column in PEOPLE_COLUMNS),
)


class _Quotes:
    """Each service's monthly price in one result, by key: quoted once for all the managed
    columns of a row (the last result asked for is kept, by identity; quoting a provider's
    services takes about 90 µs, six columns asking alone took 0.6 ms a summary row)."""

    def __init__(self) -> None:
        self.result: Estimate | None = None
        self.monthly: dict[str, Decimal | None] = {}

    def of(self, result: Estimate) -> dict[str, Decimal | None]:
        if result is not self.result:
            quotes = result.comparison.managed_containers
            self.result, self.monthly = result, {quote.key: quote.monthly for quote in quotes}
        return self.monthly


def _managed(service: str, quotes: _Quotes) -> Callable[[Estimate], str]:
    def text(result: Estimate) -> str:
        monthly = quotes.of(result).get(service)
        return "" if monthly is None else cents_text(monthly)

    return text


def managed_columns(catalog: Catalog) -> tuple[Column, ...]:
    """A column per managed container service of the catalog (of any provider, in the
    catalog's order): the service's monthly price for the workload; empty where the
    scenario's provider has no such service, no workload is given, or it has no price."""
    keys = dict.fromkeys(key for p in catalog.providers.values() for key in p.managed_containers)
    quotes = _Quotes()
    return tuple(
        Column(
            f"managed_containers.{key}.monthly",
            f"managed_{key.replace('-', '_')}_monthly",
            _managed(key, quotes),
        )
        for key in keys
    )


def value_column(key: str, catalog: Catalog) -> Column | None:
    """The value /api/v1/value names ``key``: one of VALUES or a managed container
    service's monthly price; None if neither."""
    found = VALUES.get(key)
    if found is None:
        found = next((column for column in managed_columns(catalog) if column.key == key), None)
    return found


def summary_columns(catalog: Catalog) -> tuple[Column, ...]:
    """The CSV summary's columns: the fixed ones, then the catalog's managed services'."""
    return (*SUMMARY_COLUMNS, *managed_columns(catalog))


def header(columns: tuple[Column, ...]) -> list[str]:
    return [column.csv_name for column in columns]


def row(columns: tuple[Column, ...], result: Estimate) -> list[str]:
    return [column.text(result) for column in columns]


def bill_of(result: Estimate, setup: str) -> Bill:
    """One setup's bill of a result, by name."""
    bill: Bill = getattr(result.comparison, setup)
    return bill
