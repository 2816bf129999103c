"""The horizon cut into segments inside which nothing changes.

Every pass part (ordinary and resurspass) starts and ends on a segment boundary, and so do the
need, the headcount, the time bands and the OB categories. A segment therefore has one length,
one weekday × band cell, one OB category, and per skill one headcount and one minimum need.
The simulation counts absences per segment instead of per minute (a care-home horizon of
60 480 minutes has about a thousand segments).

Cyclic horizons wrap as in coverage: a part reaching past the horizon's end continues at its
start; non-cyclic horizons cut it off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bemanna.checker.coverage import coverage
from bemanna.checker.passes import Interval, RosterView
from bemanna.pricing.bands import BANDS, cell_of_minute
from bemanna.pricing.ob import ObClock
from bemanna.units import MINUTES_PER_DAY

IntArray = npt.NDArray[np.int64]


def wrapped(parts: tuple[Interval, ...] | list[Interval], horizon: int,
            cyclic: bool) -> list[Interval]:
    """The parts as intervals inside [0, horizon): wrapped (cyclic) or cut."""
    out: list[Interval] = []
    for start, end in parts:
        if not cyclic:
            start, end = max(start, 0), min(end, horizon)
            if start < end:
                out.append((start, end))
            continue
        while start < end:
            base = (start // horizon) * horizon
            piece = min(end, base + horizon)
            out.append((start - base, piece - base))
            start = piece
    return out


@dataclass(frozen=True)
class Timeline:
    """Segments [bounds[i], bounds[i + 1]) of the horizon, with what is constant in each."""

    skills: tuple[str, ...]
    bounds: IntArray
    """Segment starts, then the horizon's length."""
    cell: IntArray
    """Weekday × band cell of each segment (`bemanna.pricing.bands.CELLS`)."""
    ob: IntArray
    """OB category index of each segment (-1: none)."""
    headcount: IntArray
    """[skill, segment]: ordinary passes working."""
    need: IntArray
    """[skill, segment]: minimum need."""
    cyclic: bool

    @property
    def horizon(self) -> int:
        return int(self.bounds[-1])

    @property
    def size(self) -> int:
        return len(self.bounds) - 1

    @property
    def length(self) -> IntArray:
        lengths: IntArray = np.diff(self.bounds)
        return lengths

    @property
    def slack(self) -> IntArray:
        """[skill, segment]: headcount above the need, which absorbs absences."""
        slack: IntArray = np.maximum(0, self.headcount - self.need)
        return slack

    def segment_ranges(self, parts: tuple[Interval, ...] | list[Interval]) -> list[Interval]:
        """The parts as ranges of segment indices [first, end) (wrapped or cut)."""
        out: list[Interval] = []
        for start, end in wrapped(parts, self.horizon, self.cyclic):
            first, last = np.searchsorted(self.bounds, [start, end])
            out.append((int(first), int(last)))
        return out

    def segment_of(self, minute: int) -> int:
        """Index of the segment holding a minute of [0, horizon)."""
        return int(np.searchsorted(self.bounds, minute, side="right")) - 1


def build_timeline(view: RosterView, clock: ObClock) -> Timeline:
    """Cut the view's horizon at every change of need, headcount, band, OB and pass."""
    horizon = view.horizon_minutes
    cov = coverage(view)
    skills = tuple(s.id for s in view.instance.skills)
    cuts: set[int] = {0, horizon}
    for day in range(view.days):
        cuts.update(day * MINUTES_PER_DAY + start for _, start, _ in BANDS)
        cuts.add(day * MINUTES_PER_DAY)
    ob_index = clock.index[:horizon]
    cuts.update((np.flatnonzero(np.diff(ob_index)) + 1).tolist())
    for skill in skills:
        for series in (cov.need_min[skill], cov.headcount[skill]):
            cuts.update((np.flatnonzero(np.diff(series)) + 1).tolist())
    for p in view.all_passes():
        for start, end in wrapped(p.parts, horizon, view.cyclic):
            cuts.update((start, end))
    bounds = np.array(sorted(c for c in cuts if 0 <= c <= horizon), dtype=np.int64)
    starts = bounds[:-1]
    return Timeline(
        skills=skills,
        bounds=bounds,
        cell=cell_of_minute(horizon)[starts],
        ob=ob_index[starts].astype(np.int64),
        headcount=np.array([cov.headcount[k][starts] for k in skills], dtype=np.int64),
        need=np.array([cov.need_min[k][starts] for k in skills], dtype=np.int64),
        cyclic=view.cyclic,
    )
