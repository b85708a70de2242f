"""The pricing engine: from a Scenario and a Catalog to a Comparison and the advice on it.

Nothing in this package imports a web framework, and no cost function does I/O: the catalog
is read once by ``load_catalog``, and the price lists are fetched only by the operator's
``pricing.refresh`` tool. Its layers, bottom up: catalog, scenario (each field's role stated
on it: roles), resolve (with the rules across fields: rules), labour (people time), lines, bill,
comparison, spread and odds, advice, sensitivity, engine; beside them the sizing from files
(workload). See docs/ARCHITECTURE.md.
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
