"""DigitalOcean ``GET /v2/sizes``: ``{"sizes": [...], "links": {"pages": {"next"}}, "meta"}``.

Each size (``slug``) has one ``price_hourly`` and ``price_monthly`` in USD for every region
in its ``regions`` list; ``price_monthly`` is the cap of hourly billing. A size that is not
``available``, or whose ``regions`` lack a region of the file, gives no price there: the
report lists that entry as disappeared and the file keeps it. The API needs a token.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pricing.refresh.jsonio import arr, key, number, requested_rows
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec, plain, round_price

SOURCE = "https://api.digitalocean.com/v2/sizes"
HOST = "https://api.digitalocean.com/"
CONFIDENCE = "A"  # the provider's own API
MIB_PER_GIB = Decimal(1024)
DESCRIPTION_FAMILY = {
    "basic": "basic (shared CPU)",
    "cpu-optimized": "CPU-optimized (dedicated)",
    "general purpose": "general purpose (dedicated)",
    "memory-optimized": "memory-optimized (dedicated)",
    "storage-optimized": "storage-optimized (dedicated)",
}


def parse_digitalocean(file: str, data: Any, request: Request) -> list[Quote]:
    """Quotes for every requested (region, size) the size is offered in."""
    rows = requested_rows(file, data, "sizes", "slug", "a DigitalOcean sizes list", request)
    return [
        quote for slug, size, wanted in rows for quote in _quotes(file, size, slug, wanted, request)
    ]


def _quotes(
    file: str, size: dict[str, Any], slug: str, wanted: list[str], request: Request
) -> list[Quote]:
    entry = f"size {slug}"
    hourly = number(key(size, "price_hourly", file, entry), file, entry, "price_hourly")
    monthly = number(key(size, "price_monthly", file, entry), file, entry, "price_monthly")
    offered = arr(key(size, "regions", file, entry), file, entry, "regions")
    if size.get("available", True) is not True:
        return []
    spec = None if slug in request.specs else type_spec(file, entry, size)
    return [
        Quote(
            region=region,
            instance_type=slug,
            hourly=round_price(hourly),  # the API's floats: 0.00743999984115362 -> 0.00744
            source=SOURCE,
            file=file,
            entry=entry,
            spec=spec,
            monthly=plain(monthly),
            monthly_known=True,
            confidence=CONFIDENCE,
            note=f"From GET {SOURCE} (python -m pricing.refresh digitalocean): {slug}, "
            f"price_hourly and price_monthly (USD), offered in {region}; one price in every "
            "region.",
        )
        for region in wanted
        if region in offered
    ]


def type_spec(file: str, entry: str, size: dict[str, Any]) -> TypeSpec:
    """The size of a slug new to the file: vcpus, memory in MiB, description."""
    vcpus = key(size, "vcpus", file, entry)
    memory = number(key(size, "memory", file, entry), file, entry, "memory")
    if isinstance(vcpus, bool) or not isinstance(vcpus, int) or vcpus <= 0 or memory <= 0:
        raise RefreshError(file, entry, "vcpus and memory must be positive whole numbers")
    description = str(size.get("description", "basic"))
    family = DESCRIPTION_FAMILY.get(description.lower(), description)
    return TypeSpec(vcpu=vcpus, memory_gib=plain(memory / MIB_PER_GIB), family=family)


def next_page(current: str, data: Any) -> str | None:
    """links.pages.next, only on the API's own host: the token is never sent elsewhere."""
    links = data.get("links") if isinstance(data, dict) else None
    pages = links.get("pages") if isinstance(links, dict) else None
    following = pages.get("next") if isinstance(pages, dict) else None
    if not isinstance(following, str) or not following:
        return None
    if not following.startswith(HOST):
        raise RefreshError(current, None, f"next page {following!r} is not on {HOST}")
    return following
