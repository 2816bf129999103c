"""Coverage of the staffing need: `uncovered_demand`, `below_desired_demand`,
`stranded_resurstid` (per skill, over the time of day) and `shift_cover` (per shift type).

The horizon is cut into segments at every minute where the need of a skill changes or a pass
that may cover it starts or ends; inside a segment headcount and need are constant, so one
shortfall and one excess variable per segment price it exactly, minute by minute.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.solver.builders.fill import FillModel, skill_plan
from bemanna.solver.context import Context
from bemanna.tariff.fill import stranded_rate
from bemanna.units import MINUTES_PER_DAY, ore_per_minute, sek_to_ore


def add_interval(array: np.ndarray, start: int, end: int, value: int, cyclic: bool) -> None:
    size = len(array)
    if cyclic:
        while start >= size:
            start, end = start - size, end - size
        if end > size:
            array[start:] += value
            array[: end - size] += value
            return
    array[max(0, start): min(end, size)] += value


def need_per_minute(inst: Instance, skill: str) -> tuple[np.ndarray, np.ndarray]:
    """Minimum and desired headcount of `skill` for every minute of the horizon."""
    days = inst.horizon.days
    minimum = np.zeros(days * MINUTES_PER_DAY, dtype=np.int64)
    desired = np.zeros_like(minimum)
    entries = [d for d in inst.demand if d.skill == skill]
    dated = {date for d in entries for date in (d.dates or [])}
    for day in range(days):
        date = inst.horizon.date(day)
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[date.weekday()]
        if date in dated:
            applying = [d for d in entries if d.dates and date in d.dates]
        else:
            applying = [d for d in entries if d.dates is None and weekday in d.weekdays]
        for entry in applying:
            for band in entry.bands:
                start, end = band.offsets
                base = day * MINUTES_PER_DAY
                want = band.desired if band.desired is not None else band.min
                add_interval(minimum, base + start, base + end, band.min, inst.horizon.cyclic)
                add_interval(desired, base + start, base + end, want, inst.horizon.cyclic)
    return minimum, np.maximum(desired, minimum)


def _wrap(intervals: list[tuple[int, int]], size: int, cyclic: bool) -> list[tuple[int, int]]:
    out = []
    for start, end in intervals:
        if cyclic:
            start, end = start % size, start % size + (end - start)
            if end > size:
                out += [(start, size), (0, end - size)]
                continue
        start, end = max(0, start), min(end, size)
        if start < end:
            out.append((start, end))
    return out


def _pass_windows(ctx: Context, skill: str, window: int) -> list[tuple[int, int, cp_model.IntVar]]:
    """The enkel-overtime windows of the ordinary passes of a skill: `window` minutes after
    each pass's end and before its start, wrapped like the passes."""
    if not window:
        return []
    inst = ctx.instance
    size, cyclic = ctx.index.horizon_minutes, ctx.index.cyclic
    found: list[tuple[int, int, cp_model.IntVar]] = []
    for (_, day, sid, covered), lit in ctx.cover.items():
        if covered != skill:
            continue
        offsets = inst.shift[sid].offsets
        start = day * MINUTES_PER_DAY + offsets[0][0]
        end = day * MINUTES_PER_DAY + offsets[-1][1]
        for a, b in _wrap([(end, end + window), (start - window, start)], size, cyclic):
            found.append((a, b, lit))
    return found


def _members(bounds: list[int], intervals: list[tuple[int, int, cp_model.IntVar]],
             ) -> list[list[cp_model.IntVar]]:
    """Per segment between consecutive bounds: the literals whose interval contains it."""
    members: list[list[cp_model.IntVar]] = [[] for _ in range(len(bounds) - 1)]
    for start, end, lit in intervals:
        for seg in range(bisect.bisect_left(bounds, start), bisect.bisect_left(bounds, end)):
            members[seg].append(lit)
    return members


def build_coverage(ctx: Context) -> None:
    inst = ctx.instance
    size = ctx.index.horizon_minutes
    cyclic = ctx.index.cyclic
    by_skill: dict[str, list[tuple[int, int, cp_model.IntVar]]] = defaultdict(list)
    for (_, day, sid, skill), lit in ctx.cover.items():
        shift = inst.shift[sid]
        base = day * MINUTES_PER_DAY
        for start, end in _wrap([(base + a, base + b) for a, b in shift.offsets], size, cyclic):
            by_skill[skill].append((start, end, lit))
    for skill in [s.id for s in inst.skills]:
        if skill not in ctx.need_cache:
            ctx.need_cache[skill] = need_per_minute(inst, skill)
        minimum, desired = ctx.need_cache[skill]
        intervals = by_skill.get(skill, [])
        if not intervals and not minimum.any():
            continue
        plan = skill_plan(ctx, skill) if minimum.any() else None
        windows = _pass_windows(ctx, skill, plan.enkel_window) if plan else []
        cuts = {0, size}
        arrays = [minimum, desired] + ([p.price for p in plan.pays] if plan else [])
        for array in arrays:
            cuts.update((np.flatnonzero(np.diff(array)) + 1).tolist())
        for start, end, _ in intervals + windows:
            cuts.update((start, end))
        bounds = sorted(cuts)
        members = _members(bounds, intervals)
        adjacent = _members(bounds, windows)
        fill = FillModel(ctx, plan) if plan else None
        rates = (ore_per_minute(inst.costs.below_desired(skill)),
                 stranded_rate(inst, skill) if intervals else 0)
        for seg, lits in enumerate(members):
            a, b = bounds[seg], bounds[seg + 1]
            short = _price_segment(ctx, skill, b - a, int(minimum[a]), int(desired[a]), lits,
                                   rates)
            if fill is not None:
                fill.add(a, b - a, int(minimum[a]), short, adjacent[seg])
        if fill is not None:
            fill.finish()


def _price_segment(ctx: Context, skill: str, length: int, need: int, want: int,
                   lits: list[cp_model.IntVar], rates: tuple[int, int]) -> cp_model.IntVar | None:
    """Price one segment of `length` minutes with constant need, desired level and cover;
    return its shortfall variable (None when nobody can cover it: short = need), which the
    fill model prices.

    short >= need - headcount and short + below >= want - headcount make, at the optimum,
    short = max(0, need - headcount) and below = max(0, want - max(need, headcount)), because
    an uncovered minute never costs less than a minute below the desired level (validated).
    """
    desired_rate, stranded = rates
    model = ctx.model
    top = max(need, want)
    if not lits:
        ctx.add_constant_cost("below_desired_demand", desired_rate * length * (want - need))
        return None
    headcount = cp_model.LinearExpr.sum(lits)
    short: cp_model.IntVar | None = None
    if need > 0:
        short = model.new_int_var(0, need, f"short_{skill}")
        _set_max_zero(ctx, short, need - headcount)
    if want > need and desired_rate:
        below = model.new_int_var(0, want - need, f"below_{skill}")
        _set_max_zero(ctx, below, want - (headcount + (0 if short is None else short)))
        ctx.add_cost("below_desired_demand", desired_rate * length, below)
    if stranded and len(lits) > top:
        excess = model.new_int_var(0, len(lits) - top, f"excess_{skill}")
        _set_max_zero(ctx, excess, headcount - top)
        ctx.add_cost("stranded_resurstid", stranded * length, excess)
    return short


def _set_max_zero(ctx: Context, var: cp_model.IntVar, expr: cp_model.LinearExprT) -> None:
    """var >= max(0, expr); minimising makes it equal at the optimum. (Stating var = max(0,
    expr) exactly was measured: first roster 21 s instead of 9 s and a 2.7× worse roster at
    30 s on the care home, so rosters found mid-search are priced again exactly instead.)"""
    ctx.model.add(var >= expr)


def build_shift_cover(ctx: Context) -> None:
    inst = ctx.instance
    passes: dict[tuple[int, str], list[cp_model.IntVar]] = defaultdict(list)
    for (_, day, sid, _), lit in ctx.cover.items():
        passes[(day, sid)].append(lit)
    for entry in inst.shift_demand:
        found = inst.horizon.day_of(entry.date)
        assert found is not None  # validated: inside the horizon
        lits = passes.get((found, entry.shift), [])
        n = cp_model.LinearExpr.sum(lits)
        under_price = sek_to_ore(entry.weight_under_sek)
        over_price = sek_to_ore(entry.weight_over_sek)
        if entry.required and under_price:
            if not lits:
                ctx.add_constant_cost("shift_cover", under_price * entry.required)
            else:
                under = ctx.model.new_int_var(0, entry.required, "cover_under")
                ctx.model.add(n + under >= entry.required)
                ctx.add_cost("shift_cover", under_price, under)
        if over_price and len(lits) > entry.required:
            over = ctx.model.new_int_var(0, len(lits) - entry.required, "cover_over")
            ctx.model.add(n - over <= entry.required)
            ctx.add_cost("shift_cover", over_price, over)
