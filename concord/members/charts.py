"""The accession timeline as SVG geometry, computed here so the template only draws."""

import datetime as dt
from dataclasses import dataclass

from .selectors import TimelinePoint

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 16, 32


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    path: str
    markers: list[dict]
    x_ticks: list[dict]
    y_ticks: list[dict]
    baseline: float


def timeline_chart(points: list[TimelinePoint], until: dt.date) -> Chart | None:
    if not points:
        return None
    start = dt.date(points[0].day.year, 1, 1)
    end = max(until, points[-1].day)
    span = max((end - start).days, 1)
    top_count = max(p.members for p in points)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return round(LEFT + plot_w * (day - start).days / span, 1)

    def y(count: int) -> float:
        return round(TOP + plot_h * (1 - count / top_count), 1)

    baseline = y(0)
    path = [f"M{x(points[0].day)},{baseline}"]
    previous = 0
    for p in points:
        path.append(f"L{x(p.day)},{y(previous)} L{x(p.day)},{y(p.members)}")
        previous = p.members
    path.append(f"L{x(end)},{y(previous)}")
    markers = [{"x": x(p.day), "y": y(p.members), "point": p} for p in points]
    step = 5 if end.year - start.year > 12 else 2
    x_ticks = [
        {"x": x(dt.date(year, 1, 1)), "label": year}
        for year in range(start.year, end.year + 1)
        if year % step == 0 and dt.date(year, 1, 1) >= start
    ]
    y_ticks = [{"y": y(c), "label": c} for c in range(0, top_count + 1, 5)]
    return Chart(WIDTH, HEIGHT, " ".join(path), markers, x_ticks, y_ticks, baseline)
