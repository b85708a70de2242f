"""Google Cloud Billing Catalog API SKUs (``services.skus.list``) priced into machine types.

Compute Engine bills a predefined machine as vCPU x the series' core rate plus GiB x its RAM
rate, so the parser reads the OnDemand "<Series> Instance Core|Ram running in <area>" SKUs
(usage unit h and GiBy.h) of the regions in ``serviceRegions``, converts each price
(units + nanos / 1e9, in currencyCode) to USD by dividing by currencyConversionRate, and
prices the catalog's machine types from them. Spot, commitment, custom and sole-tenant SKUs
never match the description pattern or the OnDemand usage type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pricing.refresh.jsonio import arr, key, number, obj, text
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec, round_price

SOURCE = "https://cloudbilling.googleapis.com/v1/{service}/skus"
COMPUTE_SERVICE = "services/6F81-5844-456A"
DESCRIPTION = re.compile(r"(?P<family>.+?) (?:Instance )?(?P<kind>Core|Ram) running in .+")
MACHINE = re.compile(r"(?P<series>[a-z][a-z0-9]*)-(?P<shape>standard|highmem|highcpu)-(?P<n>\d+)")
NOISE = frozenset({"amd", "arm", "intel", "predefined"})
ALIASES = {"compute optimized": "c2", "memory-optimized": "m1", "memory optimized": "m1"}
UNITS = {"Core": "h", "Ram": "GiBy.h"}
GIB_PER_VCPU = {"standard": Decimal(4), "highmem": Decimal(8), "highcpu": Decimal(1)}
SERIES_GIB_PER_VCPU = {
    ("n1", "standard"): Decimal("3.75"),
    ("n1", "highmem"): Decimal("6.5"),
    ("n1", "highcpu"): Decimal("0.9"),
    ("c2d", "highcpu"): Decimal(2),
    ("c3", "highcpu"): Decimal(2),
    ("c3d", "highcpu"): Decimal(2),
}
COMPUTE_SERIES = frozenset({"c2", "c2d", "h3"})  # Google files C3 under general purpose
REGION_NAMES = {
    "us-central1": "Iowa",
    "us-east1": "South Carolina",
    "us-east4": "Northern Virginia",
    "us-west1": "Oregon",
    "us-west2": "Los Angeles",
    "northamerica-northeast1": "Montréal",
    "southamerica-east1": "São Paulo",
    "europe-west1": "Belgium",
    "europe-west2": "London",
    "europe-west3": "Frankfurt",
    "europe-west4": "Netherlands",
    "europe-north1": "Finland",
    "asia-east1": "Taiwan",
    "asia-northeast1": "Tokyo",
    "asia-south1": "Mumbai",
    "asia-southeast1": "Singapore",
    "australia-southeast1": "Sydney",
}
SHAPE_FAMILY = {
    "standard": "general purpose",
    "highmem": "memory optimized",
    "highcpu": "compute optimized",
}


@dataclass(frozen=True, slots=True)
class Rate:
    """A USD rate per vCPU-hour (Core) or per GiB-hour (Ram) of one series in one region."""

    series: str
    kind: str
    region: str
    usd: Decimal
    sku: str
    file: str
    source: str
    scope: int  # how many regions the SKU covers: the most specific SKU wins


def parse_gcp(documents: list[tuple[str, Any]], request: Request) -> list[Quote]:
    """Quotes for the requested machine types from all SKU pages together (a machine's core
    and RAM SKUs may sit on different pages)."""
    rates = [rate for file, data in documents for rate in read_rates(file, data, request)]
    return machine_quotes(rates, request)


def read_rates(file: str, data: Any, request: Request) -> list[Rate]:
    page = obj(data, file, None, "the file")
    if "skus" not in page:
        raise RefreshError(file, None, 'not a Cloud Billing Catalog SKU list: no "skus" array')
    skus = arr(page["skus"], file, None, "skus")
    return [rate for index, sku in enumerate(skus) for rate in _rates(file, index, sku, request)]


def series_of(description: str) -> tuple[str, str] | None:
    """("e2", "Core") from "E2 Instance Core running in Americas"; None for other SKUs."""
    match = DESCRIPTION.fullmatch(description)
    if match is None:
        return None
    words = [word for word in match["family"].split() if word.lower() not in NOISE]
    name = " ".join(words).lower()
    name = ALIASES.get(name, name)
    return None if " " in name or not name else (name, match["kind"])


def _rates(file: str, index: int, raw: Any, request: Request) -> list[Rate]:
    sku = obj(raw, file, f"skus[{index}]", "a SKU")
    entry = f"SKU {sku.get('skuId', f'skus[{index}]')}"
    category = obj(sku.get("category", {}), file, entry, "category")
    if category.get("resourceFamily") != "Compute" or category.get("usageType") != "OnDemand":
        return []
    found = series_of(text(sku.get("description"), file, entry, "description"))
    regions = arr(sku.get("serviceRegions", []), file, entry, "serviceRegions")
    wanted = sorted({region for region in regions if isinstance(region, str)} & request.regions)
    if found is None or not wanted:
        return []
    usd = sku_usd(file, entry, sku, UNITS[found[1]])
    name = text(sku.get("name", f"{COMPUTE_SERVICE}/skus/x"), file, entry, "name")
    source = SOURCE.format(service=name.split("/skus/")[0])
    return [
        Rate(found[0], found[1], region, usd, entry, file, source, len(regions))
        for region in wanted
    ]


def sku_usd(file: str, entry: str, sku: dict[str, Any], unit: str) -> Decimal:
    """The SKU's first-tier price in USD per ``unit`` (h or GiBy.h)."""
    infos = arr(key(sku, "pricingInfo", file, entry), file, entry, "pricingInfo")
    if not infos:
        raise RefreshError(file, entry, "pricingInfo is empty")
    info = obj(infos[0], file, entry, "pricingInfo[0]")
    expression = obj(key(info, "pricingExpression", file, entry), file, entry, "pricingExpression")
    if expression.get("usageUnit") != unit:
        problem = f"usageUnit is {expression.get('usageUnit')!r}, expected {unit!r}"
        raise RefreshError(file, entry, problem)
    rate = number(info.get("currencyConversionRate", 1), file, entry, "currencyConversionRate")
    if rate <= 0:
        raise RefreshError(file, entry, f"currencyConversionRate {rate} must be positive")
    return round_price(tier_price(file, entry, expression, Decimal(0)) / rate)


def tier_price(file: str, entry: str, expression: dict[str, Any], usage: Decimal) -> Decimal:
    """The unit price of the tier that applies at ``usage``: the one with the highest
    startUsageAmount not above it (in the SKU's own currency)."""
    raw = arr(key(expression, "tieredRates", file, entry), file, entry, "tieredRates")
    tiers = []
    for tier in (obj(item, file, entry, "a tiered rate") for item in raw):
        start = number(tier.get("startUsageAmount", 0), file, entry, "startUsageAmount")
        tiers.append((start, unit_price(file, entry, key(tier, "unitPrice", file, entry))))
    applicable = [price for start, price in sorted(tiers) if start <= usage]
    if not applicable:
        raise RefreshError(file, entry, f"no tiered rate applies at usage {usage}")
    return applicable[-1]


def unit_price(file: str, entry: str, raw: Any) -> Decimal:
    """units (a string of whole currency units) + nanos (billionths), both may be omitted."""
    money = obj(raw, file, entry, "unitPrice")
    units = number(money.get("units", "0"), file, entry, "unitPrice.units")
    nanos = number(money.get("nanos", 0), file, entry, "unitPrice.nanos")
    if units != units.to_integral() or nanos != nanos.to_integral():
        raise RefreshError(file, entry, "unitPrice units and nanos must be whole numbers")
    return units + nanos.scaleb(-9)


def machine_spec(type_key: str) -> TypeSpec | None:
    """A predefined machine's size from its name (e2-standard-4: 4 vCPU, 16 GiB)."""
    match = MACHINE.fullmatch(type_key)
    if match is None:
        return None
    series, shape, vcpu = match["series"], match["shape"], int(match["n"])
    ratio = SERIES_GIB_PER_VCPU.get((series, shape), GIB_PER_VCPU[shape])
    family = "compute optimized" if series in COMPUTE_SERIES else SHAPE_FAMILY[shape]
    return TypeSpec(vcpu=vcpu, memory_gib=ratio * vcpu, family=family)


def _best_rates(rates: list[Rate]) -> dict[tuple[str, str, str], Rate]:
    best: dict[tuple[str, str, str], Rate] = {}
    for rate in rates:
        slot = (rate.series, rate.kind, rate.region)
        held = best.get(slot)
        if held is None or rate.scope < held.scope:
            best[slot] = rate
        elif rate.scope == held.scope and rate.usd != held.usd:
            problem = f"conflicts with {held.sku} in {held.file} for {rate.region}"
            raise RefreshError(rate.file, rate.sku, problem)
    return best


def _positive(rate: Rate) -> Decimal:
    if rate.usd <= 0:
        raise RefreshError(rate.file, rate.sku, f"{rate.kind} price {rate.usd} must be positive")
    return rate.usd


def machine_quotes(rates: list[Rate], request: Request) -> list[Quote]:
    """vCPU x core rate + GiB x RAM rate, for every requested (region, machine type)."""
    best = _best_rates(rates)
    quotes = []
    for region, type_key in sorted(request.pairs):
        series = type_key.split("-")[0]
        core, ram = best.get((series, "Core", region)), best.get((series, "Ram", region))
        if core is None or ram is None:
            continue
        spec = request.specs.get(type_key) or machine_spec(type_key)
        if spec is None:
            problem = "size unknown; give it as --types NAME=VCPU:MEMORY_GIB"
            raise RefreshError("--types", type_key, problem)
        hourly = spec.vcpu * _positive(core) + spec.memory_gib * _positive(ram)
        quotes.append(
            Quote(
                region=region,
                instance_type=type_key,
                hourly=round_price(hourly),
                source=core.source,
                file=core.file,
                entry=f"{core.sku} + {ram.sku}",
                region_name=REGION_NAMES.get(region),
                spec=spec,
            )
        )
    return quotes
