"""Compose variable interpolation with no environment: defaults only.

``${VAR:-default}`` and ``${VAR-default}`` give the default (nested ones too), ``$$`` is a
literal ``$``; ``${VAR}``, ``$VAR`` and ``${VAR:?message}`` have no value here, become empty
text and are reported by name. The server's own environment is never read: its variables
(credentials among them) must not leak into a sizing.
https://docs.docker.com/reference/compose-file/interpolation/
"""

from __future__ import annotations

import re
from typing import Any

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _braced(text: str, start: int, missing: set[str]) -> tuple[str, int]:
    """Expand ``${...}`` whose body starts at ``start``; return the value and the end."""
    name_match = _NAME.match(text, start)
    if name_match is None:
        raise ValueError(f"invalid interpolation at {text[start - 2 :]!r}")
    name, index = name_match.group(), name_match.end()
    if index < len(text) and text[index] == "}":
        missing.add(name)
        return "", index + 1
    operator = next(
        (op for op in (":-", "-", ":?", "?", ":+", "+") if text.startswith(op, index)), None
    )
    if operator is None:
        raise ValueError(f"invalid interpolation of {name!r}")
    value, index = _expand(text, index + len(operator), missing, until_brace=True)
    if operator in (":-", "-"):
        return value, index
    if operator in (":+", "+"):
        return "", index
    missing.add(name)
    return "", index


def _expand(text: str, index: int, missing: set[str], until_brace: bool) -> tuple[str, int]:
    out: list[str] = []
    while index < len(text):
        char = text[index]
        if until_brace and char == "}":
            return "".join(out), index + 1
        if char != "$":
            out.append(char)
            index += 1
            continue
        following = text[index + 1 : index + 2]
        if following == "$":
            out.append("$")
            index += 2
        elif following == "{":
            value, index = _braced(text, index + 2, missing)
            out.append(value)
        elif (name := _NAME.match(text, index + 1)) is not None:
            missing.add(name.group())
            index = name.end()
        else:
            out.append("$")
            index += 1
    if until_brace:
        raise ValueError("unclosed ${ in an interpolation")
    return "".join(out), index


def interpolate_text(text: str, missing: set[str]) -> str:
    """``text`` with its variables replaced by their defaults; names without one go to
    ``missing``."""
    if "$" not in text:
        return text
    return _expand(text, 0, missing, until_brace=False)[0]


def interpolate(value: Any, missing: set[str]) -> Any:
    """A copy of ``value`` with every string value interpolated (keys are left alone)."""
    if isinstance(value, str):
        return interpolate_text(value, missing)
    if isinstance(value, dict):
        return {key: interpolate(item, missing) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, missing) for item in value]
    return value
