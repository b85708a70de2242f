"""A bounded memo for work that many scenarios share (see ``pricing.engine``)."""

from __future__ import annotations

from collections.abc import Hashable
from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """Values by key; past ``size`` entries the oldest is forgotten, so memory stays bounded
    however many different keys arrive. Safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[Hashable, V] = {}
        self._lock = Lock()

    def __len__(self) -> int:
        return len(self._values)

    def find(self, key: Hashable) -> V | None:
        """The value kept under ``key``, or None."""
        return self._values.get(key)

    def keep(self, key: Hashable, value: V) -> V:
        """Keep ``value`` under ``key`` (forgetting the oldest entry past the size); returns it."""
        with self._lock:
            self._values[key] = value
            if len(self._values) > self.size:
                del self._values[next(iter(self._values))]
        return value
