"""The values the refresh passes between its steps: quotes, type sizes, the request, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PRICE_PLACES = Decimal("1e-9")  # a nano-dollar: the finest step any of the price lists uses
ROUNDING = ROUND_HALF_UP

Pair = tuple[str, str]  # (region key, instance type key)


class RefreshError(Exception):
    """Bad input: the message names the file and the entry (SKU, meterId) at fault."""

    def __init__(self, file: str, entry: str | None, problem: str) -> None:
        where = f"{file}: {entry}: " if entry else f"{file}: "
        super().__init__(where + problem)
        self.file = file
        self.entry = entry
        self.problem = problem


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """An instance type's size, for a type the catalog does not have yet."""

    vcpu: int
    memory_gib: Decimal
    family: str
    arch: str = "x86_64"


@dataclass(frozen=True, slots=True)
class Quote:
    """One on-demand Linux hourly price read from a price list (in the file's currency).

    ``preference`` orders candidates for the same pair (highest wins: Azure's primary meter
    region, then the latest effective date); ``entry`` names the row (``SKU X``,
    ``meterId Y``) for error messages.

    Price lists that give the monthly cap of hourly billing (Linode, DigitalOcean, Hetzner)
    set ``monthly_known``: then ``monthly`` is the cap, or None where the type has none. They
    also set ``confidence`` and ``note``, which replace the entry's own when the quote is
    written, and an entry whose source or confidence differs is re-sourced even when its
    prices did not change.
    """

    region: str
    instance_type: str
    hourly: Decimal
    source: str
    file: str
    entry: str
    as_of: date | None = None
    region_name: str | None = None
    spec: TypeSpec | None = None
    preference: tuple[int, str] = (0, "")
    monthly: Decimal | None = None
    monthly_known: bool = False
    confidence: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """What to price: the catalog's pairs plus the regions and types the operator adds."""

    pairs: frozenset[Pair]
    existing: frozenset[Pair]
    region_names: dict[str, str] = field(default_factory=dict)
    specs: dict[str, TypeSpec] = field(default_factory=dict)

    @property
    def regions(self) -> frozenset[str]:
        return frozenset(region for region, _ in self.pairs)

    @property
    def types(self) -> frozenset[str]:
        return frozenset(type_key for _, type_key in self.pairs)


def round_price(amount: Decimal) -> Decimal:
    """Round a computed price to 9 places (nanos), half up, without trailing zeros."""
    return plain(amount.quantize(PRICE_PLACES, rounding=ROUNDING))


def plain(amount: Decimal) -> Decimal:
    """The same amount without trailing zeros or an exponent: 0.0960000000 -> 0.096."""
    normal = amount.normalize()
    return Decimal(format(normal, "f")) if normal == normal.to_integral() else normal
