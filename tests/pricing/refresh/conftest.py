"""Fixtures for the refresh tests: the copied real samples, small provider data files in
tmp_path (never pricing/data), and writers for small price-list files in each format."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh.jsonio import format_data
from pricing.refresh.model import Request, TypeSpec
from pricing.refresh.update import build_request

FORMATS = Path(__file__).resolve().parents[2] / "fixtures" / "formats"
KARPENTER = "https://github.com/aws/karpenter-provider-aws/blob/main/pricing.go"


def _price(hourly: str, source: str = KARPENTER) -> dict[str, str]:
    return {"hourly": hourly, "source": source, "as_of": "2026-07-20", "confidence": "A"}


def _provider(key: str, region: str, region_name: str, types: dict[str, Any]) -> dict[str, Any]:
    """A small valid provider file: the given types priced in one region."""
    first = next(iter(types))
    sourced = {"source": "https://example.com/pricing/", "as_of": "2026-11-01", "confidence": "B"}
    return {
        "provider": key,
        "name": key.upper(),
        "defaults": {
            "region": region,
            "docker_instance_type": first,
            "k8s_instance_type": first,
            "control_plane": "cp",
            "load_balancer": "lb",
            "disk": "disk",
        },
        "instance_types": {name: spec for name, (spec, _) in types.items()},
        "regions": {
            region: {
                "name": region_name,
                "instances": {name: _price(hourly) for name, (_, hourly) in types.items()},
            }
        },
        "control_planes": {"cp": {"label": "Control plane", "hourly": "0.10", **sourced}},
        "load_balancers": {
            "lb": {
                "label": "LB",
                "hourly": "0.0225",
                "usage_price": "0.008",
                "usage_unit": "LCU-hour",
                **sourced,
            }
        },
        "disks": {"disk": {"label": "Disk", "gb_month": "0.08", **sourced}},
    }


PROVIDERS: dict[str, dict[str, Any]] = {
    "aws": _provider(
        "aws",
        "us-east-1",
        "US East (N. Virginia)",
        {
            "m5.large": ({"vcpu": 2, "memory_gib": 8, "family": "general purpose"}, "0.09"),
            "c4.large": ({"vcpu": 2, "memory_gib": 3.75, "family": "compute optimised"}, "0.1"),
            "t3.nano": ({"vcpu": 2, "memory_gib": 0.5, "family": "burstable"}, "0.0052"),
        },
    ),
    "azure": _provider(
        "azure",
        "westeurope",
        "West Europe",
        {"Standard_D8_v4": ({"vcpu": 8, "memory_gib": 32, "family": "general purpose"}, "0.4")},
    ),
    "gcp": _provider(
        "gcp",
        "us-central1",
        "Iowa",
        {
            "e2-standard-2": ({"vcpu": 2, "memory_gib": 8, "family": "general purpose"}, "0.06"),
            "e2-standard-4": ({"vcpu": 4, "memory_gib": 16, "family": "general purpose"}, "0.13"),
        },
    ),
}


@pytest.fixture
def formats() -> Path:
    """The real samples, copied from shared/formats into the project."""
    return FORMATS


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with one small provider file per provider, in the catalog's layout."""
    folder = tmp_path / "data"
    folder.mkdir()
    for key, data in PROVIDERS.items():
        (folder / f"{key}.json").write_text(format_data(data), encoding="utf-8")
    return folder


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[str, Any], Path]:
    """Write a price-list file the test builds; returns its path."""

    def write(name: str, content: Any) -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else json.dumps(content, indent=1)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_request() -> Callable[..., Request]:
    """The request a refresh of the small provider file would make, plus added pairs."""

    def make(
        key: str, regions: tuple[str, ...] = (), types: dict[str, TypeSpec | None] | None = None
    ) -> Request:
        return build_request(PROVIDERS[key], regions, types)

    return make


HAND = "https://example.com/pricing/"  # a page read by hand, as the bundled files cite them


def _capped(hourly: str, monthly: str, confidence: str = "B") -> dict[str, str]:
    note = "Read by hand on the pricing page on 2026-10-09."
    return {
        "hourly": hourly,
        "monthly_cap": monthly,
        "source": HAND,
        "as_of": "2026-10-09",
        "confidence": confidence,
        "note": note,
    }


def _capped_provider(
    key: str,
    currency: str,
    types: dict[str, dict[str, Any]],
    regions: dict[str, tuple[str, dict[str, tuple[str, str]]]],
) -> dict[str, Any]:
    """A small valid provider file billed by the hour up to monthly caps."""
    data = _provider(
        key, next(iter(regions)), "x", {name: (spec, "1") for name, spec in types.items()}
    )
    data["currency"] = currency
    data["regions"] = {
        region: {
            "name": name,
            "instances": {t: _capped(hourly, monthly) for t, (hourly, monthly) in prices.items()},
        }
        for region, (name, prices) in regions.items()
    }
    return data


CAPPED: dict[str, dict[str, Any]] = {
    "linode": _capped_provider(
        "linode",
        "USD",
        {
            "g6-standard-1": {"vcpu": 1, "memory_gib": 2, "family": "shared CPU"},
            "g6-standard-2": {"vcpu": 2, "memory_gib": 4, "family": "shared CPU"},
            "g6-dedicated-4": {"vcpu": 4, "memory_gib": 8, "family": "dedicated CPU (G6)"},
            "g8-dedicated-4-2": {"vcpu": 4, "memory_gib": 8, "family": "dedicated CPU (G8)"},
        },
        {
            "us-east": (
                "Newark, NJ (us-east)",
                {
                    "g6-standard-1": ("0.018", "12.00"),
                    "g6-standard-2": ("0.036", "24.00"),
                    "g6-dedicated-4": ("0.1", "70.00"),
                    "g8-dedicated-4-2": ("0.12", "80.00"),
                },
            ),
            "id-cgk": ("Jakarta (id-cgk)", {"g6-standard-2": ("0.036", "24.00")}),
        },
    ),
    "digitalocean": _capped_provider(
        "digitalocean",
        "USD",
        {
            "s-2vcpu-4gb": {"vcpu": 2, "memory_gib": 4, "family": "basic (shared CPU)"},
            "c-2": {"vcpu": 2, "memory_gib": 4, "family": "CPU-optimized (dedicated)"},
            "g-2vcpu-8gb": {"vcpu": 2, "memory_gib": 8, "family": "general purpose (dedicated)"},
        },
        {
            "nyc3": (
                "New York 3",
                {
                    "s-2vcpu-4gb": ("0.03571", "24.00"),
                    "c-2": ("0.06", "40.00"),
                    "g-2vcpu-8gb": ("0.09375", "63.00"),
                },
            ),
            "sfo3": (
                "San Francisco 3",
                {"s-2vcpu-4gb": ("0.03571", "24.00"), "c-2": ("0.06", "40.00")},
            ),
        },
    ),
    "hetzner": _capped_provider(
        "hetzner",
        "EUR",
        {
            "cx23": {"vcpu": 2, "memory_gib": 4, "family": "cost-optimized (shared Intel/AMD)"},
            "cax11": {
                "vcpu": 2,
                "memory_gib": 4,
                "family": "cost-optimized (shared Arm Ampere)",
                "arch": "arm64",
            },
        },
        {
            "fsn1": (
                "Falkenstein, DE",
                {"cx23": ("0.0088", "5.49"), "cax11": ("0.0096", "5.99")},
            ),
            "nbg1": (
                "Nuremberg, DE",
                {"cx23": ("0.0088", "5.49"), "cax11": ("0.0096", "5.99")},
            ),
        },
    ),
}


@pytest.fixture
def capped_dir(tmp_path: Path) -> Path:
    """A data folder with small Linode, DigitalOcean and Hetzner files (monthly caps)."""
    folder = tmp_path / "capped"
    folder.mkdir()
    for key, data in CAPPED.items():
        (folder / f"{key}.json").write_text(format_data(data), encoding="utf-8")
    return folder


@pytest.fixture
def capped_request() -> Callable[..., Request]:
    """The request a refresh of a small capped provider file would make."""

    def make(
        key: str, regions: tuple[str, ...] = (), types: dict[str, TypeSpec | None] | None = None
    ) -> Request:
        return build_request(CAPPED[key], regions, types)

    return make
