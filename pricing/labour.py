"""The labour model: each setup's people time as terms. A term is a driver's count a month
times hours per unit (a Range: the labour table's, or the scenario's own field), or the hours a
month a user entered outright, which replace the drivers' estimate of what they cover.

The bill prices each term's likely hours as a line (``pricing.bill``); the odds draw from
every term's range (``pricing.odds``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pricing.catalog import Coefficient, DockerLabour, KubernetesLabour, Labour, field_name
from pricing.drivers import DRIVER_FIELDS, DriverCounts, driver_counts
from pricing.input_types import RANGE_LIMITS
from pricing.ranges import Range, point
from pricing.scenario import Scenario, Setup

# Every field people_time reads: scenarios equal in these have equal people time (with one
# labour table), so the Engine remembers it by them.
LABOUR_FIELDS = (*RANGE_LIMITS, *DRIVER_FIELDS)


class Term(NamedTuple):
    """``units`` a month of ``each`` hours (or, for the ramp-up's length, months): ``likely``
    hours a month at the likely value.

    ``field`` is the Scenario field that overrides ``each``; ``coefficient`` is the labour
    table's entry it came from (None when the user entered it)."""

    field: str
    name: str
    label: str
    units: Decimal
    each: Range
    coefficient: Coefficient | None
    likely: Decimal


def term(
    field: str, name: str, label: str, units: Decimal, each: Range, coefficient: Coefficient | None
) -> Term:
    """A term, its likely hours a month worked out once."""
    return Term(field, name, label, units, each, coefficient, units * each.likely)


class SetupTime(NamedTuple):
    """One setup's people time: the terms of a steady month; for Kubernetes, what a month
    during the ramp-up adds to them (``extra``), or the hours entered for such a month, which
    replace them (``replaces``), and the ramp-up's length."""

    steady: tuple[Term, ...]
    extra: tuple[Term, ...] = ()
    replaces: bool = False
    months: Term | None = None
    rampup_months: int = 0  # whole months of ramp-up at the likely value (bill and timeline)

    @property
    def rampup(self) -> tuple[Term, ...]:
        """Every term of a month during the ramp-up."""
        return self.extra if self.replaces else (*self.steady, *self.extra)


class PeopleTime(NamedTuple):
    """Both setups' people time; ``upgrade`` is one minor upgrade of one cluster, which the
    months charge when the version calendar has the team upgrade (``pricing.upgrades``)."""

    docker: SetupTime
    kubernetes: SetupTime
    counts: DriverCounts
    upgrade: Term


# Each setup's drivers: the coefficient, the count it multiplies and that count's noun.
_DOCKER_DRIVERS = (
    ("host_hours", "docker_hosts", "host"),
    ("service_hours", "services", "service"),
    ("stateful_hours", "stateful_services", "stateful service"),
    ("deploy_hours", "deploys", "deploy"),
    ("incident_hours", "docker_hosts", "host"),
)
_KUBERNETES_DRIVERS = (
    ("cluster_hours", "clusters", "cluster"),
    ("service_hours", "services", "service"),
    ("stateful_hours", "stateful_services", "stateful service"),
    ("deploy_hours", "deploys", "deploy"),
    ("incident_hours", "clusters", "cluster"),
)


# The fields of a steady month's people lines, each setup's drivers then its hours entered
# outright (which replace them): the batch's people columns, by these names.
STEADY_FIELDS = (
    *(field_name("docker", key) for key, _, _ in _DOCKER_DRIVERS),
    "docker_devops_hours",
    *(field_name("kubernetes", key) for key, _, _ in _KUBERNETES_DRIVERS),
    "k8s_steady_hours",
)


def _hours(value: Decimal) -> str:
    return point(value).text()


def _term(
    scenario: Scenario,
    setup: Setup,
    key: str,
    coefficient: Coefficient,
    count: Decimal,
    what: str | None,
) -> Term:
    """A driver's term: the scenario's own range for the coefficient, else the table's;
    ``what`` counts the driver in its label (None: hours a month, counted once)."""
    field = field_name(setup, key)
    own: Range | None = getattr(scenario, field)
    each = coefficient.range if own is None else own
    hours = _hours(each.likely)
    detail = f"{what} × {hours} h" if what else f"{hours} h a month"
    label = f"{coefficient.label} ({detail})"
    return term(field, coefficient.name, label, count, each, coefficient if own is None else None)


def _counted(count: Decimal | int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _drivers(
    scenario: Scenario,
    setup: Setup,
    table: DockerLabour | KubernetesLabour,
    counts: DriverCounts,
    drivers: tuple[tuple[str, str, str], ...],
) -> list[Term]:
    terms = []
    for key, counted, noun in drivers:
        count = Decimal(getattr(counts, counted))
        if count:
            what = _counted(count, noun) + (" a month" if counted == "deploys" else "")
            terms.append(_term(scenario, setup, key, getattr(table, key), count, what))
    return terms


def _entered(field: str, name: str, label: str, hours: Range) -> tuple[Term, ...]:
    """Hours a month the user entered outright: one term."""
    return (term(field, name, label, Decimal(1), hours, None),)


def _docker(scenario: Scenario, table: DockerLabour, counts: DriverCounts) -> SetupTime:
    if scenario.docker_devops_hours is not None:
        hours = scenario.docker_devops_hours
        return SetupTime(
            _entered("docker_devops_hours", "Docker DevOps hours", "DevOps engineering", hours)
        )
    return SetupTime(tuple(_drivers(scenario, "docker", table, counts, _DOCKER_DRIVERS)))


def _upgrade(scenario: Scenario, table: KubernetesLabour) -> Term:
    """One minor upgrade of one cluster."""
    coefficient, one = table.upgrade_hours, Decimal(1)
    return _term(scenario, "kubernetes", "upgrade_hours", coefficient, one, "1 cluster")


def _kubernetes(scenario: Scenario, table: KubernetesLabour, counts: DriverCounts) -> SetupTime:
    if scenario.k8s_steady_hours is not None:
        steady = _entered(
            "k8s_steady_hours",
            "Kubernetes steady DevOps hours",
            "DevOps engineering, steady state",
            scenario.k8s_steady_hours,
        )
    else:
        steady = tuple(_drivers(scenario, "kubernetes", table, counts, _KUBERNETES_DRIVERS))
    entered = scenario.k8s_rampup_hours
    if entered is not None:
        name, label = "Kubernetes ramp-up DevOps hours", "DevOps engineering, ramp-up"
        extra = _entered("k8s_rampup_hours", name, label, entered)
    else:
        coefficient, one = table.rampup_extra_hours, Decimal(1)
        extra = (_term(scenario, "kubernetes", "rampup_extra_hours", coefficient, one, None),)
    months = table.rampup_months
    own = scenario.k8s_rampup_months
    length = term(
        "k8s_rampup_months",
        months.name,
        months.label,
        Decimal(1),
        months.range if own is None else own,
        months if own is None else None,
    )
    return SetupTime(steady, extra, entered is not None, length, int(length.each.likely))


def people_time(scenario: Scenario, labour: Labour) -> PeopleTime:
    """Both setups' people time for ``scenario`` with the labour table ``labour``; an
    InputError names a count that contradicts another."""
    counts = driver_counts(scenario)
    return PeopleTime(
        _docker(scenario, labour.docker, counts),
        _kubernetes(scenario, labour.kubernetes, counts),
        counts,
        _upgrade(scenario, labour.kubernetes),
    )


def docker_host_hours(scenario: Scenario, labour: Labour) -> Decimal:
    """The likely hours a month each Docker host adds (the drivers counted per host, the
    scenario's own ranges first; none when the Docker hours are entered outright): the
    sizing weighs them with the hosts' price when it spreads the services over hosts."""
    if scenario.docker_devops_hours is not None:
        return Decimal(0)
    total = Decimal(0)
    for key, counted, _ in _DOCKER_DRIVERS:
        if counted == "docker_hosts":
            own: Range | None = getattr(scenario, field_name("docker", key))
            total += (getattr(labour.docker, key).range if own is None else own).likely
    return total
