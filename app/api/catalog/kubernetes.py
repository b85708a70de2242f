"""What the catalog says of Kubernetes itself, as JSON-ready dicts and CSV rows: the version
calendars (each platform's minor versions with their release and end dates), the support
policies the control-plane tiers follow (extended support and its fee, the provider's own
upgrade), the hours one upgrade takes, and the pods each distribution runs itself."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from app.api.catalog.rows import Row
from app.api.catalog.values import keyed, plain
from app.present.cells import decimal_text
from pricing.catalog import Calendar, Catalog, SystemPod

THOUSAND, MIB_PER_GIB = Decimal(1000), Decimal(1024)


def versions_dict(catalog: Catalog) -> dict[str, Any]:
    """The calendars, the policies and which provider tiers follow each, the upgrade hours
    (the labour table's: pricing/data/labour.json)."""
    versions = catalog.versions
    return {
        "as_of": versions.as_of.isoformat(),
        "note": versions.note,
        "upgrade_hours": plain(catalog.labour.kubernetes.upgrade_hours.model_dump()),
        "calendars": keyed(versions.calendars),
        "policies": [
            {**policy, "tiers": _tiers_of(catalog, policy["key"])}
            for policy in keyed(versions.policies)
        ],
    }


def _tiers_of(catalog: Catalog, policy: str) -> list[dict[str, str]]:
    """The providers' control-plane tiers that follow ``policy``."""
    return [
        {"provider": provider, "control_plane": tier}
        for provider, tiers in catalog.versions.tiers.items()
        for tier, followed in tiers.items()
        if followed == policy
    ]


def system_pods_list(catalog: Catalog) -> list[dict[str, Any]]:
    """Each distribution's own pods (per node, and cluster add-ons) with their requests."""
    return keyed(catalog.system_pods)


def _dates(calendar: Calendar) -> Iterator[tuple[str, str]]:
    for version in calendar.versions:
        said = f"released {version.released}; standard support to {version.standard_ends}"
        if version.extended_ends is not None:
            said += f"; extended support to {version.extended_ends}"
        yield version.version, said


def _calendar_rows(catalog: Catalog) -> Iterator[Row]:
    for key, calendar in catalog.versions.calendars.items():
        if calendar.follows is not None:
            lag = f", {calendar.release_lag_days} days later" if calendar.release_lag_days else ""
            label = f"{calendar.label}: the {calendar.follows} calendar's versions{lag}"
            yield Row("", "", "kubernetes_calendar", key, label, calendar, "", "")
            continue
        for version, said in _dates(calendar):
            label = f"{calendar.label} {version}: {said}"
            yield Row("", "", "kubernetes_version", f"{key} {version}", label, calendar, "", "")


def _policy_rows(catalog: Catalog) -> Iterator[Row]:
    versions = catalog.versions
    for key, policy in versions.policies.items():
        tiers = ", ".join(f"{t['provider']} {t['control_plane']}" for t in _tiers_of(catalog, key))
        label = policy.label
        if policy.extended_tier is not None:
            label += f"; extended support billed at the {policy.extended_tier} tier's fee"
        label += f" (followed by {tiers})" if tiers else ""
        yield Row("", "", "version_policy", key, label, policy, "", "")
    hours = catalog.labour.kubernetes.upgrade_hours  # the labour table's (pricing.labour)
    label = (
        f"Engineering hours one minor upgrade of one cluster takes (low "
        f"{decimal_text(hours.low)}, high {decimal_text(hours.high)})"
    )
    yield Row("", "", "upgrade_hours", "likely", label, hours, decimal_text(hours.likely), "hours")


def _pod_row(distribution: str, label: str, pod: SystemPod) -> Row:
    where = f"cluster add-on, {pod.replicas} replicas" if pod.replicas else "on every node"
    where += ", where volumes are used" if pod.storage else ""
    return Row(
        *("", "", "system_pod", f"{distribution} {pod.name}", f"{label}: {where}", pod, "", ""),
        vcpu=decimal_text(pod.cpu_millicores / THOUSAND),
        memory=decimal_text(pod.memory_mib / MIB_PER_GIB),
    )


def kubernetes_rows(catalog: Catalog) -> list[list[object]]:
    """A row per listed version (or following calendar), policy, the upgrade hours, and each
    distribution's pods (vcpu and memory_gib: one replica's requests)."""
    rows = [*_calendar_rows(catalog), *_policy_rows(catalog)]
    for key, distribution in catalog.system_pods.items():
        for pod in (*distribution.per_node, *distribution.cluster):
            rows.append(_pod_row(key, distribution.label, pod))
    return [row.cells("") for row in rows]
