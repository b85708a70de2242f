"""Each Scenario field's role is stated on the field, and the lists the engine and the faces
use are read back from those statements: here, the lists as they were written by hand."""

from __future__ import annotations

from pathlib import Path

from pricing import Catalog, Scenario
from pricing.bill import INFRASTRUCTURE_FIELDS, NOT_INFRASTRUCTURE
from pricing.catalog import ProviderDefaults
from pricing.input_types import RANGE_LIMITS
from pricing.resolve import CATALOG_FIELDS, DEFAULTED_FIELDS, OWN_PRICES
from pricing.roles import CATALOG_KEY, CHECKLIST, Role, belonging, fields_with
from pricing.scenario import CHECKLIST_FIELDS, FIELD_NAMES, SIZED_FIELDS
from pricing.workload import SizingOptions, size

COMPOSE = Path(__file__).resolve().parents[1] / "fixtures" / "sizing" / "article-compose.yml"


def test_the_catalog_keys_are_those_with_a_provider_default_and_the_control_plane_vm() -> None:
    assert (
        DEFAULTED_FIELDS
        == tuple(ProviderDefaults.model_fields)
        == (
            "region",
            "docker_instance_type",
            "k8s_instance_type",
            "control_plane",
            "load_balancer",
            "disk",
        )
    )
    assert ("k8s_control_instance_type", *DEFAULTED_FIELDS) == CATALOG_FIELDS
    assert set(fields_with(Scenario, CATALOG_KEY)) == set(CATALOG_FIELDS)


def test_each_own_price_belongs_to_a_vm_type() -> None:
    assert OWN_PRICES == {
        "docker_instance_type": "docker_hourly_price",
        "k8s_instance_type": "k8s_hourly_price",
    }


def test_what_goes_with_a_vm_type_is_its_own_price_and_its_cpu_above_the_baseline() -> None:
    # a provider or region switch on the page drops these with the type they belong to
    assert belonging(Scenario) == {
        "docker_instance_type": ("docker_hourly_price", "docker_surplus_vcpu"),
        "k8s_instance_type": ("k8s_hourly_price", "k8s_surplus_vcpu"),
    }


def test_the_checklist_is_the_articles_seven_questions_in_order() -> None:
    assert (
        CHECKLIST_FIELDS
        == fields_with(Scenario, CHECKLIST)
        == (
            "services",
            "servers",
            "deploy_frequency",
            "needs_autoscaling",
            "has_ops_person",
            "tolerates_downtime",
            "stateful",
        )
    )


def test_the_fields_no_infrastructure_line_reads() -> None:
    # the rate, every people-time figure (the hours entered and the labour table's
    # coefficients), the stateful services the labour model counts, the odds' switch
    people = {"devops_hourly_rate", *RANGE_LIMITS, "stateful_services", "odds", "horizon_months"}
    # The workload's CPU and memory are read by the pod lines of a tier that bills pods (GKE
    # Autopilot): not among them; its pods and the pods a node takes are.
    fit = {"workload_pods", "k8s_max_pods"}
    requests = {"monthly_requests", "request_ms"}  # the managed containers' reference
    assert {*people, *CHECKLIST_FIELDS, *fit, *requests} == NOT_INFRASTRUCTURE
    assert tuple(f for f in FIELD_NAMES if f not in NOT_INFRASTRUCTURE) == INFRASTRUCTURE_FIELDS


def test_the_sized_fields_are_what_a_sizing_writes(catalog: Catalog) -> None:
    # The page drops these before sizing again; docker_hosts is an input of the sizing too
    # (the hosts the user wants), so it stays.
    scenario = Scenario()
    sized = size(COMPOSE.read_text(), scenario, catalog=catalog, options=SizingOptions()).scenario
    written = {name for name in FIELD_NAMES if getattr(sized, name) != getattr(scenario, name)}
    assert written <= SIZED_FIELDS | {"docker_hosts"}
    assert {
        "docker_instance_type",
        "k8s_instance_type",
        "k8s_nodes",
        "k8s_max_pods",
        "k8s_load_balancers",
        "k8s_nodes_min",
        "k8s_nodes_max",
        "workload_vcpu",
        "workload_memory_gib",
        "workload_pods",
        "services",
        "stateful",
        "needs_autoscaling",
        "docker_disk_gb",
        "k8s_disk_gb",
        "docker_surplus_vcpu",
        "k8s_surplus_vcpu",
    } == SIZED_FIELDS


def test_a_role_is_read_only_from_the_fields_that_state_it() -> None:
    assert fields_with(Scenario, Role("not a role of any field")) == ()
