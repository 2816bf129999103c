"""Where a roster misfits the need, per day: minutes of minimum need nobody covers plus
minutes of staff beyond the desired level, summed over skills. Day blocks of neighbourhood
search (`lns.py`) start where this is large, so a block frees days with something to gain.
A model without need per minute (cover stated per shift, as in Curtois) keeps uniform day
blocks: guiding there by worked minutes or by per-shift cover measured no better (geometric
mean 1.158 against 1.144 unguided over Curtois Instance1–20, one run each).

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
        # a skill without need per minute has no misfit to guide by (every worked minute
        # would count as surplus)
        self.need = {k: v for k, v in self.need.items() if v[0].any()}
        self.passes = [p for p in self.passes if p[1] in self.need]

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
        return misfit.reshape(self.days, MINUTES_PER_DAY).sum(axis=1)
