"""Uncovered need and what buying it will cost (domain.md §4, §6).

Uncovered minutes per skill and minute: `max(0, min need − ordinary headcount)` (the
`uncovered_demand` minutes of docs/rules.md). They are bought per the skill's gap-fill policy
at the least cost its caps allow, each pay priced per minute in whole öre — the allocation and
prices of `bemanna.tariff.fill`, the same the solver's objective and the checker use:

- **hourly_temp**: (wage × (1 + holiday pay) + OB) × (1 + PO), wage = skill salary / 165;
- **overtime** of own staff: **enkel** wage × 1.8 × (1 + PO) within `overtime_enkel_minutes`
  (2 h) before the start or after the end of an ordinary pass of the skill, one headcount per
  such pass; **kvalificerad** wage × 2.4 × (1 + PO) otherwise; no OB;
- **agency**: the agency price + OB (an invoice: no PO).

A flat `costs.uncovered_per_hour` weight changes the objective only: this table always reports
kronor.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bemanna.checker.coverage import enkel_capacity, uncovered_per_minute
from bemanna.checker.passes import RosterView
from bemanna.pricing.bands import CELLS, IntArray, cell_of_minute, per_cell
from bemanna.tariff.clock import ObClock
from bemanna.tariff.fill import Pay, cheapest_fill, fill_plan
from bemanna.units import MINUTES_PER_HOUR

UNCOVERED_COLUMNS = ["skill", "weekday", "band", "minutes", "hours"]
GAP_FILL_COLUMNS = ["skill", "source", "pay", "weekday", "band", "ob_category", "minutes",
                    "cost_ore"]


def uncovered_table(view: RosterView) -> pd.DataFrame:
    """Uncovered minutes per skill × weekday × band (rows with minutes only)."""
    rows = []
    for skill, per_minute in uncovered_per_minute(view).items():
        for cell, count in enumerate(per_cell(per_minute)):
            if count:
                weekday, band = CELLS[cell]
                rows.append((skill, weekday, band, int(count),
                             round(int(count) / MINUTES_PER_HOUR, 2)))
    return pd.DataFrame(rows, columns=UNCOVERED_COLUMNS).astype(
        {"minutes": "int64", "hours": "float64"}
    )


def _rows(skill: str, pay: Pay, units: IntArray, clock: ObClock) -> list[tuple[object, ...]]:
    """Rows of one pay per weekday × band × OB category (OB 'none' for overtime)."""
    size = len(units)
    with_ob = pay.pay != "enkel" and pay.pay != "kvalificerad"
    ob_index = clock.index[:size] if with_ob else np.full(size, -1, dtype=np.int64)
    width = len(clock.categories) + 1
    keys = cell_of_minute(size) * width + ob_index + 1
    minutes = np.bincount(keys, weights=units, minlength=len(CELLS) * width)
    cost = np.bincount(keys, weights=units * pay.price, minlength=len(CELLS) * width)
    rows: list[tuple[object, ...]] = []
    for key in np.flatnonzero(minutes):
        weekday, band = CELLS[int(key) // width]
        rows.append((skill, pay.source, pay.pay, weekday, band,
                     clock.name(int(key) % width - 1), round(minutes[key]),
                     round(cost[key])))
    return rows


def gap_fill_table(view: RosterView, clock: ObClock) -> pd.DataFrame:
    """Uncovered minutes bought per the policy: per skill, source, pay kind, weekday × band and
    OB category, with their cost in öre (integer sums below 2**53 are exact in float64)."""
    rows: list[tuple[object, ...]] = []
    for skill, uncovered in uncovered_per_minute(view).items():
        if not uncovered.any():
            continue
        plan = fill_plan(view.instance, skill, clock, money=True)
        capacity = enkel_capacity(view, skill) if plan.enkel_window else None
        for pay, units in zip(plan.pays, cheapest_fill(plan, uncovered, capacity), strict=True):
            if units.any():
                rows += _rows(skill, pay, units, clock)
    return pd.DataFrame(rows, columns=GAP_FILL_COLUMNS).astype(
        {"minutes": "int64", "cost_ore": "int64"}
    )
