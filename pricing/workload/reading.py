"""Texts in, an application out: the safe YAML reading and which reader each file needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pricing.workload.compose import is_compose, read_compose
from pricing.workload.errors import SizingError
from pricing.workload.kubernetes import read_manifests
from pricing.workload.model import Application, SizingOptions
from pricing.workload.yamlsafe import load_documents


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


def load_all(texts: str | Sequence[str], options: SizingOptions) -> list[Any]:
    """Every non-empty document of every text, in order; the size cap covers them all."""
    texts = [texts] if isinstance(texts, str) else list(texts)
    size = sum(len(text.encode("utf-8", errors="replace")) for text in texts)
    if size > options.limits.max_bytes:
        raise SizingError(
            f"the input is larger than {options.limits.max_bytes} bytes", too_large=True
        )
    documents: list[Any] = []
    for index, text in enumerate(texts):
        try:
            documents.extend(load_documents(text, options.limits))
        except SizingError as exc:
            if len(texts) == 1:
                raise
            raise SizingError(
                f"file {index + 1}: {exc.problems[0].message}", too_large=exc.too_large
            ) from None
    return documents


def read_application(
    texts: str | Sequence[str], options: SizingOptions | None = None
) -> Application:
    """The application described by a Compose file (or several, merged in order) or by
    Kubernetes manifests (one or more texts, each possibly of many documents)."""
    options = options or SizingOptions()
    documents = load_all(texts, options)
    if not documents:
        raise SizingError("no YAML documents found: expected a Compose file or manifests")
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
