"""The OB clock: the OB category (obekväm arbetstid) of every minute of a horizon.

Every minute of the horizon (and of the days after it, where the last night passes end) gets
**the single highest-paid OB category it lies in**, or none: a Friday 22:00 minute lies in
weekday night (54.80), weekend (63.90) and weekend night (73.50) and is paid as weekend night
only; categories never add up. Of two categories with the same rate the later-listed wins.
Minute 0 is the horizon's start date at 00:00 (a Monday).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from bemanna.instance import Instance
from bemanna.instance.cost_model import ObCategory, clock_interval, weekly_intervals
from bemanna.tariff.holidays import major_holiday_windows, public_holiday_windows
from bemanna.tariff.rates import cost_of, ore
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_WEEK

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

DAYS_AFTER = 3
"""Days after the horizon the clock covers: a pass starts inside and spans at most 48 h."""

NO_OB = "none"


@dataclass(frozen=True)
class ObClock:
    """The OB category of every minute after the horizon start (Monday 00:00)."""

    categories: tuple[ObCategory, ...]
    index: IntArray
    """Per minute: index into `categories`, or -1 for no OB."""
    pass_costs: dict[tuple[Fraction, tuple[tuple[int, int], ...]], int] = field(
        default_factory=dict, compare=False, repr=False)
    """`pass_ob_cost` per (PO factor, parts), computed once (rosters repeat passes)."""

    def name(self, index: int) -> str:
        return NO_OB if index < 0 else self.categories[index].id

    def rate(self, index: int) -> Fraction:
        """OB in öre per hour (0 for no OB)."""
        return Fraction(0) if index < 0 else ore(self.categories[index].sek_per_hour)

    def minutes_per_category(self, start: int, end: int) -> IntArray:
        """Minutes of [start, end) per category; element 0 is 'no OB', i + 1 category i."""
        return np.bincount(self.index[start:end] + 1, minlength=len(self.categories) + 1)


def _in_intervals(values: IntArray, intervals: list[tuple[int, int]], period: int) -> BoolArray:
    """values (taken modulo period) inside one of the intervals [s, e), e possibly > period."""
    mask = np.zeros(len(values), dtype=bool)
    for start, end in intervals:
        if end <= period:
            mask |= (values >= start) & (values < end)
        else:
            mask |= (values >= start) | (values < end - period)
    return mask


def ob_clock(inst: Instance) -> ObClock:
    """Build the per-minute OB category for the horizon plus DAYS_AFTER days."""
    cm = inst.cost_model
    days = inst.horizon.days + DAYS_AFTER
    minute = np.arange(days * MINUTES_PER_DAY, dtype=np.int64)
    of_week, of_day = minute % MINUTES_PER_WEEK, minute % MINUTES_PER_DAY  # day 0 is a Monday
    first, last = inst.horizon.start, inst.horizon.start + dt.timedelta(days=days - 1)
    origin = dt.datetime.combine(inst.horizon.start, dt.time())
    holiday_windows = {
        "public": public_holiday_windows(cm.holidays, first, last),
        "major": major_holiday_windows(cm.holidays, first, last),
    }
    index = np.full(len(minute), -1, dtype=np.int64)
    # Highest rate last, so that it overwrites: each minute keeps its best-paid category.
    order = sorted(range(len(cm.ob)), key=lambda i: cm.ob[i].sek_per_hour)
    for i in order:
        category = cm.ob[i]
        intervals = [iv for text in category.weekly for iv in weekly_intervals(text)]
        mask = _in_intervals(of_week, intervals, MINUTES_PER_WEEK)
        if category.holidays is not None:
            holiday = np.zeros(len(minute), dtype=bool)
            for start, end in holiday_windows[category.holidays]:
                lo = int((start - origin).total_seconds()) // 60
                hi = int((end - origin).total_seconds()) // 60
                holiday[max(lo, 0):max(hi, 0)] = True
            if category.holiday_hours is not None:
                hours = clock_interval(category.holiday_hours)
                holiday &= _in_intervals(of_day, [hours], MINUTES_PER_DAY)
            mask |= holiday
        index[mask] = i
    index.flags.writeable = False
    return ObClock(tuple(cm.ob), index)


def pass_ob_minutes(clock: ObClock, parts: list[tuple[int, int]]) -> IntArray:
    """Minutes of a pass's parts ([start, end) in minutes after the horizon start) per OB
    category: element i is category i (the 'no OB' minutes are left out)."""
    minutes = np.zeros(len(clock.categories) + 1, dtype=np.int64)
    for start, end in parts:
        minutes += clock.minutes_per_category(start, end)
    return minutes[1:]


def pass_ob_cost(clock: ObClock, po_factor: Fraction, parts: list[tuple[int, int]]) -> int:
    """The OB of one pass incl. PO, in öre: per category minutes × rate × (1 + PO) / 60,
    rounded once per category (as the pricing's rows)."""
    key = (po_factor, tuple(parts))
    cached = clock.pass_costs.get(key)
    if cached is None:
        cached = sum(cost_of(int(count), clock.rate(i) * po_factor)
                     for i, count in enumerate(pass_ob_minutes(clock, parts)) if count)
        clock.pass_costs[key] = cached
    return cached
