"""The cluster's node type and count: bounding the search finds what packing every type does."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pricing.catalog import load_catalog
from pricing.scenario import Scenario
from pricing.workload import SizingOptions, read_application
from pricing.workload.candidates import candidates
from pricing.workload.cluster import pack, packing_of, plan_of, shape_of, size_cluster
from pricing.workload.sizing import setting_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sizing"
CATALOG = load_catalog()


def every_type(text: str, scenario: Scenario) -> list[tuple[Decimal, int, str]]:
    """Pack every type, cheapest first: the answer without a bound."""
    app, options = read_application(text), SizingOptions()
    flavour, system, rule = setting_of(scenario, CATALOG, app, options)
    plan, hours = plan_of(app, system, options), scenario.hours_per_month
    found = []
    for machine in candidates(scenario, CATALOG):
        shape = shape_of(machine, flavour, plan, rule, options)
        nodes = pack(shape, plan)
        if nodes is not None:
            packing = packing_of(shape, nodes, plan, rule, hours)
            found.append((packing.monthly, len(nodes), machine.key))
    return sorted(found)


@pytest.mark.parametrize("fixture", ["article-compose.yml", "shop-manifests.yaml"])
@pytest.mark.parametrize("provider", ["aws", "gcp", "azure", "digitalocean", "linode"])
def test_the_bound_finds_the_cheapest_and_the_runner_up(fixture: str, provider: str) -> None:
    text = (FIXTURES / fixture).read_text()
    scenario = Scenario(provider=provider)
    app, options = read_application(text), SizingOptions()
    flavour, system, rule = setting_of(scenario, CATALOG, app, options)
    machines = candidates(scenario, CATALOG)
    sized = size_cluster(app, machines, flavour, scenario.hours_per_month, options, system, rule)
    best, second = every_type(text, scenario)[:2]
    assert (sized.monthly, sized.nodes, sized.instance_type) == best
    assert sized.runner_up is not None
    assert (sized.runner_up.monthly, sized.runner_up.count, sized.runner_up.instance_type) == second
