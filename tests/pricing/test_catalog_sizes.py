"""The catalog's large sizes and memory- and compute-optimised families (issue 22, "Sizes and
shapes"; GCP N4, C4 and C4A of issue 20): a sample of the prices, one per provider, family and
region group at least, against the figures read from each source, with the source and its date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pricing import Catalog

KARPENTER_AWS = "karpenter-provider-aws/blob/6fc13b5236fd04fd16ff3f9dc7490d0813994099"
SKYPILOT_AWS = "skypilot-catalog/blob/001367d22a0033fac286a8c71aeac7109e431bcb/catalogs/v7/aws"
CYCLENERD = "google-cloud-pricing-cost-calculator/blob/fd66b26ff84fee5cdd94f341ea89206e76c06b99"
KARPENTER_AZURE = "karpenter-provider-azure/blob/2b431da153a6a92b705c18046512c60b1631b682"
DO_SIZES = "terraform-digitalocean-variables/blob/e7de16e3ebb521b242e32cfc040e5410b318f215"
LINODE_PLANS = "api-evangelist/linode/blob/1c32424941b5aa63897b40149bcfcf9afbc80d09"
LINODE_API = "api.linode.com/v4/linode/types"

# provider, region, type, hourly, monthly cap, source (part of its URL), date of the figure.
# Each figure was read from the source named on its row (see docs/PRICING.md, "Sizes and shapes").
SAMPLE = [
    # AWS us-east-1: karpenter's table generated 2026-07-20 from the AWS Pricing API.
    ("aws", "us-east-1", "m6i.24xlarge", "4.608", None, KARPENTER_AWS, "2026-07-20"),
    ("aws", "us-east-1", "m8i.96xlarge", "20.32128", None, KARPENTER_AWS, "2026-07-20"),
    ("aws", "us-east-1", "m7g.16xlarge", "2.6112", None, KARPENTER_AWS, "2026-07-20"),
    ("aws", "us-east-1", "x2iedn.32xlarge", "26.676", None, KARPENTER_AWS, "2026-07-20"),
    # AWS GovCloud: karpenter's GovCloud table of the same run.
    ("aws", "us-gov-west-1", "r6i.32xlarge", "9.664", None, KARPENTER_AWS, "2026-07-20"),
    ("aws", "us-gov-east-1", "c7i.24xlarge", "5.1408", None, KARPENTER_AWS, "2026-07-20"),
    # AWS elsewhere: SkyPilot's vms.csv (built from the AWS price list), read 2026-12-03.
    ("aws", "eu-west-1", "r6i.32xlarge", "9.024", None, SKYPILOT_AWS, "2026-12-03"),
    ("aws", "eu-central-1", "c7g.16xlarge", "2.6384", None, SKYPILOT_AWS, "2026-12-03"),
    ("aws", "eu-west-2", "c7i.48xlarge", "10.1808", None, SKYPILOT_AWS, "2026-12-03"),
    ("aws", "us-west-2", "r7g.16xlarge", "3.4272", None, SKYPILOT_AWS, "2026-12-03"),
    ("aws", "ap-southeast-1", "m6i.12xlarge", "2.88", None, SKYPILOT_AWS, "2026-12-03"),
    # Google Cloud: Cyclenerd pricing.yml generated 2026-07-30 from the Cloud Billing Catalog.
    ("gcp", "us-central1", "n4-standard-4", "0.1814", None, CYCLENERD, "2026-07-30"),
    ("gcp", "us-central1", "c4-standard-4", "0.19767", None, CYCLENERD, "2026-07-30"),
    ("gcp", "us-central1", "c4a-standard-4", "0.1796", None, CYCLENERD, "2026-07-30"),
    ("gcp", "us-east1", "e2-highcpu-32", "0.79152384", None, CYCLENERD, "2026-07-30"),
    ("gcp", "europe-west4", "n2-highmem-128", "8.484352", None, CYCLENERD, "2026-07-30"),
    ("gcp", "europe-west1", "c4-highmem-288", "20.666345184", None, CYCLENERD, "2026-07-30"),
    ("gcp", "europe-west1", "t2d-standard-60", "2.78838", None, CYCLENERD, "2026-07-30"),
    ("gcp", "asia-southeast1", "c3-highcpu-176", "9.23372208", None, CYCLENERD, "2026-07-30"),
    # Azure: karpenter-provider-azure's table generated 2026-06-18 from the Retail Prices API.
    ("azure", "eastus", "Standard_D64s_v5", "3.072", None, KARPENTER_AZURE, "2026-06-18"),
    ("azure", "eastus", "Standard_E128s_v6", "8.467", None, KARPENTER_AZURE, "2026-06-18"),
    ("azure", "westeurope", "Standard_E96s_v5", "7.296", None, KARPENTER_AZURE, "2026-06-18"),
    ("azure", "northeurope", "Standard_F72s_v2", "3.456", None, KARPENTER_AZURE, "2026-06-18"),
    ("azure", "westus2", "Standard_D96ps_v6", "3.37", None, KARPENTER_AZURE, "2026-06-18"),
    # DigitalOcean: monthly from the API's /v2/sizes as dumped 2026-08-15; hourly = month / 672.
    ("digitalocean", "nyc3", "c-32", "1", "672.00", DO_SIZES, "2026-08-15"),
    ("digitalocean", "sfo3", "g-16vcpu-64gb", "0.75", "504.00", DO_SIZES, "2026-08-15"),
    ("digitalocean", "ams3", "g-40vcpu-160gb", "1.875", "1260.00", DO_SIZES, "2026-08-15"),
    ("digitalocean", "fra1", "m-32vcpu-256gb", "2", "1344.00", DO_SIZES, "2026-08-15"),
    # Linode: /v4/linode/types as read by api-evangelist (2026-09-17) and by one project
    # (2026-08-26); core regions use the base price.
    ("linode", "us-east", "g6-standard-32", "1.728", "1152.00", LINODE_PLANS, "2026-09-17"),
    ("linode", "eu-central", "g7-highmem-16", "1.44", "960.00", LINODE_PLANS, "2026-09-17"),
    ("linode", "us-ord", "g6-dedicated-32", "0.864", "576.00", LINODE_API, "2026-08-26"),
]


@pytest.mark.parametrize(
    ("provider", "region", "type_key", "hourly", "cap", "source", "as_of"),
    SAMPLE,
    ids=[f"{row[0]}-{row[1]}-{row[2]}" for row in SAMPLE],
)
def test_a_sample_of_the_new_prices_matches_its_source(
    catalog: Catalog,
    provider: str,
    region: str,
    type_key: str,
    hourly: str,
    cap: str | None,
    source: str,
    as_of: str,
) -> None:
    price = catalog.providers[provider].regions[region].instances[type_key]
    assert price.hourly == Decimal(hourly)
    assert price.monthly_cap == (Decimal(cap) if cap else None)
    assert source in price.source
    assert price.as_of == date.fromisoformat(as_of)


def test_sizes_and_shapes_read_from_the_sources(catalog: Catalog) -> None:
    aws, gcp, azure = (catalog.providers[key].instance_types for key in ("aws", "gcp", "azure"))
    # karpenter's instance-type reference: 393,216 MiB = 384 GiB, 4,194,304 MiB = 4,096 GiB.
    assert (aws["m6i.24xlarge"].vcpu, aws["m6i.24xlarge"].memory_gib) == (96, Decimal(384))
    assert (aws["x2iedn.32xlarge"].vcpu, aws["x2iedn.32xlarge"].memory_gib) == (128, Decimal(4096))
    assert aws["r7g.16xlarge"].arch == "arm64" and aws["r7g.16xlarge"].family == "memory optimised"
    # Cyclenerd: C4 standard has 3.75 GB a vCPU (15 for 4); C4A is Arm.
    assert (gcp["c4-standard-4"].vcpu, gcp["c4-standard-4"].memory_gib) == (4, Decimal(15))
    assert gcp["c4a-highmem-72"].arch == "arm64" and gcp["c4a-highmem-72"].memory_gib == 576
    assert gcp["n4-highcpu-80"].family == "compute optimised"
    # AksNodeVmSizes: E96s_v5 has 672 GiB, not 96 x 8 = 768.
    assert (azure["Standard_E96s_v5"].vcpu, azure["Standard_E96s_v5"].memory_gib) == (
        96,
        Decimal(672),
    )


def test_eks_max_pods_follow_the_enis_capped_as_managed_node_groups_do(catalog: Catalog) -> None:
    aws = catalog.providers["aws"].instance_types
    # ENIs x (IPv4 per ENI - 1) + 2, then at most 110 with 30 vCPU or fewer, else 250
    # (amazon-eks-ami instance-info.jsonl and max-pods-calculator.sh):
    # m6i.4xlarge: 8 x 29 + 2 = 234, 16 vCPU -> 110; m6i.12xlarge: the same 234, 48 vCPU -> 234;
    # m6i.24xlarge: 15 x 49 + 2 = 737 -> 250; c7i.large: 3 x 9 + 2 = 29.
    assert aws["m6i.4xlarge"].max_pods == 110
    assert aws["m6i.12xlarge"].max_pods == 234
    assert aws["m6i.24xlarge"].max_pods == 250
    assert aws["c7i.large"].max_pods == 29
    for key, spec in aws.items():
        assert spec.max_pods is not None, key
        assert spec.max_pods <= (110 if spec.vcpu <= 30 else 250), key


@pytest.mark.parametrize(
    ("provider", "largest", "at_least"),
    [
        ("aws", "vcpu", 96),  # a .24xlarge or more in every region
        ("gcp", "vcpu", 64),
        ("azure", "vcpu", 64),  # D64 and more
        ("digitalocean", "vcpu", 48),  # c-48
        ("linode", "vcpu", 32),
        ("aws", "memory_gib", 1024),  # r6i.32xlarge everywhere; x2iedn where read
        ("gcp", "memory_gib", 864),  # n2-highmem-128
        ("azure", "memory_gib", 672),  # E96s_v5
        ("digitalocean", "memory_gib", 256),  # m-32vcpu-256gb
        ("linode", "memory_gib", 300),  # g7-highmem-16
    ],
)
def test_every_region_offers_large_sizes(
    catalog: Catalog, provider: str, largest: str, at_least: int
) -> None:
    offered = catalog.providers[provider]
    for name, region in offered.regions.items():
        biggest = max(getattr(offered.instance_types[key], largest) for key in region.instances)
        assert biggest >= at_least, (provider, name, largest)


@pytest.mark.parametrize(
    ("provider", "families"),
    [
        ("aws", {"general purpose", "compute optimised", "memory optimised", "burstable"}),
        ("gcp", {"general purpose", "compute optimised", "memory optimised"}),
        ("azure", {"general purpose", "compute optimised", "memory optimised", "burstable"}),
    ],
)
def test_memory_and_compute_optimised_families_in_every_region(
    catalog: Catalog, provider: str, families: set[str]
) -> None:
    offered = catalog.providers[provider]
    for name, region in offered.regions.items():
        found = {offered.instance_types[key].family for key in region.instances}
        assert families <= found, (provider, name)


def test_gcp_new_series_earn_no_sustained_use_discount(catalog: Catalog) -> None:
    rules = catalog.providers["gcp"].sustained_use
    for key in ("n4-standard-4", "c4-standard-96", "c4a-highmem-72", "c3-highcpu-176"):
        assert not any(rule.applies_to(key) for rule in rules), key
    assert any(rule.applies_to("n2-highmem-128") for rule in rules)
