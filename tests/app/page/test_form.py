"""The form's selects (app/page/form.py): the VM types grouped by family, smallest first."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from app.page.form import Option, OptionGroup, options_for
from pricing import Catalog


def groups(catalog: Catalog, provider: str, region: str) -> list[OptionGroup]:
    found = options_for(catalog, provider, region)["docker_instance_type"]
    assert all(isinstance(group, OptionGroup) for group in found)
    return [group for group in found if isinstance(group, OptionGroup)]


def test_the_vm_types_are_grouped_by_family_the_arm_ones_apart(catalog: Catalog) -> None:
    found = groups(catalog, "aws", "us-east-1")
    assert [group.label for group in found] == [
        "General purpose",
        "Compute optimised",
        "Memory optimised",
        "Burstable",
        "General purpose, Arm",
        "Compute optimised, Arm",
        "Memory optimised, Arm",
        "Burstable, Arm",
    ]
    # every type the region prices, once
    values = [option.value for group in found for option in group.options]
    assert sorted(values) == sorted(catalog.providers["aws"].regions["us-east-1"].instances)


def test_a_group_lists_its_types_smallest_first_with_vcpu_gib_and_price(catalog: Catalog) -> None:
    burstable = next(g for g in groups(catalog, "aws", "us-east-1") if g.label == "Burstable")
    assert [o.value for o in burstable.options] == [
        "t3.micro",
        "t3.small",
        "t3.medium",
        "t3.large",
        "t3.xlarge",
        "t3.2xlarge",
    ]
    # $0.0208 x 730 h = $15.184 -> $15.18 a month
    assert burstable.options[1] == Option(
        "t3.small", "t3.small: 2 vCPU, 2 GiB, $0.0208/h ($15.18/month), 20% baseline"
    )
    general = next(g for g in groups(catalog, "aws", "us-east-1") if g.label == "General purpose")
    sizes = [(o.text.split(": ")[1].split(" vCPU")[0]) for o in general.options]
    assert [int(size) for size in sizes] == sorted(int(size) for size in sizes)


def test_other_providers_families_keep_their_names_cheapest_group_first(catalog: Catalog) -> None:
    labels = [group.label for group in groups(catalog, "hetzner", "fsn1")]
    # Hetzner's own families, by their cheapest type (CX23 EUR 0.0088/h, CPX22, CCX13); its
    # Arm family says so already and comes last
    assert labels[-1] == "Cost-optimized (shared Arm Ampere)"
    assert labels[0] == "Cost-optimized (shared Intel/AMD)"


def test_the_page_draws_the_groups_and_leaves_other_selects_as_they_were(
    client: TestClient,
) -> None:
    html = client.get("/").text
    host = html.split('id="field-docker_instance_type"')[1].split("</select>")[0]
    assert '<optgroup label="Burstable">\n    <option value="t3.micro">' in host
    assert host.count("<optgroup") == host.count("</optgroup>") == 8
    # the default host, m6i.2xlarge, is selected inside its group
    assert re.search(r'<option value="m6i\.2xlarge" selected>', host)
    pricing = html.split('id="field-docker_pricing"')[1].split("</select>")[0]
    assert "optgroup" not in pricing
    assert '\n  <option value="on-demand" selected>On-demand</option>' in pricing
