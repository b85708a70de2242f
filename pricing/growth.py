"""The sizes of every month of the horizon as the workload grows, and the events they make.

Production's workload grows by ``growth_percent_per_month``, compounding: month m's is month
1's × (1 + growth / 100) ^ (m − 1). Each month the setups are re-sized from it by the rules of
``pricing.sizes``; a size past the calculator's bounds (1,000 hosts or nodes) is an input
error naming the month.
"""

from __future__ import annotations

from pricing.environments import names
from pricing.events import Event
from pricing.resolve import Resolved
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.sizes import HUNDRED, MOST_VMS, Hosts, Sizer, Sizes, TooMany, demand_of
from pricing.whole_months import month_text


def size_months(resolved: Resolved, *, start: int) -> tuple[Sizes, ...]:
    """Each month's sizes, month 1 first; InputError where one passes the bounds."""
    scenario, matches = resolved
    demand, growth = demand_of(resolved), scenario.growth_percent_per_month
    if scenario.environments == 1 and (demand is None or growth == 0):  # as entered
        pods = demand if matches.control_plane.pod_pricing is not None else None
        hosts = Hosts(matches.docker_machine.key, scenario.docker_hosts)
        return (Sizes(hosts, scenario.k8s_nodes, pods=pods),) * scenario.horizon_months
    sizer = Sizer(resolved)
    month = 1
    try:
        sizes = [sizer.first(matches.docker_machine.key, demand)]
        if demand is None or growth == 0:
            return tuple(sizes) * scenario.horizon_months
        rate = 1 + growth / HUNDRED
        for month in range(2, scenario.horizon_months + 1):
            sizes.append(sizer.grown(sizes[-1], demand.times(rate ** (month - 1))))
    except TooMany as too_many:
        raise _too_many(too_many, month, start) from None
    return tuple(sizes)


def _too_many(too_many: TooMany, month: int, start: int) -> InputError:
    needs = f"needs {too_many.count:,} {too_many.what}"
    bound = f"the calculator prices at most {MOST_VMS:,}"
    if month == 1:
        return InputError([FieldProblem("environments", f"month 1 {needs}; {bound}")])
    when = f"month {month} ({month_text(start + month - 1)})"
    return InputError(
        [
            FieldProblem(
                "growth_percent_per_month",
                f"the workload grows past what can be sized: {when} {needs}; {bound}",
            )
        ]
    )


def growth_events(scenario: Scenario, before: Sizes, after: Sizes) -> list[Event]:
    """What changed from one month's sizes to the next's."""
    events = _host_events("production", before.docker, after.docker)
    if before.nonprod_docker is not None and after.nonprod_docker is not None:
        each = names(scenario) + (" (each)" if scenario.environments > 2 else "")
        events += _host_events(each, before.nonprod_docker, after.nonprod_docker)
    if after.pods is not None:  # the tier bills the pods, whatever the nodes
        return events
    if scenario.k8s_environments == "namespaces" and scenario.environments > 1:
        total_before, total_after = (
            before.nodes + before.nonprod_nodes,
            after.nodes + after.nonprod_nodes,
        )
        if total_after > total_before:
            whose = f"production's cluster, with {names(scenario)}"
            events.append(_nodes(whose, total_before, total_after))
        return events
    if after.nodes > before.nodes:
        events.append(_nodes("production", before.nodes, after.nodes))
    if after.nonprod_nodes > before.nonprod_nodes:
        each = " (each cluster)" if scenario.environments > 2 else ""
        events.append(_nodes(names(scenario) + each, before.nonprod_nodes, after.nonprod_nodes))
    return events


def _host_events(whose: str, before: Hosts, after: Hosts) -> list[Event]:
    events = []
    if after.instance_type != before.instance_type:
        text = f"{whose}: the Docker host type {before.instance_type} → {after.instance_type}"
        events.append(Event("docker", "host-type-change", text + ", the workload outgrew it"))
    if after.hosts > before.hosts:
        text = f"{whose}: {before.hosts} → {after.hosts} Docker hosts ({after.instance_type})"
        events.append(Event("docker", "host-added", text))
    return events


def _nodes(whose: str, before: int, after: int) -> Event:
    return Event("kubernetes", "node-added", f"{whose}: {before} → {after} nodes")
