"""What the web view's pages show, computed from store records: no I/O, no request here.

The story list's query, the timeline's inline SVG geometry, search snippets cut
into plain and matched runs, and a page's original text with the spans the cleaner cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from recoupe.model import Removal, TimelineEntry

# search snippets come back with matched words between these (private-use characters no page
# text holds), so the page text around them is escaped and the matches marked
MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"

SORTS = {
    "recent": "latest page first",
    "sources": "most independent sources",
    "documents": "most documents",
    "discrepancies": "most discrepancies",
    "title": "title",
}


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """The story list's query: every field optional, as read from the URL."""

    q: str = ""
    sort: str = "recent"
    min_sources: int | None = None
    since: str | None = None
    until: str | None = None
    discrepancies: bool = False
    language: str | None = None
    site: str | None = None
    page: int = 1


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    matched: bool = False


def snippet_runs(snippet: str) -> list[Run]:
    """A search snippet as runs of plain and matched text (the markers taken out)."""
    runs: list[Run] = []
    rest = snippet
    while rest:
        start = rest.find(MATCH_OPEN)
        if start < 0:
            runs.append(Run(rest))
            break
        if start:
            runs.append(Run(rest[:start]))
        end = rest.find(MATCH_CLOSE, start)
        end = len(rest) if end < 0 else end
        runs.append(Run(rest[start + 1 : end], matched=True))
        rest = rest[end + 1 :]
    return [run for run in runs if run.text]


# ------------------------------------------------------------------------------------------
# timeline as inline SVG
# ------------------------------------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 640, 80, 24


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    label: str  # the date as stated
    title: str  # what happened, for the tooltip


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    start_x: float
    end_x: float
    first: str
    last: str
    points: list[ChartPoint] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (x, label) between the ends


def _date_of(stated: str) -> dt.date | None:
    """'2024', '2024-11', '2024-11-17' or a date-time: the first day it can mean."""
    parts = stated[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def timeline_chart(entries: Sequence[TimelineEntry]) -> TimelineChart | None:
    """Points on a time axis, one per dated entry (entries of one day stacked); None when fewer
    than two entries carry a readable date."""
    dated = [(d, e) for e in entries if (d := _date_of(e.date)) is not None]
    if len(dated) < 2:
        return None
    dated.sort(key=lambda pair: pair[0])
    first, last = dated[0][0], dated[-1][0]
    span = max(1, (last - first).days)
    left, right = CHART_MARGIN, CHART_WIDTH - CHART_MARGIN
    axis_y = CHART_HEIGHT - 28
    stacked: dict[dt.date, int] = {}
    points = []
    for day, entry in dated:
        level = stacked.get(day, 0)
        stacked[day] = level + 1
        x = left + (right - left) * (day - first).days / span
        points.append(ChartPoint(round(x, 1), axis_y - 8 - 9 * min(level, 4), entry.date, entry.text))
    return TimelineChart(
        CHART_WIDTH,
        CHART_HEIGHT,
        axis_y,
        left,
        right,
        dated[0][1].date,
        dated[-1][1].date,
        points,
        _ticks(first, last, left, right),
    )


def _ticks(
    first: dt.date, last: dt.date, left: float, right: float, most: int = 6
) -> list[tuple[float, str]]:
    """Month starts (or years, over a long span) strictly between the ends, at most `most`, each
    far enough from the ends that the labels do not overlap them."""
    span = max(1, (last - first).days)
    months = [
        dt.date(year, month, 1)
        for year in range(first.year, last.year + 1)
        for month in range(1, 13)
        if first < dt.date(year, month, 1) < last
    ]
    if len(months) > most:
        months = [m for m in months if m.month == 1] or months[:: -(-len(months) // most)]
    ticks = []
    for day in months:
        x = left + (right - left) * (day - first).days / span
        if x - left > 80 and right - x > 80:
            ticks.append((round(x, 1), day.isoformat()[:7] if day.month != 1 else str(day.year)))
    return ticks


# ------------------------------------------------------------------------------------------
# original text with the cuts shown
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cut:
    """A run of the original page text: kept, or cut with its removal."""

    text: str
    removal: Removal | None = None


def original_with_cuts(original: str, removed: Sequence[Removal]) -> tuple[list[Cut], list[Removal]]:
    """The page text as runs kept and cut, and the removals that have no place in it (HTML
    markup dropped before the text existed, or spans overlapping one already shown)."""
    placed = sorted(
        (
            r
            for r in removed
            if r.start is not None and r.end is not None and 0 <= r.start < r.end <= len(original)
        ),
        key=lambda r: (r.start or 0, -(r.end or 0)),
    )
    runs: list[Cut] = []
    placed_ids = {id(r) for r in placed}
    unplaced = [r for r in removed if id(r) not in placed_ids]
    cursor = 0
    for removal in placed:
        start, end = removal.start or 0, removal.end or 0
        if start < cursor:
            unplaced.append(removal)
            continue
        if cursor < start:
            runs.append(Cut(original[cursor:start]))
        runs.append(Cut(original[start:end], removal))
        cursor = end
    if cursor < len(original):
        runs.append(Cut(original[cursor:]))
    return runs, unplaced
