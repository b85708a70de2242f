"""Large inputs read fast: a cluster dump (``kubectl get ... -o json`` or ``-o yaml``) or
``helm template`` output of a large chart.

- JSON goes through orjson.
- YAML with no anchors, aliases, tags or directives (as kubectl and helm write it) and of at
  least ``Limits.fast_min_bytes`` goes through rapidyaml (C++): parsed into its own tree,
  the fields sizing never reads (each object's ``status``, ``metadata.managedFields`` and
  ``metadata.annotations``) removed from the tree, the rest written out as JSON and read by
  orjson. About 40 MB/s against PyYAML's 1 MB/s on a kubectl dump (docs/SIZING.md).
- Anything else (anchors, a small Compose file) is left to the safe loader (``yamlsafe``),
  whose YAML 1.1 reading the small fixtures and Compose files keep.

The caps hold on both paths: the input's size (checked by the caller), its nesting depth and
its nodes. With no aliases nothing expands, so the text itself bounds the nodes: a count of
the characters that open a node (newlines, commas, brackets, ``- ``) is checked before
rapidyaml builds anything, and the objects built are counted and measured for depth after.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
import ryml

from pricing.workload.errors import SizingError
from pricing.workload.yamlsafe import Limits, nested_too_deeply, too_many_nodes

# A node's properties (an anchor, an alias, a tag) follow a line's indentation, an indicator
# (``:``, ``-``, ``?``) and blanks, or a flow bracket or comma; a directive starts a line.
_PROPERTY = re.compile(rb"[&*!]")
_BEFORE_PROPERTY = b":-?,[{\n"
NEWLINE = ord("\n")
_PRUNED_METADATA = (b"managedFields", b"annotations")
_JSON_START = re.compile(r"\s*[\[{]")
_MOST_PROPERTY_MARKS = 100_000  # more & * ! than that: left to the safe loader


def is_plain(data: bytes) -> bool:
    """No anchor, alias, tag or directive in ``data`` (where one may stand: a ``*`` inside a
    quoted string after a comma is taken for one, which only costs the fast path)."""
    if data.startswith(b"%") or data.find(b"\n%") >= 0:
        return False
    if sum(data.count(mark) for mark in (b"&", b"*", b"!")) > _MOST_PROPERTY_MARKS:
        return False
    for found in _PROPERTY.finditer(data):
        back = found.start()
        while back > 0 and data[back - 1] in b" \t":
            back -= 1
        if back == 0 or data[back - 1] in _BEFORE_PROPERTY:
            return False
    return True


def node_bound(data: bytes, *, json: bool = False) -> int:
    """An upper bound on the nodes of an alias-free YAML text (each node after the first
    starts after a newline, a comma, an opening bracket or a block-sequence dash) or of a
    JSON text (after a comma or an opening bracket)."""
    marks = (b",", b"[", b"{") if json else (b"\n", b",", b"[", b"{", b"- ")
    return 1 + sum(data.count(mark) for mark in marks)


def _check(documents: list[Any], limits: Limits) -> None:
    """Refuse documents nested deeper or with more nodes than ``limits`` allow."""
    nodes = 0
    stack: list[tuple[Any, int]] = [(document, 1) for document in documents]
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if value.__class__ is dict:
            children: Any = value.values()
        elif value.__class__ is list:
            children = value
        else:
            continue
        if depth > limits.max_depth:
            raise nested_too_deeply(limits)
        stack.extend([(child, depth + 1) for child in children])
    if nodes > limits.max_nodes:
        raise too_many_nodes(limits)


def _is_object(document: Any) -> bool:
    return isinstance(document, dict) and "kind" in document and "apiVersion" in document


def prune(document: Any) -> Any:
    """A Kubernetes object (or a List of them) without the fields sizing never reads."""
    if not _is_object(document):
        return document
    items = document.get("items")
    if str(document["kind"]).endswith("List") and isinstance(items, list):
        for item in items:
            prune(item)
    document.pop("status", None)
    metadata = document.get("metadata")
    if isinstance(metadata, dict):
        metadata.pop("managedFields", None)
        metadata.pop("annotations", None)
    return document


def read_json(data: bytes, limits: Limits) -> list[tuple[int, Any]] | None:
    """A JSON text's one document, pruned; None when the text is not JSON."""
    if node_bound(data, json=True) > limits.max_nodes:
        raise too_many_nodes(limits)
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None  # YAML in flow style, or not valid: the YAML readers say which
    document = prune(document)
    _check([document], limits)
    return [] if document is None else [(0, document)]


def _prune_tree(tree: Any, node: int) -> None:
    """Remove, in rapidyaml's tree, what ``prune`` removes from objects."""
    if not tree.is_map(node) or tree.find_child(node, b"kind") == ryml.NONE:
        return
    items = tree.find_child(node, b"items")
    if items != ryml.NONE and tree.is_seq(items):
        for item in list(ryml.children(tree, items)):
            if tree.is_map(item):
                _prune_tree(tree, item)
    status = tree.find_child(node, b"status")
    if status != ryml.NONE:
        tree.remove(status)
    metadata = tree.find_child(node, b"metadata")
    if metadata != ryml.NONE and tree.is_map(metadata):
        for key in _PRUNED_METADATA:
            found = tree.find_child(metadata, key)
            if found != ryml.NONE:
                tree.remove(found)


def _parse(data: bytes) -> Any:
    try:
        return ryml.parse_in_arena(data)
    except ryml.ExceptionParse as exc:
        place = exc.errdata_parse.ymlloc
        raise SizingError(f"not valid YAML: {exc.msg}", line=place.line, column=place.col) from None


def _json_of(tree: Any, node: int, limits: Limits) -> Any:
    """One document as objects, through rapidyaml's JSON; None when orjson cannot read what
    rapidyaml wrote (a plain scalar JSON has no word for, such as ``+1``)."""
    if tree.is_val(node) and tree.val_is_null(node):
        return None
    try:
        text = ryml.emit_json_malloc(tree, node)
    except ryml.ExceptionVisit:
        raise nested_too_deeply(limits) from None
    return orjson.loads(text)


def read_yaml(data: bytes, limits: Limits) -> list[tuple[int, Any]] | None:
    """The documents of a plain YAML stream (no anchors, aliases, tags or directives),
    pruned; None when the text is not plain, so that the safe loader reads it."""
    if len(data) < limits.fast_min_bytes or not is_plain(data):
        return None
    if node_bound(data) > limits.max_nodes:
        raise too_many_nodes(limits)
    tree = _parse(data)
    root = tree.root_id()
    nodes = list(ryml.children(tree, root)) if tree.is_stream(root) else [root]
    if len(nodes) > limits.max_documents:
        raise SizingError(f"more than {limits.max_documents} YAML documents")
    documents: list[tuple[int, Any]] = []
    try:
        for index, node in enumerate(nodes):
            _prune_tree(tree, node)
            document = _json_of(tree, node, limits)
            if document is not None:
                documents.append((index, document))
    except orjson.JSONDecodeError:
        return None
    _check([document for _, document in documents], limits)
    return documents


def read_fast(text: str, limits: Limits) -> list[tuple[int, Any]] | None:
    """The documents of ``text`` read on a fast path, pruned; None when the safe loader must
    read it."""
    data = text.encode("utf-8")
    if _JSON_START.match(text):
        found = read_json(data, limits)
        if found is not None:
            return found
    return read_yaml(data, limits)
