"""What a Scenario field is for, stated on the field itself (``Annotated[type, ROLE]``) and read
back as the lists the engine and the faces need: which fields name a catalog entry, which price
a VM type the user chose, which the checklist asks, which no infrastructure line reads, which
the sizing writes. A field may have several roles, or none."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class Role:
    """A role a field plays; ``meaning`` says it in words."""

    meaning: str


@dataclass(frozen=True, slots=True)
class OwnPriceOf:
    """The user's own hourly price of the VM type that the field ``machine`` names: it belongs
    to that type, so it goes when the type does."""

    machine: str


CATALOG_KEY = Role("names an entry of the provider's catalog; empty: the provider's default")
CHECKLIST = Role("a question of the article's checklist: it shapes the advice, not the costs")
NOT_INFRASTRUCTURE = Role(
    "no infrastructure line reads it (people, time, the fit check): scenarios that differ only "
    "in such fields share their infrastructure bill"
)
SIZED = Role("the sizing from files writes it: sizing again starts without it")


def fields_with(model: type[BaseModel], role: Role) -> tuple[str, ...]:
    """The fields of ``model`` that play ``role``, in the model's order."""
    return tuple(name for name, field in model.model_fields.items() if role in field.metadata)


def own_prices(model: type[BaseModel]) -> dict[str, str]:
    """Each own-price field of ``model``, by the VM-type field whose machine it prices."""
    return {
        role.machine: name
        for name, field in model.model_fields.items()
        for role in field.metadata
        if isinstance(role, OwnPriceOf)
    }
