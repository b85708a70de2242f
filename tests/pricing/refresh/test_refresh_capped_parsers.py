"""The Linode, DigitalOcean and Hetzner parsers on the hand-made samples, and how a price
with a monthly cap lands in an entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh import digitalocean, hetzner, linode
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec
from pricing.refresh.update import apply, build_request, monthly_text, select


def load(formats: Path, name: str) -> Any:
    return parse_json(name, (formats / name).read_text())


def by_pair(quotes: list[Quote]) -> dict[tuple[str, str], Quote]:
    return {(quote.region, quote.instance_type): quote for quote in quotes}


def test_linode_region_prices_override_the_base_price(
    formats: Path, capped_request: Callable[..., Request]
) -> None:
    quotes = by_pair(
        linode.parse_linode(
            "t.json", load(formats, "linode-v4-linode-types.json"), capped_request("linode")
        )
    )
    base, jakarta = quotes["us-east", "g6-standard-2"], quotes["id-cgk", "g6-standard-2"]
    assert (base.hourly, base.monthly) == (Decimal("0.036"), Decimal(24))
    assert (jakarta.hourly, jakarta.monthly) == (Decimal("0.043"), Decimal("28.8"))
    assert jakarta.entry == "type g6-standard-2"
    g8 = quotes["us-east", "g8-dedicated-4-2"]
    assert (g8.monthly, g8.monthly_known) == (None, True)
    assert ("us-east", "g6-standard-1") not in quotes
    assert all(q.source == linode.SOURCE and q.confidence == "A" for q in quotes.values())


def test_linode_sizes_of_new_types(formats: Path, capped_request: Callable[..., Request]) -> None:
    request = capped_request("linode", types={"g6-nanode-1": None, "g8-dedicated-4-2": None})
    sample = load(formats, "linode-v4-linode-types.json")
    quotes = by_pair(linode.parse_linode("t.json", sample, request))
    assert quotes["us-east", "g6-nanode-1"].spec == TypeSpec(1, Decimal(1), "shared CPU")
    assert quotes["us-east", "g8-dedicated-4-2"].spec is None  # the file has its size
    dedicated = {"id": "g7-dedicated-8", "vcpus": 8, "memory": 16384, "class": "dedicated"}
    assert linode.type_spec("t.json", "x", dedicated) == TypeSpec(
        8, Decimal(16), "dedicated CPU (G7)"
    )


def test_linode_next_page() -> None:
    assert linode.next_page(linode.SOURCE, {"page": 1, "pages": 3}) == f"{linode.SOURCE}?page=2"
    assert linode.next_page(linode.SOURCE, {"page": 3, "pages": 3}) is None
    assert linode.next_page(linode.SOURCE, []) is None


def test_digitalocean_regions_and_availability(
    formats: Path, capped_request: Callable[..., Request]
) -> None:
    sample = load(formats, "digitalocean-v2-sizes.json")
    quotes = by_pair(
        digitalocean.parse_digitalocean("s.json", sample, capped_request("digitalocean"))
    )
    assert sorted(quotes) == [("nyc3", "c-2"), ("nyc3", "s-2vcpu-4gb"), ("sfo3", "c-2")]
    assert quotes["nyc3", "c-2"].monthly == Decimal(42)


def test_digitalocean_size_of_a_new_slug(
    formats: Path, capped_request: Callable[..., Request]
) -> None:
    sample = load(formats, "digitalocean-v2-sizes.json")
    request = capped_request("digitalocean", types={"s-1vcpu-1gb": None})
    quote = by_pair(digitalocean.parse_digitalocean("s.json", sample, request))[
        "nyc3", "s-1vcpu-1gb"
    ]
    assert quote.hourly == Decimal("0.00744")
    assert quote.spec == TypeSpec(1, Decimal(1), "basic (shared CPU)")


def test_hetzner_net_prices_and_arm_sizes(
    formats: Path, capped_request: Callable[..., Request]
) -> None:
    sample = load(formats, "hetzner-v1-server-types.json")
    request = capped_request("hetzner", regions=("hel1",))
    quotes = by_pair(hetzner.parse_hetzner("h.json", sample, request))
    assert sorted(quotes) == [("fsn1", "cax11"), ("fsn1", "cx23"), ("nbg1", "cx23")]
    assert (quotes["fsn1", "cx23"].hourly, quotes["fsn1", "cx23"].monthly) == (
        Decimal("0.0088"),
        Decimal("5.49"),
    )
    arm = {"cores": 2, "memory": Decimal("4.0"), "cpu_type": "shared", "architecture": "arm"}
    assert hetzner.type_spec("h.json", "x", arm) == TypeSpec(2, Decimal(4), "shared vCPU", "arm64")


def test_hetzner_next_page() -> None:
    page = {"meta": {"pagination": {"next_page": 3}}}
    assert hetzner.next_page("u", page) == f"{hetzner.SOURCE}?per_page=50&page=3"
    assert hetzner.next_page("u", {"meta": {"pagination": {"next_page": None}}}) is None


@pytest.mark.parametrize(
    ("amount", "text"), [("24.0", "24.00"), ("28.8", "28.80"), ("5", "5.00"), ("0.125", "0.125")]
)
def test_monthly_text(amount: str, text: str) -> None:
    assert monthly_text(Decimal(amount)) == text


def _capped_quote(monthly: str | None, **extra: Any) -> Quote:
    return Quote(
        "r1",
        "a",
        Decimal("0.1"),
        "https://api.example/types",
        "f.json",
        "type a",
        monthly=None if monthly is None else Decimal(monthly),
        monthly_known=True,
        confidence="A",
        note="From the API.",
        **extra,
    )


def _file(entry: dict[str, Any]) -> dict[str, Any]:
    spec = {"vcpu": 2, "memory_gib": 8, "family": "general purpose"}
    return {
        "regions": {"r1": {"name": "One", "instances": {"a": entry}}},
        "instance_types": {"a": spec},
    }


HAND = {
    "hourly": "0.1",
    "source": "https://page.example/",
    "as_of": "2026-01-01",
    "confidence": "C",
}


def test_a_new_cap_goes_after_hourly() -> None:
    data = _file(dict(HAND))
    updated, diff = apply(
        data, build_request(data), select([_capped_quote("60")]), date(2026, 12, 1)
    )
    entry = updated["regions"]["r1"]["instances"]["a"]
    assert list(entry) == ["hourly", "monthly_cap", "source", "as_of", "confidence", "note"]
    assert entry["monthly_cap"] == "60.00"
    assert len(diff.changed) == 1


def test_a_quote_without_a_cap_removes_the_files_cap() -> None:
    data = _file(HAND | {"monthly_cap": "60.00"})
    updated, diff = apply(
        data, build_request(data), select([_capped_quote(None)]), date(2026, 12, 1)
    )
    assert "monthly_cap" not in updated["regions"]["r1"]["instances"]["a"]
    assert diff.changed[0].old_monthly == Decimal(60)


def test_a_price_list_that_knows_no_caps_keeps_the_files_cap() -> None:
    data = _file(HAND | {"monthly_cap": "60.00"})
    quote = Quote("r1", "a", Decimal("0.1"), "https://p.example/", "f.json", "SKU X")
    updated, diff = apply(data, build_request(data), select([quote]), date(2026, 12, 1))
    assert updated == data
    assert diff.unchanged == 1 and not diff.resourced  # no confidence: never re-sourced


def test_conflicting_monthly_prices_are_an_error() -> None:
    with pytest.raises(RefreshError, match="monthly price 61 conflicts with 60"):
        select([_capped_quote("60"), _capped_quote("61")])
