"""The app's layout holds: a package per face, what several faces say without HTTP, no route
module importing another, and the JSON API apart from the page's form."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
# The modules that define routes (each face's router).
ROUTE_MODULES = {
    "app.api.routes",
    "app.api.docs",
    "app.compare.api",
    "app.compare.page",
    "app.embed.routes",
    "app.page.routes",
    "app.sizing.api",
    "app.sizing.page",
    "app.web.health",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, ``from app.x import y`` counted as app.x and app.x.y."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(path): imports_of(path) for path in APP.rglob("*.py")}


def test_the_route_modules_are_all_known() -> None:
    routers = {name for name, found in MODULES.items() if "fastapi.APIRouter" in found}
    assert routers == ROUTE_MODULES


@pytest.mark.parametrize("name", sorted(ROUTE_MODULES))
def test_no_route_module_imports_another(name: str) -> None:
    assert not (MODULES[name] & (ROUTE_MODULES - {name}))


@pytest.mark.parametrize(
    "name", sorted(n for n in MODULES if n.startswith(("app.api", "app.present")))
)
def test_the_api_and_the_shared_words_do_not_reach_the_page(name: str) -> None:
    assert not {found for found in MODULES[name] if found.startswith("app.page")}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("app.present")))
def test_what_several_faces_say_knows_no_http(name: str) -> None:
    http = {
        found for found in MODULES[name] if found.startswith(("fastapi", "starlette", "app.web"))
    }
    assert not http
