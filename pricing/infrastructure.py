"""The part of a bill that many scenarios share: what a scenario's infrastructure fields alone
decide (its catalog lookups and every line item but people's), priced once per catalog and
remembered there (``Catalog.memo``) for every scenario with the same fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import itemgetter

from pricing.advice import CHECKLIST_FIELDS, price_notes
from pricing.catalog import Catalog
from pricing.line_items import LineItem, Pricer
from pricing.money import total
from pricing.resolution import Lookups, Resolved, look_up
from pricing.scenario import FIELD_NAMES, Scenario

# Fields no infrastructure line reads: rows that differ only in these share one Infrastructure.
NOT_INFRASTRUCTURE = frozenset(
    {
        "devops_hourly_rate",
        "docker_devops_hours",
        "k8s_rampup_hours",
        "k8s_rampup_months",
        "k8s_steady_hours",
        "horizon_months",
        *CHECKLIST_FIELDS,
        "workload_vcpu",
        "workload_memory_gib",
        "workload_pods",
        "k8s_max_pods",
    }
)
INFRASTRUCTURE_FIELDS = tuple(f for f in FIELD_NAMES if f not in NOT_INFRASTRUCTURE)
_infrastructure_values = itemgetter(*INFRASTRUCTURE_FIELDS)


@dataclass(frozen=True, slots=True)
class Infrastructure:
    """What a scenario's INFRASTRUCTURE_FIELDS alone decide: its catalog lookups, both
    setups' line items before people with their sums, and Kubernetes' infrastructure at its
    fewest and most autoscaled nodes. Many batch rows share one."""

    lookups: Lookups
    docker: tuple[LineItem, ...]
    docker_monthly: Decimal
    kubernetes: tuple[LineItem, ...]
    kubernetes_monthly: Decimal
    kubernetes_range: tuple[Decimal, Decimal] | None
    as_of: date | None  # the oldest read date among these lines' prices
    notes: tuple[str, ...]  # the advice's price traps


def _docker_infrastructure(r: Resolved) -> list[LineItem]:
    p, s = Pricer(r), r.scenario
    items = [
        p.compute(
            r.docker_machine, s.docker_hosts, s.docker_hourly_price, "host", r.docker_purchase
        )
    ]
    items += p.load_balancers(s.docker_load_balancers, s.docker_lb_usage)
    items += p.storage(s.docker_hosts, s.docker_disk_gb, "host")
    items += p.egress()
    items += p.seats("docker")
    return items


def _kubernetes_infrastructure(r: Resolved, nodes: int) -> list[LineItem]:
    p, s = Pricer(r), r.scenario
    items = [p.compute(r.k8s_machine, nodes, s.k8s_hourly_price, "node", r.k8s_purchase)]
    items += p.control_plane()
    items += p.load_balancers(s.k8s_load_balancers, s.k8s_lb_usage)
    items += p.storage(nodes, s.k8s_disk_gb, "node")
    items += p.egress()
    items += p.cross_zone()
    items += p.seats("kubernetes")
    return items


def _monthly(items: list[LineItem]) -> Decimal:
    return total([i.monthly for i in items])


def price_infrastructure(scenario: Scenario, catalog: Catalog) -> Infrastructure:
    """Every line of both setups that does not depend on NOT_INFRASTRUCTURE fields."""
    found = look_up(scenario, catalog)
    r = found.resolved(scenario)
    s = r.scenario
    docker = _docker_infrastructure(r)
    kubernetes = _kubernetes_infrastructure(r, s.k8s_nodes)
    scaled = None
    if s.k8s_nodes_min is not None or s.k8s_nodes_max is not None:
        fewest, most = s.k8s_nodes_min or s.k8s_nodes, s.k8s_nodes_max or s.k8s_nodes
        scaled = (
            _monthly(_kubernetes_infrastructure(r, fewest)),
            _monthly(_kubernetes_infrastructure(r, most)),
        )
    dates = [i.as_of for i in (*docker, *kubernetes) if i.as_of]
    return Infrastructure(
        found,
        tuple(docker),
        _monthly(docker),
        tuple(kubernetes),
        _monthly(kubernetes),
        scaled,
        min(dates) if dates else None,
        price_notes(r),
    )


def infrastructure(scenario: Scenario, catalog: Catalog) -> Infrastructure:
    """``price_infrastructure`` of the resolved scenario, remembered by the catalog for every
    scenario with the same INFRASTRUCTURE_FIELDS."""
    # Decimals by their text: 1.0 equals 1 but a label shows them differently.
    values = _infrastructure_values(scenario.__dict__)
    key = tuple([str(v) if v.__class__ is Decimal else v for v in values])
    return catalog.memo.get(key, lambda: price_infrastructure(scenario, catalog))
