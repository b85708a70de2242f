"""Each line item's formula against a hand-computed figure: quantity x unit price, rounded."""

from __future__ import annotations

from pathlib import Path

from pricing import Catalog
from pricing import lines as line
from pricing.labour import term
from pricing.presets import build_scenario
from pricing.ranges import point
from pricing.resolve import resolve
from pricing.scenario import Scenario
from tests.pricing.support import D, catalog_with, item, run, sourced


def test_eks_control_plane_is_730_hours_at_ten_cents(catalog: Catalog) -> None:
    cp = item(run(catalog, control_plane="eks-standard"), "kubernetes", "control plane")
    assert (cp.quantity, cp.unit_price, cp.monthly) == (D(730), D("0.1"), D("73.00"))


def test_eks_extended_support_is_438_a_month(catalog: Catalog) -> None:
    cp = item(run(catalog, control_plane="eks-extended"), "kubernetes", "control plane")
    assert cp.monthly == D("438.00")


def test_alb_hourly_and_lcu_charges(catalog: Catalog) -> None:
    # 2 ALBs x 730 h x $0.0225 = $32.85; 1,095 GB processed each (1.5 LCU on average over
    # 730 h; a GB in an hour is an LCU-hour) = 2,190 LCU-hours x $0.008 = $17.52
    result = run(catalog, load_balancer="alb", k8s_load_balancers=2, k8s_lb_usage="1095")
    hourly = item(result, "kubernetes", "load balancer", "× 2")
    usage = item(result, "kubernetes", "load balancer", "usage")
    assert hourly.monthly == D("32.85")
    assert (usage.quantity, usage.unit, usage.monthly) == (D("2190"), "LCU-hour", D("17.52"))


def test_no_load_balancer_no_line(catalog: Catalog) -> None:
    resolved = resolve(Scenario(), catalog)
    assert line.load_balancers(resolved, count=0, usage=D(5)) == []
    # no usage: the hourly line alone
    assert len(line.load_balancers(resolved, count=1, usage=D(0))) == 1


def test_vm_hours_times_hourly_price(catalog: Catalog) -> None:
    # m6i.xlarge us-east-1 $0.192/h x 730 h x 3 nodes = $420.48
    result = run(catalog, region="us-east-1", k8s_instance_type="m6i.xlarge", k8s_nodes=3)
    compute = item(result, "kubernetes", "compute")
    assert (compute.quantity, compute.unit_price, compute.monthly) == (
        D(2190),
        D("0.192"),
        D("420.48"),
    )


def test_discount_applies_to_list_prices_not_to_your_own(catalog: Catalog) -> None:
    result = run(
        catalog, discount_percent="10", k8s_instance_type="m6i.xlarge", docker_hourly_price="0.5"
    )
    # 0.192 x 0.9 = 0.1728/h x 2190 h = $378.43; the entered $0.50/h x 730 h stays $365.00
    assert item(result, "kubernetes", "compute").monthly == D("378.43")
    assert item(result, "docker", "compute").monthly == D("365.00")
    assert item(result, "kubernetes", "control plane").monthly == D("65.70")


def test_storage_is_gb_times_price_per_gb_month(catalog: Catalog) -> None:
    # gp3 $0.08/GB-month: 3 nodes x 50 GB = 150 GB = $12.00
    result = run(catalog, disk="gp3", k8s_nodes=3, k8s_disk_gb=50)
    assert item(result, "kubernetes", "storage").monthly == D("12.00")


def test_no_disk_no_storage_line(catalog: Catalog) -> None:
    resolved = resolve(Scenario(), catalog)
    assert line.storage(resolved, count=3, gb_each=0, noun="node") == []


def test_seats_use_the_plan_and_billing(catalog: Catalog) -> None:
    annual = run(catalog, docker_plan="team", docker_seats=10)
    monthly = run(catalog, docker_plan="team", docker_seats=10, plan_billing="monthly")
    assert item(annual, "docker", "subscription").monthly == D("150.00")
    assert item(monthly, "docker", "subscription").monthly == D("160.00")


def test_your_seat_price_replaces_the_plans(catalog: Catalog) -> None:
    seats = item(run(catalog, docker_seats=10, seat_price="5"), "docker", "subscription")
    # 10 seats x $5 = $50.00, the Team plan's $15 kept beside it
    assert (seats.monthly, seats.list_unit_price, seats.source) == (D("50.00"), D("15"), None)
    assert "your price" in seats.label


def test_no_seats_no_subscription_line(catalog: Catalog) -> None:
    result = run(catalog, k8s_seats=0)
    assert not any(i.category == "subscription" for i in result.kubernetes.line_items)


def test_devops_hours_times_rate(catalog: Catalog) -> None:
    result = run(catalog, devops_hourly_rate="96", docker_devops_hours="5")
    assert item(result, "docker", "people").monthly == D("480.00")


def test_people_need_no_catalog() -> None:
    scenario = Scenario(devops_hourly_rate=D("96"), currency="EUR", exchange_rate=D("0.9"))
    hours = term(
        "docker_devops_hours", "Docker hours", "DevOps engineering", D(1), point(D("2.5")), None
    )
    [engineers] = line.efforts((hours,), line.hourly_rate(scenario))
    # 2.5 h x $96 x 0.9 EUR per USD = 216.00 EUR, hours of the user's own: no source
    assert (engineers.category, engineers.unit_price, engineers.monthly, engineers.source) == (
        "people",
        D("86.400000"),
        D("216.00"),
        None,
    )


def test_every_line_is_quantity_times_unit_price_rounded(catalog: Catalog) -> None:
    for preset in ("article", "startup", "platform", "k3s"):
        result = run(catalog, preset)
        for i in (*result.docker.line_items, *result.kubernetes.line_items):
            assert i.monthly == (i.quantity * i.unit_price).quantize(D("0.01"), "ROUND_HALF_UP")


def test_business_hours_vms_with_full_month_disk_and_fees(catalog: Catalog) -> None:
    result = run(
        catalog,
        vm_hours_per_month="264",
        k8s_instance_type="m6i.xlarge",
        k8s_nodes=3,
        k8s_disk_gb=50,
    )
    # 3 nodes x 264 h x $0.192 = $152.064 -> $152.06; disk and control plane bill all month
    assert item(result, "kubernetes", "compute").monthly == D("152.06")
    assert item(result, "kubernetes", "storage").monthly == D("12.00")
    assert item(result, "kubernetes", "control plane").monthly == D("73.00")
    assert "264 h a month" in item(result, "kubernetes", "compute").label


def test_commitment_percent_shows_list_and_yours(catalog: Catalog) -> None:
    result = run(
        catalog, k8s_pricing="1-year", k8s_commitment_percent="30", k8s_instance_type="m6i.xlarge"
    )
    compute = item(result, "kubernetes", "compute")
    # $0.192 x 0.7 = $0.1344/h x 2,190 h = $294.336 -> $294.34
    assert (compute.unit_price, compute.list_unit_price, compute.monthly) == (
        D("0.1344"),
        D("0.192"),
        D("294.34"),
    )
    assert "1-year at 30% off" in compute.label


def test_a_sourced_commitment_rate_is_priced_with_its_source(tmp_path: Path) -> None:
    rate = sourced(hourly="0.12")
    instances = {"m6i.xlarge": {"commitments": {"1-year": rate}}}
    override = {"providers": {"aws": {"regions": {"us-east-1": {"instances": instances}}}}}
    catalog = catalog_with(tmp_path, override)
    compute = item(run(catalog, k8s_pricing="1-year"), "kubernetes", "compute")
    # 3 nodes x 730 h x $0.12 = $262.80, the on-demand $0.192 kept beside it
    assert (compute.unit_price, compute.list_unit_price, compute.monthly) == (
        D("0.12"),
        D("0.192"),
        D("262.80"),
    )
    assert compute.source == rate["source"]
    assert "1-year rate" in compute.label


def test_spot_nodes_are_flagged(catalog: Catalog) -> None:
    result = run(catalog, k8s_pricing="spot", k8s_commitment_percent="60")
    assert "can be interrupted" in item(result, "kubernetes", "compute").label


def test_egress_tiers_on_both_setups(catalog: Catalog) -> None:
    # AWS: first 100 GB free, the next 400 GB at $0.09 = $36.00
    result = run(catalog, egress_gb="500")
    for setup in ("docker", "kubernetes"):
        items = [i for i in getattr(result, setup).line_items if i.category == "data transfer"]
        assert [i.monthly for i in items] == [D("0.00"), D("36.00")]


def test_egress_within_the_free_tier_is_one_free_line(catalog: Catalog) -> None:
    resolved = resolve(build_scenario({"egress_gb": "60"}), catalog)
    machine = resolved.matches.docker_machine
    items = line.egress(resolved, machine=machine, count=1)
    assert [(i.quantity, i.monthly) for i in items] == [(D(60), D("0.00"))]
    assert line.egress(resolve(Scenario(), catalog), machine=machine, count=1) == []


def test_cross_zone_traffic(catalog: Catalog) -> None:
    # AWS: $0.01/GB out of a zone and $0.01/GB into the other = $0.02 x 100 GB = $2.00
    result = run(catalog, cross_zone_gb="100")
    assert item(result, "kubernetes", "data transfer", "zones").monthly == D("2.00")
    assert not any(i.category == "data transfer" for i in result.docker.line_items)


def test_self_managed_control_plane_vms(catalog: Catalog) -> None:
    result = run(
        catalog,
        control_plane="self-managed",
        k8s_control_nodes=3,
        k8s_control_instance_type="t3.medium",
    )
    # 3 x 730 h x $0.0416 = $91.104 -> $91.10, counted as control plane
    line_item = item(result, "kubernetes", "control plane", "t3.medium")
    assert line_item.monthly == D("91.10")


def test_the_free_tier_credit_is_a_line_up_to_the_fee(catalog: Catalog) -> None:
    gke = run(catalog, "startup")
    assert item(gke, "kubernetes", "credit").monthly == D("-73.00")
    fee = item(gke, "kubernetes", "control plane")
    assert fee.monthly + item(gke, "kubernetes", "credit").monthly == D("0.00")


def test_free_docker_desktop_sets_seats_to_zero(catalog: Catalog) -> None:
    result = run(catalog, docker_desktop_free="true", docker_seats=8)
    seats = item(result, "docker", "subscription")
    assert (seats.monthly, seats.list_unit_price) == (D("0.00"), D("15"))


def test_display_currency_converts_every_line(catalog: Catalog) -> None:
    usd = run(catalog, "article")
    eur = run(catalog, "article", currency="EUR", exchange_rate="0.92")
    assert eur.currency == "EUR"
    assert eur.docker.infrastructure_monthly == D("230.00")  # 250.00 x 0.92
    assert eur.kubernetes.people_monthly == D("1324.80")  # 1,440.00 x 0.92
    for cost in (eur.docker, eur.kubernetes):
        assert cost.monthly_total == sum(i.monthly for i in cost.line_items)
    assert usd.docker.infrastructure_monthly == D("250.00")


def test_unit_prices_convert_to_the_millionth() -> None:
    assert line.in_currency(D("0.192"), D("0.92")) == D("0.176640")
    assert line.in_currency(D("0.0416"), D("1.234567")) == D("0.051358")  # 0.0513579872 rounded


def test_a_list_price_is_kept_only_when_yours_differs() -> None:
    scenario = Scenario()
    same = line.priced(
        scenario,
        category="storage",
        label="disk",
        quantity=D(10),
        unit="GB-month",
        price=D("0.08"),
        rate=D(1),
        list_price=D("0.08"),
    )
    assert (same.unit_price, same.monthly, same.list_unit_price) == (D("0.08"), D("0.80"), None)
    cheaper = line.priced(
        scenario,
        category="storage",
        label="disk",
        quantity=D(10),
        unit="GB-month",
        price=D("0.072"),
        rate=D(1),
        list_price=D("0.08"),
    )
    # 10 GB x $0.072 = $0.72
    assert (cheaper.monthly, cheaper.list_unit_price) == (D("0.72"), D("0.08"))
