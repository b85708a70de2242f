"""The price catalog: every price with its source URL and the date it was read.

``load_catalog`` is the package's only I/O: it reads the bundled files in ``pricing/data``
and, optionally, an operator's override file merged over them. The entries' models are in
``entries`` (the network's charges beyond egress in ``network``, managed containers' rates in
``containers``), a provider's file and the whole catalog in ``providers``, the loading in
``loading``; every name is importable from here.
"""

from pricing.catalog.containers import ContainerRates, ContainerService, TaskSize
from pricing.catalog.entries import (
    HOURS_PER_MONTH,
    Availability,
    Baseline,
    Confidence,
    ControlPlane,
    Disk,
    DiskSize,
    Egress,
    InstancePrice,
    InstanceType,
    LoadBalancer,
    NodeFee,
    NonNegativePrice,
    Plan,
    PodPricing,
    PositivePrice,
    Rate,
    Region,
    Sourced,
    SurplusCredits,
    SustainedUse,
    SystemPod,
    SystemPods,
    Tier,
    monthly_cap,
)
from pricing.catalog.labour import (
    COEFFICIENT_KEYS,
    LIMITS,
    PREFIXES,
    Coefficient,
    DockerLabour,
    KubernetesLabour,
    Labour,
    Limit,
    coefficients,
    field_name,
)
from pricing.catalog.loading import CatalogError, bundled_data, load_catalog
from pricing.catalog.network import CrossZone, NatGateway, PerVmRate, PublicAddress
from pricing.catalog.providers import Catalog, Provider, ProviderDefaults
from pricing.catalog.versions import (
    Calendar,
    KubeVersion,
    SupportPolicy,
    VersionCalendars,
)

__all__ = [
    "COEFFICIENT_KEYS",
    "HOURS_PER_MONTH",
    "LIMITS",
    "PREFIXES",
    "Availability",
    "Baseline",
    "Calendar",
    "Catalog",
    "CatalogError",
    "Coefficient",
    "Confidence",
    "ContainerRates",
    "ContainerService",
    "ControlPlane",
    "CrossZone",
    "Disk",
    "DiskSize",
    "DockerLabour",
    "Egress",
    "InstancePrice",
    "InstanceType",
    "KubeVersion",
    "KubernetesLabour",
    "Labour",
    "Limit",
    "LoadBalancer",
    "NatGateway",
    "NodeFee",
    "NonNegativePrice",
    "PerVmRate",
    "Plan",
    "PodPricing",
    "PositivePrice",
    "Provider",
    "ProviderDefaults",
    "PublicAddress",
    "Rate",
    "Region",
    "Sourced",
    "SupportPolicy",
    "SurplusCredits",
    "SustainedUse",
    "SystemPod",
    "SystemPods",
    "TaskSize",
    "Tier",
    "VersionCalendars",
    "bundled_data",
    "coefficients",
    "field_name",
    "load_catalog",
    "monthly_cap",
]
