"""Sizing from an application's own files: Compose or Kubernetes manifests in, both setups
sized (Docker host type; Kubernetes node type, count and placement) and a Scenario out.

    sizing = size(text, scenario, catalog=catalog)   # or size([text1, text2], ...)
    comparison = estimate(sizing.scenario, catalog)

See docs/SIZING.md for every rule and default.
"""

from pricing.workload.errors import SizingError
from pricing.workload.model import Application, SizingOptions, Warning, Workload
from pricing.workload.reading import read_application
from pricing.workload.report import Sizing, SizingReport
from pricing.workload.sizing import size, size_workload
from pricing.workload.yamlsafe import Limits

__all__ = [
    "Application",
    "Limits",
    "Sizing",
    "SizingError",
    "SizingOptions",
    "SizingReport",
    "Warning",
    "Workload",
    "read_application",
    "size",
    "size_workload",
]
