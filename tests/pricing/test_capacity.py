"""Does the workload fit? Allocatable CPU and memory after the system's reservations."""

from __future__ import annotations

import pytest

from pricing import Catalog, Scenario
from pricing.capacity import fits, reserved_cpu, reserved_memory_mib
from pricing.resolve import resolve
from tests.pricing.support import D, run


def test_reserved_memory_for_a_16_gib_node_with_110_pods(catalog: Catalog) -> None:
    # 255 MiB + 11 MiB x 110 pods + 100 MiB eviction threshold = 1,565 MiB
    assert reserved_memory_mib(110) == D(1565)
    # m6i.xlarge: 16 GiB = 16,384 MiB - 1,565 = 14,819 MiB = 14.47 GiB allocatable
    fit = run(catalog, workload_memory_gib="10", k8s_instance_type="m6i.xlarge").fit
    assert fit[1].memory_allocatable_gib == D("14.47")


@pytest.mark.parametrize(
    ("vcpu", "reserved"),
    [(1, "0.06"), (2, "0.07"), (4, "0.08"), (8, "0.09"), (16, "0.11")],
)
def test_reserved_cpu_bands(vcpu: int, reserved: str) -> None:
    # 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% above four
    assert reserved_cpu(vcpu) == D(reserved)


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
