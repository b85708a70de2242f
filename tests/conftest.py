"""Shared fixtures: the bundled catalog, an app and a client on it, and golden files.

Golden files (tests/goldens/) hold what a few scenarios' outputs say, exactly: a change to any
of them fails its test until the files are rewritten on purpose, with
``pytest --update-goldens`` (then read the diff before committing it). CSV's CRLF line endings
are spelled out in the files as ``\\r`` at the end of each line, so neither an editor nor git
can change them unseen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from pricing import Catalog, load_catalog
from tests.live import serve


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def app() -> FastAPI:
    return create_app(Settings())


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The app served by uvicorn on a free 127.0.0.1 port for the whole session."""
    proc, url = serve()
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


GOLDENS = Path(__file__).resolve().parent / "goldens"
CRLF, SPELLED = "\r\n", "\\r\n"  # a CRLF line end, and how a golden file spells it


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/goldens/ from what the code gives now (read the diff after)",
    )


class Goldens:
    """Compares an output with its golden file (or, when updating, rewrites the file)."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, text: str) -> None:
        assert SPELLED not in text, "the output holds a line ending in a spelled-out \\r"
        assert "\r" not in text.replace(CRLF, ""), "the output holds a carriage return alone"
        spelled = text.replace(CRLF, SPELLED)
        path = GOLDENS / name
        if self.update:
            path.write_text(spelled, encoding="utf-8", newline="\n")
        assert path.exists(), f"{path} is missing: run pytest --update-goldens"
        assert spelled == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture
def goldens(request: pytest.FixtureRequest) -> Goldens:
    return Goldens(bool(request.config.getoption("--update-goldens")))
