"""The calculator form's building blocks: a Field (a Scenario field with its label, hint and
unit) and a Group of them, the form's fieldsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["number", "text", "select", "yesno"]


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    hint: str
    unit: str = ""
    kind: Kind = "number"
    step: str = "1"
    optional: bool = False  # may be left empty
    placeholder: str = ""  # what an empty box stands for, where a word says it better


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    title: str
    fields: tuple[Field, ...]
    note: str = ""
    advanced: bool = False  # folded away unless one of its fields is set or wrong
