"""Amounts of CPU and memory as Kubernetes and Compose write them, read exactly.

Kubernetes quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/):
a signed decimal number, then a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal suffix
(n u m "" k M G T P E) or a decimal exponent (e3, E-2). Compose memory
(https://docs.docker.com/reference/compose-file/extension/#specifying-byte-values): a number
of bytes, or a number with b, k/kb, m/mb, g/gb (binary multiples, as Docker reads them).
Everything is Decimal; CPU is rounded up to whole millicores and memory up to whole bytes,
as the kubelet does.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal, InvalidOperation

_BINARY = {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}
_DECIMAL = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_QUANTITY = re.compile(
    r"(?P<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
    r"(?:(?P<binary>Ki|Mi|Gi|Ti|Pi|Ei)|(?P<exponent>[eE][+-]?[0-9]+)|(?P<decimal>[numkMGTPE]?))"
)
_COMPOSE_BYTES = re.compile(r"(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>[bkmg]?)b?", re.I)
_COMPOSE_POWER = {"": 0, "b": 0, "k": 1, "m": 2, "g": 3}
_MAX = Decimal(10) ** 24


def parse_quantity(text: object) -> Decimal:
    """A Kubernetes quantity as a Decimal; ValueError when it is not one."""
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        raise ValueError(f"{text!r} is not a quantity")
    match = _QUANTITY.fullmatch(str(text).strip())
    if match is None:
        raise ValueError(f"{text!r} is not a Kubernetes quantity (e.g. 500m, 1.5, 256Mi, 1G)")
    number = Decimal(match["number"])
    if match["binary"]:
        value = number * (Decimal(1024) ** _BINARY[match["binary"]])
    elif match["exponent"]:
        exponent = int(match["exponent"][1:])
        if abs(exponent) > 30:
            raise ValueError(f"{text!r}: exponent out of range")
        value = number.scaleb(exponent)
    else:
        value = number.scaleb(_DECIMAL[match["decimal"] or ""])
    if value < 0 or value > _MAX:
        raise ValueError(f"{text!r} is negative or too large")
    return value


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def cpu_millicores(text: object) -> int:
    """A CPU quantity (``250m``, ``0.5``, ``2``) in millicores, rounded up."""
    return _whole(parse_quantity(text) * 1000)


def memory_bytes(text: object) -> int:
    """A memory quantity (``256Mi``, ``1G``, ``1e9``) in bytes, rounded up."""
    return _whole(parse_quantity(text))


def compose_memory_bytes(text: object) -> int:
    """A Compose byte value (``512m``, ``1g``, ``1.5gb``, ``2048k``, ``1073741824``) in bytes."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    match = _COMPOSE_BYTES.fullmatch(str(text).strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a byte value (e.g. 512m, 1g, 1.5gb, 2048k)")
    power = _COMPOSE_POWER[match["unit"].lower()]
    return _whole(Decimal(match["number"]) * (Decimal(1024) ** power))


def compose_cpu_millicores(text: object) -> int:
    """Compose ``cpus`` (``0.5``, ``"1.5"``, ``2``) in millicores, rounded up."""
    if isinstance(text, bool):
        raise ValueError("cpus must be a number")
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number of CPUs (e.g. 0.5)") from None
    if not value.is_finite() or value < 0 or value > 100_000:
        raise ValueError(f"{text!r} is not a number of CPUs (e.g. 0.5)")
    return _whole(value * 1000)
