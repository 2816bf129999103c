"""Where a roster misfits the need, per day: minutes of minimum need nobody covers plus
minutes of staff beyond the desired level, summed over skills, and for cover stated per
shift (benchmark formats) the pass minutes below or above what is required. Day blocks of
neighbourhood search (`lns.py`) start where this is large, so a block frees days with
something to gain.

A guide, not a price: the model prices these minutes unevenly (OB, fill, resurspass credit),
but a day without shortfall or surplus has little a re-solve can improve."""

from __future__ import annotations

import numpy as np

from bemanna.solver.builders.coverage import add_interval, need_per_minute
from bemanna.solver.context import Context
from bemanna.units import MINUTES_PER_DAY


class DayMisfit:
    def __init__(self, ctx: Context) -> None:
        inst = ctx.instance
        self.days = ctx.index.days
        self.cyclic = ctx.index.cyclic
        self.need: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.passes: list[tuple[int, str, list[tuple[int, int]]]] = []
        """(literal index, skill, absolute intervals) of every way to cover."""
        for (_, day, sid, skill), lit in ctx.cover.items():
            base = day * MINUTES_PER_DAY
            spans = [(base + a, base + b) for a, b in inst.shift[sid].offsets]
            self.passes.append((lit.index, skill, spans))
            if skill not in self.need:
                self.need[skill] = ctx.need_cache.get(skill) or need_per_minute(inst, skill)
        self.by_shift: dict[tuple[int, str], list[int]] = {}
        for (_, day, sid, _), lit in ctx.cover.items():
            self.by_shift.setdefault((day, sid), []).append(lit.index)
        self.shift_cover: list[tuple[int, str, int, int, int]] = []
        """(day, shift, required, minutes a pass short, minutes a pass over) of each priced
        per-shift cover (0 where that side is not priced)."""
        for entry in inst.shift_demand:
            on = inst.horizon.day_of(entry.date)
            minutes = inst.shift[entry.shift].paid_minutes
            under = minutes if entry.weight_under_sek else 0
            over = minutes if entry.weight_over_sek else 0
            if on is not None and (under or over):
                self.shift_cover.append((on, entry.shift, entry.required, under, over))

    def per_day(self, values: list[int]) -> np.ndarray:
        """Misfit minutes per day of the roster whose variable values are `values`."""
        size = self.days * MINUTES_PER_DAY
        heads = {skill: np.zeros(size, dtype=np.int64) for skill in self.need}
        for index, skill, spans in self.passes:
            if values[index]:
                for start, end in spans:
                    add_interval(heads[skill], start, end, 1, self.cyclic)
        misfit = np.zeros(size, dtype=np.int64)
        for skill, (minimum, desired) in self.need.items():
            head = heads[skill]
            misfit += np.maximum(0, minimum - head) + np.maximum(0, head - desired)
        per_day = misfit.reshape(self.days, MINUTES_PER_DAY).sum(axis=1)
        for day, sid, required, under, over in self.shift_cover:
            worked = sum(values[i] for i in self.by_shift.get((day, sid), ()))
            per_day[day] += max(0, required - worked) * under + max(0, worked - required) * over
        return per_day
