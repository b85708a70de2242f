"""Reading a provider's data file, checking a new one against the catalog model, and writing
it atomically (a temporary file beside it, renamed only when everything succeeded)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pricing.catalog import Provider
from pricing.catalog.providers import first_problem
from pricing.refresh.jsonio import format_data, obj, parse_json
from pricing.refresh.model import RefreshError


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefreshError(str(path), None, f"cannot be read: {exc}") from None


def load_provider(path: Path) -> tuple[str, dict[str, Any]]:
    """The data file's text and contents, checked against the catalog model first."""
    text = read_text(path)
    data = obj(parse_json(str(path), text), str(path), None, "a provider data file")
    validate(path, data)
    return text, data


def validate(path: Path, data: dict[str, Any]) -> None:
    """Raise naming the file, the entry and the field when ``data`` is not a valid Provider."""
    try:
        Provider.model_validate(data)
    except ValidationError as exc:
        location, problem = first_problem(exc)
        where = ".".join(location) or "(top level)"
        raise RefreshError(str(path), f"entry {where}", problem) from None


def render(path: Path, data: dict[str, Any]) -> str:
    """The file's new text, after checking the contents against the catalog model."""
    validate(path, data)
    return format_data(data)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one rename, keeping the file's permissions."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
