"""Geometry of the cumulative-cost chart (an SVG drawn by templates/partials/chart.svg)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from pricing import Comparison
from pricing.money import format_money


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


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
    return f"${text}" if currency == "USD" else f"{text} {currency}"


def chart_of(c: Comparison, width: int = 640, height: int = 260) -> Chart:
    """Scale both cumulative series into a ``width`` x ``height`` box with axes and ticks."""
    left, top, right, bottom = 56, 12, 12, 28
    pw, ph = width - left - right, height - top - bottom
    timeline = c.timeline  # built on each access: once here
    months = len(timeline)
    peak = float(max(max(p.docker, p.kubernetes) for p in timeline) or Decimal(1))
    step = _nice_step(peak)
    y_max = step * math.ceil(peak / step)

    def x(month: int) -> float:
        return left + (pw * month / months)

    def y(value: Decimal) -> float:
        return top + ph - (ph * float(value) / y_max)

    def points(setup: str) -> str:
        coords = [(x(0), top + ph)] + [(x(p.month), y(getattr(p, setup))) for p in timeline]
        return " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)

    y_ticks = tuple(
        Tick(top + ph - ph * i * step / y_max, _short_money(i * step, c.currency))
        for i in range(round(y_max / step) + 1)
    )
    every = max(1, math.ceil(months / 12))
    x_ticks = tuple(Tick(x(m), str(m)) for m in range(every, months + 1, every))
    last = timeline[-1]
    return Chart(
        width,
        height,
        left,
        top,
        pw,
        ph,
        points("docker"),
        points("kubernetes"),
        y_ticks,
        x_ticks,
        title=f"Cumulative cost over {months} months",
        description=(
            f"After {months} months Docker totals {format_money(last.docker, c.currency)} "
            f"and Kubernetes {format_money(last.kubernetes, c.currency)}."
        ),
    )
