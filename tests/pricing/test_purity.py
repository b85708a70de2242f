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
