"""Which Kubernetes version a cluster runs each month of the horizon, and what that costs
beyond the usual month: extended-support months, the team's upgrades, the provider's own.

Months are counted whole: a date inside a month takes effect from the next month (a version
released on 28 January is first offered in February; standard support that ends on 27 March
is billed as standard through March). A month is an index, ``year * 12 + month - 1``.

The cluster starts on the newest version its platform offered in the first month. Under
``upgrade_policy`` ``current`` the team upgrades to each new minor in the month the platform
offers it, one minor at a time; under ``never`` the cluster stays until the provider acts, as
its tier's SupportPolicy says. Past a calendar's last listed version, versions are
extrapolated at its cadence, and the path says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from pricing.catalog import Calendar, SupportPolicy, VersionCalendars
from pricing.scenario import Scenario, UpgradePolicy

Phase = Literal["standard", "extended", "long-term", "unsupported"]
VersionEventKind = Literal[
    "upgrade", "forced-upgrade", "automatic-upgrade", "extended-support", "support-ends"
]


def month_index(day: date) -> int:
    """The month ``day`` falls in."""
    return day.year * 12 + day.month - 1


def month_from(day: date) -> int:
    """The first month that starts on or after ``day``: when a change on ``day`` is billed."""
    return month_index(day) + (0 if day.day == 1 else 1)


def parse_month(text: str) -> int:
    """A month written YYYY-MM (the Scenario checked the form)."""
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the day of the month kept, at most the 28th)."""
    index = month_index(day) + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


LATEST_START = 60  # months after the calendar's own month: further out is all extrapolation


def catalog_month(versions: VersionCalendars) -> str:
    """The month the calendars were read: where a horizon starts by default."""
    return month_text(month_index(versions.as_of))


def start_month(
    scenario: Scenario,
    versions: VersionCalendars,
    policy: SupportPolicy | None,
    problem: Callable[[str, str], None],
) -> str:
    """The horizon's first month, YYYY-MM: the scenario's, or the month the calendars were
    read; ``problem`` is told where the tier's calendar cannot start there."""
    own = month_index(versions.as_of)
    text = scenario.start_month or catalog_month(versions)
    earliest, what = own, "the calendar's own month"
    if policy is not None:
        first = listed_versions(versions, policy.calendar)[0]
        label = versions.calendars[policy.calendar].label
        earliest, what = first.offered, f"the first month of {label}'s calendar"
    latest = own + LATEST_START
    if not earliest <= parse_month(text) <= latest:
        problem(
            "start_month",
            f"must be from {month_text(earliest)} ({what}) to {month_text(latest)} (five "
            "years after the calendar was read)",
        )
    return text


@dataclass(frozen=True, slots=True)
class Version:
    """A minor version on one platform, its dates as listed or extrapolated."""

    version: str
    minor: int
    released: date
    standard_ends: date
    extended_ends: date | None
    extrapolated: bool = False

    @property
    def offered(self) -> int:
        """The first month the platform offers it."""
        return month_from(self.released)


def listed_versions(versions: VersionCalendars, key: str) -> list[Version]:
    """A calendar's listed versions, oldest first (a following calendar's shifted by its lag)."""
    calendar = versions.calendars[key]
    source = versions.calendars[calendar.follows] if calendar.follows else calendar
    lag = timedelta(days=calendar.release_lag_days)
    return [
        Version(v.version, v.minor, v.released + lag, v.standard_ends, v.extended_ends)
        for v in source.versions
    ]


def extrapolated(calendar: Calendar, last: Version) -> Version:
    """The minor after ``last``, a cadence later, with the calendar's support windows."""
    released = add_months(last.released, calendar.cadence_months)
    extended = calendar.extended_months
    return Version(
        version=f"1.{last.minor + 1}",
        minor=last.minor + 1,
        released=released,
        standard_ends=add_months(released, calendar.standard_months),
        extended_ends=None if extended is None else add_months(released, extended),
        extrapolated=True,
    )


class VersionEvent(NamedTuple):
    """Something that happens to the cluster's version in a month; ``team`` says whether the
    team spends an upgrade's hours on it."""

    kind: VersionEventKind
    text: str
    team: bool = False
    change: str = ""  # "1.35 → 1.36" for an upgrade


class VersionMonth(NamedTuple):
    version: str
    phase: Phase
    events: tuple[VersionEvent, ...] = ()


class VersionPath(NamedTuple):
    """The version and support phase of each month, and what the path assumed."""

    start_version: str
    months: tuple[VersionMonth, ...]
    assumptions: tuple[str, ...]


class _Walk:
    """A calendar walked month by month under one policy."""

    def __init__(self, versions: VersionCalendars, policy: SupportPolicy, last: int) -> None:
        self.policy = policy
        self.calendar = versions.calendars[policy.calendar]
        base = self.calendar
        if base.follows is not None:
            base = versions.calendars[base.follows]
        self.base = base
        self.list = listed_versions(versions, policy.calendar)
        while self.list[-1].offered <= last + 1:
            self.list.append(extrapolated(base, self.list[-1]))

    def newest_offered(self, month: int) -> Version | None:
        offered = [v for v in self.list if v.offered <= month]
        return offered[-1] if offered else None

    def support_ends(self, version: Version) -> date:
        if self.policy.support_until == "extended" and version.extended_ends is not None:
            return version.extended_ends
        return version.standard_ends

    def provider_acts(self, version: Version) -> int:
        """The month the provider moves a cluster off ``version`` (policy at_end upgrade)."""
        month = month_from(self.support_ends(version) + timedelta(self.policy.upgrade_delay_days))
        earliest = self.policy.upgrades_from
        return month if earliest is None else max(month, month_from(earliest))

    def oldest_supported(self, month: int) -> Version:
        return next(v for v in self.list if v.offered <= month < month_from(self.support_ends(v)))

    def phase(self, version: Version, month: int) -> Phase:
        if month < month_from(version.standard_ends):
            return "standard"
        if self.policy.support_until == "extended" and month < month_from(
            self.support_ends(version)
        ):
            return "extended" if self.policy.extended_tier else "long-term"
        return "unsupported"


def _team_upgrade(walk: _Walk, current: Version, month: int) -> tuple[Version, VersionEvent | None]:
    following = walk.list[walk.list.index(current) + 1]
    if following.offered > month:
        return current, None
    change = f"{current.version} → {following.version}"
    text = f"the team upgrades Kubernetes {change}"
    return following, VersionEvent("upgrade", text, True, change)


def _provider_upgrade(
    walk: _Walk, current: Version, month: int
) -> tuple[Version, VersionEvent | None]:
    if walk.policy.at_end != "upgrade" or month < walk.provider_acts(current):
        return current, None
    target = walk.oldest_supported(month)
    team = walk.policy.team_finishes_upgrade
    kind: VersionEventKind = "forced-upgrade" if team else "automatic-upgrade"
    change = f"{current.version} → {target.version}"
    text = f"{walk.calendar.label} upgrades the cluster {change}"
    if team:
        text += " (the control plane; the team upgrades the nodes and add-ons)"
    return target, VersionEvent(kind, text, team, change)


def _phase_event(walk: _Walk, version: Version, phase: Phase) -> VersionEvent:
    if phase == "extended":
        return VersionEvent("extended-support", f"extended support starts for {version.version}")
    if phase == "long-term":
        return VersionEvent("extended-support", f"long-term support starts for {version.version}")
    return VersionEvent("support-ends", f"support for {version.version} ends: no more patches")


def version_path(
    versions: VersionCalendars,
    policy: SupportPolicy,
    *,
    start: int,
    horizon: int,
    upgrade_policy: UpgradePolicy,
) -> VersionPath:
    """The cluster's version and phase for each of ``horizon`` months from ``start``."""
    walk = _Walk(versions, policy, start + horizon)
    current = walk.newest_offered(start)
    if current is None:
        raise ValueError(f"{walk.calendar.label}'s calendar starts after {month_text(start)}")
    first, used = current, {current}
    months: list[VersionMonth] = []
    previous: Phase = "standard"
    for month in range(start, start + horizon):
        step = _team_upgrade if upgrade_policy == "current" else _provider_upgrade
        current, event = step(walk, current, month)
        events = [] if event is None else [event]
        used.add(current)
        phase = walk.phase(current, month)
        if phase != previous and phase != "standard":
            events.append(_phase_event(walk, current, phase))
        previous = phase
        months.append(VersionMonth(current.version, phase, tuple(events)))
    return VersionPath(first.version, tuple(months), _assumptions(walk, used))


def _assumptions(walk: _Walk, used: set[Version]) -> tuple[str, ...]:
    guessed = sorted((v for v in used if v.extrapolated), key=lambda v: v.minor)
    if not guessed:
        return ()
    listed = [v for v in walk.list if not v.extrapolated][-1]
    base = walk.base
    extended = (
        f", {base.extended_months} in all with extended support" if (base.extended_months) else ""
    )
    return (
        f"{walk.calendar.label} lists versions up to {listed.version}; "
        f"{', '.join(v.version for v in guessed)} extrapolated: a minor every "
        f"{base.cadence_months} months after {listed.version}, with {base.standard_months} "
        f"months of standard support{extended}.",
    )
