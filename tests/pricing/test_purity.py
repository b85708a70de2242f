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


# The engine's modules, bottom up: each may import only modules before it in this list.
LAYERS = (
    "money",
    "memo",
    "catalog",
    "scenario",
    "presets",
    "resolve",
    "lines",
    "capacity",
    "bill",
    "comparison",
    "advice",
    "sensitivity",
    "engine",
)


def _pricing_imports(path: Path) -> set[str]:
    """The pricing modules ``path`` imports (``from pricing import lines`` counts as lines)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "pricing":
                found.update(a.name for a in node.names)
            elif node.module.startswith("pricing."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("pricing."))
    return found


def test_each_layer_imports_only_the_layers_below_it() -> None:
    root = Path(pricing.__file__).parent
    for level, name in enumerate(LAYERS):
        below = set(LAYERS[:level])
        above = _pricing_imports(root / f"{name}.py") & set(LAYERS) - below
        assert not above, f"pricing/{name}.py imports {sorted(above)}, which sit above it"
