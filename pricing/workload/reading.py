"""Texts in, an application out: the safe YAML reading and which reader each file needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from pricing.workload.compose import is_compose, read_compose
from pricing.workload.dumps import read_fast
from pricing.workload.errors import SizingError
from pricing.workload.kubernetes import read_manifests
from pricing.workload.model import Application, SizingOptions
from pricing.workload.yamlsafe import load_documents, too_large_message


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Compose's merge of several files, simplified: mappings merge key by key, anything else
    (lists included) is replaced by the later file's value."""
    merged = dict(base)
    for key, value in extra.items():
        held = merged.get(key)
        merged[key] = (
            _merge(held, value) if isinstance(held, dict) and isinstance(value, dict) else value
        )
    return merged


class Place(NamedTuple):
    """Where a document came from: its file and its place among that file's documents."""

    file: int
    document: int


def load_all(texts: str | Sequence[str], options: SizingOptions) -> tuple[list[Any], list[Place]]:
    """Every non-empty document of every text, in order, and where each came from; the size
    cap covers them all."""
    texts = [texts] if isinstance(texts, str) else list(texts)
    size = sum(len(text.encode("utf-8", errors="replace")) for text in texts)
    if size > options.limits.max_bytes:
        raise SizingError(too_large_message(options.limits.max_bytes), too_large=True)
    documents: list[Any] = []
    places: list[Place] = []
    for file, text in enumerate(texts):
        try:
            loaded = read_fast(text, options.limits)
            if loaded is None:
                loaded = load_documents(text, options.limits)
        except SizingError as exc:
            if len(texts) == 1:
                raise
            raise SizingError(
                f"file {file + 1}: {exc.problems[0].message}", too_large=exc.too_large
            ) from None
        documents.extend(document for _, document in loaded)
        places.extend(Place(file, index) for index, _ in loaded)
    return documents, places


def _placed(exc: SizingError, places: list[Place], files: int) -> SizingError:
    """``exc``, its document named by its place in its file, not among the non-empty ones."""
    if exc.document is None:
        return exc
    place = places[exc.document]
    return SizingError(
        (f"file {place.file + 1}: " if files > 1 else "") + exc.message,
        field=exc.problems[0].field,
        line=exc.line,
        column=exc.column,
        document=place.document,
        too_large=exc.too_large,
    )


def read_application(
    texts: str | Sequence[str], options: SizingOptions | None = None
) -> Application:
    """The application described by a Compose file (or several, merged in order) or by
    Kubernetes manifests (one or more texts, each possibly of many documents)."""
    options = options or SizingOptions()
    documents, places = load_all(texts, options)
    if not documents:
        raise SizingError("no YAML documents found: expected a Compose file or manifests")
    try:
        return _read(documents, options)
    except SizingError as exc:
        raise _placed(exc, places, 1 if isinstance(texts, str) else len(texts)) from None


def _read(documents: list[Any], options: SizingOptions) -> Application:
    if is_compose(documents[0]):
        merged: dict[str, Any] = {}
        for index, document in enumerate(documents):
            if not is_compose(document):
                raise SizingError(
                    "a Compose file was expected here (a top-level services: mapping), "
                    "as in the first document",
                    document=index,
                )
            merged = _merge(merged, document)
        return read_compose(merged, len(documents), options)
    return read_manifests(documents, options)
