"""`expected_absence_cover`: resurspass placed where absence is expected earn a credit.

Per skill and cell (a date and a time band, `bemanna.tariff.absence_cover`): R = the
resurspass minutes of the skill in the cell (a linear expression of the resurspass literals),
A = the expected absent need, P = the price a booked minute saves. One variable
`booked ≤ min(R, A)` per cell, credited −P per minute, so at the optimum booked = min(R, A).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from ortools.sat.python import cp_model

from bemanna.solver.builders.coverage import _wrap, need_per_minute
from bemanna.solver.builders.fill import tariff_clock
from bemanna.solver.context import Context
from bemanna.tariff.absence_cover import absence_cover, cell_of_minute
from bemanna.units import MINUTES_PER_DAY

TERM = "expected_absence_cover"


def _cell_minutes(start: int, end: int, size: int) -> dict[int, int]:
    """Minutes of [start, end) (inside the horizon) per cell index (date × 4 + band)."""
    cells, counts = np.unique(cell_of_minute(size)[start:end], return_counts=True)
    return {int(c): int(n) for c, n in zip(cells, counts, strict=True)}


def build_expected_absence_cover(ctx: Context) -> None:
    inst = ctx.instance
    if not ctx.resurs:
        return
    size, cyclic = ctx.index.horizon_minutes, ctx.index.cyclic
    per_pass: dict[tuple[int, str], dict[int, int]] = {}
    by_skill: dict[str, dict[int, list[tuple[int, cp_model.IntVar]]]] = defaultdict(
        lambda: defaultdict(list))
    for (emp, day, sid), lit in ctx.resurs.items():
        shift = inst.shift[sid]
        skill = next(k for k in inst.employee[emp].skills if k in shift.skills)
        if (day, sid) not in per_pass:
            base = day * MINUTES_PER_DAY
            minutes_in: dict[int, int] = defaultdict(int)
            for a, b in _wrap([(base + s, base + e) for s, e in shift.offsets], size, cyclic):
                for cell, minutes in _cell_minutes(a, b, size).items():
                    minutes_in[cell] += minutes
            per_pass[(day, sid)] = minutes_in
        for cell, minutes in per_pass[(day, sid)].items():
            by_skill[skill][cell].append((minutes, lit))
    for skill, cells in by_skill.items():
        if skill not in ctx.need_cache:
            ctx.need_cache[skill] = need_per_minute(inst, skill)
        cover = absence_cover(inst, skill, ctx.need_cache[skill][0], tariff_clock(ctx))
        if cover is None:
            continue
        for cell, terms in cells.items():
            expected, price = int(cover.expected[cell]), int(cover.price[cell])
            if expected <= 0 or price <= 0:
                continue
            booked = ctx.model.new_int_var(0, expected, f"booked_{skill}_{cell}")
            ctx.model.add(booked <= cp_model.LinearExpr.weighted_sum(
                [lit for _, lit in terms], [m for m, _ in terms]))
            ctx.add_cost(TERM, -price, booked)
