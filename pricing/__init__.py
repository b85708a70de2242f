"""The pricing engine: from a Scenario and a Catalog to a Comparison and the advice on it.

Nothing in this package imports a web framework or does I/O outside ``load_catalog``. Its
layers, bottom up: catalog, scenario, resolve, labour, lines, bill, comparison, spread, odds,
advice, sensitivity, engine (see docs/ARCHITECTURE.md).
"""

from pricing.advice import Advice
from pricing.bill import Bill
from pricing.catalog import Catalog, CatalogError, load_catalog
from pricing.comparison import Comparison, estimate
from pricing.engine import Engine, Estimate, SizedEstimate, new_memo
from pricing.labour import PeopleTime, people_time
from pricing.lines import LineItem
from pricing.odds import Odds
from pricing.presets import PRESETS, preset_values
from pricing.scenario import FieldProblem, InputError, Scenario
from pricing.sensitivity import Flip

__all__ = [
    "PRESETS",
    "Advice",
    "Bill",
    "Catalog",
    "CatalogError",
    "Comparison",
    "Engine",
    "Estimate",
    "FieldProblem",
    "Flip",
    "InputError",
    "LineItem",
    "Odds",
    "PeopleTime",
    "Scenario",
    "SizedEstimate",
    "estimate",
    "load_catalog",
    "new_memo",
    "people_time",
    "preset_values",
]
