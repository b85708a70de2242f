"""Quantities against the Kubernetes and Compose documentation's examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing.workload.quantity import (
    compose_memory_bytes,
    cpu_millicores,
    memory_bytes,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-memory
        ("128974848", 128974848),
        ("129e6", 129000000),
        ("129M", 129000000),
        ("123Mi", 128974848),
        ("1Ki", 1024),
        ("1k", 1000),
        ("1Gi", 1024**3),
        ("1G", 10**9),
        ("1Ti", 1024**4),
        ("1E", 10**18),
        ("1E3", 1000),
        ("100m", Decimal("0.1")),
        ("0.5", Decimal("0.5")),
        (".5", Decimal("0.5")),
    ],
)
def test_documented_quantities(text: str, value: int | Decimal) -> None:
    assert parse_quantity(text) == value


def test_cpu_rounds_up_to_millicores() -> None:
    assert cpu_millicores("0.1") == 100
    assert cpu_millicores("100m") == 100
    assert cpu_millicores("0.0001") == 1
    assert cpu_millicores(2) == 2000
    assert memory_bytes("0.5Ki") == 512


@pytest.mark.parametrize("text", ["", "abc", "1Mb", "1 Gi", "-1", "1e99", True, None])
def test_bad_quantities(text: object) -> None:
    with pytest.raises(ValueError):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("512m", 512 * 1024**2),
        ("1g", 1024**3),
        ("1.5gb", 1536 * 1024**2),
        ("2048k", 2 * 1024**2),
        ("100", 100),
        ("10b", 10),
        (1024, 1024),
    ],
)
def test_compose_byte_values(text: object, value: int) -> None:
    assert compose_memory_bytes(text) == value
