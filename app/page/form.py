"""The calculator form at run time: values as shown, the options of its selects, errors.

Field names are Scenario's: the form name, the model field and the error key are one identifier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property

from app.present.cells import decimal_text
from app.present.links import value_text
from pricing.catalog import Catalog, InstancePrice, InstanceType, Provider
from pricing.memo import Memo
from pricing.money import format_money, to_cents, with_currency
from pricing.presets import PRESETS
from pricing.resolve import catalog_choices
from pricing.roles import belonging
from pricing.scenario import DEFAULT_SCENARIO, Scenario

# The fields that go with a VM type, by the type's field (pricing.roles.BelongsTo).
BELONGING = belonging(Scenario)
BELONGING_FIELDS = tuple(name for names in BELONGING.values() for name in names)


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class OptionGroup:
    """Options under one label (an ``<optgroup>``): the VM types of one family."""

    label: str
    options: tuple[Option, ...]


Choice = Option | OptionGroup


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
    def options(self) -> dict[str, Sequence[Choice]]:
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


# The families every provider's types share, in the order their groups come (others after).
FAMILY_ORDER = ("general purpose", "compute optimised", "memory optimised", "burstable")


def _machine_text(key: str, spec: InstanceType, price: InstancePrice, currency: str) -> str:
    """One VM type as an option says it: vCPU, GiB, the hourly price and the month's first
    (a phone shows only the start of the chosen one), then Arm and a burstable baseline."""
    notes = ", Arm" if spec.arch == "arm64" else ""
    notes += f", {decimal_text(spec.baseline.percent)}% baseline" if spec.baseline else ""
    return (
        f"{key}: {spec.vcpu} vCPU, {decimal_text(spec.memory_gib)} GiB, "
        f"{_unit_price(price.hourly, currency)}/h "
        f"({format_money(to_cents(price.billed()), currency)}/month){notes}"
    )


def _family_label(spec: InstanceType) -> str:
    label = spec.family[:1].upper() + spec.family[1:]
    arm = spec.arch == "arm64" and "arm" not in spec.family.lower()
    return f"{label}, Arm" if arm else label


def _machine_options(offered: Provider, region: str) -> list[Choice]:
    """The region's VM types grouped by family (Arm types apart), the common families first
    in FAMILY_ORDER, then the others by their cheapest type; in a group, smallest first."""
    specs, currency = offered.instance_types, offered.currency
    groups: dict[str, list[tuple[str, InstanceType, InstancePrice]]] = {}
    for key, price in offered.regions[region].instances.items():
        groups.setdefault(_family_label(specs[key]), []).append((key, specs[key], price))

    def group_order(label: str) -> tuple[bool, int, Decimal, str]:
        first = groups[label][0][1]
        known = first.family in FAMILY_ORDER
        rank = FAMILY_ORDER.index(first.family) if known else len(FAMILY_ORDER)
        cheapest = min(price.hourly for _, _, price in groups[label])
        return (first.arch == "arm64", rank, Decimal(0) if known else cheapest, label)

    return [
        OptionGroup(
            label,
            tuple(
                Option(key, _machine_text(key, spec, price, currency))
                for key, spec, price in sorted(
                    groups[label], key=lambda t: (t[1].vcpu, t[1].memory_gib, t[2].hourly, t[0])
                )
            ),
        )
        for label in sorted(groups, key=group_order)
    ]


# Options by (catalog, provider, region), which are all they depend on: building them cost
# about 370 µs a request (the VM types' labels), for lists that never change.
_kept_options: Memo[tuple[Catalog, dict[str, Sequence[Choice]]]] = Memo(256)


def options_for(catalog: Catalog, provider: str, region: str) -> dict[str, Sequence[Choice]]:
    """Every select's options for this provider and region (built once, then kept)."""
    key = (id(catalog), provider, region)
    kept = _kept_options.find(key)
    if kept is not None and kept[0] is catalog:
        return kept[1]
    return _kept_options.keep(key, (catalog, _build_options(catalog, provider, region)))[1]


def _choices(*pairs: tuple[str, str]) -> list[Option]:
    return [Option(value, text) for value, text in pairs]


# The selects whose choices no catalog changes.
FIXED_OPTIONS: dict[str, Sequence[Choice]] = {
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


def _build_options(catalog: Catalog, provider: str, region: str) -> dict[str, Sequence[Choice]]:
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
    and what belonged to a VM type dropped (the user's own hourly price of it, the CPU it used
    above its burstable baseline)."""
    if trigger not in ("provider", "region"):
        return values
    provider, region = cloud_choice(catalog, values)
    tables = catalog_choices(catalog.providers[provider], region)
    dropped = {k for k, v in values.items() if k in tables and v not in tables[k]}
    dropped |= {name for k in dropped for name in BELONGING.get(k, ())}
    return {k: v for k, v in values.items() if k not in dropped}
