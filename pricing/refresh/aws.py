"""AWS Price List: the bulk offer file and pages of the Query API's GetProducts output.

Only on-demand Linux rows that a plain EC2 instance is billed at are kept: productFamily
"Compute Instance", operatingSystem Linux, tenancy Shared (not Dedicated or Host),
preInstalledSw NA (no SQL Server), capacitystatus Used (not capacity-reservation rows, some at
$0.00), licenseModel "No License required", the OnDemand term JRTCKXETXF, unit Hrs, USD.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pricing.refresh.jsonio import arr, key, number, obj, text
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec

BULK_SOURCE = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{offer}/current/index.json"
QUERY_SOURCE = "https://api.pricing.us-east-1.amazonaws.com/"
ON_DEMAND = "JRTCKXETXF"
BULK_VERSIONS = frozenset({"v1.0"})
QUERY_VERSIONS = frozenset({"aws_v1"})
REQUIRED = {
    "operatingSystem": "Linux",
    "tenancy": "Shared",
    "preInstalledSw": "NA",
    "licenseModel": "No License required",
}
IF_PRESENT = {"capacitystatus": "Used", "marketoption": "OnDemand"}  # older files lack them
LOCATIONS = {
    "US East (N. Virginia)": "us-east-1",
    "US East (Ohio)": "us-east-2",
    "US West (N. California)": "us-west-1",
    "US West (Oregon)": "us-west-2",
    "Canada (Central)": "ca-central-1",
    "South America (Sao Paulo)": "sa-east-1",
    "EU (Ireland)": "eu-west-1",
    "EU (London)": "eu-west-2",
    "EU (Paris)": "eu-west-3",
    "EU (Frankfurt)": "eu-central-1",
    "EU (Stockholm)": "eu-north-1",
    "EU (Milan)": "eu-south-1",
    "Asia Pacific (Tokyo)": "ap-northeast-1",
    "Asia Pacific (Seoul)": "ap-northeast-2",
    "Asia Pacific (Osaka)": "ap-northeast-3",
    "Asia Pacific (Singapore)": "ap-southeast-1",
    "Asia Pacific (Sydney)": "ap-southeast-2",
    "Asia Pacific (Mumbai)": "ap-south-1",
    "Asia Pacific (Hong Kong)": "ap-east-1",
    "Middle East (Bahrain)": "me-south-1",
    "Africa (Cape Town)": "af-south-1",
}


@dataclass(frozen=True, slots=True)
class _Context:
    file: str
    source: str
    as_of: date | None
    request: Request


def parse_aws(file: str, data: Any, request: Request) -> list[Quote]:
    """Quotes for the requested pairs from one AWS file (bulk offer, GetProducts page or item)."""
    document = obj(data, file, None, "the file")
    if "products" in document:
        return _bulk(file, document, request)
    if "PriceList" in document:
        return _page(file, document, request)
    if "product" in document and "terms" in document:
        return _items(_Context(file, QUERY_SOURCE, None, request), [document])
    raise RefreshError(
        file,
        None,
        'not an AWS price list: expected "products" and "terms" (bulk offer file), '
        '"PriceList" (GetProducts page) or "product" and "terms" (one PriceList element)',
    )


def _bulk(file: str, document: dict[str, Any], request: Request) -> list[Quote]:
    version = document.get("formatVersion")
    if version is not None and version not in BULK_VERSIONS:
        raise RefreshError(file, None, f"unknown formatVersion {version!r} (known: v1.0)")
    offer = text(document.get("offerCode", "AmazonEC2"), file, None, "offerCode")
    context = _Context(file, BULK_SOURCE.format(offer=offer), _published(file, document), request)
    products = obj(key(document, "products", file, None), file, None, "products")
    terms = obj(key(document, "terms", file, None), file, None, "terms")
    on_demand = obj(terms.get("OnDemand", {}), file, None, "terms.OnDemand")
    quotes = []
    for sku, product in products.items():
        sku_terms = obj(on_demand.get(sku, {}), file, f"SKU {sku}", "terms.OnDemand entry")
        quote = _quote(context, sku, product, sku_terms)
        if quote is not None:
            quotes.append(quote)
    return quotes


def _published(file: str, document: dict[str, Any]) -> date | None:
    published = document.get("publicationDate")
    if published is None:
        return None
    try:
        return date.fromisoformat(text(published, file, None, "publicationDate")[:10])
    except ValueError:
        raise RefreshError(file, None, f"publicationDate {published!r} is not a date") from None


def _page(file: str, document: dict[str, Any], request: Request) -> list[Quote]:
    version = document.get("FormatVersion")
    if version is not None and version not in QUERY_VERSIONS:
        raise RefreshError(file, None, f"unknown FormatVersion {version!r} (known: aws_v1)")
    elements = arr(document["PriceList"], file, None, "PriceList")
    items = [_element(file, index, element) for index, element in enumerate(elements)]
    return _items(_Context(file, QUERY_SOURCE, None, request), items)


def _element(file: str, index: int, element: Any) -> dict[str, Any]:
    """A PriceList element: the API sends each one as a JSON string."""
    entry = f"PriceList[{index}]"
    if isinstance(element, str):
        try:
            element = json.loads(element, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise RefreshError(file, entry, f"not valid JSON: {exc}") from None
    item = obj(element, file, entry, "a PriceList element")
    for name in ("product", "terms"):
        key(item, name, file, entry)
    return item


def _items(context: _Context, items: list[dict[str, Any]]) -> list[Quote]:
    quotes = []
    for item in items:
        product = obj(item["product"], context.file, None, "product")
        sku = text(product.get("sku"), context.file, None, "product.sku")
        terms = obj(item["terms"], context.file, f"SKU {sku}", "terms")
        on_demand = obj(terms.get("OnDemand", {}), context.file, f"SKU {sku}", "terms.OnDemand")
        quote = _quote(context, sku, product, on_demand)
        if quote is not None:
            quotes.append(quote)
    return quotes


def _quote(context: _Context, sku: str, product: Any, terms: dict[str, Any]) -> Quote | None:
    entry = f"SKU {sku}"
    product = obj(product, context.file, entry, "product")
    if product.get("productFamily") != "Compute Instance":
        return None
    raw = key(product, "attributes", context.file, entry)
    attributes = obj(raw, context.file, entry, "attributes")
    if not is_plain_linux(attributes):
        return None
    type_key = text(attributes.get("instanceType"), context.file, entry, "instanceType")
    region = _region(attributes, context.request)
    if region is None or (region, type_key) not in context.request.pairs:
        return None
    hourly = _on_demand_hourly(context.file, entry, terms)
    if hourly is None:
        return None
    spec = None if type_key in context.request.specs else _spec(context.file, entry, attributes)
    return Quote(
        region=region,
        instance_type=type_key,
        hourly=hourly,
        source=context.source,
        file=context.file,
        entry=entry,
        as_of=context.as_of,
        region_name=attributes.get("location"),
        spec=spec,
    )


def is_plain_linux(attributes: dict[str, Any]) -> bool:
    """Linux, shared tenancy, no pre-installed software, used capacity, no license."""
    if any(attributes.get(name) != wanted for name, wanted in REQUIRED.items()):
        return False
    return all(attributes.get(name, wanted) == wanted for name, wanted in IF_PRESENT.items())


def _region(attributes: dict[str, Any], request: Request) -> str | None:
    code = attributes.get("regionCode")
    if isinstance(code, str):
        return code
    location = attributes.get("location")
    if not isinstance(location, str):
        return None
    by_name = {name: region for region, name in request.region_names.items()}
    return LOCATIONS.get(location) or by_name.get(location)


def _on_demand_hourly(file: str, entry: str, terms: dict[str, Any]) -> Decimal | None:
    for term_key, term in terms.items():
        term = obj(term, file, entry, "an OnDemand term")
        if term.get("offerTermCode") == ON_DEMAND or term_key.endswith("." + ON_DEMAND):
            return _hourly_dimension(file, entry, term)
    return None


def _dimensions(file: str, entry: str, term: dict[str, Any]) -> list[dict[str, Any]]:
    dimensions = obj(key(term, "priceDimensions", file, entry), file, entry, "priceDimensions")
    return [obj(value, file, entry, "a priceDimension") for value in dimensions.values()]


def _usd(file: str, entry: str, dimension: dict[str, Any]) -> Decimal:
    prices = obj(key(dimension, "pricePerUnit", file, entry), file, entry, "pricePerUnit")
    return number(key(prices, "USD", file, entry), file, entry, "pricePerUnit.USD")


def _hourly_dimension(file: str, entry: str, term: dict[str, Any]) -> Decimal:
    for dimension in _dimensions(file, entry, term):
        if dimension.get("unit") == "Hrs" and dimension.get("beginRange", "0") == "0":
            return _usd(file, entry, dimension)
    raise RefreshError(file, entry, f"OnDemand term {ON_DEMAND} has no USD price per Hrs")


def _spec(file: str, entry: str, attributes: dict[str, Any]) -> TypeSpec:
    """A new type's size from the price list: vcpu "2", memory "3.75 GiB"."""
    vcpu = text(attributes.get("vcpu"), file, entry, "vcpu")
    memory = text(attributes.get("memory"), file, entry, "memory")
    amount, _, unit = memory.partition(" ")
    if not vcpu.isdigit() or unit != "GiB":
        raise RefreshError(file, entry, f"cannot read the size: vcpu {vcpu!r}, memory {memory!r}")
    family = attributes.get("instanceFamily")
    return TypeSpec(
        vcpu=int(vcpu),
        memory_gib=number(amount.replace(",", ""), file, entry, "memory"),
        family=family.lower() if isinstance(family, str) else "general purpose",
    )
