"""Weekday × time band: where in the week minutes of the horizon lie.

A minute's weekday is that of its own date (a night pass's minutes after midnight belong to
the next weekday). Bands follow the care-home day (domain.md §5): morning 07–13 (the heavy
morning need), afternoon 13–19 (where the reports find resurstid), evening 19–22, night 22–07.
"""

from __future__ import annotations

import functools

import numpy as np
import numpy.typing as npt

from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.units import MINUTES_PER_DAY

BANDS: tuple[tuple[str, int, int], ...] = (
    ("morning", 7 * 60, 13 * 60),
    ("afternoon", 13 * 60, 19 * 60),
    ("evening", 19 * 60, 22 * 60),
    ("night", 22 * 60, 7 * 60),
)
"""(name, start, end) in minutes after midnight; night runs past midnight."""

BAND_NAMES: tuple[str, ...] = tuple(name for name, _, _ in BANDS)

IntArray = npt.NDArray[np.int64]


def _band_of_clock() -> IntArray:
    """Band index of each minute of the day."""
    index = np.full(MINUTES_PER_DAY, -1, dtype=np.int64)
    for i, (_, start, end) in enumerate(BANDS):
        if end > start:
            index[start:end] = i
        else:
            index[start:] = i
            index[:end] = i
    assert (index >= 0).all(), "the bands must cover the whole day"
    return index


BAND_OF_CLOCK = _band_of_clock()


@functools.lru_cache(maxsize=8)
def cell_of_minute(horizon_minutes: int) -> IntArray:
    """For each minute of a horizon starting Monday 00:00: weekday × len(BANDS) + band."""
    minute = np.arange(horizon_minutes, dtype=np.int64)
    weekday = (minute // MINUTES_PER_DAY) % 7
    cells: IntArray = weekday * len(BANDS) + BAND_OF_CLOCK[minute % MINUTES_PER_DAY]
    cells.flags.writeable = False
    return cells


CELLS: tuple[tuple[str, str], ...] = tuple((d, b) for d in WEEKDAY_NAMES for b in BAND_NAMES)
"""(weekday, band) of each cell index."""


def per_cell(values: IntArray) -> IntArray:
    """Sum of a per-minute array (horizon starting Monday 00:00) per weekday × band cell."""
    # Integer sums below 2**53 are exact in float64, so bincount's weights lose nothing.
    sums = np.bincount(cell_of_minute(len(values)), weights=values, minlength=len(CELLS))
    return np.rint(sums).astype(np.int64)
