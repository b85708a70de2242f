"""Loading the catalog: ``load_catalog`` is the package's only I/O. It reads the bundled files
in ``pricing/data`` and, optionally, an operator's override file merged over them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pricing.catalog.providers import Catalog


class CatalogError(ValueError):
    """A catalog file that cannot be used; the message names the file, the entry and the field."""


def _read_json(path: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{path}: not valid JSON: {exc}") from exc


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate(path: str, data: Any) -> Catalog:
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        *entry, field = [str(part) for part in first["loc"]] or ["(top level)"]
        where = ".".join(entry) or "(top level)"
        raise CatalogError(
            f"{path}: entry {where}: field {field}: {first['msg']}"
            + (f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else "")
        ) from None


def bundled_data() -> dict[str, Any]:
    """The catalog as shipped, before any operator override."""
    folder = resources.files("pricing") / "data"
    manifest = _read_json("pricing/data/catalog.json", (folder / "catalog.json").read_text())
    providers = {
        key: _read_json(f"pricing/data/{key}.json", (folder / f"{key}.json").read_text())
        for key in manifest["providers"]
    }
    plans = _read_json("pricing/data/docker.json", (folder / "docker.json").read_text())
    labour = _read_json("pricing/data/labour.json", (folder / "labour.json").read_text())
    return {
        "version": manifest["version"],
        "providers": providers,
        "plans": plans["plans"],
        "labour": labour,
    }


def load_catalog(override: Path | None = None) -> Catalog:
    """Load the bundled catalog, merging an operator's override file over it when given."""
    data = bundled_data()
    catalog = _validate("pricing/data", data)
    if override is None:
        return catalog
    try:
        text = override.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{override}: cannot be read: {exc}") from exc
    extra = _read_json(str(override), text)
    if not isinstance(extra, dict):
        raise CatalogError(f"{override}: entry (top level): must be a JSON object")
    return _validate(str(override), _deep_merge(data, extra))
