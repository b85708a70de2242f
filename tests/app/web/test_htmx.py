"""One rule for full page or partial, on the page and the sizing form alike: the partial when
htmx asks, the whole page when htmx restores one from its history."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from app.web.htmx import is_partial

COMPOSE = Path(__file__).resolve().parents[2] / "fixtures" / "sizing" / "article-compose.yml"


def request(*headers: tuple[str, str]) -> Request:
    raw = [(name.encode(), value.encode()) for name, value in headers]
    return Request({"type": "http", "method": "GET", "path": "/", "headers": raw})


@pytest.mark.parametrize(
    ("headers", "partial"),
    [
        ((), False),
        ((("hx-request", "true"),), True),
        ((("hx-request", "true"), ("hx-history-restore-request", "true")), False),
        ((("hx-request", "false"),), False),
    ],
)
def test_the_partial_only_when_htmx_asks_and_restores_nothing(
    headers: tuple[tuple[str, str], ...], partial: bool
) -> None:
    assert is_partial(request(*headers)) is partial


@pytest.mark.parametrize(("restore", "page"), [(False, False), (True, True)])
def test_the_sizing_form_answers_a_history_restore_with_the_page(
    client: TestClient, restore: bool, page: bool
) -> None:
    headers = {"HX-Request": "true", **({"HX-History-Restore-Request": "true"} if restore else {})}
    answer = client.post("/size", data={"yaml": COMPOSE.read_text()}, headers=headers)
    assert answer.status_code == 200
    assert answer.text.startswith("<!doctype html>") is page
