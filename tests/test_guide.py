"""Guided day blocks (`bemanna.solver.guide`): the incumbent's misfit per day, and day
windows drawn where it is large."""

from __future__ import annotations

import random

import numpy as np

from bemanna.solver.guide import DayMisfit
from bemanna.solver.lns import GUIDE_FLOOR, Neighbourhoods
from bemanna.solver.search import build_model
from solver_cases import D, K, band, build, employee, need


def _ctx():
    """Two employees, one week, need of 2 from 07:00 to 15:30 (510 minutes) every day and
    nothing desired beyond it."""
    return build_model(build([D, K], employees=[employee("E0"), employee("E1")],
                             demand=[need(band("07:00", "15:30", 2))]))


def test_misfit_counts_uncovered_and_surplus_minutes_per_day() -> None:
    """Nobody works: 2 × 510 = 1020 uncovered minutes a day. Day 2, E0 works D (07:00–15:30):
    one of the two is covered, 510 left. Day 3, both work K (13:30–21:30): 13:30–15:30 is
    covered twice (1020 − 2 × 120 = 780 uncovered) and 15:30–21:30 is two people beyond a
    desired level of 0 (2 × 360 = 720 surplus): 1500."""
    ctx = _ctx()
    values = [0] * len(ctx.model.proto.variables)
    assert DayMisfit(ctx).per_day(values).tolist() == [1020] * 7
    for key in (("E0", 2, "D", "usk"), ("E0", 3, "K", "usk"), ("E1", 3, "K", "usk")):
        values[ctx.cover[key].index] = 1
    assert DayMisfit(ctx).per_day(values).tolist() == [1020, 1020, 510, 1500, 1020, 1020, 1020]


def test_without_need_per_minute_there_is_nothing_to_guide_by() -> None:
    """Cover stated per shift (Curtois) or no need at all: no skill has need per minute, so a
    worked pass is no misfit (not 'surplus over a desired level of 0') and day blocks stay
    uniform."""
    ctx = build_model(build([D, K], employees=[employee("E0")], demand=[]))
    values = [0] * len(ctx.model.proto.variables)
    values[ctx.cover[("E0", 2, "D", "usk")].index] = 1
    assert DayMisfit(ctx).per_day(values).tolist() == [0] * 7


def test_guided_windows_start_where_the_misfit_is() -> None:
    """All misfit on day 5, windows one day wide: day 5 weighs M + 0.2 × M/7 against
    0.2 × M/7 for each other day, so it is drawn with probability (1 + 0.2/7) / (1 + 0.2)
    = 0.857; unguided, 1/7. 1 000 seeded draws land well inside both."""
    blocks = Neighbourhoods(_ctx(), random.Random(0))
    blocks.misfit = np.array([0, 0, 0, 0, 0, 700, 0])
    assert GUIDE_FLOOR == 0.2
    guided = sum(blocks._window(1, True) == {5} for _ in range(1000))
    unguided = sum(blocks._window(1, False) == {5} for _ in range(1000))
    assert 800 < guided < 910 and 100 < unguided < 190
