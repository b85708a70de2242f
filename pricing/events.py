"""What happens in a month of the horizon: an Event, for the timeline's faces."""

from __future__ import annotations

from typing import Literal, NamedTuple

from pricing.scenario import Setup
from pricing.versions import VersionEventKind

EventKind = VersionEventKind | Literal["host-added", "host-type-change", "node-added"]


class Event(NamedTuple):
    """Something that happens to one setup in a month: an upgrade, extended support starting,
    the provider's upgrade, support ending, a host added, a host's type changed, a node added."""

    setup: Setup
    kind: EventKind
    text: str
