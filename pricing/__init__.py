"""The pricing engine: a pure function from a Scenario and a Catalog to a Comparison.

Nothing in this package imports a web framework or does I/O outside ``load_catalog``.
"""

from pricing.catalog import Catalog, CatalogError, load_catalog
from pricing.cost_model import Comparison, SetupCost, estimate
from pricing.line_items import LineItem
from pricing.presets import PRESETS, preset_values
from pricing.scenario import FieldProblem, Scenario, ScenarioError
from pricing.sensitivity import Flip, sensitivity

__all__ = [
    "PRESETS",
    "Catalog",
    "CatalogError",
    "Comparison",
    "FieldProblem",
    "Flip",
    "LineItem",
    "Scenario",
    "ScenarioError",
    "SetupCost",
    "estimate",
    "load_catalog",
    "preset_values",
    "sensitivity",
]
