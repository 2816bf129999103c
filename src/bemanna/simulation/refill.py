"""Filling the gaps resurspass could not: hourly temps, extra hours of own staff, agency.

After booking, the gap of a run is cut into *chunks*: one headcount over a stretch of
consecutive segments (a gap of two over an afternoon is two chunks). Chunks are filled in the
order they happen — a planner cannot give today's absence the money saved for next month's —
each by the skill's gap-fill policy (`cost_model.gap_fill`): the sources in order, each up to
what is left of its cap after the planned roster's own uncovered need (pricing's gap fill):

- `hourly_temp` and `agency` take the chunk's first minutes up to their cap;
- `overtime` is given to own staff who may work it (`overtime`): first a pass that ends where
  the chunk starts or starts where it ends is lengthened (enkel), then the rest goes as extra
  passes (kvalificerad) to free employees, fewest extra minutes first; what nobody may work
  goes on to the next source.

What the last source cannot take (only when it is overtime and nobody may work it) is bought
from agency when the skill has an agency price, else from hourly temps, and counted as
`fallback` minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bemanna.checker.passes import Interval
from bemanna.instance import Instance
from bemanna.simulation.overtime import RunStaff, StaffCalendar
from bemanna.simulation.timeline import Timeline
from bemanna.tariff.refill_order import bought_steps

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

PAYS: tuple[str, ...] = ("hourly_temp", "enkel", "kvalificerad", "agency")
"""Pay kinds of bought minutes; enkel and kvalificerad are overtime."""
TEMP, ENKEL, KVALIFICERAD, AGENCY = range(len(PAYS))
INFINITE = 10**12


@dataclass(frozen=True)
class Chunks:
    """Gap chunks of all runs: run, skill and minute interval, ordered by run then start."""

    run: IntArray
    skill: IntArray
    start: IntArray
    end: IntArray

    def of_run(self, run: int) -> range:
        low, high = np.searchsorted(self.run, [run, run + 1])
        return range(int(low), int(high))


def gap_chunks(gap: IntArray, timeline: Timeline) -> Chunks:
    """Cut gap [run, skill, segment] into chunks of one headcount each."""
    runs_, skills_, starts_, ends_ = [], [], [], []
    bounds = timeline.bounds
    for k in range(gap.shape[1]):
        top = int(gap[:, k].max()) if gap.size else 0
        for level in range(1, top + 1):
            inside = (gap[:, k] >= level).astype(np.int8)
            edges = np.diff(np.pad(inside, ((0, 0), (1, 1))), axis=1)
            run_on, seg_on = np.nonzero(edges == 1)
            _, seg_off = np.nonzero(edges == -1)
            runs_.append(run_on)
            skills_.append(np.full(len(run_on), k, dtype=np.int64))
            starts_.append(bounds[seg_on])
            ends_.append(bounds[seg_off])
    if not runs_:
        empty = np.zeros(0, dtype=np.int64)
        return Chunks(empty, empty, empty, empty)
    run = np.concatenate(runs_).astype(np.int64)
    skill = np.concatenate(skills_)
    start = np.concatenate(starts_).astype(np.int64)
    end = np.concatenate(ends_).astype(np.int64)
    order = np.lexsort((skill, start, run))
    return Chunks(run[order], skill[order], start[order], end[order])


@dataclass(frozen=True)
class Policy:
    """One skill's sources in order with what is left of their caps (minutes)."""

    sources: tuple[tuple[str, int], ...]
    fallback: int
    """Pay index of the fallback: AGENCY or TEMP."""


def policies(instance: Instance, timeline: Timeline,
             planned: dict[tuple[str, str], int]) -> list[Policy]:
    """Per skill of the timeline: the gap-fill sources, each cap less the planned minutes."""
    cm = instance.cost_model
    found = []
    for skill in timeline.skills:
        sources = []
        for step in bought_steps(instance, skill):  # the one refill order (tariff)
            left = (INFINITE if step.cap_minutes is None
                    else max(0, step.cap_minutes - planned.get((skill, step.source), 0)))
            sources.append((step.source, left))
        fallback = AGENCY if cm.agency_basis(skill) is not None else TEMP
        found.append(Policy(tuple(sources), fallback))
    return found


Bought = tuple[int, int, int, int]
"""(skill, pay, start, end): minutes [start, end) of the horizon bought as that pay."""


class Refill:
    """Fills the chunks of one run, listing what it buys (`Bought`)."""

    def __init__(self, timeline: Timeline, staff: StaffCalendar,
                 policies_: list[Policy]) -> None:
        self.staff = staff
        self.policies = policies_
        self.skill_names = timeline.skills

    def run(self, chunks: Chunks, run: int, absent: BoolArray) -> tuple[list[Bought], int]:
        """Fill one run's chunks (absent: [employee, day] of the run). Returns what was bought
        and the fallback minutes."""
        minutes: list[Bought] = []
        left = [[cap for _, cap in p.sources] for p in self.policies]
        staff = RunStaff()
        fallback = 0
        for i in chunks.of_run(run):
            k = int(chunks.skill[i])
            pieces = [(int(chunks.start[i]), int(chunks.end[i]))]
            policy = self.policies[k]
            for j, (source, _) in enumerate(policy.sources):
                if not pieces or left[k][j] <= 0:
                    continue
                if source == "overtime":
                    pieces, used = self._overtime(k, pieces, left[k][j], absent, staff, minutes)
                else:
                    pay = TEMP if source == "hourly_temp" else AGENCY
                    pieces, used = self._take(k, pay, pieces, left[k][j], minutes)
                left[k][j] -= used
            for start, end in pieces:
                self._record(minutes, k, policy.fallback, start, end)
                fallback += end - start
        return minutes, fallback

    @staticmethod
    def _record(minutes: list[Bought], k: int, pay: int, start: int, end: int) -> None:
        minutes.append((k, pay, start, end))

    def _take(self, k: int, pay: int, pieces: list[Interval], cap: int,
              minutes: list[Bought]) -> tuple[list[Interval], int]:
        """The first minutes of the pieces up to cap; returns what is left and the minutes."""
        used = 0
        rest: list[Interval] = []
        for start, end in pieces:
            take = min(end - start, cap - used)
            if take > 0:
                self._record(minutes, k, pay, start, start + take)
                used += take
            if start + take < end:
                rest.append((start + take, end))
        return rest, used

    def _overtime(self, k: int, pieces: list[Interval], cap: int, absent: BoolArray,
                  run: RunStaff, minutes: list[Bought]) -> tuple[list[Interval], int]:
        used = 0
        rest: list[Interval] = []
        for start, end in pieces:
            start, end, got = self._lengthen(k, start, end, cap - used, absent, run, minutes)
            used += got
            while start < end and used < cap:
                piece_end = min(end, start + self.staff.span_max)
                got = self._extra_pass(k, start, piece_end, cap - used, absent, run, minutes)
                if not got:
                    break
                used += got
                start += got
            if start < end:
                rest.append((start, end))
        return rest, used

    def _lengthen(self, k: int, start: int, end: int, cap: int, absent: BoolArray,
                  run: RunStaff, minutes: list[Bought]) -> tuple[int, int, int]:
        """Enkel overtime at the head and tail of [start, end); returns the interval left and
        the minutes given."""
        staff = self.staff
        skill = self.skill_names[k]
        horizon = staff.horizon
        given = 0
        for at_head in (True, False):
            if start >= end or given >= cap:
                break
            table = staff.anchors_ending if at_head else staff.anchors_starting
            for anchor in table.get((start if at_head else end) % horizon, []):
                e = anchor.employee
                if skill not in staff.skills[e] or absent[e, anchor.day]:
                    continue
                length = min(end - start, staff.enkel_window, cap - given,
                             staff.span_max - (anchor.end - anchor.start),
                             staff.minutes_left(e, anchor.end if at_head else anchor.start, run))
                if length <= 0:
                    continue
                low = anchor.end if at_head else anchor.start - length
                if not staff.fits(e, low, low + length, run):
                    continue
                staff.give(e, low, low + length, run)
                if at_head:
                    self._record(minutes, k, ENKEL, start, start + length)
                    start += length
                else:
                    self._record(minutes, k, ENKEL, end - length, end)
                    end -= length
                given += length
                break
        return start, end, given

    def _extra_pass(self, k: int, start: int, end: int, cap: int, absent: BoolArray,
                    run: RunStaff, minutes: list[Bought]) -> int:
        """Kvalificerad overtime: one free employee works [start, end) (or its first part up
        to the caps); returns the minutes given (0: nobody may)."""
        staff = self.staff
        candidates = staff.free_for(self.skill_names[k], start, end, absent)
        if len(candidates) == 0:
            return 0
        order = sorted(candidates.tolist(), key=lambda e: (run.total.get(e, 0), e))
        for e in order:
            length = min(end - start, cap, staff.minutes_left(e, start, run))
            if length <= 0 or not staff.fits(e, start, start + length, run):
                continue
            staff.give(e, start, start + length, run)
            self._record(minutes, k, KVALIFICERAD, start, start + length)
            return length
        return 0
