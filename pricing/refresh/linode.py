"""Linode (Akamai Cloud) ``GET /v4/linode/types``: ``{"data": [...], "page", "pages"}``.

Each type has a base ``price`` ``{hourly, monthly}`` in USD and ``region_prices``, a list of
``{id, hourly, monthly}`` for the regions that charge more (Jakarta, São Paulo, ...); a region
without an entry there pays the base price. ``monthly`` is the cap of hourly billing, or null
for types billed by the hour without one. The endpoint is public: no token.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pricing.refresh.jsonio import arr, key, number, obj, requested_rows, text
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec, plain, round_price

SOURCE = "https://api.linode.com/v4/linode/types"
CONFIDENCE = "A"  # the provider's own API
MIB_PER_GIB = Decimal(1024)
CLASS_FAMILY = {
    "nanode": "shared CPU",
    "standard": "shared CPU",
    "dedicated": "dedicated CPU",
    "premium": "premium (dedicated CPU)",
    "highmem": "high memory",
    "gpu": "GPU",
    "accelerated": "accelerated",
}


def parse_linode(file: str, data: Any, request: Request) -> list[Quote]:
    """Quotes for every requested (region, type) from one page of the types list."""
    rows = requested_rows(file, data, "data", "id", "a Linode types list", request)
    return [
        quote
        for type_id, row, regions in rows
        for quote in _quotes(file, row, type_id, regions, request)
    ]


def _quotes(
    file: str, row: dict[str, Any], type_id: str, regions: list[str], request: Request
) -> list[Quote]:
    entry = f"type {type_id}"
    base = obj(key(row, "price", file, entry), file, entry, "price")
    overrides: dict[str, dict[str, Any]] = {}
    for index, raw in enumerate(arr(row.get("region_prices", []), file, entry, "region_prices")):
        item = obj(raw, file, entry, f"region_prices[{index}]")
        overrides[text(item.get("id"), file, entry, f"region_prices[{index}].id")] = item
    spec = None if type_id in request.specs else type_spec(file, entry, row)
    quotes = []
    for region in regions:
        where = f"region_prices[{region}]" if region in overrides else "price"
        price = overrides.get(region, base)
        hourly = number(key(price, "hourly", file, entry), file, entry, f"{where}.hourly")
        monthly_raw = key(price, "monthly", file, entry)
        monthly = None if monthly_raw is None else number(monthly_raw, file, entry, where)
        how = f"region_prices {region}" if region in overrides else "the base price"
        cap = "" if monthly is not None else "; monthly null: billed hourly without a cap"
        quotes.append(
            Quote(
                region=region,
                instance_type=type_id,
                hourly=round_price(hourly),
                source=SOURCE,
                file=file,
                entry=entry,
                spec=spec,
                monthly=None if monthly is None else plain(monthly),
                monthly_known=True,
                confidence=CONFIDENCE,
                note=f"From GET {SOURCE} (python -m pricing.refresh linode): {type_id}, "
                f"{how} (USD){cap}.",
            )
        )
    return quotes


def type_spec(file: str, entry: str, row: dict[str, Any]) -> TypeSpec:
    """The size of a type new to the file: vcpus, memory in MiB, class."""
    vcpus = key(row, "vcpus", file, entry)
    memory = number(key(row, "memory", file, entry), file, entry, "memory")
    if isinstance(vcpus, bool) or not isinstance(vcpus, int) or vcpus <= 0 or memory <= 0:
        raise RefreshError(file, entry, "vcpus and memory must be positive whole numbers")
    family = CLASS_FAMILY.get(str(row.get("class", "")), str(row.get("class", "standard")))
    generation = row["id"].split("-")[0].upper() if isinstance(row.get("id"), str) else ""
    if family == "dedicated CPU" and generation.startswith("G"):
        family = f"dedicated CPU ({generation})"
    return TypeSpec(vcpu=vcpus, memory_gib=plain(memory / MIB_PER_GIB), family=family)


def next_page(source: str, data: Any) -> str | None:
    """The URL of the next page while ``page`` < ``pages`` (downloads only)."""
    if not isinstance(data, dict):
        return None
    page, pages = data.get("page"), data.get("pages")
    if isinstance(page, int) and isinstance(pages, int) and page < pages:
        return f"{source}?page={page + 1}"
    return None
