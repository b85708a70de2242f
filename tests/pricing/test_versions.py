"""The version calendar month by month, computed by hand from pricing/data/versions.json.

EKS (endoflife.date's copy of AWS's calendar): 1.35 released 2026-01-28, standard support to
2027-03-27, extended to 2028-03-27; 1.36 released 2026-06-02, standard to 2027-08-02,
extended to 2028-08-02. After 1.36 the calendar is extrapolated: a minor every 4 months
(1.37 released 2026-10-02), 14 months of standard support, 26 in all. A date inside a month
takes effect from the next month.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pricing import Catalog, InputError
from pricing.months import Month
from pricing.versions import version_path
from pricing.whole_months import month_from, parse_month
from tests.pricing.support import D, run

UPGRADE = D(16) * 96  # the catalog's likely 16 hours per upgrade at the article's $96 = $1,536


def control_plane(month: Month) -> Decimal:
    return dict(month.kubernetes.categories)["control plane"]


def events(result_months: tuple[Month, ...], kind: str) -> list[int]:
    return [m.month for m in result_months if any(e.kind == kind for e in m.events)]


def test_a_month_takes_a_change_from_the_next_month() -> None:
    from datetime import date

    assert month_from(date(2026, 1, 28)) == parse_month("2026-02")
    assert month_from(date(2027, 4, 1)) == parse_month("2027-04")


def test_eks_never_upgraded_pays_extended_support_then_aws_upgrades_it(catalog: Catalog) -> None:
    # The article's cluster on EKS 1.35 from 2026-02 (its first whole month), never upgraded,
    # 36 months (2026-02 to 2029-01):
    # - standard support to 2027-03-27: 2026-02..2027-03, 14 months at 730 h x $0.10 = $73.00
    # - extended support to 2028-03-27: from 2027-04, 730 h x $0.60 = $438.00 a month
    #   ($73.00 + the extended tier's $0.50 more an hour, $365.00)
    # - 2028-04: AWS upgrades it to the oldest version still in extended support, 1.36
    #   (extended to 2028-08-02); 2028-09: to 1.37 (extended to 2028-12-02, extrapolated);
    #   2029-01: to 1.38. Still in extended support each time: 22 months at $438.00.
    # - each of AWS's upgrades leaves the nodes and add-ons to the team: 16 h x $96.
    result = run(
        catalog, "article", start_month="2026-02", upgrade_policy="never", horizon_months=36
    )
    months = result.months.months
    assert [control_plane(m) for m in months] == [D("73.00")] * 14 + [D("438.00")] * 22
    assert result.months.kubernetes_version == "1.35"
    assert events(months, "extended-support") == [15]
    assert events(months, "forced-upgrade") == [27, 32, 36]
    assert months[26].events[0].text.startswith("Amazon EKS upgrades the cluster 1.35 → 1.36")
    # infrastructure 14 x $443.00 + 22 x $808.00 = $23,978.00; people 6 x 40 h + 30 x 15 h at
    # $96 = $66,240.00; three upgrades $4,608.00
    assert result.kubernetes.horizon_total == D("23978.00") + D("66240.00") + 3 * UPGRADE
    assert result.kubernetes.horizon_total == sum(m.kubernetes.total for m in months)
    assert result.docker.horizon_total == 36 * D("730.00")
    assert any("1.37, 1.38 extrapolated" in note for note in result.months.assumptions)


def test_eks_kept_current_pays_an_upgrade_a_release(catalog: Catalog) -> None:
    # The team takes each minor the month EKS offers it: 1.36 (released 2026-06-02) in month
    # 6 (2026-07), then every 4 months (extrapolated releases 2026-10-02, 2027-02-02, ...):
    # months 6, 10, 14, 18, 22, 26, 30, 34. Standard support throughout: $73.00 a month.
    result = run(
        catalog, "article", start_month="2026-02", upgrade_policy="current", horizon_months=36
    )
    months = result.months.months
    assert events(months, "upgrade") == [6, 10, 14, 18, 22, 26, 30, 34]
    assert {control_plane(m) for m in months} == {D("73.00")}
    # 36 x $443.00 + $66,240.00 of hours + 8 upgrades x $1,536.00
    assert result.kubernetes.horizon_total == 36 * D("443.00") + D("66240.00") + 8 * UPGRADE
    upgrade = months[5]
    assert dict(upgrade.kubernetes.categories)["people"] == D("3840.00") + UPGRADE


def test_the_default_horizon_ends_before_extended_support(catalog: Catalog) -> None:
    # From the calendar's month (2026-12) EKS's newest is 1.37 (extrapolated, offered from
    # 2026-11), standard to 2027-12-02: the 12 default months are all standard, so the
    # article's totals stand as the article gives them.
    result = run(catalog, "article")
    assert result.scenario.start_month == "2026-12"
    assert result.months.kubernetes_version == "1.37"
    assert {control_plane(m) for m in result.months.months} == {D("73.00")}
    assert result.kubernetes.horizon_total == D("36996.00")


@pytest.mark.parametrize(
    ("provider", "tier", "kind", "month"),
    [
        # upstream 1.37 extrapolated: 2026-04-22 + 4 months = 2026-08-22, 14 months of
        # support to 2027-10-22: DigitalOcean upgrades it in 2027-11, month 12
        ("digitalocean", "doks-free", "automatic-upgrade", 12),
        # GKE 1.37 extrapolated: 2026-06-09 + 4 months = 2026-10-09, standard to 2027-12-09:
        # Google upgrades it in 2028-01, month 14
        ("gcp", "gke-standard", "automatic-upgrade", 14),
        # AKS 1.37 extrapolated: 2026-06-30 + 4 months = 2026-10-30, 12 months to 2027-10-30:
        # unsupported from 2027-11 (month 12); Azure upgrades it 60 days later, 2028-01
        ("azure", "aks-free", "automatic-upgrade", 14),
        ("azure", "aks-free", "support-ends", 12),
        # k3s on the upstream calendar: nobody upgrades it; its patches stop in 2027-11
        ("hetzner", "self-managed-k3s", "support-ends", 12),
    ],
)
def test_the_provider_acts_when_support_ends(
    catalog: Catalog, provider: str, tier: str, kind: str, month: int
) -> None:
    values = {"provider": provider, "control_plane": tier, "horizon_months": 24}
    values |= {"k8s_rampup_months": 0}  # every month's people cost the same
    if provider == "hetzner":  # prices in euros: shown in euros, at a rate for the USD inputs
        values |= {"currency": "EUR", "exchange_rate": "0.9"}
    result = run(catalog, **values)
    assert events(result.months.months, kind)[0] == month
    # no fee changes on these tiers, and nothing for the team to do
    assert len({m.kubernetes.total for m in result.months.months}) == 1


def test_an_extended_tier_has_no_calendar(catalog: Catalog) -> None:
    # eks-extended is priced as extended support every month (730 h x $0.60), from any month
    result = run(catalog, control_plane="eks-extended", horizon_months=36, start_month="2023-01")
    assert result.months.kubernetes_version is None
    assert {control_plane(m) for m in result.months.months} == {D("438.00")}
    assert "does not apply" in result.months.assumptions[0]
    assert result.months.months[0].calendar_month == "2023-01"


@pytest.mark.parametrize("month", ["2024-01", "2032-01"])
def test_a_start_the_calendar_cannot_cover_is_refused(catalog: Catalog, month: str) -> None:
    # EKS's calendar starts with 1.29, released 2024-01-23 (offered from 2024-02); the
    # calendar was read in 2026-12, and five years on is 2031-12.
    with pytest.raises(InputError) as caught:
        run(catalog, start_month=month)
    (problem,) = caught.value.problems
    assert problem.field == "start_month"
    assert "2024-02" in problem.message and "2031-12" in problem.message


def test_the_path_needs_a_version_offered_in_its_first_month(catalog: Catalog) -> None:
    policy = catalog.versions.policies["eks"]
    with pytest.raises(ValueError, match="starts after 2023-01"):
        version_path(
            catalog.versions,
            policy,
            start=parse_month("2023-01"),
            horizon=1,
            upgrade_policy="never",
        )
