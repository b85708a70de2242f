"""Drivers of people time: what a scenario runs, counted. Each count multiplies a coefficient
of the labour table (``pricing.labour``). ``driver_counts`` is the one place a Scenario becomes
counts: a new driver (environments, a second cluster) is a field here and a term there."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pricing.scenario import FieldProblem, InputError, Scenario

# Deploys a month for each answer to "how often do you deploy": about four weeks and twenty
# working days a month, and three a working day for "several" (a judgement, docs/PRICING.md).
DEPLOYS_A_MONTH = {"weekly": Decimal(4), "daily": Decimal(20), "several-daily": Decimal(60)}
# The Scenario fields driver_counts reads.
DRIVER_FIELDS = (
    "docker_hosts",
    "environments",
    "k8s_environments",
    "services",
    "stateful",
    "stateful_services",
    "deploy_frequency",
)


class DriverCounts(NamedTuple):
    """What the scenario runs: Docker hosts and Kubernetes clusters (every environment's),
    services, the services that keep state, and deploys a month."""

    docker_hosts: int
    clusters: int
    services: int
    stateful_services: int
    deploys: Decimal


def stateful_count(scenario: Scenario) -> int:
    """The services that keep state: as entered, else 1 when the scenario is stateful; an
    InputError naming ``stateful_services`` when it contradicts ``stateful`` or ``services``."""
    count = scenario.stateful_services
    if count is None:
        return 1 if scenario.stateful else 0
    problem = None
    if count > scenario.services:
        problem = f"must not be more than services ({scenario.services})"
    elif count > 0 and not scenario.stateful:
        problem = "is more than 0 but stateful is false: set stateful to true, or enter 0"
    elif count == 0 and scenario.stateful:
        problem = "is 0 but stateful is true: enter how many services keep state"
    if problem:
        raise InputError([FieldProblem("stateful_services", problem)])
    return count


def driver_counts(scenario: Scenario) -> DriverCounts:
    """The counts the labour model multiplies: each environment has its Docker hosts (as many
    as production's) and, with ``k8s_environments=clusters``, its cluster."""
    environments = scenario.environments
    clusters = environments if scenario.k8s_environments == "clusters" else 1
    return DriverCounts(
        docker_hosts=scenario.docker_hosts * environments,
        clusters=clusters,
        services=scenario.services,
        stateful_services=stateful_count(scenario),
        deploys=DEPLOYS_A_MONTH[scenario.deploy_frequency],
    )
