"""An over-limit body over real HTTP: common clients read the 413 and its message."""

from __future__ import annotations

import asyncio
import json
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.types import Message

from app.web.body_limit import discard_body

BIG = 64 * 1024 * 1024
MESSAGE = "request body larger than 1000000 bytes"


def run_apart(coroutine: Any) -> Any:
    """asyncio.run in a thread of its own: Playwright's sync API may hold this thread's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=30)


def post(url: str, body: bytes | Iterator[bytes], headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_urllib_reads_the_413_of_a_64_mib_body(live_server: str) -> None:
    status, body = post(
        live_server + "/api/v1/estimate",
        b"{" + b" " * BIG + b"}",
        {"Content-Type": "application/json"},
    )
    assert status == 413
    assert body == {"detail": [{"field": "body", "message": MESSAGE}]}


def test_urllib_reads_the_413_of_a_chunked_body(live_server: str) -> None:
    chunks = (b" " * 1024 * 1024 for _ in range(64))  # no length given: sent chunked
    status, body = post(
        live_server + "/api/v1/estimate", chunks, {"Content-Type": "application/json"}
    )
    assert status == 413
    assert body["detail"][0]["message"] == MESSAGE


def test_requests_reads_the_413_of_a_64_mib_body(live_server: str) -> None:
    requests = pytest.importorskip("requests")
    response = requests.post(
        live_server + "/api/v1/estimate",
        data=b"{" + b" " * BIG + b"}",
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.json()["detail"][0]["message"] == MESSAGE


def test_curl_gets_the_413_without_sending_the_body(live_server: str, tmp_path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(BIG)
    result = subprocess.run(
        [
            "curl", "-sS", "-o", "-", "-w", "\\n%{http_code} %{size_upload}",
            "-H", "Content-Type: application/json", "--data-binary", f"@{big}",
            live_server + "/api/v1/estimate",
        ],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    body, status_line = result.stdout.rsplit("\n", 1)
    status, uploaded = status_line.split()
    assert status == "413"
    assert json.loads(body)["detail"][0]["message"] == MESSAGE
    assert float(uploaded) < BIG  # curl waited (Expect: 100-continue) and sent no body


def test_the_server_answers_after_the_413s(live_server: str) -> None:
    url = live_server + "/api/v1/value?preset=article&field=kubernetes.infrastructure_monthly"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"443.00"


def test_discard_stops_at_its_byte_bound() -> None:
    received = 0

    async def endless() -> Message:
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}

    run_apart(discard_body(endless, max_bytes=10_000, seconds=60))
    assert received == 11


def test_discard_stops_at_its_time_bound() -> None:
    async def silent() -> Message:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    async def run() -> bool:
        await discard_body(silent, max_bytes=10_000, seconds=0.05)
        return True

    assert run_apart(run())
