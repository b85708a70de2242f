"""Hetzner Cloud ``GET /v1/server_types``: ``{"server_types": [...], "meta": {"pagination"}}``.

Each server type (``name``) has ``prices`` per ``location``: ``price_hourly`` and
``price_monthly``, each ``{net, gross}`` as decimal strings in EUR. The catalog keeps the net
prices (without VAT); ``price_monthly`` is the cap of hourly billing. A location missing from
a type's prices gives no price there (reported as disappeared, kept). The API needs a token.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pricing.refresh.jsonio import arr, key, number, obj, requested_rows, text
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec, plain, round_price

SOURCE = "https://api.hetzner.cloud/v1/server_types"
CONFIDENCE = "A"  # the provider's own API
PER_PAGE = 50


def parse_hetzner(file: str, data: Any, request: Request) -> list[Quote]:
    """Quotes for every requested (location, server type) from one page."""
    rows = requested_rows(
        file, data, "server_types", "name", "a Hetzner server types list", request
    )
    return [
        quote
        for name, row, wanted in rows
        for quote in _quotes(file, row, name, set(wanted), request)
    ]


def _quotes(
    file: str, row: dict[str, Any], name: str, wanted: set[str], request: Request
) -> list[Quote]:
    entry = f"server type {name}"
    spec = None if name in request.specs else type_spec(file, entry, row)
    quotes = []
    for index, raw in enumerate(arr(key(row, "prices", file, entry), file, entry, "prices")):
        price = obj(raw, file, entry, f"prices[{index}]")
        location = text(price.get("location"), file, entry, f"prices[{index}].location")
        if location not in wanted:
            continue
        hourly = _net(file, entry, price, "price_hourly", location)
        monthly = _net(file, entry, price, "price_monthly", location)
        quotes.append(
            Quote(
                region=location,
                instance_type=name,
                hourly=round_price(hourly),
                source=SOURCE,
                file=file,
                entry=entry,
                spec=spec,
                monthly=plain(monthly),
                monthly_known=True,
                confidence=CONFIDENCE,
                note=f"From GET {SOURCE} (python -m pricing.refresh hetzner): {name}, "
                f"prices for location {location}, net (EUR excl. VAT).",
            )
        )
    return quotes


def _net(file: str, entry: str, price: dict[str, Any], field: str, location: str) -> Decimal:
    amounts = obj(key(price, field, file, entry), file, entry, f"{field} ({location})")
    return number(key(amounts, "net", file, entry), file, entry, f"{field}.net ({location})")


def type_spec(file: str, entry: str, row: dict[str, Any]) -> TypeSpec:
    """The size of a server type new to the file: cores, memory in GB, cpu_type, arch."""
    cores = key(row, "cores", file, entry)
    memory = number(key(row, "memory", file, entry), file, entry, "memory")
    if isinstance(cores, bool) or not isinstance(cores, int) or cores <= 0 or memory <= 0:
        raise RefreshError(file, entry, "cores and memory must be positive numbers")
    cpu = "dedicated" if row.get("cpu_type") == "dedicated" else "shared"
    arch = "arm64" if row.get("architecture") == "arm" else "x86_64"
    return TypeSpec(vcpu=cores, memory_gib=plain(memory), family=f"{cpu} vCPU", arch=arch)


def next_page(current: str, data: Any) -> str | None:
    """The next page from meta.pagination.next_page (downloads only)."""
    meta = data.get("meta") if isinstance(data, dict) else None
    pagination = meta.get("pagination") if isinstance(meta, dict) else None
    following = pagination.get("next_page") if isinstance(pagination, dict) else None
    if isinstance(following, bool) or not isinstance(following, int):
        return None
    return f"{SOURCE}?per_page={PER_PAGE}&page={following}"
