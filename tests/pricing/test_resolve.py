"""Resolution: a scenario's empty keys filled with the provider's defaults, every key looked up,
the rules across fields checked, and every problem named at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pricing import Catalog, InputError, Scenario, estimate
from pricing.bill import NOT_INFRASTRUCTURE
from pricing.presets import build_scenario
from pricing.resolve import (
    CATALOG_FIELDS,
    DEFAULTED_FIELDS,
    Purchase,
    catalog_choices,
    match,
    provider_defaults,
    resolve,
    resolved_with,
)
from pricing.scenario import FIELD_NAMES
from tests.pricing.support import D, catalog_with, sourced


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"provider": "oracle"}, "provider"),
        ({"region": "mars-1"}, "region"),
        ({"k8s_instance_type": "x9.huge"}, "k8s_instance_type"),
        ({"docker_instance_type": "e2-standard-4"}, "docker_instance_type"),
        ({"control_plane": "gke-standard"}, "control_plane"),
        ({"docker_plan": "enterprise"}, "docker_plan"),
        ({"plan_billing": "monthly", "docker_plan": "business"}, "plan_billing"),
        # Found by the OpenAPI fuzzer: a wrong control-plane type with no control nodes.
        ({"k8s_control_instance_type": "0"}, "k8s_control_instance_type"),
    ],
)
def test_keys_the_catalog_lacks_name_their_field(
    catalog: Catalog, values: dict[str, str], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        estimate(Scenario.model_validate(values), catalog)
    assert [p.field for p in caught.value.problems] == [field]
    assert "choose one of" in caught.value.problems[0].message or "annually" in str(caught.value)
    assert caught.value.kind == "invalid"


def test_every_problem_is_reported_at_once(catalog: Catalog) -> None:
    scenario = Scenario(region="mars-1", control_plane="nope", docker_plan="nope")
    with pytest.raises(InputError) as caught:
        resolve(scenario, catalog)
    assert {p.field for p in caught.value.problems} == {"region", "control_plane", "docker_plan"}


def test_no_commitment_rate_is_invented(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        estimate(build_scenario({"k8s_pricing": "3-year"}), catalog)
    assert [p.field for p in caught.value.problems] == ["k8s_commitment_percent"]
    assert "no sourced 3-year rate" in caught.value.problems[0].message


def test_commitment_percent_needs_a_commitment(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        estimate(build_scenario({"docker_commitment_percent": "20"}), catalog)
    assert caught.value.problems[0].field == "docker_commitment_percent"


def test_a_sourced_commitment_rate_is_used_when_no_percent_is_given(tmp_path: Path) -> None:
    rate = sourced(hourly="0.12")
    override = {
        "providers": {
            "aws": {
                "regions": {
                    "us-east-1": {"instances": {"m6i.xlarge": {"commitments": {"1-year": rate}}}}
                }
            }
        }
    }
    catalog = catalog_with(tmp_path, override)
    matches = match(build_scenario({"k8s_pricing": "1-year"}), catalog)
    assert matches.k8s_purchase.option == "1-year"
    assert matches.k8s_purchase.percent is None
    assert matches.k8s_purchase.rate is not None
    assert matches.k8s_purchase.rate.hourly == D("0.12")
    # a percent you enter wins over the sourced rate
    yours = match(
        build_scenario({"k8s_pricing": "1-year", "k8s_commitment_percent": "25"}), catalog
    )
    assert yours.k8s_purchase == Purchase("1-year", D(25), None)
    assert matches.docker_purchase == Purchase("on-demand")


def test_autoscaling_bounds_must_hold_the_average(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        estimate(build_scenario({"k8s_nodes": "3", "k8s_nodes_min": "4"}), catalog)
    assert caught.value.problems[0].field == "k8s_nodes_min"
    with pytest.raises(InputError) as caught:
        resolve(build_scenario({"k8s_nodes": "3", "k8s_nodes_max": "2"}), catalog)
    assert [p.field for p in caught.value.problems] == ["k8s_nodes_max"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        # Azure bills a disk by the tier that holds it; the catalog's largest is P50, 4,096 GiB
        ({"provider": "azure", "docker_disk_gb": "5000"}, "docker_disk_gb"),
        ({"exchange_rate": "0.9"}, "exchange_rate"),
        ({"currency": "EUR"}, "exchange_rate"),
        ({"provider": "hetzner"}, "eur_rate"),
        (
            {"provider": "hetzner", "currency": "EUR", "exchange_rate": "0.9", "eur_rate": "2"},
            "eur_rate",
        ),
        ({"eur_rate": "1.1"}, "eur_rate"),
        ({"docker_setup": "failover", "docker_load_balancers": "1"}, "docker_hosts"),
        ({"docker_setup": "failover", "docker_hosts": "2"}, "docker_load_balancers"),
    ],
)
def test_unsourced_or_inconsistent_inputs_name_their_field(
    catalog: Catalog, values: dict[str, str], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        estimate(build_scenario(values), catalog)
    assert [p.field for p in caught.value.problems] == [field]


def test_the_filled_scenario_is_built_when_asked_for(catalog: Catalog) -> None:
    given = build_scenario({"provider": "gcp"})
    resolved = resolve(given, catalog)
    assert given.region is None
    assert resolved.scenario.region == "us-central1"
    filled = resolved.matches.keys
    assert all(getattr(resolved.scenario, key) for key in filled)
    assert all(getattr(given, key) is None for key in filled)
    for name in FIELD_NAMES:
        if name not in filled:
            assert getattr(resolved.scenario, name) == getattr(given, name), name
    assert estimate(given, catalog).scenario == resolved.scenario


def test_keys_given_are_kept_and_empty_ones_filled(catalog: Catalog) -> None:
    resolved = resolve(build_scenario({"k8s_instance_type": "t3.large"}), catalog)
    assert resolved.matches.keys["k8s_instance_type"] == "t3.large"
    assert resolved.matches.keys["docker_instance_type"] == "m6i.2xlarge"
    assert resolved.matches.k8s_machine.key == "t3.large"
    assert resolved.matches.k8s_machine.spec.vcpu == 2
    assert resolved.matches.control_machine is None


def test_matches_ignore_the_fields_no_lookup_reads(catalog: Catalog) -> None:
    base = build_scenario({"provider": "gcp"})
    other = base.model_copy(
        update={"devops_hourly_rate": D(50), "services": 20, "horizon_months": 36}
    )
    assert {"devops_hourly_rate", "services", "horizon_months"} <= NOT_INFRASTRUCTURE
    matches = match(base, catalog)
    assert match(other, catalog) == matches
    assert resolved_with(other, matches) == resolve(other, catalog)


def test_provider_defaults_are_the_providers_own_choices(catalog: Catalog) -> None:
    aws = catalog.providers["aws"]
    assert provider_defaults(aws) == {
        "region": "us-east-1",
        "docker_instance_type": "m6i.2xlarge",
        "k8s_instance_type": "m6i.xlarge",
        "control_plane": "eks-standard",
        "load_balancer": "alb",
        "disk": "gp3",
    }
    assert tuple(provider_defaults(aws)) == DEFAULTED_FIELDS
    assert set(DEFAULTED_FIELDS) == set(CATALOG_FIELDS) - {"k8s_control_instance_type"}


@pytest.mark.parametrize("provider", ["aws", "gcp", "azure"])
def test_each_default_is_one_of_the_choices(catalog: Catalog, provider: str) -> None:
    p = catalog.providers[provider]
    defaults = provider_defaults(p)
    choices = catalog_choices(p, defaults["region"])
    for field, key in defaults.items():
        assert key in choices[field], (provider, field)
    # a scenario naming every default resolves as one naming none
    named = resolve(build_scenario({"provider": provider, **defaults}), catalog)
    assert named == resolve(build_scenario({"provider": provider}), catalog)


def test_catalog_choices_are_the_tables_each_key_must_be_in(catalog: Catalog) -> None:
    gcp = catalog.providers["gcp"]
    choices = catalog_choices(gcp, "europe-west1")
    assert tuple(choices) == CATALOG_FIELDS
    instances = gcp.regions["europe-west1"].instances
    assert set(choices["docker_instance_type"]) == set(instances)
    assert set(choices["k8s_instance_type"]) == set(instances)
    # the control-plane VM type may also be left empty (it is then the node type)
    assert set(choices["k8s_control_instance_type"]) == {"", *instances}
    assert set(choices["region"]) == set(gcp.regions)
    assert set(choices["control_plane"]) == set(gcp.control_planes)
    assert set(choices["load_balancer"]) == set(gcp.load_balancers)
    assert set(choices["disk"]) == set(gcp.disks)
    # AWS keys are not GCP choices: switching cloud drops them
    assert "m6i.xlarge" not in choices["k8s_instance_type"]
    assert "eks-standard" not in choices["control_plane"]


def test_a_key_that_is_a_choice_resolves_and_one_that_is_not_is_a_problem(
    catalog: Catalog,
) -> None:
    azure = catalog.providers["azure"]
    choices = catalog_choices(azure, "westeurope")
    for field in ("control_plane", "load_balancer", "disk"):
        for key in choices[field]:
            resolve(
                build_scenario({"provider": "azure", "region": "westeurope", field: key}), catalog
            )
    with pytest.raises(InputError) as caught:
        resolve(build_scenario({"provider": "azure", "disk": "gp3"}), catalog)
    assert [p.field for p in caught.value.problems] == ["disk"]
    assert ", ".join(sorted(choices["disk"])) in caught.value.problems[0].message


def test_a_self_managed_control_plane_looks_up_its_vm(catalog: Catalog) -> None:
    values = {"control_plane": "self-managed", "k8s_control_nodes": 3}
    matches = match(build_scenario(values), catalog)
    assert matches.control_machine is not None
    assert matches.control_machine.key == "m6i.xlarge"  # the node type, when left empty
    with pytest.raises(InputError) as caught:
        resolve(build_scenario({**values, "k8s_control_instance_type": "x9.huge"}), catalog)
    assert [p.field for p in caught.value.problems] == ["k8s_control_instance_type"]


def test_egress_beyond_a_capped_last_tier_is_refused(tmp_path: Path) -> None:
    # an operator's catalog whose last tier ends at 10,000 GB: 10,001 GB cannot be priced
    tiers = [{"up_to": "100", "price": "0"}, {"up_to": "10000", "price": "0.09"}]
    catalog = catalog_with(tmp_path, {"providers": {"aws": {"egress": {"tiers": tiers}}}})
    estimate(build_scenario({"egress_gb": "10000"}), catalog)
    with pytest.raises(InputError) as caught:
        estimate(build_scenario({"egress_gb": "10001"}), catalog)
    assert [p.field for p in caught.value.problems] == ["egress_gb"]
    assert "only up to 10000 GB a month" in caught.value.problems[0].message


def test_aks_takes_no_node_of_one_vcpu_but_a_self_managed_cluster_does(catalog: Catalog) -> None:
    # "VM sizes with less than 2 CPUs may not be used with AKS" (AKS quotas page)
    with pytest.raises(InputError) as raised:
        resolve(Scenario(provider="azure", k8s_instance_type="Standard_B1ms"), catalog)
    assert {p.field: p.message for p in raised.value.problems} == {
        "k8s_instance_type": "Standard_B1ms has 1 vCPU; this Kubernetes takes no node of "
        "fewer than 2"
    }
    kubeadm = Scenario(
        provider="azure", k8s_instance_type="Standard_B1ms", control_plane="self-managed"
    )
    assert resolve(kubeadm, catalog).matches.k8s_machine.key == "Standard_B1ms"
