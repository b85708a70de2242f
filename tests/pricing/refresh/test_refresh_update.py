"""What a refresh asks for, and how quotes land in the data file."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh.cli import type_argument
from pricing.refresh.model import Quote, RefreshError, TypeSpec
from pricing.refresh.update import apply, build_request, house_spelling, select
from pricing.refresh.writer import render

SPEC = {"vcpu": 2, "memory_gib": 8, "family": "general purpose"}
PRICE = {"hourly": "0.1", "source": "https://a.example/", "as_of": "2026-01-01", "confidence": "B"}


def small() -> dict[str, Any]:
    return {
        "regions": {"r1": {"name": "One", "instances": {"a": dict(PRICE), "b": dict(PRICE)}}},
        "instance_types": {"a": SPEC, "b": SPEC | {"family": "compute optimised"}},
    }


def quote(region: str, type_key: str, hourly: str, **extra: Any) -> Quote:
    return Quote(
        region, type_key, Decimal(hourly), "https://p.example/", "f.json", "SKU X", **extra
    )


def test_added_regions_get_every_type_and_added_types_every_region() -> None:
    request = build_request(small(), ["r2"], {"c": None})
    assert request.existing == {("r1", "a"), ("r1", "b")}
    assert request.pairs == {
        ("r1", "a"),
        ("r1", "b"),
        ("r1", "c"),
        ("r2", "a"),
        ("r2", "b"),
        ("r2", "c"),
    }
    assert request.region_names == {"r1": "One"}
    assert request.specs["a"] == TypeSpec(2, Decimal(8), "general purpose")


def test_apply_updates_only_changed_prices_and_appends_new_entries_sorted() -> None:
    data = small()
    request = build_request(data, ["r2"], {"c": TypeSpec(4, Decimal(16), "general purpose")})
    quotes = [
        quote("r1", "a", "0.1000"),  # same price, other spelling: untouched
        quote("r1", "b", "0.12", as_of=date(2026, 11, 30)),
        quote("r2", "c", "0.3", region_name="Two"),
        quote("r2", "a", "0.2", region_name="Two"),
    ]
    updated, diff = apply(data, request, select(quotes), date(2026, 12, 1))
    assert updated["regions"]["r1"]["instances"]["a"] == PRICE
    assert updated["regions"]["r1"]["instances"]["b"] == {
        "hourly": "0.12",
        "source": "https://p.example/",
        "as_of": "2026-11-30",
        "confidence": "B",
    }
    assert list(updated["regions"]["r2"]["instances"]) == ["a", "c"]
    assert updated["regions"]["r2"]["name"] == "Two"
    assert updated["regions"]["r2"]["instances"]["c"]["as_of"] == "2026-12-01"
    assert updated["regions"]["r2"]["instances"]["c"]["confidence"] == "A"
    assert updated["instance_types"]["c"] == {
        "vcpu": 4,
        "memory_gib": Decimal(16),
        "family": "general purpose",
    }
    assert data == small()  # the input is not modified
    assert (diff.unchanged, len(diff.changed), len(diff.added), len(diff.not_found)) == (1, 1, 2, 2)


def test_house_spelling_follows_the_file() -> None:
    assert house_spelling(small(), "Compute optimized") == "compute optimised"
    assert house_spelling(small(), "memory optimized") == "memory optimized"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("m5.large", ("m5.large", None)),
        ("D8_v4=8:32", ("D8_v4", TypeSpec(8, Decimal(32), "general purpose"))),
        ("e2-micro=2:1:burstable", ("e2-micro", TypeSpec(2, Decimal(1), "burstable"))),
    ],
)
def test_type_argument(value: str, expected: tuple[str, TypeSpec | None]) -> None:
    assert type_argument(value) == expected


@pytest.mark.parametrize("value", ["=2:8", "x=2", "x=2:8:a:b", "x=a:8", "x=2:-1", "x=2:NaN"])
def test_bad_type_arguments(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        type_argument(value)


def test_the_result_is_checked_against_the_catalog_model_before_writing() -> None:
    data = small() | {"provider": "x"}
    with pytest.raises(RefreshError, match=r"^aws\.json: entry name: Field required"):
        render(Path("aws.json"), data)
