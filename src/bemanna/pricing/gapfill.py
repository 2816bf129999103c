"""Uncovered need and what buying it will cost (domain.md §4, §6).

Uncovered minutes per skill and minute: `max(0, min need − ordinary headcount)` (the
`uncovered_demand` minutes of docs/rules.md). They are bought per the skill's gap-fill policy:
the sources in order, each up to its cap (`max_hours_per_week` × weeks, in minutes), the
minutes taken in time order from the horizon's start (the first uncovered minutes go to the
first source). Prices per hour (öre, exact; rounded once per table row):

- **hourly_temp**: (wage × (1 + holiday pay) + OB) × (1 + PO), wage = skill salary / 165;
- **overtime** of own staff of the skill: wage × 1.8 × (1 + PO) when **enkel**, wage × 2.4 ×
  (1 + PO) when **kvalificerad**; no OB. A minute is enkel while it lies within
  `overtime_enkel_minutes` (2 h) before the start or after the end of an ordinary pass of the
  skill, one headcount per such pass; every other overtime minute is kvalificerad;
- **agency**: the agency price + OB (an invoice: no PO).

OB is the category of that minute (`ob`).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from bemanna.check.coverage import MinuteCounter, coverage
from bemanna.check.passes import RosterView
from bemanna.instance.cost_model import GapFillSource
from bemanna.pricing.bands import CELLS, IntArray, cell_of_minute, per_cell
from bemanna.pricing.ob import ObClock
from bemanna.pricing.wages import agency_rate, cost_of, overtime_rate, skill_wage, temp_rate
from bemanna.units import MINUTES_PER_HOUR, round_half_up

UNCOVERED_COLUMNS = ["skill", "weekday", "band", "minutes", "hours"]
GAP_FILL_COLUMNS = ["skill", "source", "pay", "weekday", "band", "ob_category", "minutes",
                    "cost_ore"]


def uncovered_per_minute(view: RosterView) -> dict[str, IntArray]:
    """Per skill and minute of the horizon: max(0, min need − ordinary headcount)."""
    cov = coverage(view)
    return {k: np.maximum(0, cov.need_min[k] - cov.headcount[k]) for k in cov.headcount}


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


def cap_minutes(source: GapFillSource, weeks: int) -> int | None:
    """The source's cap over the horizon in minutes (None: no cap)."""
    if source.max_hours_per_week is None:
        return None
    return round_half_up(source.max_hours_per_week * MINUTES_PER_HOUR * weeks)


def allocate(uncovered: IntArray, caps: list[int | None]) -> list[IntArray]:
    """Split per-minute uncovered headcount over sources in order, in time order.

    The units of minute t are the cumulative units (before(t), total(t)]; source i owns the
    cumulative range (lo_i, lo_i + cap_i] and takes the overlap.
    """
    total = np.cumsum(uncovered)
    before = total - uncovered
    parts: list[IntArray] = []
    low = 0
    for cap in caps:
        high = None if cap is None else low + cap
        upto = total if high is None else np.minimum(total, high)
        taken = np.maximum(0, upto - np.maximum(before, low))
        parts.append(taken)
        if high is None:
            break
        low = high
    return parts


def enkel_capacity(view: RosterView, skill: str) -> IntArray:
    """Per minute: ordinary passes of the skill that end at most `overtime_enkel_minutes`
    before it or start at most that long after it (each can stay or come early)."""
    window = view.instance.cost_model.overtime_enkel_minutes
    counter = MinuteCounter(view.horizon_minutes, view.cyclic)
    for p in view.all_passes():
        if p.kind == "ordinary" and p.skill == skill:
            counter.add(p.end, p.end + window)
            counter.add(p.start - window, p.start)
    return counter.counts()


def _tally(minutes: IntArray, clock: ObClock) -> dict[tuple[int, int], int]:
    """Minutes per (cell, OB category index) of a per-minute array over the horizon."""
    size = len(clock.categories) + 1
    keys = cell_of_minute(len(minutes)) * size + clock.index[: len(minutes)] + 1
    sums = np.rint(np.bincount(keys, weights=minutes, minlength=len(CELLS) * size))
    return {(int(k) // size, int(k) % size - 1): int(sums[k]) for k in np.flatnonzero(sums)}


def _priced(skill: str, source: str, pay: str, minutes: IntArray, clock: ObClock,
            rate_at: dict[int, Fraction] | Fraction) -> list[tuple[object, ...]]:
    """Rows of one pay kind; `rate_at` maps an OB category index to öre/hour (or one rate when
    the pay has no OB, then the rows carry ob_category 'none')."""
    rows: list[tuple[object, ...]] = []
    if isinstance(rate_at, Fraction):
        for cell, count in enumerate(per_cell(minutes)):
            if count:
                weekday, band = CELLS[cell]
                rows.append((skill, source, pay, weekday, band, "none", int(count),
                             cost_of(int(count), rate_at)))
        return rows
    for (cell, category), count in sorted(_tally(minutes, clock).items()):
        weekday, band = CELLS[cell]
        rows.append((skill, source, pay, weekday, band, clock.name(category), count,
                     cost_of(count, rate_at[category])))
    return rows


def gap_fill_table(view: RosterView, clock: ObClock) -> pd.DataFrame:
    """Uncovered minutes bought per the policy: per skill, source, pay kind, weekday × band and
    OB category, with their cost in öre."""
    cm = view.instance.cost_model
    weeks = view.instance.horizon.weeks
    ob_indices = range(-1, len(clock.categories))
    rows: list[tuple[object, ...]] = []
    for skill, uncovered in uncovered_per_minute(view).items():
        if not uncovered.any():
            continue
        _, policy = cm.policy(skill)
        shares = allocate(uncovered, [cap_minutes(s, weeks) for s in policy])
        for entry, taken in zip(policy, shares, strict=False):
            if not taken.any():
                continue
            if entry.source == "hourly_temp":
                wage = skill_wage(cm, skill)
                rates = {i: temp_rate(cm, wage, clock.rate(i)) for i in ob_indices}
                rows += _priced(skill, "hourly_temp", "hourly_temp", taken, clock, rates)
            elif entry.source == "agency":
                base = agency_rate(cm, skill)
                rates = {i: base + clock.rate(i) for i in ob_indices}
                rows += _priced(skill, "agency", "agency", taken, clock, rates)
            else:
                wage = skill_wage(cm, skill)
                enkel = np.minimum(taken, enkel_capacity(view, skill))
                rows += _priced(skill, "overtime", "enkel", enkel, clock,
                                overtime_rate(cm, wage, kvalificerad=False))
                rows += _priced(skill, "overtime", "kvalificerad", taken - enkel, clock,
                                overtime_rate(cm, wage, kvalificerad=True))
    return pd.DataFrame(rows, columns=GAP_FILL_COLUMNS).astype(
        {"minutes": "int64", "cost_ore": "int64"}
    )
