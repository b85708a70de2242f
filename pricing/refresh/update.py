"""From a provider's data file and the quotes read from price lists to the updated file.

Only an instance price's ``hourly``, ``source`` and ``as_of`` change, and only when the price
changed, so a refresh that finds the same prices leaves the file byte-identical. Entries the
price list no longer has stay as they were; new ones are appended in sorted order.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from pricing.refresh.diff import Diff, Line
from pricing.refresh.jsonio import decimal_text
from pricing.refresh.model import Pair, Quote, RefreshError, Request, TypeSpec, plain

NEW_CONFIDENCE = "A"  # read from the provider's own price list
SIZE_HINT = "give it as --types NAME=VCPU:MEMORY_GIB[:FAMILY]"


def build_request(
    data: dict[str, Any],
    regions: Iterable[str] = (),
    types: dict[str, TypeSpec | None] | None = None,
) -> Request:
    """The catalog's pairs, each added region with every type, each added type everywhere."""
    types = types or {}
    added = list(regions)
    existing = {(r, t) for r, region in data["regions"].items() for t in region["instances"]}
    all_regions = list(data["regions"]) + [r for r in added if r not in data["regions"]]
    all_types = list(data["instance_types"]) + [t for t in types if t not in data["instance_types"]]
    pairs = set(existing)
    pairs.update((region, type_key) for region in added for type_key in all_types)
    pairs.update((region, type_key) for region in all_regions for type_key in types)
    specs = {name: spec for name, spec in types.items() if spec is not None}
    for name, raw in data["instance_types"].items():
        specs[name] = TypeSpec(int(raw["vcpu"]), Decimal(str(raw["memory_gib"])), raw["family"])
    return Request(
        pairs=frozenset(pairs),
        existing=frozenset(existing),
        region_names={key: region["name"] for key, region in data["regions"].items()},
        specs=specs,
    )


def select(quotes: Iterable[Quote]) -> dict[Pair, Quote]:
    """One quote per pair: every candidate must be positive; the preferred one wins, and two
    equally preferred candidates must agree."""
    chosen: dict[Pair, Quote] = {}
    for quote in quotes:
        price = decimal_text(quote.hourly)
        if quote.hourly <= 0:
            problem = f"price {price} for {quote.instance_type} in {quote.region} must be positive"
            raise RefreshError(quote.file, quote.entry, problem)
        pair = (quote.region, quote.instance_type)
        held = chosen.get(pair)
        if held is None or quote.preference > held.preference:
            chosen[pair] = quote
        elif quote.preference == held.preference and quote.hourly != held.hourly:
            other = f"{decimal_text(held.hourly)} ({held.entry} in {held.file})"
            raise RefreshError(quote.file, quote.entry, f"price {price} conflicts with {other}")
    return chosen


def apply(
    data: dict[str, Any], request: Request, chosen: dict[Pair, Quote], as_of: date
) -> tuple[dict[str, Any], Diff]:
    """The updated file contents and the diff; ``as_of`` is used where a quote has no date."""
    updated = copy.deepcopy(data)
    diff = Diff(provider=str(data.get("provider", "")))
    for pair in sorted(request.existing):
        _update(updated, pair, chosen.get(pair), as_of, diff)
    for pair in sorted(request.pairs - request.existing):
        quote = chosen.get(pair)
        if quote is None:
            diff.not_found.append(Line(*pair))
        else:
            _add(updated, request, quote, as_of)
            diff.added.append(Line(*pair, new=plain(quote.hourly)))
    return updated, diff


def _price_entry(quote: Quote, as_of: date) -> dict[str, str]:
    return {
        "hourly": decimal_text(plain(quote.hourly)),
        "source": quote.source,
        "as_of": (quote.as_of or as_of).isoformat(),
    }


def _update(data: dict[str, Any], pair: Pair, quote: Quote | None, as_of: date, diff: Diff) -> None:
    entry = data["regions"][pair[0]]["instances"][pair[1]]
    old = Decimal(str(entry["hourly"]))
    if quote is None:
        diff.disappeared.append(Line(*pair, old=old))
    elif plain(quote.hourly) == old:
        diff.unchanged += 1
    else:
        entry.update(_price_entry(quote, as_of))
        diff.changed.append(Line(*pair, old=old, new=plain(quote.hourly)))


def _add(data: dict[str, Any], request: Request, quote: Quote, as_of: date) -> None:
    if quote.instance_type not in data["instance_types"]:
        spec = request.specs.get(quote.instance_type) or quote.spec
        if spec is None:
            problem = f"the price list does not give its size; {SIZE_HINT}"
            raise RefreshError("--types", quote.instance_type, problem)
        data["instance_types"][quote.instance_type] = {
            "vcpu": spec.vcpu,
            "memory_gib": plain(spec.memory_gib),
            "family": house_spelling(data, spec.family),
        }
    region = data["regions"].setdefault(
        quote.region, {"name": quote.region_name or quote.region, "instances": {}}
    )
    region["instances"][quote.instance_type] = {
        **_price_entry(quote, as_of),
        "confidence": NEW_CONFIDENCE,
    }


def house_spelling(data: dict[str, Any], family: str) -> str:
    """The family as the file already spells it ("compute optimised" for AWS's "optimized")."""

    def same(name: str) -> str:
        return name.lower().replace("optimised", "optimized")

    known = (str(raw.get("family", "")) for raw in data["instance_types"].values())
    return next((name for name in known if same(name) == same(family)), family)
