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
    mark: dict | None = None  # the day the page shows: a vertical line with its label


def _mark(day: dt.date, x: float, anchor_left: bool, baseline: float) -> dict:
    # The label stands low, where the step line (high after 1999) seldom runs.
    return {
        "day": day,
        "x": x,
        "label_y": round(baseline - 10, 1),
        "label_x": round(x - 6 if anchor_left else x + 6, 1),
        "anchor": "end" if anchor_left else "start",
    }


def timeline_chart(
    points: list[TimelinePoint], until: dt.date, *, mark: dt.date | None = None
) -> Chart | None:
    """The step chart of Member States up to `until`, with `mark` (the as-of day) drawn on it."""
    if not points:
        return None
    first = min(points[0].day, mark) if mark else points[0].day
    start = dt.date(first.year, 1, 1)
    end = max(until, points[-1].day, mark or until)
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
    # The label sits on the side of the line with more room, so it never leaves the picture.
    marked = _mark(mark, x(mark), x(mark) > LEFT + plot_w / 2, baseline) if mark else None
    return Chart(WIDTH, HEIGHT, " ".join(path), markers, x_ticks, y_ticks, baseline, marked)
