"""Coverage prices: uncovered_demand, below_desired_demand, stranded_resurstid, shift_cover,
and the OB of the roster's own passes (ob).

Need and headcount are counted per skill and per minute of the horizon (days x 1440 minutes).
A minute works for a pass when it lies inside one of the pass's parts (start <= t < end); only
ordinary passes count, in their skill. Cyclic: minutes wrap modulo the horizon length (a night
pass of the last day covers day 0's morning); non-cyclic: whatever runs past the horizon's end
is cut off. Per-hour weights are charged per minute at `ore_per_minute`.

Money comes from the tariff (docs/costs.md): uncovered minutes are bought per the skill's
gap-fill policy at the least cost its caps allow, stranded minutes cost the skill's wage incl.
PO, each pass earns OB by the minutes of its parts — unless `costs` gives a flat weight.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from bemanna.checker.passes import RosterView
from bemanna.instance.frames import entries_on
from bemanna.tariff.absence_cover import absence_cover, cell_of_minute
from bemanna.tariff.clock import ObClock, ob_clock, pass_ob_cost
from bemanna.tariff.fill import cheapest_fill, fill_cost, fill_plan, stranded_rate
from bemanna.units import MINUTES_PER_DAY, ore_per_minute, sek_to_ore

Minutes = npt.NDArray[np.int64]
"""One value per minute of the horizon."""


@dataclass(frozen=True)
class Coverage:
    """Per skill and minute: ordinary headcount, minimum need and desired need."""

    headcount: dict[str, Minutes]
    need_min: dict[str, Minutes]
    need_desired: dict[str, Minutes]


class MinuteCounter:
    """Adds counts over minute intervals of one horizon (a difference array)."""

    def __init__(self, horizon_minutes: int, cyclic: bool) -> None:
        self.horizon = horizon_minutes
        self.cyclic = cyclic
        self.diff = np.zeros(horizon_minutes + 1, dtype=np.int64)

    def add(self, start: int, end: int, amount: int = 1) -> None:
        """Add amount on every minute t with start <= t < end (wrapped or cut, see above)."""
        if not self.cyclic:
            start, end = max(start, 0), min(end, self.horizon)
            if start < end:
                self.diff[start] += amount
                self.diff[end] -= amount
            return
        while start < end:
            base = (start // self.horizon) * self.horizon
            piece_end = min(end, base + self.horizon)
            self.diff[start - base] += amount
            self.diff[piece_end - base] -= amount
            start = piece_end

    def counts(self) -> Minutes:
        return np.cumsum(self.diff[:-1])


def need(view: RosterView, skill: str) -> tuple[Minutes, Minutes]:
    """Minimum and desired need per minute: every applying band adds up; a band with end <=
    start runs past midnight into the next date; desired defaults to min."""
    low = MinuteCounter(view.horizon_minutes, view.cyclic)
    wanted = MinuteCounter(view.horizon_minutes, view.cyclic)
    for day in range(view.days):
        midnight = day * MINUTES_PER_DAY
        for entry in entries_on(view.instance, skill, view.date(day)):
            for band in entry.bands:
                start, end = band.offsets
                low.add(midnight + start, midnight + end, band.min)
                desired = band.min if band.desired is None else band.desired
                wanted.add(midnight + start, midnight + end, desired)
    return low.counts(), wanted.counts()


def headcount(view: RosterView) -> dict[str, Minutes]:
    """Ordinary passes working each minute, per skill of the instance."""
    counters = {
        s.id: MinuteCounter(view.horizon_minutes, view.cyclic) for s in view.instance.skills
    }
    for p in view.all_passes():
        counter = counters.get(p.skill)
        if p.kind != "ordinary" or counter is None:
            continue
        for start, end in p.parts:
            counter.add(start, end)
    return {skill: counter.counts() for skill, counter in counters.items()}


def coverage(view: RosterView) -> Coverage:
    """Headcount and need arrays of the roster, computed once per view."""
    cached = view.memo.get("coverage")
    if isinstance(cached, Coverage):
        return cached
    needs = {s.id: need(view, s.id) for s in view.instance.skills}
    result = Coverage(
        headcount=headcount(view),
        need_min={k: v[0] for k, v in needs.items()},
        need_desired={k: v[1] for k, v in needs.items()},
    )
    view.memo["coverage"] = result
    return result


def uncovered_minutes(view: RosterView) -> dict[str, int]:
    """Per skill: sum over minutes of max(0, min_need - headcount)."""
    cov = coverage(view)
    return {k: int(np.maximum(0, cov.need_min[k] - cov.headcount[k]).sum()) for k in cov.headcount}


def below_desired_minutes(view: RosterView) -> dict[str, int]:
    """Per skill: sum over minutes of max(0, desired - max(min_need, headcount))."""
    cov = coverage(view)
    return {
        k: int(
            np.maximum(0, cov.need_desired[k] - np.maximum(cov.need_min[k], cov.headcount[k])).sum()
        )
        for k in cov.headcount
    }


def stranded_minutes(view: RosterView) -> dict[str, int]:
    """Per skill: sum over minutes of max(0, headcount - max(min_need, desired)): paid time
    inside ordinary passes that nobody needs."""
    cov = coverage(view)
    return {
        k: int(
            np.maximum(0, cov.headcount[k] - np.maximum(cov.need_min[k], cov.need_desired[k])).sum()
        )
        for k in cov.headcount
    }


def uncovered_per_minute(view: RosterView) -> dict[str, Minutes]:
    """Per skill and minute of the horizon: max(0, min need − ordinary headcount)."""
    cov = coverage(view)
    return {k: np.maximum(0, cov.need_min[k] - cov.headcount[k]) for k in cov.headcount}


def enkel_capacity(view: RosterView, skill: str) -> Minutes:
    """Per minute: ordinary passes of the skill that end at most `overtime_enkel_minutes`
    before it or start at most that long after it (each can stay or come early)."""
    window = view.instance.cost_model.overtime_enkel_minutes
    counter = MinuteCounter(view.horizon_minutes, view.cyclic)
    for p in view.all_passes():
        if p.kind == "ordinary" and p.skill == skill:
            counter.add(p.end, p.end + window)
            counter.add(p.start - window, p.start)
    return counter.counts()


def clock_of(view: RosterView) -> ObClock:
    """The OB clock of the view's instance, computed once per view."""
    cached = view.memo.get("ob_clock")
    if isinstance(cached, ObClock):
        return cached
    clock = ob_clock(view.instance)
    view.memo["ob_clock"] = clock
    return clock


def uncovered_demand(view: RosterView) -> int:
    total = 0
    for skill, uncovered in uncovered_per_minute(view).items():
        if not uncovered.any():
            continue
        plan = fill_plan(view.instance, skill, clock_of(view))
        capacity = enkel_capacity(view, skill) if plan.enkel_window else None
        total += fill_cost(plan, cheapest_fill(plan, uncovered, capacity))
    return total


def below_desired_demand(view: RosterView) -> int:
    costs = view.instance.costs
    return sum(
        minutes * ore_per_minute(costs.below_desired(skill))
        for skill, minutes in below_desired_minutes(view).items()
    )


def stranded_resurstid(view: RosterView) -> int:
    return sum(minutes * stranded_rate(view.instance, skill)
               for skill, minutes in stranded_minutes(view).items() if minutes)


def own_ob(view: RosterView) -> int:
    """OB of every pass (ordinary and resurspass) incl. PO, per category rounded once."""
    if not view.instance.costs.own_ob:
        return 0
    clock = clock_of(view)
    factor = 1 + Fraction(view.instance.cost_model.po_rate)
    return sum(pass_ob_cost(clock, factor, list(p.parts)) for p in view.all_passes())


def shift_cover(view: RosterView) -> int:
    """For each shift_demand entry, n = ordinary passes of its shift on its date (any skill):
    weight_under x max(0, required - n) + weight_over x max(0, n - required)."""
    count = Counter((p.shift_id, p.date) for p in view.all_passes() if p.kind == "ordinary")
    total = 0
    for entry in view.instance.shift_demand:
        n = count[(entry.shift, entry.date)]
        total += sek_to_ore(entry.weight_under_sek) * max(0, entry.required - n)
        total += sek_to_ore(entry.weight_over_sek) * max(0, n - entry.required)
    return total


def expected_absence_cover(view: RosterView) -> int:
    """Öre (≤ 0): per skill and cell, −price × min(resurspass minutes, expected absent need)
    (docs/rules.md; the cells and prices of `bemanna.tariff.absence_cover`)."""
    total = 0
    counters: dict[str, MinuteCounter] = {}
    for p in view.all_passes():
        if p.kind == "resurs":
            counter = counters.setdefault(p.skill, MinuteCounter(view.horizon_minutes,
                                                                 view.cyclic))
            for start, end in p.parts:
                counter.add(start, end)
    if not counters:
        return 0
    cov = coverage(view)
    for skill, counter in counters.items():
        cover = absence_cover(view.instance, skill, cov.need_min[skill], clock_of(view))
        if cover is None:
            continue
        per_minute = counter.counts()
        cells = cell_of_minute(len(per_minute))
        minutes = np.bincount(cells, weights=per_minute, minlength=len(cover.expected))
        total += cover.credit(np.rint(minutes).astype(np.int64))
    return total
