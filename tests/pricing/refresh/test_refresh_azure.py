"""The Azure parser on the real samples and on small pages covering each filter and trap."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh.azure import SOURCE, next_page, parse_azure
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import RefreshError, Request, TypeSpec
from pricing.refresh.update import build_request, select

PAGE = "azure-retail-prices-d8v4-westeurope.json"
SAVINGS = "azure-retail-prices-items-savingsplan.json"
D8_METER = "4e763e64-5ae4-5ed3-8892-902bb82ca7d3"


def load(formats: Path, name: str) -> Any:
    """As the command reads files: every JSON number with a fraction as an exact Decimal."""
    return parse_json(name, (formats / name).read_text())


@pytest.fixture
def azure_request(make_request: Callable[..., Request]) -> Request:
    return make_request("azure")


@pytest.fixture
def page(formats: Path) -> dict[str, Any]:
    document: dict[str, Any] = load(formats, PAGE)
    return document


def consumption_row(page: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = next(r for r in page["Items"] if r["type"] == "Consumption")
    return row


def test_page_sample_keeps_the_consumption_row_not_the_reservations(
    page: dict[str, Any], azure_request: Request
) -> None:
    [quote] = parse_azure(PAGE, page, azure_request)
    assert (quote.region, quote.instance_type) == ("westeurope", "Standard_D8_v4")
    assert quote.hourly == Decimal("0.46")  # the reservations say 2377 and 4594 "per 1 Hour"
    assert quote.source == SOURCE
    assert quote.entry == f"meterId {D8_METER} (D8 v4)"


def test_items_sample_skips_low_priority_and_reservation_rows(
    formats: Path, make_request: Callable[..., Request]
) -> None:
    spec = TypeSpec(vcpu=16, memory_gib=Decimal(32), family="burstable")
    request = make_request(
        "azure", regions=("australiacentral",), types={"Standard_B16als_v2": spec}
    )
    [quote] = parse_azure(SAVINGS, load(formats, SAVINGS), request)
    assert (quote.region, quote.instance_type) == ("australiacentral", "Standard_B16als_v2")
    assert quote.hourly == Decimal("0.673")  # not 0.299 (Low Priority), 3478 (1-year term)
    assert quote.region_name == "AU Central"  # the API's location: not a well-known region


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("productName", "Virtual Machines Dv4 Series Windows"),
        ("productName", "Dv4 Series Cloud Services"),
        ("skuName", "D8 v4 Spot"),
        ("skuName", "D8 v4 Low Priority"),
        ("meterName", "D8 v4 Low Priority"),
        ("type", "DevTestConsumption"),
        ("type", "Reservation"),
        ("unitOfMeasure", "100 Hours"),
        ("serviceName", "Azure Dedicated Host"),
    ],
)
def test_each_filter_drops_the_row(
    page: dict[str, Any], azure_request: Request, field: str, value: str
) -> None:
    consumption_row(page)[field] = value
    assert parse_azure("trap.json", page, azure_request) == []


def test_primary_meter_region_wins_over_a_cheaper_secondary_row(
    page: dict[str, Any], azure_request: Request
) -> None:
    secondary = copy.deepcopy(consumption_row(page))
    secondary |= {"isPrimaryMeterRegion": False, "retailPrice": Decimal("0.41"), "meterId": "other"}
    page["Items"].insert(0, secondary)
    chosen = select(parse_azure("page.json", page, azure_request))
    assert chosen["westeurope", "Standard_D8_v4"].hourly == Decimal("0.46")


def test_two_primary_rows_that_disagree_are_an_error(
    page: dict[str, Any], azure_request: Request
) -> None:
    twin = copy.deepcopy(consumption_row(page)) | {"retailPrice": Decimal("0.5"), "meterId": "twin"}
    page["Items"].append(twin)
    with pytest.raises(RefreshError, match=r"meterId twin .*conflicts with 0.46"):
        select(parse_azure("page.json", page, azure_request))


def test_a_bare_items_array_is_accepted(page: dict[str, Any], azure_request: Request) -> None:
    assert [q.hourly for q in parse_azure("items.json", page["Items"], azure_request)] == [
        Decimal("0.46")
    ]


def test_catalog_keys_without_the_standard_prefix(page: dict[str, Any]) -> None:
    data = copy.deepcopy(_provider_with_short_key())
    [quote] = parse_azure(PAGE, page, build_request(data))
    assert quote.instance_type == "D8_v4"


def _provider_with_short_key() -> dict[str, Any]:
    price = {"hourly": "0.4", "source": "https://x.example/", "as_of": "2026-01-01"}
    return {
        "regions": {"westeurope": {"name": "West Europe", "instances": {"D8_v4": price}}},
        "instance_types": {"D8_v4": {"vcpu": 8, "memory_gib": 32, "family": "general purpose"}},
    }


def test_page_without_items(azure_request: Request) -> None:
    with pytest.raises(RefreshError, match=r'^p.json: not a Retail Prices API page: no "Items"'):
        parse_azure("p.json", {"BillingCurrency": "USD", "Count": 0}, azure_request)


def test_page_in_another_currency(page: dict[str, Any], azure_request: Request) -> None:
    page["BillingCurrency"] = "EUR"
    with pytest.raises(RefreshError, match="BillingCurrency is 'EUR'"):
        parse_azure("p.json", page, azure_request)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("retailPrice", None, 'missing key "retailPrice"'),
        ("retailPrice", "cheap", "retailPrice is not a number"),
        ("armSkuName", None, 'missing key "armSkuName"'),
        ("currencyCode", "EUR", "currencyCode is 'EUR'"),
    ],
)
def test_bad_rows_name_the_meter(
    page: dict[str, Any], azure_request: Request, field: str, value: Any, message: str
) -> None:
    row = consumption_row(page)
    if value is None:
        del row[field]
    else:
        row[field] = value
    with pytest.raises(RefreshError, match=f"^p.json: meterId {D8_METER} \\(D8 v4\\): {message}"):
        parse_azure("p.json", page, azure_request)


def test_next_page_link() -> None:
    assert next_page({"NextPageLink": "https://prices.azure.com/api/retail/prices?$skip=100"})
    assert next_page({"NextPageLink": None}) is None
    assert next_page([]) is None


def test_among_primary_rows_the_latest_effective_date_wins(
    page: dict[str, Any], azure_request: Request
) -> None:
    newer = copy.deepcopy(consumption_row(page))
    newer |= {"retailPrice": Decimal("0.48"), "effectiveStartDate": "2026-10-01T00:00:00Z"}
    page["Items"].insert(0, newer)
    chosen = select(parse_azure("page.json", page, azure_request))
    assert chosen["westeurope", "Standard_D8_v4"].hourly == Decimal("0.48")
