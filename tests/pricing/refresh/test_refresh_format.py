"""The catalog files' layout, written byte for byte, and JSON read with exact decimals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from pricing.refresh.jsonio import decimal_text, format_data, parse_json
from pricing.refresh.model import RefreshError, plain, round_price

DATA = Path(__file__).resolve().parents[3] / "pricing" / "data"
PROVIDER_FILES = sorted(
    f"{key}.json" for key in json.loads((DATA / "catalog.json").read_text())["providers"]
)


@pytest.mark.parametrize("name", PROVIDER_FILES)
def test_the_bundled_provider_files_are_already_in_the_refresh_layout(name: str) -> None:
    """So a refresh that changes no price leaves them byte-identical (read only here)."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert format_data(parse_json(name, text)) == text


def test_layout_one_entry_per_line_below_the_top_two_levels() -> None:
    data = {
        "provider": "x",
        "defaults": {"region": "r"},
        "instance_types": {"a": {"vcpu": 2, "memory_gib": Decimal("3.75")}},
        "regions": {"r": {"name": "R", "instances": {"a": {"hourly": "0.1"}}, "tags": []}},
        "list": [1, "two"],
        "empty": {},
    }
    assert format_data(data) == (
        "{\n"
        '  "provider": "x",\n'
        '  "defaults": {\n'
        '    "region": "r"\n'
        "  },\n"
        '  "instance_types": {\n'
        '    "a": {"vcpu": 2, "memory_gib": 3.75}\n'
        "  },\n"
        '  "regions": {\n'
        '    "r": {\n'
        '      "name": "R",\n'
        '      "instances": {\n'
        '        "a": {"hourly": "0.1"}\n'
        "      },\n"
        '      "tags": []\n'
        "    }\n"
        "  },\n"
        '  "list": [1, "two"],\n'
        '  "empty": {}\n'
        "}\n"
    )


def test_numbers_and_text_keep_their_spelling() -> None:
    text = '{\n  "a": 3.750,\n  "b": 8,\n  "c": "São Paulo — 1"\n}\n'
    assert format_data(parse_json("f", text)) == text


def test_json_numbers_are_read_as_exact_decimals() -> None:
    assert parse_json("f", '{"p": 0.46}') == {"p": Decimal("0.46")}


@pytest.mark.parametrize("text", ['{"a": 1', "", "[1, 2,", b"\xff\xfe{"])
def test_broken_json_names_the_file(text: str | bytes) -> None:
    with pytest.raises(RefreshError, match=r"^prices\.json: not valid JSON \(truncated"):
        parse_json("prices.json", text)


@pytest.mark.parametrize(
    ("amount", "text"),
    [("0.0960000000", "0.096"), ("1E+2", "100"), ("0.10", "0.1"), ("5", "5"), ("0E-10", "0")],
)
def test_plain_decimals(amount: str, text: str) -> None:
    assert decimal_text(plain(Decimal(amount))) == text


def test_computed_prices_round_half_up_to_nanos() -> None:
    assert round_price(Decimal("0.0000000005")) == Decimal("0.000000001")
    assert round_price(Decimal("2377") / 8760) == Decimal("0.271347032")
