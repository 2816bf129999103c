"""Expected absence: the instance's absence profile read per minute of the horizon.

Two questions, two answers:

- **Before a roster exists** (where should resurspass lie?): `expected_need_absence(instance)`
  gives, per skill and minute, `rate × minimum need`: the absent headcount to expect when the
  need is staffed exactly by ordinary passes. `expected_absence_table` sums it per weekday ×
  band (the cells of `bemanna.pricing.bands`).
- **For a roster**: `expected_absent_headcount(view)` gives, per skill and minute, the sum over
  the ordinary passes of that skill working the minute of the chance that the pass's holder is
  absent (`pass_rate`).

A minute's rate is the rate of its cell (weekday of its own date × band) for the employee's
first skill (`AbsenceProfile.cell_rate`); a pass's rate is the mean over the minutes of its
parts, because a pass is lost whole. Both are expected values of *absent* headcount: an absence
opens a gap only where the headcount left falls below the need (stranded resurstid absorbs it),
so the expected uncovered need is at most these figures — `bemanna.simulation` counts it exactly.
With multi-day spells the marginal chance of each day is kept (approximately where the rate
changes from day to day, see `draws`), so the expectations hold for spells too.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from bemanna.checker.coverage import need
from bemanna.checker.passes import Pass, RosterView, read_roster
from bemanna.instance import Instance
from bemanna.pricing.bands import CELLS, cell_of_minute
from bemanna.roster import Roster
from bemanna.units import MINUTES_PER_DAY

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

DAYS_AFTER = 2
"""Days after the horizon a pass may reach (it starts inside and spans at most 48 h)."""

ABSENCE_COLUMNS = ["skill", "weekday", "band", "need_minutes", "rate",
                   "expected_absent_minutes"]


def clock_minutes(instance: Instance) -> int:
    """Minutes of the horizon plus the days after it a pass can reach."""
    return (instance.horizon.days + DAYS_AFTER) * MINUTES_PER_DAY


def minute_rates(instance: Instance, skill: str) -> FloatArray:
    """The absence rate of a skill at every minute from the horizon start (horizon plus
    DAYS_AFTER days): the rate of the minute's weekday × band cell."""
    cells = cell_of_minute(clock_minutes(instance))
    rates: FloatArray = instance.absence.cell_rates(skill).ravel()[cells]
    return rates


def pass_rate(rates: FloatArray, p: Pass) -> float:
    """Chance that the holder of pass p is absent from it: the mean rate over its parts'
    minutes (`rates` from `minute_rates` of the employee's first skill)."""
    total = sum(float(rates[max(start, 0):end].sum()) for start, end in p.parts)
    worked = sum(end - max(start, 0) for start, end in p.parts)
    return total / worked if worked > 0 else 0.0


def employee_rates(instance: Instance) -> dict[str, FloatArray]:
    """Per employee: the minute rates of their first skill (shared between employees)."""
    by_skill: dict[str, FloatArray] = {}
    found = {}
    for emp in instance.employees:
        skill = emp.skills[0]
        if skill not in by_skill:
            by_skill[skill] = minute_rates(instance, skill)
        found[emp.id] = by_skill[skill]
    return found


def day_rates(view: RosterView) -> FloatArray:
    """Per employee (instance order) and day of the horizon: the chance of being absent that
    day — the rate of the day's first pass, or on a day without one the mean rate of the
    day's minutes (it matters only for spells that run over days off)."""
    instance = view.instance
    rates = employee_rates(instance)
    out = np.zeros((len(instance.employees), view.days), dtype=np.float64)
    for e, emp in enumerate(instance.employees):
        own = rates[emp.id][: view.horizon_minutes].reshape(view.days, MINUTES_PER_DAY)
        out[e] = own.mean(axis=1)
        seen: set[int] = set()
        for p in view.passes[emp.id]:
            if p.day not in seen:
                seen.add(p.day)
                out[e, p.day] = pass_rate(rates[emp.id], p)
    return out


def _add(diff: FloatArray, start: int, end: int, value: float, horizon: int,
         cyclic: bool) -> None:
    """Add value on [start, end) of a difference array of one horizon (wrapped or cut)."""
    if not cyclic:
        start, end = max(start, 0), min(end, horizon)
        if start < end:
            diff[start] += value
            diff[end] -= value
        return
    while start < end:
        base = (start // horizon) * horizon
        piece = min(end, base + horizon)
        diff[start - base] += value
        diff[piece - base] -= value
        start = piece


def expected_absent_headcount(view: RosterView) -> dict[str, FloatArray]:
    """Per skill and minute of the horizon: the expected number of ordinary passes of that
    skill working the minute whose holder is absent (Σ pass_rate over those passes)."""
    instance = view.instance
    rates = employee_rates(instance)
    horizon = view.horizon_minutes
    diffs = {s.id: np.zeros(horizon + 1, dtype=np.float64) for s in instance.skills}
    for p in view.all_passes():
        if p.kind != "ordinary" or p.skill not in diffs:
            continue
        chance = pass_rate(rates[p.employee], p)
        for start, end in p.parts:
            _add(diffs[p.skill], start, end, chance, horizon, view.cyclic)
    return {skill: np.cumsum(diff[:-1]) for skill, diff in diffs.items()}


def empty_view(instance: Instance) -> RosterView:
    """The instance read with a roster of no passes (for need-only figures)."""
    horizon = instance.horizon
    roster = Roster(instance.name, horizon.start, horizon.days, horizon.cyclic, "EMPTY", None,
                    None, [], [])
    return read_roster(instance, roster)


def need_per_minute(instance: Instance) -> dict[str, IntArray]:
    """Minimum need per skill and minute of the horizon (as the checker counts it)."""
    view = empty_view(instance)
    return {s.id: need(view, s.id)[0] for s in instance.skills}


def expected_need_absence(instance: Instance) -> dict[str, FloatArray]:
    """Per skill and minute of the horizon: rate × minimum need (no roster needed)."""
    horizon = instance.horizon.days * MINUTES_PER_DAY
    return {skill: minute_rates(instance, skill)[:horizon] * minimum
            for skill, minimum in need_per_minute(instance).items()}


def expected_absence_table(instance: Instance) -> pd.DataFrame:
    """Per skill × weekday × band (cells with need): the need's person-minutes over the
    horizon, the cell's absence rate and the expected absent person-minutes (rate × need)."""
    horizon = instance.horizon.days * MINUTES_PER_DAY
    cells = cell_of_minute(horizon)
    rows = []
    for skill, minimum in need_per_minute(instance).items():
        need_minutes = np.bincount(cells, weights=minimum, minlength=len(CELLS))
        rates = instance.absence.cell_rates(skill).ravel()
        for cell, (weekday, band) in enumerate(CELLS):
            if need_minutes[cell] > 0:
                rows.append((skill, weekday, band, round(need_minutes[cell]),
                             float(rates[cell]), float(rates[cell] * need_minutes[cell])))
    return pd.DataFrame(rows, columns=ABSENCE_COLUMNS).astype(
        {"need_minutes": "int64", "rate": "float64", "expected_absent_minutes": "float64"})
