"""Reading untrusted YAML: a safe loader with caps on size, nesting depth and alias use.

PyYAML's safe loader builds only plain data (no ``!!python/...`` tags), but it expands
nothing lazily: a billion-laughs document comes back as shared objects that explode when
walked, and deep nesting overflows the composer's recursion. So a first pass over the
parser's events (libyaml's C parser where present) counts the nesting depth, the aliases and
the nodes each alias stands for, and stops early; only a document set within the caps is
then loaded, by libyaml's safe loader (composition in C: about a third of the time of a
capped composer written in Python, on the 200-workload benchmark).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from pricing.workload.errors import SizingError

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C where PyYAML has libyaml
_OPENS = (MappingStartEvent, SequenceStartEvent)
_CLOSES = (MappingEndEvent, SequenceEndEvent)


MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much untrusted YAML (or JSON) the reader accepts."""

    max_bytes: int = 64 * MIB
    """The whole input (CALC_SIZE_MAX_BYTES on the server)."""
    max_depth: int = 64
    max_aliases: int = 500
    max_nodes: int = 2_500_000
    """Nodes read (an alias counted as what it stands for): a 64 MiB kubectl dump has
    about 2 million."""
    max_documents: int = 10_000
    safe_max_bytes: int = 4 * MIB
    """The most YAML the safe loader reads (about 1 MB/s): larger input must be plain (no
    anchors, aliases, tags), as kubectl and helm write it, for the fast path."""
    fast_min_bytes: int = 64 * 1024
    """Smaller YAML keeps the safe loader's YAML 1.1 reading (Compose files, manifests)."""


def nested_too_deeply(limits: Limits) -> SizingError:
    return SizingError(f"the YAML is nested too deeply (more than {limits.max_depth} levels)")


def too_many_nodes(limits: Limits) -> SizingError:
    return SizingError(f"the input is too large: more than {limits.max_nodes:,} nodes")


def too_large_message(max_bytes: int) -> str:
    return f"the input is larger than {max_bytes:,} bytes ({max_bytes / MIB:g} MiB, the cap)"


def _refused(message: str, event: Any) -> SizingError:
    mark = event.start_mark
    return SizingError(message, line=mark.line + 1, column=mark.column + 1)


def check_caps(text: str, limits: Limits) -> None:
    """Refuse ``text`` if loading it would nest deeper, use more aliases, or stand for more
    nodes (aliases counted as what they expand to) than ``limits`` allow."""
    depth = aliases = nodes = documents = 0
    sizes: dict[str, int] = {}  # an anchor's node count, once its node is complete
    open_nodes: list[tuple[str | None, int]] = []
    event: Any
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            kind = event.__class__
            if kind is ScalarEvent:
                nodes += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif kind in _OPENS:
                depth += 1
                if depth > limits.max_depth:
                    raise _refused(
                        f"the YAML is nested too deeply (more than {limits.max_depth} levels)",
                        event,
                    )
                nodes += 1
                open_nodes.append((event.anchor, nodes))
            elif kind in _CLOSES:
                depth -= 1
                anchor, first = open_nodes.pop()
                if anchor is not None:
                    sizes[anchor] = nodes - first + 1
            elif kind is AliasEvent:
                aliases += 1
                if aliases > limits.max_aliases:
                    raise _refused(f"too many YAML aliases (more than {limits.max_aliases})", event)
                size = sizes.get(event.anchor)
                if size is None:
                    raise _refused(
                        "a YAML alias refers to no anchor, or to the node that contains it", event
                    )
                nodes += size
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > limits.max_documents:
                    raise SizingError(f"more than {limits.max_documents} YAML documents")
                sizes = {}  # anchors belong to their document
            if nodes > limits.max_nodes:
                raise too_many_nodes(limits)
    except yaml.YAMLError as exc:  # named by the document it is in, not the first
        raise _error_from(exc, max(documents - 1, 0)) from None


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


def load_documents(text: str, limits: Limits | None = None) -> list[tuple[int, Any]]:
    """Every non-empty document in ``text`` as plain data, with its 0-based place among all
    the text's documents (an empty one, as ``helm template`` writes, still counts), or a
    SizingError."""
    limits = limits or Limits()
    size = len(text.encode("utf-8", errors="replace"))
    if size > limits.max_bytes:
        raise SizingError(too_large_message(limits.max_bytes), too_large=True)
    if size > limits.safe_max_bytes:
        raise SizingError(
            f"YAML larger than {limits.safe_max_bytes:,} bytes must be plain, as kubectl and "
            "helm write it: no anchors, aliases, tags or directives",
            too_large=True,
        )
    documents: list[Any] = []
    try:
        check_caps(text, limits)
        for document in yaml.load_all(text, Loader=_LOADER):
            documents.append(document)
    except yaml.YAMLError as exc:
        raise _error_from(exc, len(documents)) from None
    except RecursionError:
        raise SizingError("the YAML is nested too deeply") from None
    return [(index, document) for index, document in enumerate(documents) if document is not None]
