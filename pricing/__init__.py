"""The pricing engine: a pure function from a Scenario and a Catalog to a Comparison.

Nothing in this package imports a web framework or does I/O outside ``load_catalog``.
"""

from pricing.catalog import Catalog, CatalogError, load_catalog
from pricing.cost_model import Comparison, LineItem, SetupCost, estimate
from pricing.presets import PRESETS, preset_values
from pricing.scenario import FieldProblem, Scenario, ScenarioError

__all__ = [
    "PRESETS",
    "Catalog",
    "CatalogError",
    "Comparison",
    "FieldProblem",
    "LineItem",
    "Scenario",
    "ScenarioError",
    "SetupCost",
    "estimate",
    "load_catalog",
    "preset_values",
]
