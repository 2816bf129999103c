"""Booking resurspass onto the gaps that absences open, in every run at once.

A resurspass holder is at work anyway and already keeps every rest rule (the resurspass is in
the checked roster), so booking costs nothing extra. A resurspass covers one headcount of gap
in each segment it lies in (partial cover is fine: the rest of the gap goes on to the next
source), in a skill its holder has — the resurspass's own skill first, then the holder's other
skills in their order. Resurspass are taken in order of start; one whose holder is absent that
day is not there to book.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bemanna.checker.passes import Interval, RosterView
from bemanna.simulation.timeline import Timeline

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Resurspass:
    """A resurspass as the booking reads it."""

    employee: int
    """Index into the instance's employees."""
    day: int
    start: int
    skills: tuple[int, ...]
    """Indices into the timeline's skills it may cover, in order of preference."""
    ranges: tuple[Interval, ...]
    """Segment index ranges of its parts."""


def resurspass_of(view: RosterView, timeline: Timeline) -> list[Resurspass]:
    """Every resurspass of the roster, by start."""
    index = {e.id: i for i, e in enumerate(view.instance.employees)}
    skill_index = {k: i for i, k in enumerate(timeline.skills)}
    found = []
    for p in view.all_passes():
        if p.kind != "resurs":
            continue
        emp = view.instance.employee[p.employee]
        order = [p.skill, *[k for k in emp.skills if k != p.skill]]
        skills = tuple(skill_index[k] for k in order if k in skill_index)
        found.append(Resurspass(index[p.employee], p.day, p.start, skills,
                                tuple(timeline.segment_ranges(p.parts))))
    return sorted(found, key=lambda r: (r.start, r.employee))


def planned_minutes(passes: list[Resurspass], timeline: Timeline) -> IntArray:
    """[skill, segment]: resurspass minutes planned, counted in the resurspass's own skill."""
    minutes = np.zeros((len(timeline.skills), timeline.size), dtype=np.int64)
    length = timeline.length
    for r in passes:
        for first, end in r.ranges:
            minutes[r.skills[0], first:end] += length[first:end]
    return minutes


def book(gap: IntArray, absent_days: BoolArray, passes: list[Resurspass],
         timeline: Timeline) -> tuple[IntArray, IntArray]:
    """Book resurspass onto gap [run, skill, segment] (changed in place).

    Returns the booked minutes per run and the booked minutes per [skill, segment] summed over
    the runs.
    """
    runs = gap.shape[0]
    length = timeline.length
    booked = np.zeros(runs, dtype=np.int64)
    booked_cells = np.zeros(gap.shape[1:], dtype=np.int64)
    for r in passes:
        present = ~absent_days[:, r.employee, r.day]
        if not present.any():
            continue
        for first, end in r.ranges:
            for seg in range(first, end):
                free = present.copy()
                for k in r.skills:
                    take = free & (gap[:, k, seg] > 0)
                    count = int(take.sum())
                    if not count:
                        continue
                    gap[:, k, seg] -= take
                    free &= ~take
                    booked += take * length[seg]
                    booked_cells[k, seg] += count * int(length[seg])
    return booked, booked_cells
