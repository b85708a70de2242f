"""Responses of a few hundred scenarios on every path, saved or compared byte for byte.

    .venv/bin/python -m bench.same_bytes save  /tmp/before.json   # before a change
    .venv/bin/python -m bench.same_bytes check /tmp/before.json   # after: lists differences

An optimisation or a refactoring must leave every body, status and header as it was: JSON, CSV,
TSV, the one-cell value, SVG, the card, oEmbed, the htmx partial (also after a provider or region
change and with errors), the full page, the flips, the JSON body, the batch, the sizing (API and
page, with htmx and without), the catalog, the probes and /docs, driven in process through every
middleware (bench.profiles builds the app as production does). The OpenAPI document is compared
apart: its words (descriptions, summaries, examples) may change, its shapes may not.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
        if n % 17 == 0:
            parts.append("currency=EUR&exchange_rate=0.92")
        if n % 19 == 0:
            parts.append("workload_vcpu=3.5&workload_memory_gib=12&k8s_nodes_max=90")
        if n % 23 == 0:
            parts.append("provider=hetzner&currency=EUR&exchange_rate=0.92")
        if n % 4 == 0:
            parts.insert(0, "preset=article")
        queries.append("&".join(parts))
    return queries


Request = tuple[str, str, str, list[tuple[bytes, bytes]], bytes]  # method, path, query, ...
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sizing"
YAML = [(b"content-type", b"application/yaml")]
JSON = [(b"content-type", b"application/json")]
CSV = [(b"content-type", b"text/csv")]
BOUNDARY = "same-bytes-boundary"
VALUE_FIELDS = (
    "kubernetes.monthly_total",
    "docker.horizon_total",
    "difference.monthly",
    "difference.ratio",
    "difference.break_even_month",
    "advice.recommendation",
    "nonsense",  # an error
)


def get(path: str, query: str = "", headers: list[tuple[bytes, bytes]] | None = None) -> Request:
    return ("GET", path, query, headers or [], b"")


def requests(count: int) -> list[Request]:
    """Every face of every scenario; a few slower ones (sensitivity) for some scenarios."""
    out: list[Request] = []
    for n, query in enumerate(scenarios(count)):
        bare = "&".join(p for p in query.split("&") if not p.startswith("changed="))
        tail = "&" if bare else ""
        out += [
            get("/api/v1/estimate", bare),
            get("/api/v1/estimate", bare + tail + "format=csv"),
            get("/api/v1/estimate", bare + tail + "format=csv&shape=summary"),
            get("/api/v1/estimate", bare + tail + "format=tsv&shape=summary"),
            get("/api/v1/value", bare + tail + "field=" + VALUE_FIELDS[n % len(VALUE_FIELDS)]),
            get("/embed.svg", bare),
            get("/embed", bare),
            get("/oembed", "url=" + quote(f"http://127.0.0.1:8000/?{bare}", safe="")),
            get("/", query, HX),
            get("/", query),
        ]
        if n % 10 == 0:
            out += [
                get("/api/v1/estimate", bare + tail + "sensitivity=true"),
                get("/flips", bare, HX),
            ]
    return [*out, *_others()]


def _multipart(fields: list[tuple[str, str, str | None]]) -> bytes:
    """A multipart/form-data body: (name, text, filename or None) parts."""
    parts = []
    for name, text, filename in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        parts.append(f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n{text}\r\n")
    return ("".join(parts) + f"--{BOUNDARY}--\r\n").encode()


def _others() -> list[Request]:
    """The faces without a query-string scenario: JSON bodies, batch, sizing, catalog, docs."""
    form = [(b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())]
    compose = (FIXTURES / "article-compose.yml").read_text()
    manifests = (FIXTURES / "shop-manifests.yaml").read_text()
    batch = (
        "provider,k8s_nodes,devops_hourly_rate,preset,horizon_months\r\n"
        "aws,3,96,,12\r\ngcp,5,120,article,24\r\nazure,abc,96,,12\r\n"
        "=cmd,1,1,,1\r\naws,2\r\n,,,k3s,\r\n\r\nhetzner,4,50,,36\r\n"
    )
    out = [
        get("/api/v1/catalog"),
        get("/api/v1/catalog", "format=csv"),
        get("/healthz"),
        get("/readyz"),
        get("/docs"),
        get("/api/v1/estimate", "format=xml"),
        get("/api/v1/value", ""),
        ("POST", "/api/v1/estimate", "", JSON, b'{"preset": "article", "k8s_nodes": 4}'),
        ("POST", "/api/v1/estimate", "format=csv", JSON, b'{"provider": "gcp"}'),
        ("POST", "/api/v1/estimate", "", JSON, b'{"k8s_nodes": 0, "nope": 1}'),
        ("POST", "/api/v1/batch", "", CSV, batch.encode()),
        ("POST", "/api/v1/batch", "", CSV, b"nope\r\n1\r\n"),
        ("POST", "/api/v1/batch", "", form, _multipart([("file", batch, "b.csv")])),
    ]
    for query in (
        "",
        "preset=article",
        "provider=gcp&zones=2",
        "provider=hetzner&arm=true",
        "provider=hetzner&currency=EUR&exchange_rate=0.9",
    ):
        for text in (compose, manifests):
            out.append(("POST", "/api/v1/size", query, YAML, text.encode()))
            body = _multipart([("yaml", text, None), ("files", "", "empty.yml")])
            out.append(("POST", "/size", query, form, body))
            out.append(("POST", "/size", query, [*form, *HX], body))
    out += [
        ("POST", "/api/v1/size", "zones=0", YAML, compose.encode()),
        ("POST", "/api/v1/size", "", YAML, b"services: [1, 2"),
        ("POST", "/api/v1/size", "", JSON, b"{}"),
        ("POST", "/size", "", [*form, *HX], _multipart([("yaml", "a: 1", None)])),
        ("POST", "/size", "", form, _multipart([("yaml", "", None)])),
    ]
    return out


async def _call(app: Any, request: Request) -> bytes:
    method, path, query, headers, body = request
    scope = {**request_scope(path, query, headers), "method": method}
    if body:
        scope["headers"] = [*scope["headers"], (b"content-length", str(len(body)).encode())]
    parts: list[bytes] = []
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

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
        for request in requests(count):
            method, path, query, headers, body = request
            digest = hashlib.sha256(body).hexdigest()[:12] if body else ""
            hx = "HX " if HX[0] in headers else ""
            key = f"{hx}{method} {path}?{query} {digest}".rstrip()
            out[key] = hashlib.sha256(await _call(app, request)).hexdigest()
        # The OpenAPI document apart: its descriptions may change, its shapes may not.
        document = json.loads((await _call(app, get("/openapi.json"))).split(b"\n", 1)[1])
        out["openapi.json"] = json.dumps(document, sort_keys=True)

    asyncio.run(run())
    return out


def _undocumented(node: Any) -> Any:
    """The OpenAPI document without its words (description, summary, example)."""
    if isinstance(node, dict):
        words = ("description", "summary", "example", "examples")
        return {k: _undocumented(v) for k, v in node.items() if k not in words}
    if isinstance(node, list):
        return [_undocumented(item) for item in node]
    return node


def main(argv: list[str]) -> int:
    action, path = argv[0], Path(argv[1])
    count = int(argv[2]) if len(argv) > 2 else 300
    now = fingerprints(count)
    if action == "save":
        path.write_text(json.dumps(now, indent=0))
        print(f"saved {len(now) - 1} responses' digests and the OpenAPI document to {path}")
        return 0
    before = json.loads(path.read_text())
    documents = [json.loads(found.pop("openapi.json")) for found in (before, now)]
    differ = [k for k in before if before[k] != now.get(k)]
    for key in differ[:20]:
        print("DIFFERS:", key)
    print(f"{len(before) - len(differ)} of {len(before)} responses identical")
    same_shape = _undocumented(documents[0]) == _undocumented(documents[1])
    print(
        "OpenAPI document: "
        + ("identical" if documents[0] == documents[1] else "words changed only")
        if same_shape
        else "OpenAPI document: its shapes changed"
    )
    return 1 if differ or not same_shape else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
