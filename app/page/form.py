"""The calculator form at run time: values as shown, the options of its selects, errors.

Field names are Scenario's: the form name, the model field and the error key are one identifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property

from app.present.cells import decimal_text
from app.present.links import value_text
from pricing.catalog import Catalog, Provider
from pricing.memo import Memo
from pricing.money import format_money, to_cents, with_currency
from pricing.presets import PRESETS
from pricing.resolve import OWN_PRICES, catalog_choices
from pricing.scenario import DEFAULT_SCENARIO, Scenario


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    text: str


@dataclass
class FormView:
    """What the template needs to draw the form: values as typed, options, errors."""

    values: dict[str, str]
    catalog: Catalog
    errors: dict[str, str] = field(default_factory=dict)

    @cached_property
    def cloud(self) -> tuple[str, str]:
        """The provider and region whose options the selects list."""
        return cloud_choice(self.catalog, self.values)

    @cached_property  # only when a select is drawn: the htmx partial usually draws none
    def options(self) -> dict[str, list[Option]]:
        return options_for(self.catalog, *self.cloud)

    @cached_property  # read once per folded group: computed once a page
    def changed(self) -> set[str]:
        """Fields away from their defaults, or wrong: their folded group opens."""
        defaults = default_values()
        moved = {k for k, v in self.values.items() if defaults.get(k, v) != v}
        return moved | set(self.errors)


@cache
def default_values() -> dict[str, str]:
    """The defaults as the form shows them (DEFAULT_SCENARIO is fixed): read, never changed."""
    return values_of(DEFAULT_SCENARIO)


def values_of(scenario: Scenario) -> dict[str, str]:
    return {name: value_text(value) for name, value in scenario.model_dump().items()}


def _unit_price(value: Decimal, currency: str) -> str:
    """A catalog unit price as the form shows it: $0.0416, or 0.0088 EUR."""
    return with_currency(decimal_text(value), currency)


def _machine_options(offered: Provider, region: str) -> list[Option]:
    specs, currency = offered.instance_types, offered.currency
    options = []
    for key, price in offered.regions[region].instances.items():
        month = to_cents(price.billed())
        options.append(
            Option(
                key,
                f"{key}: {specs[key].vcpu} vCPU, {decimal_text(specs[key].memory_gib)} GiB"
                f"{', Arm' if specs[key].arch == 'arm64' else ''}, "
                f"{_unit_price(price.hourly, currency)}/h "
                f"({format_money(month, currency)}/month)",
            )
        )
    return options


# Options by (catalog, provider, region), which are all they depend on: building them cost
# about 370 µs a request (the VM types' labels), for lists that never change.
_kept_options: Memo[tuple[Catalog, dict[str, list[Option]]]] = Memo(256)


def options_for(catalog: Catalog, provider: str, region: str) -> dict[str, list[Option]]:
    """Every select's options for this provider and region (built once, then kept)."""
    key = (id(catalog), provider, region)
    kept = _kept_options.find(key)
    if kept is not None and kept[0] is catalog:
        return kept[1]
    return _kept_options.keep(key, (catalog, _build_options(catalog, provider, region)))[1]


def _choices(*pairs: tuple[str, str]) -> list[Option]:
    return [Option(value, text) for value, text in pairs]


# The selects whose choices no catalog changes.
FIXED_OPTIONS = {
    "docker_pricing": [Option(v, v.capitalize()) for v in ("on-demand", "1-year", "3-year")],
    "docker_setup": _choices(
        ("single", "Single host"), ("failover", "Failover: hosts behind a load balancer")
    ),
    "k8s_pricing": [Option(v, v.capitalize()) for v in ("on-demand", "1-year", "3-year", "spot")],
    "plan_billing": _choices(("annual", "Annual"), ("monthly", "Monthly")),
    "deploy_frequency": _choices(
        ("weekly", "Weekly or less"), ("daily", "Daily"), ("several-daily", "Several times a day")
    ),
    "upgrade_policy": _choices(("never", "Never upgrade"), ("current", "Keep current")),
    "k8s_environments": _choices(
        ("clusters", "A cluster each"), ("namespaces", "Namespaces in one cluster")
    ),
    "preset": [Option(key, preset.title) for key, preset in PRESETS.items()],
}


def _build_options(catalog: Catalog, provider: str, region: str) -> dict[str, list[Option]]:
    offered = catalog.providers[provider]
    currency = offered.currency
    machines = _machine_options(offered, region)
    plans = [
        Option(key, f"{plan.label}: {_unit_price(plan.annual, 'USD')}/seat/month billed annually")
        for key, plan in catalog.plans.items()
    ]
    return {
        **FIXED_OPTIONS,
        "provider": [Option(key, entry.name) for key, entry in catalog.providers.items()],
        "region": [Option(key, f"{entry.name} ({key})") for key, entry in offered.regions.items()],
        "docker_instance_type": machines,
        "k8s_instance_type": machines,
        "k8s_control_instance_type": [Option("", "Same as the worker nodes"), *machines],
        "control_plane": [
            Option(key, f"{tier.label}: {_unit_price(tier.hourly, currency)}/h")
            for key, tier in offered.control_planes.items()
        ],
        "load_balancer": [Option(key, lb.label) for key, lb in offered.load_balancers.items()],
        "disk": [
            Option(key, f"{disk.label}: {_unit_price(price, currency)}/{unit}")
            for key, disk in offered.disks.items()
            for price, unit in [disk.list_price]
        ],
        "docker_plan": plans,
        "k8s_plan": plans,
    }


def cloud_choice(catalog: Catalog, values: dict[str, str]) -> tuple[str, str]:
    """The provider and region whose options the form shows (falling back to defaults)."""
    provider = values.get("provider", "")
    if provider not in catalog.providers:
        provider = DEFAULT_SCENARIO.provider
    offered = catalog.providers[provider]
    region = values.get("region", "")
    return provider, region if region in offered.regions else offered.defaults.region


def switch_cloud(catalog: Catalog, values: dict[str, str], trigger: str) -> dict[str, str]:
    """After the provider (or region) changed, drop the choices the new one does not offer,
    and the user's own hourly price of a VM type dropped (it was that type's price)."""
    if trigger not in ("provider", "region"):
        return values
    provider, region = cloud_choice(catalog, values)
    tables = catalog_choices(catalog.providers[provider], region)
    dropped = {k for k, v in values.items() if k in tables and v not in tables[k]}
    dropped |= {OWN_PRICES[k] for k in dropped if k in OWN_PRICES}
    return {k: v for k, v in values.items() if k not in dropped}
