"""Responses of a few hundred scenarios on every path, saved or compared byte for byte.

    .venv/bin/python -m bench.same_bytes save  /tmp/before.json   # before a change
    .venv/bin/python -m bench.same_bytes check /tmp/before.json   # after: lists differences

An optimisation must leave every body and status as it was: JSON, CSV, SVG, the htmx partial
(also after a provider or region change and with errors) and the full page, driven in process
through every middleware (bench.profiles builds the app as production does).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

from bench.profiles import build_app, request_scope

HX = [(b"hx-request", b"true")]
PROVIDERS = ("aws", "gcp", "azure")


def scenarios(count: int, seed: int = 7) -> list[str]:
    """Query strings: presets, varied numbers, other clouds, optional prices, bad input."""
    rng = random.Random(seed)
    queries = ["", "preset=article", "preset=startup", "preset=platform", "preset=k3s"]
    for n in range(count):
        parts = [f"k8s_nodes={rng.randint(1, 60)}", f"devops_hourly_rate={rng.randint(1, 300)}"]
        if n % 3 == 0:
            parts.append(f"provider={PROVIDERS[n % 3 + rng.randint(0, 2) % 3]}")
        if n % 5 == 0:
            parts.append(f"horizon_months={rng.randint(1, 60)}")
        if n % 7 == 0:
            parts.append(f"docker_seats={rng.randint(0, 50)}")
        if n % 11 == 0:
            parts.append("k8s_nodes=abc")  # an error
        if n % 13 == 0:
            parts.append("changed=provider&provider=gcp")
        if n % 4 == 0:
            parts.insert(0, "preset=article")
        queries.append("&".join(parts))
    return queries


def requests(count: int) -> list[tuple[str, str, list[tuple[bytes, bytes]]]]:
    out: list[tuple[str, str, list[tuple[bytes, bytes]]]] = []
    for query in scenarios(count):
        bare = "&".join(p for p in query.split("&") if not p.startswith("changed="))
        out += [
            ("/api/v1/estimate", bare, []),
            ("/api/v1/estimate", bare + "&format=csv", []),
            ("/embed.svg", bare, []),
            ("/embed", bare, []),
            ("/", query, HX),
            ("/", query, []),
        ]
    return out


async def _get(app: Any, path: str, query: str, headers: list[tuple[bytes, bytes]]) -> bytes:
    scope = request_scope(path, query, headers)
    parts: list[bytes] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            kept = [(n, v) for n, v in message["headers"] if n != b"date"]
            parts.append(f"{message['status']} {sorted(kept)!r}\n".encode())
        else:
            parts.append(message.get("body", b""))

    await app(scope, receive, send)
    return b"".join(parts)


def fingerprints(count: int) -> dict[str, str]:
    app = build_app()
    out: dict[str, str] = {}

    async def run() -> None:
        for path, query, headers in requests(count):
            body = await _get(app, path, query, headers)
            key = f"{'HX ' if headers else ''}{path}?{query}"
            out[key] = hashlib.sha256(body).hexdigest()

    asyncio.run(run())
    return out


def main(argv: list[str]) -> int:
    action, path = argv[0], Path(argv[1])
    count = int(argv[2]) if len(argv) > 2 else 300
    now = fingerprints(count)
    if action == "save":
        path.write_text(json.dumps(now, indent=0))
        print(f"saved {len(now)} responses' digests to {path}")
        return 0
    before = json.loads(path.read_text())
    differ = [k for k in before if before[k] != now.get(k)]
    for key in differ[:20]:
        print("DIFFERS:", key)
    print(f"{len(before) - len(differ)} of {len(before)} responses identical")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
