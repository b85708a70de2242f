"""Shared fixtures: the bundled catalog, an app and a client on it."""

from __future__ import annotations

from collections.abc import Iterator

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
