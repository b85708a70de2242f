"""The AWS parser on the real samples and on small files covering each filter and trap."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh.aws import BULK_SOURCE, QUERY_SOURCE, parse_aws
from pricing.refresh.model import RefreshError, Request, TypeSpec
from pricing.refresh.update import select

BULK = "aws-bulk-offer-ec2-c4large.json"
ITEM = "aws-getproducts-item-m5large.json"
C4_SKU = "4C7N4APU9GEUZ6H6"


def load(formats: Path, name: str) -> Any:
    return json.loads((formats / name).read_text())


@pytest.fixture
def aws_request(make_request: Callable[..., Request]) -> Request:
    return make_request("aws")


@pytest.fixture
def bulk(formats: Path) -> dict[str, Any]:
    document: dict[str, Any] = load(formats, BULK)
    return document


def c4_attributes(offer: dict[str, Any]) -> dict[str, Any]:
    attributes: dict[str, Any] = offer["products"][C4_SKU]["attributes"]
    return attributes


def test_bulk_offer_sample_gives_the_on_demand_price_not_a_reserved_one(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    [quote] = parse_aws(BULK, bulk, aws_request)
    assert (quote.region, quote.instance_type) == ("us-east-1", "c4.large")
    assert quote.hourly == Decimal("0.1000000000")  # Reserved terms offer 0.03, 0.021, 0.063
    assert quote.source == BULK_SOURCE.format(offer="AmazonEC2")
    assert quote.entry == f"SKU {C4_SKU}"
    assert quote.as_of is None  # this trimmed file has no publicationDate


def test_getproducts_item_sample(formats: Path, aws_request: Request) -> None:
    [quote] = parse_aws(ITEM, load(formats, ITEM), aws_request)
    assert (quote.region, quote.instance_type, quote.hourly) == (
        "us-east-1",
        "m5.large",
        Decimal("0.0960000000"),
    )
    assert quote.source == QUERY_SOURCE


def test_getproducts_page_whose_elements_are_json_strings(
    formats: Path, aws_request: Request
) -> None:
    item = (formats / ITEM).read_text()
    page = {"FormatVersion": "aws_v1", "PriceList": [item], "NextToken": "abc"}
    [quote] = parse_aws("page-1.json", page, aws_request)
    assert quote.hourly == Decimal("0.096")


def test_getproducts_page_elements_may_also_be_objects(formats: Path, aws_request: Request) -> None:
    page = {"PriceList": [load(formats, ITEM)]}
    assert [q.instance_type for q in parse_aws("page.json", page, aws_request)] == ["m5.large"]


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("operatingSystem", "Windows"),
        ("operatingSystem", "RHEL"),
        ("tenancy", "Dedicated"),
        ("tenancy", "Host"),
        ("preInstalledSw", "SQL Web"),
        ("capacitystatus", "UnusedCapacityReservation"),
        ("capacitystatus", "AllocatedCapacityReservation"),
        ("licenseModel", "Bring your own license"),
        ("marketoption", "Spot"),
    ],
)
def test_each_filter_drops_the_row(
    bulk: dict[str, Any], aws_request: Request, attribute: str, value: str
) -> None:
    c4_attributes(bulk)[attribute] = value
    assert parse_aws("trap.json", bulk, aws_request) == []


def test_capacity_reservation_row_at_zero_is_filtered_not_an_error(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    c4_attributes(bulk)["capacitystatus"] = "UnusedCapacityReservation"
    term = bulk["terms"]["OnDemand"][C4_SKU][f"{C4_SKU}.JRTCKXETXF"]
    next(iter(term["priceDimensions"].values()))["pricePerUnit"]["USD"] = "0.0000000000"
    assert parse_aws("trap.json", bulk, aws_request) == []


def test_other_product_families_are_ignored(bulk: dict[str, Any], aws_request: Request) -> None:
    bulk["products"][C4_SKU]["productFamily"] = "Dedicated Host"
    assert parse_aws("trap.json", bulk, aws_request) == []


def test_a_row_without_the_on_demand_term_gives_no_price(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    del bulk["terms"]["OnDemand"][C4_SKU]
    assert parse_aws("trap.json", bulk, aws_request) == []


def test_region_from_region_code_wins_over_location(
    bulk: dict[str, Any], make_request: Callable[..., Request]
) -> None:
    c4_attributes(bulk)["regionCode"] = "eu-west-1"
    [quote] = parse_aws(BULK, bulk, make_request("aws", regions=("eu-west-1",)))
    assert quote.region == "eu-west-1"
    assert quote.region_name == "US East (N. Virginia)"


def test_unknown_location_name_matches_the_catalog_region_name(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    catalog_named = Request(
        pairs=aws_request.pairs,
        existing=aws_request.existing,
        region_names={"us-east-1": "Somewhere New"},
    )
    c4_attributes(bulk)["location"] = "Somewhere New"
    assert [q.region for q in parse_aws(BULK, bulk, catalog_named)] == ["us-east-1"]
    c4_attributes(bulk)["location"] = "Nowhere Known"
    assert parse_aws(BULK, bulk, catalog_named) == []


def test_pairs_the_catalog_does_not_ask_for_are_skipped(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    c4_attributes(bulk)["instanceType"] = "c4.8xlarge"
    assert parse_aws(BULK, bulk, aws_request) == []


def test_a_new_type_takes_its_size_from_the_price_list(
    bulk: dict[str, Any], make_request: Callable[..., Request]
) -> None:
    c4_attributes(bulk)["instanceType"] = "c4.8xlarge"
    c4_attributes(bulk)["vcpu"] = "36"
    c4_attributes(bulk)["memory"] = "60 GiB"
    [quote] = parse_aws(BULK, bulk, make_request("aws", types={"c4.8xlarge": None}))
    assert quote.spec == TypeSpec(vcpu=36, memory_gib=Decimal(60), family="compute optimized")


def test_publication_date_becomes_as_of(bulk: dict[str, Any], aws_request: Request) -> None:
    bulk |= {"formatVersion": "v1.0", "publicationDate": "2026-11-20T18:02:11Z"}
    [quote] = parse_aws(BULK, bulk, aws_request)
    assert quote.as_of == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda o: o.update(formatVersion="v9.9"), "unknown formatVersion 'v9.9'"),
        (lambda o: o.pop("terms"), 'missing key "terms"'),
        (lambda o: o.update(publicationDate="yesterday"), "publicationDate"),
        (lambda o: c4_attributes(o).pop("instanceType"), f"SKU {C4_SKU}: instanceType is missing"),
        (lambda o: o["products"][C4_SKU].pop("attributes"), f'SKU {C4_SKU}: missing key "attr'),
    ],
)
def test_bad_bulk_files_name_the_file_and_entry(
    bulk: dict[str, Any], aws_request: Request, change: Callable[[Any], Any], message: str
) -> None:
    change(bulk)
    with pytest.raises(RefreshError, match=f"^bad.json: .*{message}"):
        parse_aws("bad.json", bulk, aws_request)


@pytest.mark.parametrize("price", ["abc", "", "NaN"])
def test_a_price_that_is_not_a_number(
    bulk: dict[str, Any], aws_request: Request, price: str
) -> None:
    term = bulk["terms"]["OnDemand"][C4_SKU][f"{C4_SKU}.JRTCKXETXF"]
    next(iter(term["priceDimensions"].values()))["pricePerUnit"]["USD"] = price
    with pytest.raises(RefreshError, match=f"bad.json: SKU {C4_SKU}: pricePerUnit.USD"):
        parse_aws("bad.json", bulk, aws_request)


def test_on_demand_term_without_an_hourly_dimension(
    bulk: dict[str, Any], aws_request: Request
) -> None:
    term = bulk["terms"]["OnDemand"][C4_SKU][f"{C4_SKU}.JRTCKXETXF"]
    next(iter(term["priceDimensions"].values()))["unit"] = "Quantity"
    with pytest.raises(RefreshError, match="no USD price per Hrs"):
        parse_aws("bad.json", bulk, aws_request)


def test_truncated_getproducts_element(formats: Path, aws_request: Request) -> None:
    item = (formats / ITEM).read_text()
    page = {"FormatVersion": "aws_v1", "PriceList": [item[:500]]}
    with pytest.raises(RefreshError, match=r"^page.json: PriceList\[0\]: not valid JSON"):
        parse_aws("page.json", page, aws_request)


def test_unknown_getproducts_format_version(aws_request: Request) -> None:
    with pytest.raises(RefreshError, match="unknown FormatVersion 'aws_v2'"):
        parse_aws("page.json", {"FormatVersion": "aws_v2", "PriceList": []}, aws_request)


def test_element_without_terms(formats: Path, aws_request: Request) -> None:
    item = load(formats, ITEM)
    del item["terms"]
    with pytest.raises(RefreshError, match=r'PriceList\[0\]: missing key "terms"'):
        parse_aws("page.json", {"PriceList": [json.dumps(item)]}, aws_request)


@pytest.mark.parametrize("document", [{"offerCode": "AmazonEC2"}, {"Items": []}, [1, 2]])
def test_a_file_that_is_no_aws_price_list(document: Any, aws_request: Request) -> None:
    with pytest.raises(RefreshError, match=r"^other.json: "):
        parse_aws("other.json", document, aws_request)


def test_two_rows_for_one_pair_that_disagree(bulk: dict[str, Any], aws_request: Request) -> None:
    twin = copy.deepcopy(bulk["products"][C4_SKU]) | {"sku": "TWIN"}
    bulk["products"]["TWIN"] = twin
    term = copy.deepcopy(bulk["terms"]["OnDemand"][C4_SKU][f"{C4_SKU}.JRTCKXETXF"])
    next(iter(term["priceDimensions"].values()))["pricePerUnit"]["USD"] = "0.2"
    bulk["terms"]["OnDemand"]["TWIN"] = {"TWIN.JRTCKXETXF": term}
    with pytest.raises(RefreshError, match=r"^offer.json: SKU TWIN: price 0.2 conflicts with 0.1"):
        select(parse_aws("offer.json", bulk, aws_request))


def test_the_same_row_twice_is_no_conflict(bulk: dict[str, Any], aws_request: Request) -> None:
    quotes = parse_aws("a.json", bulk, aws_request) + parse_aws("b.json", bulk, aws_request)
    assert select(quotes)["us-east-1", "c4.large"].hourly == Decimal("0.1")
