"""Which Kubernetes version a cluster runs each month of the horizon, and what that costs
beyond the usual month: extended-support months, the team's upgrades, the provider's own.

Months are counted whole (``pricing.whole_months``): a date inside a month takes effect
from the next month (a version released on 28 January is first offered in February;
standard support that ends on 27 March is billed as standard through March).

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
from pricing.whole_months import add_months, month_from, month_index, month_text, parse_month

Phase = Literal["standard", "extended", "long-term", "unsupported"]
VersionEventKind = Literal[
    "upgrade", "forced-upgrade", "automatic-upgrade", "extended-support", "support-ends"
]


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
    earliest, what = parse_month("2000-01"), "the first month the calculator takes"
    if policy is not None:
        calendar = versions.calendars[policy.calendar]
        source = versions.calendars[calendar.follows] if calendar.follows else calendar
        released = source.versions[0].released + timedelta(days=calendar.release_lag_days)
        earliest, what = month_from(released), f"the first month of {calendar.label}'s calendar"
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
    """A minor version on one platform, its dates as listed or extrapolated, and the months
    they take effect: ``offered`` (the first month the platform offers it), ``standard_month``
    and ``extended_month`` (the first months without standard, or extended, support)."""

    version: str
    minor: int
    released: date
    standard_ends: date
    extended_ends: date | None
    extrapolated: bool = False
    offered: int = 0
    standard_month: int = 0
    extended_month: int | None = None


def _version(
    version: str,
    released: date,
    standard_ends: date,
    extended_ends: date | None,
    extrapolated: bool = False,
) -> Version:
    return Version(
        version,
        int(version.split(".")[1]),
        released,
        standard_ends,
        extended_ends,
        extrapolated,
        month_from(released),
        month_from(standard_ends),
        None if extended_ends is None else month_from(extended_ends),
    )


def listed_versions(versions: VersionCalendars, key: str) -> list[Version]:
    """A calendar's listed versions, oldest first (a following calendar's shifted by its lag)."""
    calendar = versions.calendars[key]
    source = versions.calendars[calendar.follows] if calendar.follows else calendar
    lag = timedelta(days=calendar.release_lag_days)
    return [
        _version(v.version, v.released + lag, v.standard_ends, v.extended_ends)
        for v in source.versions
    ]


def extrapolated(calendar: Calendar, last: Version) -> Version:
    """The minor after ``last``, a cadence later, with the calendar's support windows."""
    released = add_months(last.released, calendar.cadence_months)
    extended = calendar.extended_months
    return _version(
        f"1.{last.minor + 1}",
        released,
        add_months(released, calendar.standard_months),
        None if extended is None else add_months(released, extended),
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
    """The version and support phase of each month, the months (1-based) whose cost may
    differ from the month before's (month 1 too), and what the path assumed."""

    start_version: str
    months: tuple[VersionMonth, ...]
    assumptions: tuple[str, ...]
    changes: tuple[int, ...] = (1,)


class _Walk:
    """A calendar walked month by month under one policy: versions by their index, oldest
    first from the newest offered in the first month (older ones never matter), extended
    past the listed ones only as far as the walk asks (``at``)."""

    def __init__(self, versions: VersionCalendars, policy: SupportPolicy, first: int) -> None:
        self.policy = policy
        self.calendar = versions.calendars[policy.calendar]
        base = self.calendar
        if base.follows is not None:
            base = versions.calendars[base.follows]
        self.base = base
        lag = timedelta(days=self.calendar.release_lag_days)
        listed = base.versions
        offered = [i for i, v in enumerate(listed) if month_from(v.released + lag) <= first]
        self.list = [
            _version(v.version, v.released + lag, v.standard_ends, v.extended_ends)
            for v in listed[offered[-1] if offered else 0 :]
        ]
        self.listed = len(self.list)
        self._ends: list[int] = []

    def at(self, index: int) -> Version:
        """The ``index``th version, extrapolated where the calendar lists no more."""
        while index >= len(self.list):
            self.list.append(extrapolated(self.base, self.list[-1]))
        return self.list[index]

    def ends(self, index: int) -> int:
        """The first month the ``index``th version is no longer supported."""
        while index >= len(self._ends):
            version = self.at(len(self._ends))
            month = version.standard_month
            if self.policy.support_until == "extended" and version.extended_month is not None:
                month = version.extended_month
            self._ends.append(month)
        return self._ends[index]

    def acts(self, index: int) -> int:
        """The month the provider moves a cluster off the ``index``th version."""
        policy, version = self.policy, self.at(index)
        month = self.ends(index)
        if policy.upgrade_delay_days:
            end = version.standard_ends
            if policy.support_until == "extended" and version.extended_ends is not None:
                end = version.extended_ends
            month = month_from(end + timedelta(policy.upgrade_delay_days))
        earliest = policy.upgrades_from
        return month if earliest is None else max(month, month_from(earliest))

    def newest_offered(self, month: int) -> int | None:
        if self.at(0).offered > month:
            return None
        index = 0
        while self.at(index + 1).offered <= month:
            index += 1
        return index

    def oldest_supported(self, month: int) -> int:
        index = 0
        while not self.at(index).offered <= month < self.ends(index):
            index += 1
        return index

    def phase(self, index: int, month: int) -> Phase:
        if month < self.at(index).standard_month:
            return "standard"
        if self.policy.support_until == "extended" and month < self.ends(index):
            return "extended" if self.policy.extended_tier else "long-term"
        return "unsupported"


def _team_upgrade(walk: _Walk, current: int, month: int) -> tuple[int, VersionEvent | None]:
    if walk.at(current + 1).offered > month:
        return current, None
    change = f"{walk.list[current].version} → {walk.list[current + 1].version}"
    text = f"the team upgrades Kubernetes {change}"
    return current + 1, VersionEvent("upgrade", text, True, change)


def _provider_upgrade(walk: _Walk, current: int, month: int) -> tuple[int, VersionEvent | None]:
    if walk.policy.at_end != "upgrade" or month < walk.acts(current):
        return current, None
    target = walk.oldest_supported(month)
    team = walk.policy.team_finishes_upgrade
    kind: VersionEventKind = "forced-upgrade" if team else "automatic-upgrade"
    change = f"{walk.list[current].version} → {walk.list[target].version}"
    text = f"{walk.calendar.label} upgrades the cluster {change}"
    if team:
        text += " (the control plane; the team upgrades the nodes and add-ons)"
    return target, VersionEvent(kind, text, team, change)


def _phase_event(version: Version, phase: Phase) -> VersionEvent:
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
    """The cluster's version and phase for each of ``horizon`` months from ``start``: worked
    out in the months something can change, the months between them alike (one object)."""
    walk = _Walk(versions, policy, start)
    current = walk.newest_offered(start)
    if current is None:
        raise ValueError(f"{walk.calendar.label}'s calendar starts after {month_text(start)}")
    first, used = current, {current}
    step = _team_upgrade if upgrade_policy == "current" else _provider_upgrade
    months: list[VersionMonth] = []
    changes: list[int] = []
    previous: Phase = "standard"
    month, end = start, start + horizon
    while month < end:
        current, event = step(walk, current, month)
        used.add(current)
        phase = walk.phase(current, month)
        events = [] if event is None else [event]
        if phase != previous and phase != "standard":
            events.append(_phase_event(walk.list[current], phase))
        previous = phase
        quiet = VersionMonth(walk.list[current].version, phase)
        months.append(quiet._replace(events=tuple(events)) if events else quiet)
        following = min(_next_change(walk, current, month, upgrade_policy), end)
        months += [quiet] * (following - month - 1)
        # A month whose team upgrades cost hours differs from the month after it too; an
        # event that costs nothing (the provider's upgrade, a phase starting) starts a run.
        charged = any(e.team for e in events)
        changes += [month - start + 1, month - start + 2] if charged else [month - start + 1]
        month = following
    found = tuple(change for change in dict.fromkeys(changes) if change <= horizon)
    version = walk.list[first].version
    return VersionPath(version, tuple(months), _assumptions(walk, used), found)


def _next_change(walk: _Walk, current: int, month: int, upgrade_policy: UpgradePolicy) -> int:
    """The next month after ``month`` in which the version or its phase can change."""
    changes = [walk.at(current).standard_month, walk.ends(current)]
    if upgrade_policy == "current":
        changes.append(walk.at(current + 1).offered)
    elif walk.policy.at_end == "upgrade":
        changes.append(walk.acts(current))
    later = [change for change in changes if change > month]
    return min(later) if later else month + LATEST_START * 4


def _assumptions(walk: _Walk, used: set[int]) -> tuple[str, ...]:
    guessed = [walk.list[i] for i in sorted(used) if walk.list[i].extrapolated]
    if not guessed:
        return ()
    listed = walk.list[walk.listed - 1]
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
