"""Resurstid: paid contract time not tied to the need, bookable or stranded (domain.md §6).

- **bookable**: the minutes of resurspass (passes of kind `resurs`): whole passes placed in the
  schedule and booked later for absence or vacancies.
- **stranded**: per skill and minute, `max(0, headcount − max(min need, desired need))`: paid
  minutes inside ordinary passes that no need asks for and nobody can book (the same minutes as
  the `stranded_resurstid` price in docs/rules.md).

Both are counted where they lie, per weekday × time band (`bands`), in minutes, hours, FTE
(minutes / (38.25 h × 60 × weeks)) and SEK: bookable minutes at the employee's own loaded hourly
wage, stranded minutes at the skill's loaded wage per minute in whole öre (as the objective
prices them). The SEK figures are a part of the
personnel line (they are contract time), never added to it. Unpaid breaks are not placed
(docs/rules.md), so both count a pass's minutes as worked.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from bemanna.checker.coverage import MinuteCounter, coverage
from bemanna.checker.passes import RosterView
from bemanna.instance.model import FULL_TIME_ROTATING
from bemanna.pricing.bands import CELLS, IntArray, per_cell
from bemanna.pricing.wages import employee_wage, skill_wage, with_po
from bemanna.tariff.rates import per_minute
from bemanna.units import MINUTES_PER_HOUR, round_half_up

RESURSTID_COLUMNS = ["kind", "skill", "weekday", "band", "minutes", "hours", "fte", "cost_ore"]


def full_time_minutes(view: RosterView) -> int:
    """One FTE over the horizon: 38.25 h/week (rotating full time) × weeks, in minutes."""
    return FULL_TIME_ROTATING * view.instance.horizon.weeks


def _rows(kind: str, skill: str, minutes: IntArray, cost: list[Fraction], fte_minutes: int,
          ) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for cell, (weekday, band) in enumerate(CELLS):
        count = int(minutes[cell])
        if count:
            rows.append((kind, skill, weekday, band, count, round(count / MINUTES_PER_HOUR, 2),
                         round(count / fte_minutes, 3), round_half_up(cost[cell])))
    return rows


def bookable_cells(view: RosterView) -> dict[str, tuple[IntArray, list[Fraction]]]:
    """Per skill of the resurspass: minutes per cell and their cost (öre, exact)."""
    cm = view.instance.cost_model
    found: dict[str, tuple[IntArray, list[Fraction]]] = {}
    for emp in view.instance.employees:
        own = [p for p in view.passes[emp.id] if p.kind == "resurs"]
        loaded_per_minute = with_po(cm, employee_wage(cm, emp)[2]) / MINUTES_PER_HOUR
        for skill in sorted({p.skill for p in own}):
            counter = MinuteCounter(view.horizon_minutes, view.cyclic)
            for p in own:
                if p.skill == skill:
                    for start, end in p.parts:
                        counter.add(start, end)
            cells = per_cell(counter.counts())
            minutes, cost = found.get(skill, (np.zeros(len(CELLS), dtype=np.int64),
                                              [Fraction(0)] * len(CELLS)))
            cost = [c + int(m) * loaded_per_minute for c, m in zip(cost, cells, strict=True)]
            found[skill] = (minutes + cells, cost)
    return found


def stranded_per_minute(view: RosterView) -> dict[str, IntArray]:
    """Per skill and minute: max(0, headcount − max(min need, desired need))."""
    cov = coverage(view)
    return {
        k: np.maximum(0, cov.headcount[k] - np.maximum(cov.need_min[k], cov.need_desired[k]))
        for k in cov.headcount
    }


def resurstid_table(view: RosterView) -> pd.DataFrame:
    """Bookable and stranded resurstid per skill × weekday × band (rows with minutes only)."""
    cm = view.instance.cost_model
    fte = full_time_minutes(view)
    rows: list[tuple[object, ...]] = []
    for skill, (minutes, cost) in sorted(bookable_cells(view).items()):
        rows += _rows("bookable", skill, minutes, cost, fte)
    for skill, stranded in stranded_per_minute(view).items():
        cells = per_cell(stranded)
        if not cells.any():
            continue
        rate = Fraction(per_minute(with_po(cm, skill_wage(cm, skill))))
        rows += _rows("stranded", skill, cells, [int(m) * rate for m in cells], fte)
    frame = pd.DataFrame(rows, columns=RESURSTID_COLUMNS)
    return frame.astype({"minutes": "int64", "hours": "float64", "fte": "float64",
                         "cost_ore": "int64"})
