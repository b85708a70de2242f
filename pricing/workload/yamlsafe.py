"""Reading untrusted YAML: a safe loader with caps on size, nesting depth and alias use.

PyYAML's ``SafeLoader`` builds only plain data (no ``!!python/...`` tags), but it expands
nothing lazily: a billion-laughs document comes back as shared objects that explode when
walked, and deep nesting overflows the composer's recursion. So the composer here counts
depth and the nodes each alias stands for while it builds the tree, and stops early. Where
libyaml is present its C parser does the scanning (the slow part); composition stays in
Python so that the caps apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.resolver import Resolver

from pricing.workload.errors import SizingError

try:
    from yaml.cyaml import CParser as _PARSER  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PARSER  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Limits:
    """How much untrusted YAML the reader accepts."""

    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 500
    max_nodes: int = 500_000
    max_documents: int = 5_000


class _CappedComposer(Composer):
    """PyYAML's composer with a depth counter and a budget of nodes, aliases included."""

    limits: Limits
    # Supplied by the parser the loader is built with.
    check_event: Any
    peek_event: Any

    def _start_caps(self, limits: Limits) -> None:
        self.limits = limits
        self._depth = 0
        self._aliases = 0
        self._nodes = 0
        self._sizes: dict[int, int] = {}

    def _spend(self, nodes: int) -> None:
        self._nodes += nodes
        if self._nodes > self.limits.max_nodes:
            raise SizingError(f"the YAML is too large: more than {self.limits.max_nodes} nodes")

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            self._aliases += 1
            if self._aliases > self.limits.max_aliases:
                raise SizingError(
                    f"too many YAML aliases (more than {self.limits.max_aliases})",
                    line=event.start_mark.line + 1,
                    column=event.start_mark.column + 1,
                )
            target = self.anchors.get(event.anchor)
            size = self._sizes.get(id(target)) if target is not None else 1
            if size is None:
                raise SizingError("a YAML alias refers to the node that contains it")
            self._spend(size)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > self.limits.max_depth:
            event = self.peek_event()
            raise SizingError(
                f"the YAML is nested too deeply (more than {self.limits.max_depth} levels)",
                line=event.start_mark.line + 1,
                column=event.start_mark.column + 1,
            )
        before = self._nodes
        self._spend(1)
        node = super().compose_node(parent, index)
        self._depth -= 1
        if isinstance(node, MappingNode | SequenceNode) or self.check_event(ScalarEvent):
            self._sizes[id(node)] = self._nodes - before
        return node


class CappedSafeLoader(_PARSER, _CappedComposer, SafeConstructor, Resolver):
    """A safe loader with caps (see the module docstring)."""

    def __init__(self, stream: str, limits: Limits) -> None:
        _PARSER.__init__(self, stream)
        _CappedComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._start_caps(limits)

    # The C parser brings its own compose methods; the capped Python ones must win.
    compose_node = _CappedComposer.compose_node
    compose_document = Composer.compose_document
    compose_sequence_node = Composer.compose_sequence_node
    compose_mapping_node = Composer.compose_mapping_node
    compose_scalar_node = Composer.compose_scalar_node
    get_single_node = Composer.get_single_node
    get_node = Composer.get_node
    check_node = Composer.check_node


def _error_from(exc: yaml.YAMLError, document: int) -> SizingError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "constructor for the tag" in str(exc):
        problem = f"unsupported YAML tag ({problem.split('tag', 1)[-1].strip()})"
    return SizingError(
        f"not valid YAML: {problem}",
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
        document=document,
    )


def load_documents(text: str, limits: Limits | None = None) -> list[Any]:
    """Every document in ``text`` as plain data (empty documents dropped), or a SizingError."""
    limits = limits or Limits()
    if len(text.encode("utf-8", errors="replace")) > limits.max_bytes:
        raise SizingError(f"the input is larger than {limits.max_bytes} bytes", too_large=True)
    loader = CappedSafeLoader(text, limits)
    documents: list[Any] = []
    try:
        while loader.check_node():
            if len(documents) >= limits.max_documents:
                raise SizingError(f"more than {limits.max_documents} YAML documents")
            node = loader.get_node()
            documents.append(loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError as exc:
        raise _error_from(exc, len(documents)) from None
    except RecursionError:
        raise SizingError("the YAML is nested too deeply") from None
    finally:
        loader.dispose()
    return [document for document in documents if document is not None]
