"""Resident memory of a process tree, read from /proc (Linux only)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True, slots=True)
class Memory:
    """VmRSS (now) and VmHWM (the peak so far) of one process, in KiB."""

    rss_kib: int
    hwm_kib: int


def memory_of(pid: int) -> Memory | None:
    """The memory of ``pid``, or None when it has exited."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except (FileNotFoundError, ProcessLookupError):
        return None
    values = {}
    for line in lines:
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return Memory(values.get("VmRSS", 0), values.get("VmHWM", 0))


def parent_of(pid_dir: Path) -> int | None:
    try:
        stat = (pid_dir / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name may hold spaces and parentheses: the fields follow the last ')'.
    return int(stat.rpartition(")")[2].split()[1])


def children_of(pid: int) -> list[int]:
    """Direct children of ``pid`` (gunicorn's workers, for its master)."""
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit() and parent_of(entry) == pid:
            found.append(int(entry.name))
    return sorted(found)


def tree_of(pid: int) -> list[int]:
    """``pid`` and all its descendants (gunicorn's workers and their batch processes)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children_of(current))
    return sorted(found)


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time used so far by the live pids in ``pids``."""
    ticks = 0
    for pid in pids:
        try:
            fields = (PROC / str(pid) / "stat").read_text().rpartition(")")[2].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy (not idle or iowait) since boot."""
    fields = [int(n) for n in (PROC / "stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def load_average() -> float:
    """The one-minute load average."""
    return float((PROC / "loadavg").read_text().split()[0])


def tree_memory(pids: list[int]) -> dict[int, Memory]:
    """Memory of each live pid in ``pids``."""
    result = {}
    for pid in pids:
        memory = memory_of(pid)
        if memory is not None:
            result[pid] = memory
    return result


@dataclass
class PeakSampler:
    """Samples VmRSS of a process tree every ``interval`` seconds in a thread, processes
    started meanwhile included; keeps each process's peak."""

    root: int
    interval: float = 0.05
    peaks: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> PeakSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._sample()

    def _sample(self) -> None:
        for pid, memory in tree_memory(tree_of(self.root)).items():
            self.peaks[pid] = max(self.peaks.get(pid, 0), memory.rss_kib)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()
