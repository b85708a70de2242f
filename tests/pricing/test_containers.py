"""Managed containers as a reference: the scenario's workload priced on the provider's
managed container services, each figure worked by hand from the catalog's sourced rates."""

from __future__ import annotations

import pytest

from pricing import Catalog, Engine, InputError, new_memo
from pricing.comparison import Comparison
from pricing.containers import ContainerQuote
from pricing.presets import build_scenario
from tests.pricing.support import D, run

ONE_REPLICA = {"workload_vcpu": "1", "workload_memory_gib": "2"}


def quote(result: Comparison, key: str) -> ContainerQuote:
    found = [q for q in result.managed_containers if q.key == key]
    assert len(found) == 1, result.managed_containers
    return found[0]


def monthlies(found: ContainerQuote) -> list[object]:
    return [i.monthly for i in found.line_items]


def test_fargate_always_on_replica_x86_and_arm(catalog: Catalog) -> None:
    result = run(catalog, **ONE_REPLICA)
    # x86: 1 vCPU x 730 h x $0.04048 = $29.5504 -> $29.55; 2 GB x 730 h x $0.004445 =
    # $6.4897 -> $6.49; $36.04 a month
    x86 = quote(result, "fargate-x86")
    assert (monthlies(x86), x86.monthly) == ([D("29.55"), D("6.49")], D("36.04"))
    # Arm: 730 x $0.03238 = $23.6374 -> $23.64; 1,460 GB-h x $0.00356 = $5.1976 -> $5.20
    arm = quote(result, "fargate-arm")
    assert (monthlies(arm), arm.monthly) == ([D("23.64"), D("5.20")], D("28.84"))


def test_fargate_bills_the_task_size_that_holds_a_replica(catalog: Catalog) -> None:
    result = run(catalog, workload_vcpu="1", workload_memory_gib="5", workload_pods=2)
    # each replica 0.5 vCPU and 2.5 GiB: Fargate's 0.5 vCPU sizes take 1-4 GB in 1 GB steps,
    # so 3 GB. vCPU 2 x 0.5 x 730 h x $0.04048 = $29.5504 -> $29.55; memory 2 x 3 x 730 h
    # x $0.004445 = $19.4691 -> $19.47
    x86 = quote(result, "fargate-x86")
    assert (monthlies(x86), x86.monthly) == ([D("29.55"), D("19.47")], D("49.02"))
    assert any("0.5 vCPU, 3 GB task" in said for said in x86.assumptions)
    too_big = quote(run(catalog, workload_vcpu="20", workload_memory_gib="40"), "fargate-x86")
    assert too_big.monthly is None
    assert too_big.unavailable is not None and "largest size" in too_big.unavailable


def test_cloud_run_instance_based_applies_its_free_grant(catalog: Catalog) -> None:
    result = run(catalog, provider="gcp", **ONE_REPLICA)
    # 1 vCPU x 730 h = 2,628,000 vCPU-s less 240,000 free = 2,388,000 x $0.000018 = $42.984
    # -> $42.98; 2 GiB: 5,256,000 less 450,000 = 4,806,000 x $0.000002 = $9.612 -> $9.61
    found = quote(result, "cloud-run")
    assert (monthlies(found), found.monthly) == ([D("42.98"), D("9.61")], D("52.59"))


def test_cloud_run_request_based_needs_the_requests(catalog: Catalog) -> None:
    plain = quote(run(catalog, provider="gcp", **ONE_REPLICA), "cloud-run-requests")
    assert plain.monthly is None
    assert plain.unavailable is not None and "monthly_requests" in plain.unavailable
    busy = run(
        catalog, provider="gcp", monthly_requests=10_000_000, request_ms="200", **ONE_REPLICA
    )
    # 10 million x 0.2 s = 2,000,000 s busy. vCPU: 2,000,000 less 180,000 free = 1,820,000 x
    # $0.000024 = $43.68; memory 2 GiB: 4,000,000 less 360,000 = 3,640,000 x $0.0000025 =
    # $9.10; requests: 10 million less 2 million free = 8 x $0.40 = $3.20
    found = quote(busy, "cloud-run-requests")
    assert monthlies(found) == [D("43.68"), D("9.10"), D("3.20")]
    assert found.monthly == D("55.98")


def test_container_apps_active_and_idle(catalog: Catalog) -> None:
    result = run(
        catalog,
        provider="azure",
        region="westus2",
        monthly_requests=1_000_000,
        request_ms="100",
        **ONE_REPLICA,
    )
    # 1 million x 0.1 s = 100,000 s active; 2,628,000 - 100,000 = 2,528,000 s idle.
    # Idle vCPU 2,528,000 less the 180,000 free = 2,348,000 x $0.000004 = $9.392 -> $9.39;
    # idle memory 5,056,000 less 360,000 free = 4,696,000 x $0.000004 = $18.784 -> $18.78;
    # active vCPU 100,000 x $0.000034 = $3.40; active memory 200,000 x $0.000004 = $0.80;
    # 1 million requests, within the 2 million free: $0.00
    found = quote(result, "container-apps")
    assert monthlies(found) == [D("9.39"), D("18.78"), D("3.40"), D("0.80"), D("0.00")]
    assert found.monthly == D("32.37")
    # no request count: every replica busy all month, said as an upper bound.
    # 2,628,000 less 180,000 = 2,448,000 x $0.000034 = $83.232 -> $83.23;
    # 5,256,000 less 360,000 = 4,896,000 x $0.000004 = $19.584 -> $19.58
    upper = quote(run(catalog, provider="azure", region="westus2", **ONE_REPLICA), "container-apps")
    assert (monthlies(upper), upper.monthly) == ([D("83.23"), D("19.58")], D("102.81"))
    assert any("upper bound" in said for said in upper.assumptions)


def test_container_apps_where_no_rate_is_sourced(catalog: Catalog) -> None:
    found = quote(run(catalog, provider="azure", **ONE_REPLICA), "container-apps")
    assert found.monthly is None
    assert found.unavailable == "no sourced rates in eastus; the catalog has westus2"


def test_gke_autopilot_reference(catalog: Catalog) -> None:
    found = quote(run(catalog, provider="gcp", **ONE_REPLICA), "gke-autopilot")
    # 1 vCPU x $0.0445 x 730 h = $32.485 -> $32.49; 2 GiB x $0.0049225 x 730 h = $7.18685
    # -> $7.19; the $0.10 x 730 h = $73.00 cluster fee less the $74.40 credit (up to the fee)
    assert monthlies(found) == [D("32.49"), D("7.19"), D("73.00"), D("-73.00")]
    assert found.monthly == D("39.68")
    assert any("DaemonSets" in words for words in found.leaves_out)


def test_off_where_there_is_no_service_or_no_workload(catalog: Catalog) -> None:
    assert run(catalog, "hetzner-k3s", **ONE_REPLICA).managed_containers == ()
    assert run(catalog, provider="digitalocean", **ONE_REPLICA).managed_containers == ()
    assert run(catalog).managed_containers == ()


def test_a_reference_enters_no_total(catalog: Catalog) -> None:
    plain, with_workload = run(catalog), run(catalog, **ONE_REPLICA)
    assert with_workload.managed_containers
    assert with_workload.docker == plain.docker
    assert with_workload.kubernetes == plain.kubernetes
    assert with_workload.difference == plain.difference


@pytest.mark.parametrize(
    ("values", "field"),
    [({"monthly_requests": "1000"}, "request_ms"), ({"request_ms": "50"}, "monthly_requests")],
)
def test_requests_and_their_time_go_together(
    catalog: Catalog, values: dict[str, str], field: str
) -> None:
    engine = Engine(catalog, new_memo())
    engine.estimate(build_scenario({}))  # the infrastructure bill is now remembered
    with pytest.raises(InputError) as caught:
        engine.estimate(build_scenario(values))
    assert [p.field for p in caught.value.problems] == [field]


def test_a_remembered_bill_still_needs_the_workload_autopilot_bills(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    engine.estimate(build_scenario({}, "gke-autopilot"))
    with pytest.raises(InputError) as caught:
        engine.estimate(build_scenario({"workload_vcpu": ""}, "gke-autopilot"))
    assert [p.field for p in caught.value.problems] == ["workload_vcpu"]


def test_autopilot_bills_are_not_shared_across_workloads(catalog: Catalog) -> None:
    engine = Engine(catalog, new_memo())
    engine.estimate(build_scenario({}, "gke-autopilot"))  # 2 vCPU: $64.97 of pod CPU
    result = engine.estimate(build_scenario({"workload_vcpu": "8"}, "gke-autopilot"))
    # 8 vCPU x $0.0445 x 730 h = $259.88, not the remembered 2 vCPU's $64.97
    pods = [i for i in result.comparison.kubernetes.line_items if i.unit == "vCPU-month"]
    assert [i.monthly for i in pods] == [D("259.88")]
