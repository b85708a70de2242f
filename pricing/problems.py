"""What is wrong with an input, in words: FieldProblem, and the one InputError every face
renders in its own format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing wrong with one input field, in words."""

    field: str
    message: str


# What kind of wrong an input is; the edge picks the HTTP status (or exit code) for each.
ProblemKind = Literal["invalid", "malformed", "too_large", "not_found"]


class InputError(ValueError):
    """What a user sent is wrong: ``problems`` name each field (or file line) and say why.

    ``kind`` says how: "invalid" (a value breaks a rule), "malformed" (not JSON, not CSV,
    not YAML), "too_large" (over a size cap) or "not_found" (names nothing here). The same
    error travels from the engine to every face, which renders it in its own format.
    """

    def __init__(self, problems: list[FieldProblem], kind: ProblemKind = "invalid") -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems
        self.kind = kind
