"""Geometry of the cumulative-cost chart (an SVG drawn by templates/partials/chart.svg): both
setups' cumulative cost month by month (the lines bend where a month's bill changes), and a
mark where something happens to a setup (an upgrade, extended support, a host or node added,
a host type changed), titled with what happens."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import get_args

from app.present.words import SETUP_NAMES
from pricing import Comparison, Engine, Estimate
from pricing.comparison import TimelinePoint
from pricing.events import Event
from pricing.money import format_money, with_currency
from pricing.odds import BandPoint
from pricing.versions import VersionEventKind


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


# Events that change the cluster's version (drawn as a diamond); the others are the
# workload outgrowing a setup (a circle).
VERSION_KINDS = frozenset(get_args(VersionEventKind))


@dataclass(frozen=True, slots=True)
class Mark:
    """A month's events on one setup's line: where, which shape, and what they say."""

    setup: str
    x: float
    y: float
    shape: str  # "version" (a diamond) or "growth" (a circle)
    label: str

    @property
    def diamond(self) -> str:
        """The points of a diamond around the mark, for a polygon."""
        x, y, r = self.x, self.y, 5.0
        return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    docker_points: str
    kubernetes_points: str
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    title: str
    description: str
    marks: tuple[Mark, ...] = ()
    docker_band: str = ""  # a polygon's points: P90 out, P10 back; empty without the odds
    kubernetes_band: str = ""


def _nice_step(maximum: float, steps: int = 4) -> float:
    raw = maximum / steps
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _short_money(value: float, currency: str) -> str:
    if value >= 1_000_000:
        text = f"{value / 1_000_000:g}M"
    elif value >= 1_000:
        text = f"{value / 1_000:g}k"
    else:
        text = f"{value:g}"
    return with_currency(text, currency)


@dataclass(frozen=True, slots=True)
class _Plot:
    """The plot area: where a month and an amount land in it."""

    left: int
    top: int
    width: int
    height: int
    months: int
    y_max: float

    def x(self, month: int) -> float:
        return self.left + (self.width * month / self.months)

    def y(self, value: Decimal) -> float:
        return self.top + self.height - (self.height * float(value) / self.y_max)

    def points(self, timeline: tuple[TimelinePoint, ...], setup: str) -> str:
        """A setup's cumulative cost as a polyline's points, from month 0 at zero."""
        start = (self.x(0), float(self.top + self.height))
        coords = [start] + [(self.x(p.month), self.y(getattr(p, setup))) for p in timeline]
        return " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)

    def band(self, band: tuple[BandPoint, ...], setup: str) -> str:
        """A setup's P10-P90 band as a polygon's points: out along P90 from month 0 at zero,
        back along P10."""
        high = [(self.x(p.month), self.y(getattr(p, setup)[1])) for p in band]
        low = [(self.x(p.month), self.y(getattr(p, setup)[0])) for p in reversed(band)]
        coords = [(self.x(0), float(self.top + self.height)), *high, *low]
        return " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)

    def y_ticks(self, step: float, currency: str) -> tuple[Tick, ...]:
        top, height = self.top, self.height
        return tuple(
            Tick(top + height - height * i * step / self.y_max, _short_money(i * step, currency))
            for i in range(round(self.y_max / step) + 1)
        )

    def marks(self, timeline: tuple[TimelinePoint, ...]) -> tuple[Mark, ...]:
        """A mark for each month and setup with events, on that setup's line."""
        found = []
        for point in timeline:
            for setup in SETUP_NAMES:
                events = [e for e in point.events if e.setup == setup]
                if events:
                    y = self.y(getattr(point, setup))
                    found.append(Mark(setup, self.x(point.month), y, *_said(point, events)))
        return tuple(found)

    def x_ticks(self) -> tuple[Tick, ...]:
        return tuple(Tick(self.x(m), str(m)) for m in tick_months(self.months))


def _said(point: TimelinePoint, events: list[Event]) -> tuple[str, str]:
    """A mark's shape and its title: the month, the setup and each event."""
    shape = "version" if any(e.kind in VERSION_KINDS for e in events) else "growth"
    said = "; ".join(e.text for e in events)
    when = f"Month {point.month} ({point.calendar_month})"
    return shape, f"{when}, {SETUP_NAMES[events[0].setup]}: {said}"


def _band_said(end: BandPoint, currency: str) -> str:
    """The band at the horizon, for the chart's description."""
    docker, kubernetes = end.docker, end.kubernetes
    return (
        f" Shaded: P10 to P90, Docker {format_money(docker[0], currency)} to "
        f"{format_money(docker[1], currency)}, Kubernetes {format_money(kubernetes[0], currency)}"
        f" to {format_money(kubernetes[1], currency)}."
    )


def tick_months(horizon: int) -> range:
    """The x axis's ticks: each month, or each few months past a year: at most 12 or so."""
    every = max(1, math.ceil(horizon / 12))
    return range(every, horizon + 1, every)


def band_months(horizon: int) -> tuple[int, ...]:
    """The months the chart's band is drawn through: the x axis's ticks and the horizon."""
    return tuple(sorted({*tick_months(horizon), horizon}))


def chart_of(
    c: Comparison, width: int = 640, height: int = 260, band: tuple[BandPoint, ...] = ()
) -> Chart:
    """Scale both cumulative series (and their P10-P90 ``band``, when given) into a
    ``width`` x ``height`` box with axes and ticks."""
    left, top, right, bottom = 56, 12, 12, 28
    pw, ph = width - left - right, height - top - bottom
    timeline = c.timeline  # built on each access: once here
    months = len(timeline)
    highest = [max(p.docker, p.kubernetes) for p in timeline]
    highest += [max(p.docker[1], p.kubernetes[1]) for p in band]
    peak = float(max(highest) or Decimal(1))
    step = _nice_step(peak)
    plot = _Plot(left, top, pw, ph, months, step * math.ceil(peak / step))
    last = timeline[-1]
    marks = plot.marks(timeline)
    shown = f" {len(marks)} marks where something happens to a setup." if marks else ""
    spread = _band_said(band[-1], c.currency) if band else ""
    return Chart(
        width,
        height,
        left,
        top,
        pw,
        ph,
        plot.points(timeline, "docker"),
        plot.points(timeline, "kubernetes"),
        plot.y_ticks(step, c.currency),
        plot.x_ticks(),
        title=f"Cumulative cost over {months} months",
        description=(
            f"After {months} months Docker totals {format_money(last.docker, c.currency)} "
            f"and Kubernetes {format_money(last.kubernetes, c.currency)}.{spread}{shown}"
        ),
        marks=marks,
        docker_band=plot.band(band, "docker") if band else "",
        kubernetes_band=plot.band(band, "kubernetes") if band else "",
    )


def chart_for(engine: Engine, result: Estimate, width: int = 640, height: int = 260) -> Chart:
    """The chart of ``result`` with its band, when it has odds."""
    comparison = result.comparison
    band = engine.band(result, band_months(comparison.scenario.horizon_months))
    return chart_of(comparison, width, height, band)
