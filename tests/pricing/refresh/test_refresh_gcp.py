"""The Google Cloud parser on the real sample and on small SKU lists covering each trap."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh.gcp import (
    SOURCE,
    machine_spec,
    parse_gcp,
    series_of,
    sku_usd,
    tier_price,
    unit_price,
)
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import RefreshError, Request, TypeSpec

SAMPLE = "gcp-billing-catalog-skus.json"
AMERICAS = ["us-central1", "us-east1", "us-west1"]


def load(formats: Path) -> Any:
    return parse_json(SAMPLE, (formats / SAMPLE).read_text())


def sku(
    sku_id: str,
    description: str,
    nanos: int,
    *,
    units: str = "0",
    unit: str = "h",
    regions: list[str] | None = None,
    usage_type: str = "OnDemand",
    rate: str = "1",
) -> dict[str, Any]:
    """One Compute Engine SKU in the API's shape."""
    price = {"currencyCode": "USD", "units": units, "nanos": nanos}
    return {
        "name": f"services/6F81-5844-456A/skus/{sku_id}",
        "skuId": sku_id,
        "description": description,
        "category": {"resourceFamily": "Compute", "resourceGroup": "CPU", "usageType": usage_type},
        "serviceRegions": AMERICAS if regions is None else regions,
        "pricingInfo": [
            {
                "pricingExpression": {
                    "usageUnit": unit,
                    "tieredRates": [{"startUsageAmount": 0, "unitPrice": price}],
                },
                "currencyConversionRate": Decimal(rate),
            }
        ],
    }


E2_CORE = sku("CORE", "E2 Instance Core running in Americas", 21811590)
E2_RAM = sku("RAM", "E2 Instance Ram running in Americas", 2923530, unit="GiBy.h")


@pytest.fixture
def gcp_request(make_request: Callable[..., Request]) -> Request:
    return make_request("gcp")


def prices(documents: list[tuple[str, Any]], request: Request) -> dict[tuple[str, str], Decimal]:
    return {(q.region, q.instance_type): q.hourly for q in parse_gcp(documents, request)}


def test_real_sample_converts_idr_to_usd_and_sums_core_and_ram(
    formats: Path, gcp_request: Request
) -> None:
    quotes = parse_gcp([(SAMPLE, load(formats))], gcp_request)
    found = {(q.region, q.instance_type): q for q in quotes}
    # 327.173848364 IDR / 14999.999925 = $0.02181159 per vCPU-hour; RAM $0.00292353 per GiB-hour
    assert found["us-central1", "e2-standard-2"].hourly == Decimal("0.06701142")
    assert found["us-central1", "e2-standard-4"].hourly == Decimal("0.13402284")
    quote = found["us-central1", "e2-standard-4"]
    assert quote.source == SOURCE.format(service="services/6F81-5844-456A")
    assert quote.entry == "SKU CF4E-A0C7-E3BF + SKU F449-33EC-A5EF"


def test_real_sample_new_region_and_type(
    formats: Path, make_request: Callable[..., Request]
) -> None:
    request = make_request("gcp", regions=("asia-southeast1",), types={"t2d-standard-4": None})
    found = prices([(SAMPLE, load(formats))], request)
    # 4 vCPU x $0.033929 + 16 GiB x $0.004547, both converted from IDR
    assert found["asia-southeast1", "t2d-standard-4"] == Decimal("0.208468")
    assert ("asia-southeast1", "e2-standard-2") not in found  # no E2 SKU for Singapore here


def test_usd_sku_needs_no_conversion(formats: Path) -> None:
    a2_core = next(s for s in load(formats)["skus"] if s["skuId"] == "2922-40C5-B19F")
    assert sku_usd(SAMPLE, "SKU x", a2_core, "h") == Decimal("0.031611")


def test_sample_skus_as_series() -> None:
    assert series_of("E2 Instance Core running in Americas") == ("e2", "Core")
    assert series_of("T2D AMD Instance Ram running in Singapore") == ("t2d", "Ram")
    assert series_of("N1 Predefined Instance Core running in Americas") == ("n1", "Core")
    assert series_of("Compute optimized Core running in Americas") == ("c2", "Core")
    assert series_of("Memory-optimized Instance Ram running in Americas") == ("m1", "Ram")
    assert series_of("E2 Custom Instance Core running in Americas") is None
    assert series_of("Spot Preemptible E2 Instance Core running in Americas") is None
    assert series_of("Nvidia Tesla A100 GPU running in Americas") is None


def test_core_and_ram_on_different_pages(gcp_request: Request) -> None:
    documents = [("p1.json", {"skus": [E2_CORE]}), ("p2.json", {"skus": [E2_RAM]})]
    assert prices(documents, gcp_request)["us-central1", "e2-standard-2"] == Decimal("0.06701142")


@pytest.mark.parametrize(
    "trap",
    [
        sku("S", "Spot Preemptible E2 Instance Core running in Americas", 1, usage_type="Spot"),
        sku("C", "Commitment v1: E2 Cpu in Americas for 1 Year", 1, usage_type="Commit1Yr"),
        sku("X", "E2 Custom Instance Core running in Americas", 1),
        sku("T", "E2 Sole Tenancy Instance Core running in Americas", 1),
        sku("R", "E2 Instance Core running in Tokyo", 1, regions=["asia-northeast1"]),
    ],
)
def test_skus_that_must_not_price_a_machine(gcp_request: Request, trap: dict[str, Any]) -> None:
    documents = [("p.json", {"skus": [trap, E2_RAM, E2_CORE]})]
    assert prices(documents, gcp_request)["us-central1", "e2-standard-4"] == Decimal("0.13402284")


def test_a_region_specific_sku_wins_over_the_multi_region_one(
    make_request: Callable[..., Request],
) -> None:
    iowa = sku("IOWA", "E2 Instance Core running in Iowa", 30000000, regions=["us-central1"])
    documents = [("p.json", {"skus": [E2_CORE, iowa, E2_RAM]})]
    found = prices(documents, make_request("gcp", regions=("us-east1",)))
    assert found["us-central1", "e2-standard-2"] == Decimal("0.08338824")  # 2 x 0.03 + 8 x RAM
    assert found["us-east1", "e2-standard-2"] == Decimal("0.06701142")


def test_two_equally_specific_skus_that_disagree(gcp_request: Request) -> None:
    other = sku("OTHER", "E2 Instance Core running in Americas", 1)
    with pytest.raises(RefreshError, match=r"^p.json: SKU OTHER: conflicts with SKU CORE"):
        parse_gcp([("p.json", {"skus": [E2_CORE, other, E2_RAM]})], gcp_request)


def test_ram_priced_per_month_is_the_wrong_usage_unit(gcp_request: Request) -> None:
    monthly = sku("RAM", "E2 Instance Ram running in Americas", 2134, unit="GiBy.mo")
    with pytest.raises(RefreshError, match=r"^p.json: SKU RAM: usageUnit is 'GiBy.mo', expected"):
        parse_gcp([("p.json", {"skus": [E2_CORE, monthly]})], gcp_request)


@pytest.mark.parametrize(("units", "nanos"), [("0", 0), ("-1", 0), ("0", -5)])
def test_zero_or_negative_rates_are_an_error(gcp_request: Request, units: str, nanos: int) -> None:
    free = sku("FREE", "E2 Instance Core running in Americas", nanos, units=units)
    with pytest.raises(RefreshError, match=r"^p.json: SKU FREE: Core price .* must be positive"):
        parse_gcp([("p.json", {"skus": [free, E2_RAM]})], gcp_request)


def test_a_zero_rate_nobody_uses_is_no_error(gcp_request: Request) -> None:
    unused = sku("N2", "N2D AMD Instance Core running in Americas", 0)
    documents = [("p.json", {"skus": [unused, E2_CORE, E2_RAM]})]
    assert ("us-central1", "e2-standard-2") in prices(documents, gcp_request)


def test_conversion_rate_must_be_positive(gcp_request: Request) -> None:
    broken = sku("CORE", "E2 Instance Core running in Americas", 327, units="327", rate="0")
    with pytest.raises(RefreshError, match="SKU CORE: currencyConversionRate 0 must be"):
        parse_gcp([("p.json", {"skus": [broken, E2_RAM]})], gcp_request)


def test_tiers_apply_from_their_start_amount() -> None:
    expression = {
        "tieredRates": [
            {"startUsageAmount": 100, "unitPrice": {"units": "0", "nanos": 40000000}},
            {"startUsageAmount": 0, "unitPrice": {"units": "0", "nanos": 50000000}},
        ]
    }
    assert tier_price("f", "e", expression, Decimal(0)) == Decimal("0.05")
    assert tier_price("f", "e", expression, Decimal(99)) == Decimal("0.05")
    assert tier_price("f", "e", expression, Decimal(150)) == Decimal("0.04")


def test_tiers_that_start_late_do_not_apply_at_zero() -> None:
    expression = {"tieredRates": [{"startUsageAmount": 5, "unitPrice": {"nanos": 1}}]}
    with pytest.raises(RefreshError, match="no tiered rate applies at usage 0"):
        tier_price("f", "SKU x", expression, Decimal(0))


def test_unit_price_units_and_nanos() -> None:
    assert unit_price("f", "e", {"units": "2", "nanos": 933908000}) == Decimal("2.933908")
    assert unit_price("f", "e", {"nanos": 4237000}) == Decimal("0.004237")
    assert unit_price("f", "e", {}) == 0
    with pytest.raises(RefreshError, match="whole numbers"):
        unit_price("f", "e", {"units": "1.5"})


@pytest.mark.parametrize(
    ("name", "vcpu", "memory", "family"),
    [
        ("e2-standard-4", 4, "16", "general purpose"),
        ("e2-highmem-4", 4, "32", "memory optimized"),
        ("n2-highcpu-8", 8, "8", "compute optimized"),
        ("n1-standard-2", 2, "7.5", "general purpose"),
        ("c2-standard-4", 4, "16", "compute optimized"),
        ("c3-highcpu-4", 4, "8", "compute optimized"),
        ("c3-standard-4", 4, "16", "general purpose"),
    ],
)
def test_machine_size_from_the_name(name: str, vcpu: int, memory: str, family: str) -> None:
    assert machine_spec(name) == TypeSpec(vcpu=vcpu, memory_gib=Decimal(memory), family=family)


def test_machine_without_a_derivable_size(make_request: Callable[..., Request]) -> None:
    assert machine_spec("e2-medium") is None
    request = make_request("gcp", types={"e2-medium": None})
    with pytest.raises(RefreshError, match=r"^--types: e2-medium: size unknown"):
        parse_gcp([("p.json", {"skus": [E2_CORE, E2_RAM]})], request)
    sized = make_request("gcp", types={"e2-medium": TypeSpec(2, Decimal(4), "burstable")})
    found = prices([("p.json", {"skus": [E2_CORE, E2_RAM]})], sized)
    assert found["us-central1", "e2-medium"] == Decimal("0.0553173")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"nextPageToken": ""}, 'not a Cloud Billing Catalog SKU list: no "skus"'),
        ({"skus": {}}, "skus must be a JSON array"),
        ({"skus": [E2_CORE | {"pricingInfo": []}]}, "SKU CORE: pricingInfo is empty"),
        ({"skus": [E2_CORE | {"pricingInfo": [{}]}]}, 'SKU CORE: missing key "pricingExpression"'),
        ({"skus": [E2_CORE | {"description": None}]}, "SKU CORE: description is missing"),
    ],
)
def test_bad_pages_name_the_file_and_sku(
    gcp_request: Request, document: dict[str, Any], message: str
) -> None:
    with pytest.raises(RefreshError, match=f"^p.json: {message}"):
        parse_gcp([("p.json", document)], gcp_request)
