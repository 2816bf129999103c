"""Expected absence cover: what a resurspass is worth where absence is expected.

A resurspass is paid contract time placed in the schedule to be booked later, when someone is
absent (domain.md §2). Where it lies decides whether it gets booked. The absence profile
(`instance.absence`, default 9.7 % sick leave) gives a rate per skill × weekday × time band;
for each **cell** — one date and one band (morning 07–13, afternoon 13–19, evening 19–22,
night 22–07, a minute belonging to its own date) — the expected absent need is

    A = round(Σ over the cell's minutes of min_need(t) × rate(cell))   (minutes, half up)

and its price is what the skill's first gap-fill source would cost there, need-weighted over the
cell (`fill_plan`'s first source, its cheapest pay per minute but never enkel overtime):

    P = round(Σ min_need(t) × price(t) / Σ min_need(t))   (öre per minute).

The term `expected_absence_cover` credits −P × min(R, A) per cell, R being the resurspass
minutes of the skill in the cell: a resurspass minute is expected to save the price of buying
that minute, up to the expected absent need (an estimate: the mean absence, not its spread —
`bemanna simulate` measures the real booking rate). The solver and the checker share this
module, so they agree to the öre.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from bemanna.instance import Instance
from bemanna.instance.absence import BAND_NAMES
from bemanna.tariff.clock import ObClock
from bemanna.tariff.fill import ENKEL, fill_plan
from bemanna.units import MINUTES_PER_DAY

IntArray = npt.NDArray[np.int64]

BAND_BOUNDS: tuple[tuple[int, int], ...] = ((7 * 60, 13 * 60), (13 * 60, 19 * 60),
                                            (19 * 60, 22 * 60), (22 * 60, 7 * 60))
"""The bands of BAND_NAMES as (start, end) clock minutes; night wraps past midnight."""


@lru_cache(maxsize=4)
def cell_of_minute(horizon_minutes: int) -> IntArray:
    """Cell index (date × 4 + band) of every minute of the horizon."""
    band = np.zeros(MINUTES_PER_DAY, dtype=np.int64)
    for i, (start, end) in enumerate(BAND_BOUNDS):
        if end > start:
            band[start:end] = i
        else:
            band[start:] = i
            band[:end] = i
    minute = np.arange(horizon_minutes, dtype=np.int64)
    cells: IntArray = (minute // MINUTES_PER_DAY) * len(BAND_NAMES) + band[minute % MINUTES_PER_DAY]
    cells.flags.writeable = False
    return cells


@dataclass(frozen=True)
class AbsenceCover:
    """Per cell of one skill: expected absent minutes and the öre a booked minute saves."""

    expected: IntArray
    price: IntArray

    def credit(self, resurs_minutes: IntArray) -> int:
        """Öre (≤ 0): −Σ price × min(resurspass minutes, expected absent minutes)."""
        return -int(np.dot(self.price, np.minimum(resurs_minutes, self.expected)))


def absence_cover(instance: Instance, skill: str, need_min: IntArray,
                  clock: ObClock) -> AbsenceCover | None:
    """The expected absent need and its price per cell; None when the skill has no need."""
    if not need_min.any():
        return None
    size = len(need_min)
    cells = cell_of_minute(size)
    count = (size // MINUTES_PER_DAY) * len(BAND_NAMES)
    rates = instance.absence.cell_rates(skill)  # [weekday, band]
    weekday = (np.arange(count) // len(BAND_NAMES)) % 7  # day 0 is a Monday
    rate_of_cell = rates[weekday, np.arange(count) % len(BAND_NAMES)]
    need_per_cell = np.bincount(cells, weights=need_min, minlength=count)
    expected = np.floor(need_per_cell * rate_of_cell + 0.5).astype(np.int64)
    plan = fill_plan(instance, skill, clock)
    first = plan.pays[0].source
    prices = np.stack([p.price for p in plan.pays if p.source == first and p.pay != ENKEL])
    cheapest = prices.min(axis=0)
    paid = np.bincount(cells, weights=need_min * cheapest, minlength=count)
    price = np.zeros(count, dtype=np.int64)
    has = need_per_cell > 0
    price[has] = np.floor(paid[has] / need_per_cell[has] + 0.5).astype(np.int64)
    return AbsenceCover(expected, price)
