"""Does the workload fit? Allocatable CPU and memory after the system's reservations."""

from __future__ import annotations

import pytest

from pricing import Catalog, Scenario
from pricing.allocatable import banded_cpu_reserved
from pricing.capacity import fits
from pricing.resolve import resolve
from tests.pricing.support import D, run


def test_reserved_memory_for_a_16_gib_node_with_110_pods(catalog: Catalog) -> None:
    # 255 MiB + 11 MiB x 110 pods + 100 MiB eviction threshold = 1,565 MiB
    # m6i.xlarge: 16 GiB = 16,384 MiB - 1,565 = 14,819 MiB = 14.47 GiB allocatable
    fit = run(
        catalog, workload_memory_gib="10", k8s_instance_type="m6i.xlarge", k8s_max_pods=110
    ).fit
    assert fit[1].memory_allocatable_gib == D("14.47")


def test_eks_max_pods_come_from_the_node_types_network_interfaces(catalog: Catalog) -> None:
    # m6i.xlarge: 4 ENIs x (15 addresses - 1) + 2 = 58 pods, not the kubelet's 110:
    # 255 + 11 x 58 + 100 = 993 MiB reserved, 16,384 - 993 = 15,391 MiB = 15.03 GiB
    fit = run(catalog, workload_memory_gib="10", k8s_instance_type="m6i.xlarge").fit
    assert (fit[1].pods_per_vm, fit[1].memory_allocatable_gib) == (58, D("15.03"))


def test_gke_memory_reservation_is_tiered(catalog: Catalog) -> None:
    # e2-standard-4, 16 GiB: 25% of 4 + 20% of 4 + 10% of 8 = 1 + 0.8 + 0.8 = 2.6 GiB,
    # plus the 100 MiB eviction threshold: 16 - 2.6 - 0.0977 = 13.30 GiB allocatable
    fit = run(catalog, provider="gcp", workload_memory_gib="10", k8s_instance_type="e2-standard-4")
    assert (fit.fit[1].pods_per_vm, fit.fit[1].memory_allocatable_gib) == (110, D("13.30"))


@pytest.mark.parametrize(
    ("vcpu", "reserved"),
    [(1, "0.06"), (2, "0.07"), (4, "0.08"), (8, "0.09"), (16, "0.11")],
)
def test_reserved_cpu_bands(vcpu: int, reserved: str) -> None:
    # 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% above four
    assert banded_cpu_reserved(vcpu) == D(reserved) * 1000


def test_fit_says_when_it_does_not_fit_and_what_would(catalog: Catalog) -> None:
    result = run(catalog, workload_vcpu="20", workload_memory_gib="50", k8s_nodes=3)
    docker, k8s = result.fit
    # Docker m6i.2xlarge: 8 - 0.09 = 7.91 vCPU allocatable; 20 / 7.91 -> 3 hosts
    assert (docker.fits, docker.needed, docker.cpu_allocatable) == (False, 3, D("7.910"))
    # nodes m6i.xlarge: 3.92 vCPU, 14.47 GiB; CPU 20 / 3.92 = 5.1 -> 6 nodes
    assert (k8s.fits, k8s.needed) == (False, 6)
    assert k8s.cpu_utilisation == D("170.1")


def test_pods_count_against_max_pods(catalog: Catalog) -> None:
    result = run(catalog, workload_pods=400, k8s_nodes=3, k8s_max_pods=110)
    assert (result.fit[1].fits, result.fit[1].needed) == (False, 4)


def test_no_workload_no_fit(catalog: Catalog) -> None:
    assert fits(resolve(Scenario(), catalog)) == ()
    assert run(catalog).fit == ()


def test_a_workload_that_fits(catalog: Catalog) -> None:
    (docker, k8s) = fits(resolve(Scenario(workload_vcpu=D(4), workload_memory_gib=D(8)), catalog))
    assert (docker.setup, docker.fits, docker.count, docker.needed) == ("docker", True, 1, 1)
    assert (k8s.setup, k8s.fits, k8s.count, k8s.needed) == ("kubernetes", True, 3, 2)
    # 4 vCPU of 3 x 3.92 allocatable = 34.0%
    assert k8s.cpu_utilisation == D("34.0")
