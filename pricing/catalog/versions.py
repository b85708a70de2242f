"""The Kubernetes version calendars: each platform's minor versions with their release and end
dates, what each control-plane tier does when a version's support ends (extended support and
its fee, the provider's own upgrade), and the hours a team spends on one upgrade.

Plain data, like the prices: every calendar, policy and figure carries its source, the date it
was read and a confidence. The arithmetic that walks a calendar month by month is in
``pricing.versions``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from pricing.catalog.entries import Entry, Sourced

SupportUntil = Literal["standard", "extended"]
AtEnd = Literal["upgrade", "none"]


class KubeVersion(Entry):
    """One minor version on one platform: when the platform released it, when its standard
    support ends and, where the platform offers more, when its extended support ends."""

    version: str = Field(pattern=r"^1\.[0-9]{1,3}$")
    released: date
    standard_ends: date
    extended_ends: date | None = None

    @model_validator(mode="after")
    def _check_order(self) -> KubeVersion:
        if self.standard_ends <= self.released:
            raise ValueError("standard_ends must come after released")
        if self.extended_ends is not None and self.extended_ends <= self.standard_ends:
            raise ValueError("extended_ends must come after standard_ends")
        return self

    @property
    def minor(self) -> int:
        return int(self.version.split(".")[1])


class Calendar(Sourced):
    """A platform's minor versions, oldest first, or another calendar's (``follows``) shifted
    by ``release_lag_days``; past the last listed version the cadence is extrapolated: a new
    minor every ``cadence_months``, with ``standard_months`` (and ``extended_months``, counted
    from the release too) of support."""

    label: str
    versions: list[KubeVersion] = Field(default_factory=list)
    follows: str | None = None
    release_lag_days: int = Field(0, ge=0, le=365)
    cadence_months: int = Field(4, ge=1, le=24)
    standard_months: int = Field(14, ge=1, le=60)
    extended_months: int | None = Field(None, ge=1, le=120)

    @model_validator(mode="after")
    def _check_versions(self) -> Calendar:
        if (self.follows is None) == (not self.versions):
            raise ValueError("a calendar lists its versions or follows another, not both")
        minors = [v.minor for v in self.versions]
        if minors and minors != list(range(minors[0], minors[0] + len(minors))):
            raise ValueError("versions must be consecutive minors, oldest first")
        if self.extended_months is not None and self.extended_months <= self.standard_months:
            raise ValueError("extended_months must be more than standard_months")
        return self


class SupportPolicy(Sourced):
    """What a control-plane tier's provider does over a version's life: how long it supports
    a version (``standard``, or through the calendar's ``extended`` end), the tier whose fee
    the extended months are billed at (``extended_tier``, where they cost more), and what
    happens at the end: the provider upgrades the cluster to the oldest version it still
    supports (after ``upgrade_delay_days``, and not before ``upgrades_from``), or nothing.
    ``team_finishes_upgrade``: after the provider's upgrade the team still upgrades the
    nodes and add-ons (the upgrade's hours count)."""

    label: str
    calendar: str
    support_until: SupportUntil = "standard"
    extended_tier: str | None = None
    at_end: AtEnd
    upgrade_delay_days: int = Field(0, ge=0, le=365)
    upgrades_from: date | None = None
    team_finishes_upgrade: bool = False

    @model_validator(mode="after")
    def _check_extended(self) -> SupportPolicy:
        if self.extended_tier is not None and self.support_until != "extended":
            raise ValueError("extended_tier applies only with support_until extended")
        return self


class VersionCalendars(Entry):
    """The calendars, the policies, which policy each provider's control-plane tier follows
    (None: the tier's fee does not follow the versions, e.g. a tier that is itself extended
    support), the upgrade hours, and ``as_of``: the date the calendars were read, whose month
    is where a horizon starts unless the scenario says otherwise."""

    as_of: date
    note: str | None = None
    calendars: dict[str, Calendar]
    policies: dict[str, SupportPolicy]
    tiers: dict[str, dict[str, str | None]]

    @model_validator(mode="after")
    def _check_references(self) -> VersionCalendars:
        for key, calendar in self.calendars.items():
            followed = self.calendars.get(calendar.follows or key)
            if followed is None or followed.follows is not None:
                raise ValueError(f"calendars.{key}.follows must name a calendar with versions")
        for key, policy in self.policies.items():
            if policy.calendar not in self.calendars:
                raise ValueError(f"policies.{key}.calendar {policy.calendar!r} is not a calendar")
            calendar = self.calendars[policy.calendar]
            if policy.support_until == "extended" and not self.extended_known(calendar):
                raise ValueError(f"policies.{key}: calendar {policy.calendar} has no extended end")
        for provider, tiers in self.tiers.items():
            for tier, policy_key in tiers.items():
                if policy_key is not None and policy_key not in self.policies:
                    raise ValueError(f"tiers.{provider}.{tier}: {policy_key!r} is not a policy")
        return self

    def extended_known(self, calendar: Calendar) -> bool:
        """Whether the calendar (or the one it follows) can say when extended support ends."""
        source = self.calendars[calendar.follows] if calendar.follows else calendar
        return source.extended_months is not None and all(
            v.extended_ends is not None for v in source.versions
        )

    def policy_for(self, provider: str, tier: str) -> SupportPolicy | None:
        """The policy a provider's tier follows; None where its fee does not follow versions."""
        key = self.tiers.get(provider, {}).get(tier)
        return None if key is None else self.policies[key]

    def sourced_entries(self) -> list[Sourced]:
        return [*self.calendars.values(), *self.policies.values()]


def check_tiers(versions: VersionCalendars, tiers_by_provider: dict[str, set[str]]) -> None:
    """Every tier the calendars map is a control-plane tier of its provider, and every
    extended-support fee names one; raise ValueError naming the first that is not."""
    for provider, tiers in versions.tiers.items():
        offered = tiers_by_provider.get(provider)
        if offered is None:
            raise ValueError(f"versions.tiers.{provider}: not a provider of the catalog")
        for tier, policy_key in tiers.items():
            if tier not in offered:
                raise ValueError(f"versions.tiers.{provider}.{tier}: not a control-plane tier")
            extended = versions.policies[policy_key].extended_tier if policy_key else None
            if extended is not None and extended not in offered:
                raise ValueError(
                    f"versions.policies.{policy_key}.extended_tier: {extended!r} is not a "
                    f"control-plane tier of {provider}"
                )
