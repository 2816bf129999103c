"""Who of the own staff may work extra hours (mertid/övertid) to fill a gap, and when.

Two ways, both kept inside the working-time rules of the instance (docs/rules.md) against the
employee's roster passes and the extra time already given to them in the same run:

- **enkel** (stay longer or come earlier): a worked pass of the employee ends where the gap
  starts or starts where it ends; it is lengthened by at most `overtime_enkel_minutes` (2 h,
  domain.md §2). The lengthened pass must keep `pass_span` and the daily rest to the next (or
  from the previous) pass.
- **kvalificerad** (an extra pass): a free employee works a piece of the gap of at most
  `pass_span` minutes, with the daily rest (`daily_rest.min_minutes`, 11 h) before and after
  it.

Either way the weekly rest (`weekly_rest`, 36 h, or 47 h when it may not include the daily
rest) must still hold in each calendar week the extra time touches, and so must the 24-hour
windows of `daily_rest_24h` when that rule is on. The employee must have the gap's skill, not be
absent (the pass they would lengthen is worked; an extra pass: no absence on its days) and not
unavailable (vacation, course) on the extra pass's days. The caps of domain.md §3 hold per
employee: at most 48 h of extra time per 4 weeks (blocks of 28 days from the horizon's start),
50 h per calendar month and 200 h per year (pro rata: 200 × weeks / 52 over the horizon, since
the horizon stands for the whole year when annualised), and the ATL average of
`average_weekly_hours` over the horizon with the roster's paid minutes. Reduced rests
(`daily_rest.reduced_minutes`) are not used for extra time.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from bemanna.checker.passes import Interval, RosterView, longest_free
from bemanna.checker.rest import weekly_rest_minutes
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

NONE = 10**9
"""A span or rest limit that never binds (rule off)."""


@dataclass(frozen=True)
class OvertimeCaps:
    """Caps on an employee's extra hours (domain.md §3), in hours."""

    per_4_weeks: int = 48
    per_month: int = 50
    per_year: int = 200


@dataclass(frozen=True)
class Anchor:
    """A roster pass that may be lengthened: its holder, day and span."""

    employee: int
    day: int
    start: int
    end: int


@dataclass
class RunStaff:
    """Extra time given in one run: intervals and minutes per cap bucket, per employee."""

    extra: dict[int, list[Interval]] = field(default_factory=dict)
    minutes: dict[tuple[int, str, int], int] = field(default_factory=dict)
    total: dict[int, int] = field(default_factory=dict)


class StaffCalendar:
    """The roster's passes per employee, read once, and the rules extra time must keep."""

    def __init__(self, view: RosterView, caps: OvertimeCaps) -> None:
        inst = view.instance
        rules = inst.rules
        self.horizon = view.horizon_minutes
        self.cyclic = view.cyclic
        self.days = view.days
        self.weeks = inst.horizon.weeks
        self.skills = [set(e.skills) for e in inst.employees]
        self.rest = rules.daily_rest.min_minutes if rules.daily_rest.enabled else 0
        self.span_max = rules.pass_span.max_minutes if rules.pass_span.enabled else NONE
        self.weekly = weekly_rest_minutes(view) if rules.weekly_rest.enabled else 0
        self.daily_24h = rules.daily_rest_24h.min_minutes if rules.daily_rest_24h.enabled else 0
        self.dygnsbryt = [e.dygnsbryt for e in inst.employees]
        self.enkel_window = inst.cost_model.overtime_enkel_minutes
        shifts = (-self.horizon, 0, self.horizon) if self.cyclic else (0,)
        self.spans: list[list[Interval]] = []
        self.anchors_ending: dict[int, list[Anchor]] = {}
        self.anchors_starting: dict[int, list[Anchor]] = {}
        paid = []
        for e, emp in enumerate(inst.employees):
            own = view.passes[emp.id]
            self.spans.append(sorted((p.start + s, p.end + s) for p in own for s in shifts))
            paid.append(sum(p.paid_minutes for p in own))
            for p in own:
                anchor = Anchor(e, p.day, p.start, p.end)
                self.anchors_ending.setdefault(p.end % self.horizon, []).append(anchor)
                self.anchors_starting.setdefault(p.start % self.horizon, []).append(anchor)
        self.starts = [[s for s, _ in spans] for spans in self.spans]
        width = max(1, max(len(s) for s in self.spans))
        self.span_start = np.full((len(self.spans), width), NONE, dtype=np.int64)
        self.span_end = np.full((len(self.spans), width), -NONE, dtype=np.int64)
        for e, spans in enumerate(self.spans):
            for j, (start, end) in enumerate(spans):
                self.span_start[e, j], self.span_end[e, j] = start, end
        self.unavailable = np.array(
            [[any(r.contains(view.date(d)) for r in emp.unavailable) for d in range(self.days)]
             for emp in inst.employees], dtype=bool).reshape(len(inst.employees), self.days)
        self.month_of_day = self._months(view)
        hours = MINUTES_PER_HOUR
        self.caps = {
            "block": caps.per_4_weeks * hours,
            "month": caps.per_month * hours,
            "year": int(Fraction(caps.per_year * hours * self.weeks, 52)),
        }
        average = rules.average_weekly_hours
        self.atl_left = [
            (average.max_minutes_per_week * self.weeks - minutes) if average.enabled else NONE
            for minutes in paid
        ]

    @staticmethod
    def _months(view: RosterView) -> list[int]:
        first = view.date(0)
        return [(view.date(d).year - first.year) * 12 + view.date(d).month - first.month
                for d in range(view.days)]

    # --- caps -----------------------------------------------------------------------------

    def _buckets(self, e: int, start: int) -> list[tuple[tuple[int, str, int], int]]:
        day = (start // MINUTES_PER_DAY) % self.days
        return [((e, "block", day // 28), self.caps["block"]),
                ((e, "month", self.month_of_day[day]), self.caps["month"]),
                ((e, "year", 0), self.caps["year"])]

    def minutes_left(self, e: int, start: int, run: RunStaff) -> int:
        """How many more minutes of extra time the caps allow employee e (at `start`)."""
        left = self.atl_left[e] - run.total.get(e, 0)
        for key, cap in self._buckets(e, start):
            left = min(left, cap - run.minutes.get(key, 0))
        return max(0, left)

    def give(self, e: int, start: int, end: int, run: RunStaff) -> None:
        """Record extra time [start, end) for employee e in this run."""
        run.extra.setdefault(e, []).append((start, end))
        for key, _ in self._buckets(e, start):
            run.minutes[key] = run.minutes.get(key, 0) + end - start
        run.total[e] = run.total.get(e, 0) + end - start

    # --- rules ----------------------------------------------------------------------------

    def _near(self, e: int, low: int, high: int, run: RunStaff) -> list[Interval]:
        """The employee's busy spans (roster and extra time) that reach into [low, high)."""
        spans = self.spans[e]
        first = max(0, bisect.bisect_left(self.starts[e], low) - 1)
        last = bisect.bisect_left(self.starts[e], high)
        found = [s for s in spans[first:last] if s[1] > low and s[0] < high]
        shifts = (-self.horizon, 0, self.horizon) if self.cyclic else (0,)
        for start, end in run.extra.get(e, []):
            for s in shifts:
                if start + s < high and end + s > low:
                    found.append((start + s, end + s))
        return found

    def fits(self, e: int, start: int, end: int, run: RunStaff) -> bool:
        """Extra time [start, end) for employee e keeps pass_span, daily rest, weekly rest and
        the 24-hour windows (a busy span touching it makes one lengthened pass)."""
        reach = self.rest + (self.span_max if self.span_max < NONE else 2 * MINUTES_PER_DAY)
        near = self._near(e, start - reach - 1, end + reach + 1, run)
        if any(s < end and t > start for s, t in near):
            return False  # overlaps a pass or extra time
        low, high = start, end
        rest_of = list(near)
        merged = True
        while merged:
            merged = False
            for span in rest_of:
                if span[1] == low or span[0] == high:
                    low, high = min(low, span[0]), max(high, span[1])
                    rest_of.remove(span)
                    merged = True
                    break
        if high - low > self.span_max:
            return False
        if any(not (t <= low - self.rest or s >= high + self.rest) for s, t in rest_of):
            return False
        return self._weekly_ok(e, start, end, run) and self._windows_ok(e, start, end, run)

    def _weekly_ok(self, e: int, start: int, end: int, run: RunStaff) -> bool:
        if not self.weekly:
            return True
        for week in range(start // MINUTES_PER_WEEK, (end - 1) // MINUTES_PER_WEEK + 1):
            window = (week * MINUTES_PER_WEEK, (week + 1) * MINUTES_PER_WEEK)
            if not self.cyclic and not 0 <= week < self.weeks:
                continue
            busy = [*self._near(e, window[0], window[1], run), (start, end)]
            if longest_free(window, busy) < self.weekly:
                return False
        return True

    def _windows_ok(self, e: int, start: int, end: int, run: RunStaff) -> bool:
        if not self.daily_24h:
            return True
        offset = self.dygnsbryt[e]
        first = (start - offset) // MINUTES_PER_DAY - 1
        for day in range(first, (end - 1 - offset) // MINUTES_PER_DAY + 1):
            low = day * MINUTES_PER_DAY + offset
            window = (low, low + MINUTES_PER_DAY)
            if window[1] <= start or window[0] >= end:
                continue
            if not self.cyclic and (low < 0 or window[1] > self.horizon):
                continue
            busy = [*self._near(e, window[0], window[1], run), (start, end)]
            if longest_free(window, busy) < self.daily_24h:
                return False
        return True

    # --- candidates -----------------------------------------------------------------------

    def free_for(self, skill: str, start: int, end: int, absent: BoolArray) -> IntArray:
        """Employees with the skill, present and available on the days of [start, end), whose
        roster passes all keep the daily rest from it (extra time is checked by `fits`)."""
        first_day = (start // MINUTES_PER_DAY) % self.days
        last_day = ((end - 1) // MINUTES_PER_DAY) % self.days
        ok = np.array([skill in own for own in self.skills], dtype=bool)
        ok &= ~absent[:, first_day] & ~absent[:, last_day]
        ok &= ~self.unavailable[:, first_day] & ~self.unavailable[:, last_day]
        clash = ((self.span_start < end + self.rest) & (self.span_end > start - self.rest))
        ok &= ~clash.any(axis=1)
        found: IntArray = np.flatnonzero(ok)
        return found
