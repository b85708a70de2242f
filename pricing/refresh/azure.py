"""Azure Retail Prices API pages: ``{"BillingCurrency", "Items": [...], "NextPageLink"}``.

Kept: type Consumption (not Reservation, DevTestConsumption or savings plans), service
Virtual Machines, unitOfMeasure "1 Hour", USD; skipped: Windows products, Cloud Services
products, Spot and Low Priority SKUs. When a SKU has rows in several meter regions, the row
with isPrimaryMeterRegion true wins.
"""

from __future__ import annotations

from typing import Any

from pricing.refresh.jsonio import arr, key, number, obj, text
from pricing.refresh.model import Quote, RefreshError, Request

SOURCE = "https://prices.azure.com/api/retail/prices"
REGION_NAMES = {  # the portal's names; the API's "location" says "US East", "EU West"
    "eastus": "East US",
    "eastus2": "East US 2",
    "centralus": "Central US",
    "westus2": "West US 2",
    "westus3": "West US 3",
    "canadacentral": "Canada Central",
    "brazilsouth": "Brazil South",
    "northeurope": "North Europe",
    "westeurope": "West Europe",
    "uksouth": "UK South",
    "francecentral": "France Central",
    "germanywestcentral": "Germany West Central",
    "swedencentral": "Sweden Central",
    "japaneast": "Japan East",
    "southeastasia": "Southeast Asia",
    "australiaeast": "Australia East",
    "centralindia": "Central India",
}
SKIP_PRODUCTS = ("Windows", "Cloud Services")
SKIP_SKUS = ("Spot", "Low Priority")


def parse_azure(file: str, data: Any, request: Request) -> list[Quote]:
    """Quotes for the requested pairs from one page (or a bare ``Items`` array)."""
    quotes = []
    for index, row in enumerate(page_items(file, data)):
        quote = _quote(file, index, row, request)
        if quote is not None:
            quotes.append(quote)
    return quotes


def page_items(file: str, data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    page = obj(data, file, None, "the file")
    if "Items" not in page:
        raise RefreshError(
            file, None, 'not a Retail Prices API page: no "Items" array (and not an array itself)'
        )
    currency = page.get("BillingCurrency", "USD")
    if currency != "USD":
        raise RefreshError(file, None, f"BillingCurrency is {currency!r}; fetch USD prices")
    return arr(page["Items"], file, None, "Items")


def next_page(data: Any) -> str | None:
    """The URL of the next page, when the API has one (downloads only)."""
    link = data.get("NextPageLink") if isinstance(data, dict) else None
    return link if isinstance(link, str) and link else None


def entry_name(row: dict[str, Any], index: int) -> str:
    meter = row.get("meterId")
    sku = row.get("skuName")
    name = f"meterId {meter}" if isinstance(meter, str) else f"Items[{index}]"
    return f"{name} ({sku})" if isinstance(sku, str) else name


def is_on_demand_linux(row: dict[str, Any]) -> bool:
    """A pay-as-you-go Linux VM hour: the row the catalog's hourly price comes from."""
    product = str(row.get("productName", ""))
    sku = f"{row.get('skuName', '')} {row.get('meterName', '')}"
    return (
        row.get("type") == "Consumption"
        and row.get("serviceName", "Virtual Machines") == "Virtual Machines"
        and row.get("unitOfMeasure") == "1 Hour"
        and not any(word in product for word in SKIP_PRODUCTS)
        and not any(word in sku for word in SKIP_SKUS)
    )


def _type_key(arm_sku: str, request: Request) -> str:
    """The catalog may key types as ``Standard_D8_v4`` or as ``D8_v4``."""
    short = arm_sku.removeprefix("Standard_")
    return short if short in request.types and arm_sku not in request.types else arm_sku


def _quote(file: str, index: int, raw: Any, request: Request) -> Quote | None:
    row = obj(raw, file, f"Items[{index}]", "an item")
    entry = entry_name(row, index)
    if not is_on_demand_linux(row):
        return None
    type_key = _type_key(
        text(key(row, "armSkuName", file, entry), file, entry, "armSkuName"), request
    )
    region = text(key(row, "armRegionName", file, entry), file, entry, "armRegionName")
    if (region, type_key) not in request.pairs:
        return None
    if row.get("currencyCode", "USD") != "USD":
        raise RefreshError(file, entry, f"currencyCode is {row.get('currencyCode')!r}, not USD")
    primary = row.get("isPrimaryMeterRegion", True) is True
    return Quote(
        region=region,
        instance_type=type_key,
        hourly=number(key(row, "retailPrice", file, entry), file, entry, "retailPrice"),
        source=SOURCE,
        file=file,
        entry=entry,
        region_name=REGION_NAMES.get(region, str(row.get("location", region))),
        preference=(int(primary), str(row.get("effectiveStartDate", ""))),
    )
