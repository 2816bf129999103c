"""Drawing absence: which employee is away on which day, in every run at once.

Absence comes in spells of whole calendar days. Per employee, day by day:

- a spell running yesterday goes on today with chance q = 1 − 1 / `spell_mean_days` (so a
  spell lasts D days with P(D = k) = (1 − q) q^(k−1), mean `spell_mean_days`);
- otherwise a new spell starts today with chance p_d.

With a constant day rate r the share of absent days is then p / (1 − q (1 − p)); choosing
p = r (1 − q) / (1 − r q) makes it r exactly, and that p is used with each day's own rate r_d
(exact for single days, q = 0; close when the rate changes slowly against the spell length).
Day 0 is absent with chance r_0 (the chain starts in its long-run state). On an absent day the
employee's pass of that day is lost whole, whatever its kind.

All randomness comes from one array of uniforms of shape (runs, 2, employees, days) drawn
from the caller's generator, so run i sees the same numbers whatever the number of runs.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def start_chance(rates: FloatArray, q: float) -> FloatArray:
    """p_d: the chance a spell starts on a day not covered by a running one (see above)."""
    chance: FloatArray = rates * (1.0 - q) / (1.0 - rates * q)
    return chance


def draw_absent_days(rates: FloatArray, spell_continue: float, runs: int,
                     rng: np.random.Generator) -> BoolArray:
    """Absent days [run, employee, day] for day rates [employee, day] (each < 1)."""
    employees, days = rates.shape
    uniforms = rng.random((runs, 2, employees, days))
    start = start_chance(rates, spell_continue)
    absent = np.zeros((runs, employees, days), dtype=bool)
    if days == 0:
        return absent
    absent[:, :, 0] = uniforms[:, 0, :, 0] < rates[:, 0]
    for day in range(1, days):
        going_on = absent[:, :, day - 1] & (uniforms[:, 0, :, day] < spell_continue)
        absent[:, :, day] = going_on | (uniforms[:, 1, :, day] < start[:, day])
    return absent
