"""A bounded memo for work that many scenarios share (see ``pricing.infrastructure``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """Values by key, computed on first use; past ``size`` entries the oldest is forgotten,
    so memory stays bounded however many different keys arrive. Safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[Hashable, V] = {}
        self._lock = Lock()

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        value = self._values.get(key)
        if value is None:
            value = compute()
            with self._lock:
                self._values[key] = value
                if len(self._values) > self.size:
                    del self._values[next(iter(self._values))]
        return value
