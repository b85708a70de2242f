"""The bundled catalog: sourced, dated, complete; and the operator override file."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pricing import Catalog, CatalogError, load_catalog
from pricing.catalog import loading
from pricing.presets import PRESETS
from tests.pricing.support import catalog_with, sourced


def test_every_price_has_a_source_and_a_date(catalog: Catalog) -> None:
    entries = catalog.sourced_entries()
    assert len(entries) > 100
    for entry in entries:
        assert entry.source.startswith("https://")
        assert date(2023, 1, 1) <= entry.as_of <= date.today()


@pytest.mark.parametrize("provider", ["aws", "gcp", "azure"])
def test_each_provider_has_four_regions_and_ten_types(catalog: Catalog, provider: str) -> None:
    p = catalog.providers[provider]
    assert len(p.regions) >= 4
    for region in p.regions.values():
        assert len(region.instances) >= 10


def test_control_plane_tiers(catalog: Catalog) -> None:
    tiers = {k: set(p.control_planes) for k, p in catalog.providers.items()}
    assert {"eks-standard", "eks-extended", "self-managed"} <= tiers["aws"]
    assert {"gke-standard", "gke-standard-free-tier", "self-managed"} <= tiers["gcp"]
    assert {"aks-free", "aks-standard", "aks-premium", "self-managed"} <= tiers["azure"]


def test_docker_plans(catalog: Catalog) -> None:
    assert set(catalog.plans) == {"personal", "pro", "team", "business"}


def test_every_key_a_preset_names_exists(catalog: Catalog) -> None:
    for name, preset in PRESETS.items():
        v = preset.values
        provider = catalog.providers[v.get("provider", "aws")]
        region = provider.regions[v.get("region", provider.defaults.region)]
        for field in ("docker_instance_type", "k8s_instance_type"):
            if field in v:
                assert v[field] in region.instances, (name, field)
        if "control_plane" in v:
            assert v["control_plane"] in provider.control_planes, name


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "override.json"
    path.write_text(json.dumps(data))
    return path


def test_override_changes_a_price(tmp_path: Path) -> None:
    override = {
        "providers": {
            "aws": {
                "regions": {
                    "us-east-1": {
                        "instances": {
                            "m6i.xlarge": {
                                "hourly": "0.15",
                                "source": "https://example.com/our-contract",
                                "as_of": "2026-11-01",
                                "confidence": "A",
                            }
                        }
                    }
                }
            }
        }
    }
    catalog = load_catalog(write(tmp_path, override))
    assert (
        str(catalog.providers["aws"].regions["us-east-1"].instances["m6i.xlarge"].hourly) == "0.15"
    )
    assert "m6i.large" in catalog.providers["aws"].regions["us-east-1"].instances


def test_bad_override_names_file_entry_and_field(tmp_path: Path) -> None:
    override = {
        "providers": {
            "aws": {"regions": {"us-east-1": {"instances": {"m6i.xlarge": {"hourly": "-1"}}}}}
        }
    }
    path = write(tmp_path, override)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    message = str(caught.value)
    assert str(path) in message
    assert "providers.aws.regions.us-east-1.instances.m6i.xlarge" in message
    assert "field hourly" in message


def test_override_that_is_not_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CatalogError, match=r"broken\.json: not valid JSON"):
        load_catalog(path)


def test_missing_override_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"missing\.json: cannot be read"):
        load_catalog(tmp_path / "missing.json")


def test_each_load_is_a_fresh_equal_catalog_with_no_memo() -> None:
    first, second = load_catalog(), load_catalog()
    assert first == second
    assert first is not second
    assert "memo" not in first.__dict__
    assert not hasattr(first, "memo")


def test_as_of_is_the_oldest_read_date(catalog: Catalog) -> None:
    assert catalog.as_of == min(e.as_of for e in catalog.sourced_entries())


def test_an_instance_month_is_its_hours_at_the_hourly_price(catalog: Catalog) -> None:
    price = catalog.providers["aws"].regions["us-east-1"].instances["m6i.xlarge"]
    # $0.192/h x 730 h = $140.16; x 264 h = $50.688 -> $50.69
    assert price.monthly() == Decimal("140.16")
    assert price.monthly(Decimal(264)) == Decimal("50.69")


def test_lcu_usage_is_hourly_and_gb_processed_is_monthly(catalog: Catalog) -> None:
    assert catalog.providers["aws"].load_balancers["alb"].usage_is_hourly
    gcp = catalog.providers["gcp"].load_balancers
    assert not any(balancer.usage_is_hourly for balancer in gcp.values())


def test_where_vms_bring_transfer_every_type_brings_its_own(catalog: Catalog) -> None:
    pooled = {}
    for key, provider in catalog.providers.items():
        allowances = provider.egress.included_per_vm if provider.egress else {}
        if allowances:
            pooled[key] = provider
            assert set(allowances) == set(provider.instance_types), key
    # AWS, Google Cloud and Azure bill egress from the first GB (bar AWS's and Azure's free
    # 100 GB, a tier): no VM brings an allowance there
    assert set(pooled) == {"digitalocean", "linode", "hetzner"}


NEW_DROPLET = {
    "instance_types": {
        "m-48vcpu-384gb": {"vcpu": 48, "memory_gib": 384, "family": "memory-optimized (dedicated)"}
    },
    "regions": {
        "nyc3": {"instances": {"m-48vcpu-384gb": sourced(hourly="3", monthly_cap="2016.00")}}
    },
}


def test_an_added_type_brings_the_allowance_the_override_gives_it(tmp_path: Path) -> None:
    transfer = {"egress": {"included_per_vm": {"m-48vcpu-384gb": "12000"}}}
    catalog = catalog_with(tmp_path, {"providers": {"digitalocean": NEW_DROPLET | transfer}})
    egress = catalog.providers["digitalocean"].egress
    assert egress is not None
    assert egress.included_per_vm["m-48vcpu-384gb"] == Decimal(12000)
    assert egress.included_per_vm["m-2vcpu-16gb"] == Decimal(4000)  # the bundled ones stay


@pytest.mark.parametrize(
    ("override", "entry", "field"),
    [
        # a new Droplet size and no transfer for it: its egress would be overstated
        (
            {"digitalocean": NEW_DROPLET},
            "providers.digitalocean.egress.included_per_vm",
            "m-48vcpu-384gb",
        ),
        # an allowance for a type the provider does not sell (a typo would give none)
        (
            {"linode": {"egress": {"included_per_vm": {"g6-standrad-2": "4000"}}}},
            "providers.linode.egress.included_per_vm",
            "g6-standrad-2",
        ),
        # a region's own egress that gives one type an allowance must give every type there one
        (
            {
                "aws": {
                    "regions": {
                        "us-gov-west-1": {"egress": {"included_per_vm": {"m6i.xlarge": "100"}}}
                    }
                }
            },
            "providers.aws.regions.us-gov-west-1.egress.included_per_vm",
            "c6i.12xlarge",  # the first of the region's other types, in order
        ),
    ],
)
def test_an_allowance_missing_or_for_no_type_is_refused_naming_the_file_entry_and_type(
    tmp_path: Path, override: dict[str, object], entry: str, field: str
) -> None:
    with pytest.raises(CatalogError) as caught:
        catalog_with(tmp_path, {"providers": override})
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'override.json'}: entry {entry}: field {field}: ")


def test_a_provider_without_allowances_takes_a_type_without_one(tmp_path: Path) -> None:
    size = {"vcpu": 2, "memory_gib": 8, "family": "general purpose"}
    added = {"instance_types": {"m6i.new": size}}
    added["regions"] = {"us-east-1": {"instances": {"m6i.new": sourced(hourly="0.1")}}}
    catalog = catalog_with(tmp_path, {"providers": {"aws": added}})
    assert "m6i.new" in catalog.providers["aws"].instance_types


def test_a_bundled_file_missing_an_allowance_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    data = loading.bundled_data()
    del data["providers"]["linode"]["egress"]["included_per_vm"]["g7-highmem-16"]
    monkeypatch.setattr(loading, "bundled_data", lambda: data)
    with pytest.raises(CatalogError) as caught:
        load_catalog()
    assert str(caught.value).startswith(
        "pricing/data/linode.json: entry providers.linode.egress.included_per_vm: "
        "field g7-highmem-16: "
    )


def test_every_control_plane_tier_has_a_version_policy_or_none(catalog: Catalog) -> None:
    for key, provider in catalog.providers.items():
        assert set(catalog.versions.tiers[key]) == set(provider.control_planes), key


def test_the_calendars_are_sourced_and_dated(catalog: Catalog) -> None:
    versions = catalog.versions
    # the hours an upgrade takes are the labour table's (tests/pricing/test_labour.py)
    assert catalog.labour.kubernetes.upgrade_hours in catalog.sourced_entries()
    for calendar in versions.calendars.values():
        assert calendar in catalog.sourced_entries()
        for version in calendar.versions:
            assert version.released < version.standard_ends


def test_a_policy_naming_no_calendar_stops_the_load(tmp_path: Path) -> None:
    override = {"versions": {"policies": {"eks": {"calendar": "eks-next"}}}}
    with pytest.raises(CatalogError, match=r"policies\.eks\.calendar 'eks-next' is not a calendar"):
        catalog_with(tmp_path, override)


def test_a_tier_mapped_to_nothing_the_provider_sells_stops_the_load(tmp_path: Path) -> None:
    override = {"versions": {"tiers": {"aws": {"eks-gold": "eks"}}}}
    with pytest.raises(CatalogError, match=r"versions\.tiers\.aws\.eks-gold: not a control-plane"):
        catalog_with(tmp_path, override)
