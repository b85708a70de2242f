"""From a provider's data file and the quotes read from price lists to the updated file.

Only an instance price's ``hourly``, ``source`` and ``as_of`` change (and, from price lists
that give them, ``monthly_cap``, ``confidence`` and ``note``), and only when the price changed
or, for those price lists, when the entry was not yet sourced from them; so a refresh that
finds the same prices leaves the file byte-identical. Entries the price list no longer has
stay as they were; new ones are appended in sorted order.
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

CENT = Decimal("0.01")

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
        specs[name] = TypeSpec(
            int(raw["vcpu"]),
            Decimal(str(raw["memory_gib"])),
            raw["family"],
            str(raw.get("arch", "x86_64")),
        )
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
        where = f"for {quote.instance_type} in {quote.region}"
        if quote.hourly <= 0:
            raise RefreshError(quote.file, quote.entry, f"price {price} {where} must be positive")
        if quote.monthly is not None and quote.monthly <= 0:
            problem = f"monthly price {decimal_text(quote.monthly)} {where} must be positive"
            raise RefreshError(quote.file, quote.entry, problem)
        pair = (quote.region, quote.instance_type)
        held = chosen.get(pair)
        if held is None or quote.preference > held.preference:
            chosen[pair] = quote
        elif quote.preference == held.preference and quote.hourly != held.hourly:
            other = f"{decimal_text(held.hourly)} ({held.entry} in {held.file})"
            raise RefreshError(quote.file, quote.entry, f"price {price} conflicts with {other}")
        elif quote.preference == held.preference and quote.monthly != held.monthly:
            other = f"{_text(held.monthly)} ({held.entry} in {held.file})"
            problem = f"monthly price {_text(quote.monthly)} conflicts with {other}"
            raise RefreshError(quote.file, quote.entry, problem)
    return chosen


def _text(amount: Decimal | None) -> str:
    return "none" if amount is None else decimal_text(amount)


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
            new_monthly = plain(quote.monthly) if quote.monthly is not None else None
            diff.added.append(Line(*pair, new=plain(quote.hourly), new_monthly=new_monthly))
    return updated, diff


def monthly_text(amount: Decimal) -> str:
    """A monthly price in the files' spelling: to the cent when it is whole cents ("24.00")."""
    cents = amount.quantize(CENT)
    return decimal_text(cents if cents == amount else plain(amount))


def _price_entry(quote: Quote, as_of: date) -> dict[str, str]:
    entry = {"hourly": decimal_text(plain(quote.hourly))}
    if quote.monthly is not None:
        entry["monthly_cap"] = monthly_text(quote.monthly)
    entry |= {"source": quote.source, "as_of": (quote.as_of or as_of).isoformat()}
    return entry | _provenance(quote)


def _provenance(quote: Quote) -> dict[str, str]:
    extra = {"confidence": quote.confidence} if quote.confidence else {}
    return extra | ({"note": quote.note} if quote.note else {})


def _set(entry: dict[str, Any], values: dict[str, str], drop_cap: bool) -> None:
    """Update ``entry`` in place, keeping its key order; a new monthly_cap goes after hourly."""
    if drop_cap:
        entry.pop("monthly_cap", None)
    if "monthly_cap" in values and "monthly_cap" not in entry:
        rebuilt = {}
        for name, value in entry.items():
            rebuilt[name] = value
            if name == "hourly":
                rebuilt["monthly_cap"] = values["monthly_cap"]
        entry.clear()
        entry.update(rebuilt)
    entry.update(values)


def _update(data: dict[str, Any], pair: Pair, quote: Quote | None, as_of: date, diff: Diff) -> None:
    entry = data["regions"][pair[0]]["instances"][pair[1]]
    old = Decimal(str(entry["hourly"]))
    cap = entry.get("monthly_cap")
    old_monthly = plain(Decimal(str(cap))) if cap is not None else None
    if quote is None:
        diff.disappeared.append(Line(*pair, old=old, old_monthly=old_monthly))
        return
    new_monthly = plain(quote.monthly) if quote.monthly is not None else None
    if not quote.monthly_known:
        new_monthly = old_monthly  # the price list says nothing about caps: keep the file's
    line = Line(
        *pair, old=old, new=plain(quote.hourly), old_monthly=old_monthly, new_monthly=new_monthly
    )
    drop_cap = quote.monthly_known and quote.monthly is None
    if plain(quote.hourly) != old or new_monthly != old_monthly:
        _set(entry, _price_entry(quote, as_of), drop_cap)
        diff.changed.append(line)
    elif quote.confidence and (
        entry.get("source") != quote.source or entry.get("confidence") != quote.confidence
    ):
        values = {"source": quote.source, "as_of": (quote.as_of or as_of).isoformat()}
        _set(entry, values | _provenance(quote), drop_cap)
        diff.resourced.append(line)
    else:
        diff.unchanged += 1


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
        } | ({"arch": spec.arch} if spec.arch != "x86_64" else {})
    region = data["regions"].setdefault(
        quote.region, {"name": quote.region_name or quote.region, "instances": {}}
    )
    entry = _price_entry(quote, as_of)
    region["instances"][quote.instance_type] = (
        {
            name: entry[name]
            for name in ("hourly", "monthly_cap", "source", "as_of")
            if name in entry
        }
        | {"confidence": quote.confidence or NEW_CONFIDENCE}
        | ({"note": quote.note} if quote.note else {})
    )


def house_spelling(data: dict[str, Any], family: str) -> str:
    """The family as the file already spells it ("compute optimised" for AWS's "optimized")."""

    def same(name: str) -> str:
        return name.lower().replace("optimised", "optimized")

    known = (str(raw.get("family", "")) for raw in data["instance_types"].values())
    return next((name for name in known if same(name) == same(family)), family)
