"""The cluster's node type and count: bounding the search finds what packing every type does."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pricing.allocatable import flavour_of, node_allocatable
from pricing.catalog import load_catalog
from pricing.scenario import Scenario
from pricing.workload import SizingOptions, read_application
from pricing.workload.candidates import candidates
from pricing.workload.cluster import pack, size_cluster, steady

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sizing"
CATALOG = load_catalog()


def every_type(text: str, scenario: Scenario) -> list[tuple[Decimal, int, str]]:
    """Pack every type, cheapest first: the answer without a bound."""
    app, options = read_application(text), SizingOptions()
    flavour = flavour_of(scenario.provider, scenario.control_plane)
    found = []
    for candidate in candidates(scenario, CATALOG):
        allocatable = node_allocatable(flavour, candidate.spec, options.max_pods)
        nodes = pack(app, allocatable, steady, options)
        if nodes is not None:
            found.append(
                (candidate.monthly(len(nodes), scenario.hours_per_month), len(nodes), candidate.key)
            )
    return sorted(found)


@pytest.mark.parametrize("fixture", ["article-compose.yml", "shop-manifests.yaml"])
@pytest.mark.parametrize("provider", ["aws", "gcp", "azure", "digitalocean", "linode"])
def test_the_bound_finds_the_cheapest_and_the_runner_up(fixture: str, provider: str) -> None:
    text = (FIXTURES / fixture).read_text()
    scenario = Scenario(provider=provider)
    app, options = read_application(text), SizingOptions()
    flavour = flavour_of(provider, None)
    sized = size_cluster(
        app, candidates(scenario, CATALOG), flavour, scenario.hours_per_month, options
    )
    best, second = every_type(text, scenario)[:2]
    assert (sized.monthly, sized.nodes, sized.instance_type) == best
    assert sized.runner_up is not None
    assert (sized.runner_up.monthly, sized.runner_up.count, sized.runner_up.instance_type) == second
