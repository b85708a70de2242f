"""Loading the catalog: ``load_catalog`` is the package's only I/O. It reads the bundled files
in ``pricing/data`` and, optionally, an operator's override file merged over them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pricing.catalog.providers import Catalog, first_problem


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


def _validate(path: str | None, data: Any) -> Catalog:
    """The catalog in ``data``, read from the override file at ``path`` (None: the bundled
    files, each problem named by the file it is in)."""
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        location, problem = first_problem(exc)
        *entry, field = location or ["(top level)"]
        where = ".".join(entry) or "(top level)"
        more = exc.error_count() - 1
        raise CatalogError(
            f"{path or _bundled_file(location)}: entry {where}: field {field}: {problem}"
            + (f" (and {more} more problems)" if more else "")
        ) from None


def _bundled_file(location: list[str]) -> str:
    """The bundled file an entry at ``location`` comes from."""
    if location[:1] == ["providers"] and len(location) > 1:
        return f"pricing/data/{location[1]}.json"
    return "pricing/data/docker.json" if location[:1] == ["plans"] else "pricing/data/catalog.json"


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
    system = _read_json("pricing/data/system_pods.json", (folder / "system_pods.json").read_text())
    versions = _read_json("pricing/data/versions.json", (folder / "versions.json").read_text())
    return {
        "version": manifest["version"],
        "providers": providers,
        "plans": plans["plans"],
        "labour": labour,
        "system_pods": system["distributions"],
        "versions": versions,
    }


def load_catalog(override: Path | None = None) -> Catalog:
    """Load the bundled catalog, merging an operator's override file over it when given."""
    data = bundled_data()
    catalog = _validate(None, data)
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
