"""The price catalog: every price with its source URL and the date it was read.

``load_catalog`` is the package's only I/O: it reads the bundled files in ``pricing/data``
and, optionally, an operator's override file merged over them. The entries' models are in
``entries``, a provider's file and the whole catalog in ``providers``, the loading in
``loading``; every name is importable from here.
"""

from pricing.catalog.containers import ContainerRates, ContainerService, TaskSize
from pricing.catalog.entries import (
    HOURS_PER_MONTH,
    Availability,
    Confidence,
    ControlPlane,
    CrossZone,
    Disk,
    DiskSize,
    Egress,
    InstancePrice,
    InstanceType,
    LoadBalancer,
    NatGateway,
    NodeFee,
    NonNegativePrice,
    PerVmRate,
    Plan,
    PodPricing,
    PositivePrice,
    PublicAddress,
    Rate,
    Region,
    Sourced,
    SustainedUse,
    Tier,
    monthly_cap,
)
from pricing.catalog.loading import CatalogError, bundled_data, load_catalog
from pricing.catalog.providers import Catalog, Provider, ProviderDefaults
from pricing.catalog.versions import (
    Calendar,
    KubeVersion,
    SupportPolicy,
    UpgradeHours,
    VersionCalendars,
)

__all__ = [
    "HOURS_PER_MONTH",
    "Availability",
    "Calendar",
    "Catalog",
    "CatalogError",
    "Confidence",
    "ContainerRates",
    "ContainerService",
    "ControlPlane",
    "CrossZone",
    "Disk",
    "DiskSize",
    "Egress",
    "InstancePrice",
    "InstanceType",
    "KubeVersion",
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
    "SustainedUse",
    "TaskSize",
    "Tier",
    "UpgradeHours",
    "VersionCalendars",
    "bundled_data",
    "load_catalog",
    "monthly_cap",
]
