"""The engine stays pure: no web framework, template engine or server in pricing/."""

from __future__ import annotations

import ast
from pathlib import Path

import pricing

FORBIDDEN = {"fastapi", "starlette", "jinja2", "uvicorn", "httpx", "app"}


def test_pricing_imports_no_web_framework() -> None:
    root = Path(pricing.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path} imports {name}"


# The engine's modules, bottom up: each may import only modules before it in this list. A
# package's modules come before the package itself (its ``__init__``, which re-exports them).
LAYERS = (
    "money",
    "memo",
    "ranges",
    "catalog.entries",
    "catalog.labour",
    "catalog.network",
    "catalog.containers",
    "catalog.versions",
    "catalog.providers",
    "catalog.loading",
    "catalog",
    "input_types",
    "problems",
    "roles",
    "scenario",
    "presets",
    "rules",
    "whole_months",
    "versions",
    "resolve",
    "drivers",
    "labour",
    "lines.item",
    "lines.credits",
    "lines.machines",
    "lines.managed",
    "lines.network",
    "lines.team",
    "lines",
    "capacity",
    "bill",
    "containers",
    "sizes",
    "environments",
    "events",
    "growth",
    "upgrades",
    "month_plan",
    "months",
    "comparison",
    "spread",
    "odds",
    "advice",
    "sensitivity",
    "engine",
)


def _source(root: Path, name: str) -> Path:
    """The file of ``name`` (``lines`` is pricing/lines/__init__.py, ``lines.item`` its item.py)."""
    path = root.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _pricing_imports(path: Path) -> set[str]:
    """The pricing modules ``path`` imports, dotted below ``pricing``: ``from pricing import
    lines`` and ``from pricing.lines import LineItem`` count as lines, ``from pricing.lines.item
    import LineItem`` as lines.item."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module != "pricing" and not node.module.startswith("pricing."):
                continue
            package = node.module.removeprefix("pricing").removeprefix(".")
            for alias in node.names:
                module = f"{package}.{alias.name}" if package else alias.name
                found.add(module if module in LAYERS or not package else package)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("pricing.") for a in node.names if a.name.startswith("pricing.")
            )
    return found


def test_each_layer_imports_only_the_layers_below_it() -> None:
    root = Path(pricing.__file__).parent
    for level, name in enumerate(LAYERS):
        below = set(LAYERS[:level])
        above = _pricing_imports(_source(root, name)) & set(LAYERS) - below
        assert not above, f"pricing/{name} imports {sorted(above)}, which sit above it"


def test_every_module_of_a_layered_package_has_its_layer() -> None:
    root = Path(pricing.__file__).parent
    for package in {name.split(".")[0] for name in LAYERS if "." in name}:
        for path in (root / package).glob("*.py"):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            assert name in LAYERS, f"pricing/{package}/{path.name} is not in LAYERS"
