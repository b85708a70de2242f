"""Output models: an output shape (an estimate, a sizing, an error) is defined once, as a
pydantic model whose fields say the JSON's keys, their order, types and meanings. The routes
declare these models as their response models, so the OpenAPI document is generated from them,
and the bodies are written from them.

A body is written from the engine's own objects (NamedTuples, dataclasses; or dicts for the
keys a face composes) by ``Output.plain``: each field read by its name, a field whose type
carries a ``PlainSerializer`` (``Number``) written by it, a nested output model by its own
fields. That is what ``model_validate(source, from_attributes=True)`` and then
``model_dump_json()`` give (tests/app/present/test_output.py checks it byte for byte), at about
half the cost: pydantic calls back into Python for every number, twice.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from operator import attrgetter, itemgetter
from typing import Annotated, Any

import orjson
from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema

from app.present.cells import json_number

# The one number type of every output: a Decimal (money, a quantity, a rate) written as a JSON
# number, integral values as integers (443, not 443.0) and others as floats (0.0416).
Number = Annotated[
    Decimal, PlainSerializer(json_number, return_type=Any), WithJsonSchema({"type": "number"})
]


class Output(BaseModel):
    """An output shape: ``plain(source)`` writes ``source`` in it, ``to_json`` as bytes."""

    model_config = ConfigDict(from_attributes=True, frozen=True)

    @classmethod
    def plain(cls, source: object) -> dict[str, Any]:
        """``source``'s values under this model's keys, in its order, as JSON-ready values.
        A key with a default that ``source`` lacks is left out."""
        return _plan(cls)(source)

    @classmethod
    def to_json(cls, source: object) -> bytes:
        """``plain(source)`` as JSON bytes."""
        return orjson.dumps(_plan(cls)(source))


Writer = Callable[[Any], Any]
Plan = Callable[[Any], dict[str, Any]]
_PLANS: dict[type[Output], Plan] = {}


def _plan(model: type[Output]) -> Plan:
    """How ``model`` writes a source, made on its first use."""
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = _make_plan(model)
    return plan


def _make_plan(model: type[Output]) -> Plan:
    """A function writing a source in ``model``, generated as a dataclass's ``__init__`` is:
    its required keys read in one call (by attribute; by key from a dict), a dict literal of
    them with each value that needs it written, then each key with a default that the source
    has. Generated code runs as fast as a hand-written dict; a loop over the fields took twice
    as long (it runs for every line item and month of every estimate)."""
    fields = model.model_fields
    names = [name for name, field in fields.items() if field.is_required()]
    optional = [name for name, field in fields.items() if not field.is_required()]
    if not names or [*names, *optional] != list(fields):
        raise TypeError(f"{model.__name__}: keys with defaults must come last, after one without")
    scope: dict[str, Any] = {"attributes": attrgetter(*names), "items": itemgetter(*names)}

    def value(index: int, name: str, read: str) -> str:
        writer = _writer(fields[name].annotation, fields[name].metadata)
        if writer is None:
            return read
        scope[f"write_{index}"] = writer
        return f"None if {read} is None else write_{index}({read})"

    values = ", ".join(f"v{i}" for i in range(len(names)))
    entries = ", ".join(f"{name!r}: {value(i, name, f'v{i}')}" for i, name in enumerate(names))
    lines = [
        "def write(source):",
        "    is_dict = source.__class__ is dict",
        f"    {values}{',' if len(names) > 1 else ''} = (items if is_dict else attributes)(source)",
        f"    out = {{{entries}}}",
    ]
    for index, name in enumerate(optional, start=len(names)):
        lines += [
            f"    found = source.get({name!r}, out) if is_dict else getattr(source, {name!r}, out)",
            "    if found is not out:",
            f"        out[{name!r}] = {value(index, name, 'found')}",
        ]
    lines.append("    return out")
    # The code is made of this module's text and the model's field names (as literals), never
    # of input: exec is safe here, as in the standard library's dataclasses.
    exec("\n".join(lines), scope)  # noqa: S102  # nosec
    plan: Plan = scope["write"]
    return plan


def _each(writer: Writer, values: Any) -> list[Any]:
    return [writer(value) for value in values]


def _writer(annotation: Any, metadata: list[Any]) -> Writer | None:
    """How a value of this type is written, or None when it is written as it is."""
    serializer = next((m for m in metadata if isinstance(m, PlainSerializer)), None)
    if serializer is not None:
        return serializer.func  # type: ignore[return-value]
    if isinstance(annotation, type) and issubclass(annotation, Output):
        return _plan(annotation)
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _writer(args[0], list(args[1:]))
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in args if arg is not type(None)]
        return _writer(inner[0], []) if len(inner) == 1 else None
    if origin in (list, tuple) and args:
        each = _writer(args[0], [])
        return None if each is None else partial(_each, each)
    return None
