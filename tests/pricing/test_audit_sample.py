"""The audit's sample, rerun: at least one price per provider and per family (and each kind of
non-VM price) against the figure recorded from its source, with that source and the date the
source was generated or read. A catalog edit that moves one of these prices fails here until
the row is re-read from its source."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from pricing import Catalog
from pricing.catalog import Provider

KAR_AWS = "aws/karpenter-provider-aws@1d927085 zz_generated.pricing_aws.go (generated 2026-07-20)"
KAR_GOV = "aws/karpenter-provider-aws@1d927085 zz_generated.pricing_aws_us_gov.go (2026-07-20)"
KAR_AZ = "Azure/karpenter-provider-azure@352646f5 zz_generated.pricing.go (generated 2026-06-18)"
CYC = "Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml@0166a59 (generated 2025-03-06)"
AUDIT = "issue 20 audit, /work/shared/PRICES.md (read 2026-11)"
NOTE = "research note, public GitHub file, index id 71285562678 (read 2026-10-09)"
HETZNER = "Hetzner price-adjustment page as transcribed by " + NOTE
CITADEL = "masumi-network/Citadel control-plane design (Hetzner's page, read 2026-08-04)"
IC_DT = "infracost data_transfer_test.golden@01c59b17 (AWS price list)"
E2_SKUS = "E2 SKU rates as several public notes read the Billing Catalog (2026-09)"
N2_SKUS = "N2 SKU rates in public SKU tables (OpenCost's us-central1 default agrees)"
LINODE_TYPES = "api-evangelist/linode plans, from /v4/linode/types (2026-09-17)"
IC_AZ = "infracost azure goldens (kubernetes_cluster@25966f78, public_ip@1a29e8d7)"
DO_TRANSFER = "do-community/bandwidth-tool@db16ddcb mount.js transferQuota, GiB (built 2024-12-20)"
LINODE_PAGE = "linode.com/pricing as copied in fernandobandeira/djinn@2974b7a6 (2025-08-19)"
LINODE_API = "a project's table from the Linode API (index id 60311354384, 2026-08-26)"


class Row(NamedTuple):
    provider: str
    what: str  # a path into the provider's catalog entry, read by `found`
    figure: str  # as recorded from the source
    source: str


ROWS = (
    # AWS EC2, us-east-1: one type per family
    Row("aws", "us-east-1/t3.medium", "0.0416", KAR_AWS),
    Row("aws", "us-east-1/m6i.xlarge", "0.192", KAR_AWS),
    Row("aws", "us-east-1/m7i.xlarge", "0.2016", KAR_AWS),
    Row("aws", "us-east-1/c6i.xlarge", "0.170", KAR_AWS),
    Row("aws", "us-east-1/r6i.xlarge", "0.252", KAR_AWS),
    Row("aws", "us-east-1/t4g.xlarge", "0.1344", KAR_AWS),
    Row("aws", "us-east-1/m7g.xlarge", "0.1632", KAR_AWS),
    Row("aws", "us-east-1/m8g.xlarge", "0.17952", KAR_AWS),
    Row("aws", "us-east-1/c7g.xlarge", "0.145", KAR_AWS),
    Row("aws", "us-east-1/m6a.xlarge", "0.1728", KAR_AWS),
    Row("aws", "us-east-1/m7a.xlarge", "0.23184", KAR_AWS),
    Row("aws", "us-east-1/m7i-flex.xlarge", "0.19152", KAR_AWS),
    Row("aws", "us-east-1/m8i.xlarge", "0.21168", KAR_AWS),
    Row("aws", "us-gov-west-1/m6i.xlarge", "0.242", KAR_GOV),
    Row("aws", "us-gov-west-1/t4g.xlarge", "0.1568", KAR_GOV),
    # AWS beyond the VMs
    Row("aws", "control_plane/eks-standard", "0.10", AUDIT + ": aws.amazon.com/eks/pricing"),
    Row("aws", "load_balancer/alb", "0.0225", AUDIT + ": Infracost goldens"),
    Row("aws", "disk/gp3", "0.08", AUDIT + ": Infracost goldens (40 GB = $3.20)"),
    Row("aws", "public_ipv4", "0.005", AUDIT + ": aws.amazon.com/vpc/pricing"),
    Row("aws", "nat_gateway", "0.045", AUDIT + ": Infracost nat_gateway goldens"),
    Row("aws", "egress/1", "0.09", IC_DT + ": us-east-1 10,240 GB = $921.60"),
    Row("aws", "region-egress/us-gov-west-1/0", "0.155", IC_DT + ": 10,240 GB = $1,587.20"),
    Row("aws", "container/fargate-x86", "0.04048", AUDIT + ": aws.amazon.com/fargate/pricing"),
    Row("aws", "container/fargate-arm", "0.03238", "vantage.sh Fargate pricing (read 2026-11-25)"),
    # Google Cloud, us-central1: one type per family
    Row("gcp", "us-central1/e2-standard-4", "0.13402", AUDIT + ": " + CYC),
    Row("gcp", "us-central1/n2-standard-4", "0.19424", AUDIT + ": " + CYC),
    # c3-standard-8 is 0.403216 in the file; C3 is priced per vCPU and GiB: half for 4 vCPU
    Row("gcp", "us-central1/c3-standard-4", "0.201608", CYC),
    Row("gcp", "us-central1/t2d-standard-4", "0.168984", AUDIT + ": " + CYC),
    # 4 x 0.02181159 + 32 x 0.00292353: the E2 core and RAM SKUs, Cloud Billing Catalog
    Row("gcp", "us-central1/e2-highmem-4", "0.18079932", E2_SKUS),
    # 8 x 0.031611 + 8 x 0.004237: the N2 core and RAM SKUs (BB77-5FDA-69D9, 5B01-D157-A097)
    Row("gcp", "us-central1/n2-highcpu-8", "0.286784", N2_SKUS),
    Row("gcp", "control_plane/gke-standard", "0.10", AUDIT + ": GKE pricing page"),
    Row("gcp", "pods/gke-autopilot", "0.0445", AUDIT + ": Infracost container_cluster goldens"),
    Row("gcp", "nat_gateway/per_vm", "0.0014", "cloud.google.com/nat/pricing (stored copy)"),
    Row("gcp", "public_ipv4", "0.005", "cloud.google.com/nat/pricing and VPC pricing"),
    Row("gcp", "vm_availability", "99.9", "cloud.google.com/compute/sla (stored copy)"),
    Row("gcp", "container/cloud-run", "0.000018", "cloud.google.com/run/pricing (stored copy)"),
    # Azure, East US: one type per family
    Row("azure", "eastus/Standard_B2ms", "0.0832", KAR_AZ),
    Row("azure", "eastus/Standard_D4s_v5", "0.192", KAR_AZ),
    Row("azure", "eastus/Standard_D4as_v5", "0.172", KAR_AZ),
    Row("azure", "eastus/Standard_E2s_v5", "0.126", KAR_AZ),
    Row("azure", "eastus/Standard_F4s_v2", "0.169", KAR_AZ),
    Row("azure", "eastus/Standard_D4s_v6", "0.202", KAR_AZ),
    Row("azure", "eastus/Standard_D4as_v6", "0.182", KAR_AZ),
    Row("azure", "eastus/Standard_D4ps_v6", "0.140", KAR_AZ),
    Row("azure", "control_plane/aks-standard", "0.10", AUDIT + ": AKS pricing page"),
    Row("azure", "disk-size/premium-ssd/P10", "19.71", IC_AZ + ": P10 $19.71 a disk-month"),
    Row("azure", "public_ipv4", "0.005", IC_AZ + ": 730 h = $3.65"),
    # DigitalOcean: hourly rate / monthly cap, one plan per family
    Row("digitalocean", "nyc3/s-4vcpu-8gb", "0.07143/48.00", NOTE + ": pricing page, two reads"),
    Row("digitalocean", "nyc3/c-2", "0.0625/42.00", NOTE + ": pricing page, two reads"),
    Row("digitalocean", "nyc3/g-4vcpu-16gb", "0.1875/126.00", NOTE + ": pricing page, two reads"),
    # $84 a month in two public DOKS size tables; hourly = 84 / 672 (DigitalOcean's cap)
    Row("digitalocean", "nyc3/m-2vcpu-16gb", "0.125/84.00", "public DOKS size tables (2026)"),
    Row("digitalocean", "vm_availability", "99.99", "digitalocean.com/sla/cpu-droplets (2025-06)"),
    # transfer each Droplet brings into the pool, GiB a month (the API's TB x 1,000)
    Row("digitalocean", "allowance/s-4vcpu-8gb", "5000", DO_TRANSFER + "; " + NOTE),
    Row("digitalocean", "allowance/c-48", "11000", DO_TRANSFER),
    Row("digitalocean", "allowance/g-40vcpu-160gb", "9000", DO_TRANSFER),
    Row("digitalocean", "allowance/m-2vcpu-16gb", "4000", DO_TRANSFER),
    Row("digitalocean", "allowance/m-32vcpu-256gb", "10000", DO_TRANSFER),
    # Akamai (Linode)
    Row("linode", "us-east/g6-standard-4", "0.072/48.00", NOTE + ": pricing page and API"),
    Row("linode", "us-east/g6-dedicated-2", "0.054/36.00", NOTE + ": API types"),
    Row("linode", "us-east/g7-highmem-1", "0.09/60.00", LINODE_TYPES),
    Row("linode", "vm_availability", "99.99", "linode.com/legal-sla-compute v1.1 (2021-02-01)"),
    # transfer each Linode brings into the pool, GB a month (the page's "TB" x 1,000)
    Row("linode", "allowance/g6-standard-8", "16000", LINODE_API + "; " + LINODE_PAGE),
    Row("linode", "allowance/g6-standard-32", "20000", LINODE_TYPES + "; " + LINODE_PAGE),
    Row("linode", "allowance/g6-dedicated-8", "6000", LINODE_PAGE),
    Row("linode", "allowance/g6-dedicated-32", "8000", LINODE_API + "; " + LINODE_PAGE),
    Row("linode", "allowance/g7-highmem-16", "9000", LINODE_TYPES + "; " + LINODE_PAGE),
    # Hetzner (EUR, excl. VAT): one plan per line
    Row("hetzner", "fsn1/cx23", "0.0088/5.49", HETZNER),
    Row("hetzner", "fsn1/cx53", "0.0473/29.49", CITADEL),
    Row("hetzner", "fsn1/cax21", "0.0168/10.49", HETZNER),
    Row("hetzner", "fsn1/cpx32", "0.0569/35.49", HETZNER),
    Row("hetzner", "fsn1/ccx13", "0.0689/42.99", HETZNER + "; " + CITADEL),
    Row("hetzner", "fsn1/ccx33", "0.2219/138.49", HETZNER),
    # traffic each server includes in the EU, TB a month (Hetzner's product pages, VMS10)
    Row("hetzner", "allowance/cax11", "20", NOTE),
    Row("hetzner", "allowance/ccx33", "30", NOTE),
)


def found(provider: Provider, what: str) -> str:
    """The catalog's figure at ``what``, in the row's form."""
    kind, _, rest = what.partition("/")
    if kind in provider.regions:
        price = provider.regions[kind].instances[rest]
        cap = f"/{price.monthly_cap}" if price.monthly_cap is not None else ""
        return f"{price.hourly}{cap}"
    figures = {
        "control_plane": lambda: provider.control_planes[rest].hourly,
        "load_balancer": lambda: provider.load_balancers[rest].hourly,
        "disk": lambda: provider.disks[rest].gb_month,
        "disk-size": lambda: _disk_size(provider, rest),
        "public_ipv4": lambda: provider.public_ipv4 and provider.public_ipv4.hourly,
        "nat_gateway": lambda: _nat(provider, rest),
        "egress": lambda: provider.egress and provider.egress.tiers[int(rest)].price,
        "allowance": lambda: provider.egress and provider.egress.included_per_vm[rest],
        "region-egress": lambda: _region_egress(provider, rest),
        "pods": lambda: _pods(provider, rest),
        "vm_availability": lambda: provider.vm_availability and provider.vm_availability.percent,
        "container": lambda: provider.managed_containers[rest].rates[0].vcpu,
    }
    return str(figures[kind]())


def _disk_size(provider: Provider, rest: str) -> Decimal:
    disk, name = rest.split("/")
    return next(size.monthly for size in provider.disks[disk].sizes if size.name == name)


def _nat(provider: Provider, rest: str) -> Decimal | None:
    gateway = provider.nat_gateway
    if gateway is None:
        return None
    return gateway.per_vm.hourly if rest == "per_vm" and gateway.per_vm else gateway.hourly


def _region_egress(provider: Provider, rest: str) -> Decimal | None:
    region, tier = rest.split("/")
    egress = provider.regions[region].egress
    return egress.tiers[int(tier)].price if egress else None


def _pods(provider: Provider, rest: str) -> Decimal | None:
    rates = provider.control_planes[rest].pod_pricing
    return rates.vcpu_hour if rates else None


def same(catalog_figure: str, recorded: str) -> bool:
    """Equal at the places the source recorded (a figure "0.13402" matches 0.13402284)."""
    pairs = zip(catalog_figure.split("/"), recorded.split("/"), strict=True)
    return all(Decimal(ours).quantize(Decimal(theirs)) == Decimal(theirs) for ours, theirs in pairs)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.provider}:{r.what}" for r in ROWS])
def test_the_catalog_price_is_the_sources(catalog: Catalog, row: Row) -> None:
    ours = found(catalog.providers[row.provider], row.what)
    assert same(ours, row.figure), f"{row.what}: catalog {ours}, {row.source} {row.figure}"


def test_the_sample_covers_every_provider_and_family(catalog: Catalog) -> None:
    for key, provider in catalog.providers.items():
        sampled = {r.what.split("/", 1)[1] for r in ROWS if r.provider == key and "/" in r.what}
        families = {t.family for k, t in provider.instance_types.items() if k in sampled}
        assert families == {t.family for t in provider.instance_types.values()}, key
