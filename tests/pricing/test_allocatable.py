"""Allocatable by each provider's published formula, computed by hand."""

from __future__ import annotations

from decimal import Decimal

from pricing.allocatable import MIB, flavour_of, host_allocatable, node_allocatable
from pricing.catalog import InstanceType, load_catalog


def _type(vcpu: int, gib: int, max_pods: int | None = None) -> InstanceType:
    return InstanceType(vcpu=vcpu, memory_gib=Decimal(gib), family="test", max_pods=max_pods)


def test_eks_m6i_xlarge() -> None:
    # 4 ENIs x (15 - 1) + 2 = 58 pods; memory 16384 - (255 + 11 x 58) - 100 = 15391 MiB;
    # CPU 4000 - (60 + 10 + 2 x 5) = 3920 m.
    spec = load_catalog().providers["aws"].instance_types["m6i.xlarge"]
    assert spec.max_pods == 58
    found = node_allocatable("eks", spec)
    assert (found.cpu_millicores, found.memory_bytes, found.pods) == (3920, 15391 * MIB, 58)


def test_eks_above_four_cores() -> None:
    # 16 cores: 80 m + 12 x 2.5 m = 110 m; 64 GiB, 234 pods: 65536 - (255 + 2574) - 100.
    found = node_allocatable("eks", _type(16, 64, 234))
    assert (found.cpu_millicores, found.memory_bytes) == (15890, 62607 * MIB)


def test_gke_tiers() -> None:
    # 16 GiB: 1024 + 819.2 + 819.2 = 2662.4 MiB reserved, + 100 MiB eviction; 110 pods.
    found = node_allocatable("gke", _type(4, 16))
    assert found.pods == 110
    assert found.memory_bytes == int((16384 - Decimal("2662.4") - 100) * MIB)
    # 32 GiB: 2662.4 + 6% of 16 GiB (983.04) MiB.
    big = node_allocatable("gke", _type(8, 32))
    assert big.memory_bytes == int((32768 - Decimal("2662.4") - Decimal("983.04") - 100) * MIB)


def test_aks_current_formula() -> None:
    # 8 GiB, 30 pods: 20 x 30 + 50 = 650 MiB (< 25%); 2 cores: 100 m (the table).
    small = node_allocatable("aks", _type(2, 8), max_pods=30)
    assert (small.cpu_millicores, small.memory_bytes) == (1900, (8192 - 650 - 100) * MIB)
    # 16 GiB, 250 pods: 20 x 250 + 50 = 5050 MiB > 25% = 4096 MiB, so 4096.
    default = node_allocatable("aks", _type(4, 16))
    assert (default.cpu_millicores, default.memory_bytes, default.pods) == (
        3860,
        (16384 - 4096 - 100) * MIB,
        250,
    )


def test_flavours_and_docker_host() -> None:
    assert flavour_of("aws") == "eks"
    assert flavour_of("aws", "self-managed") == "self-managed"
    assert flavour_of("other") == "self-managed"
    assert node_allocatable("self-managed", _type(4, 16)).pods == 110
    # The Docker host: EKS reservation with no pods: 255 + 100 MiB.
    host = host_allocatable(_type(8, 16))
    assert (host.cpu_millicores, host.memory_bytes) == (7910, (16384 - 355) * MIB)


def test_every_aws_type_has_max_pods() -> None:
    provider = load_catalog().providers["aws"]
    assert all(spec.max_pods for spec in provider.instance_types.values())
