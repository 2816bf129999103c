"""`scale_demand`: the need × factor on matching demand bands, in whole people.

Matching: the entry's skill (`skills`), a text in its label (`label_contains`, case
insensitive), its days (`weekdays`: an entry on other days too is split into an unchanged
copy for those days and a scaled copy), and the clock window (`start`–`end`: a band partly
inside is cut at the window's edges; a piece that starts after midnight moves to an entry of
the next weekday, which is the same need in a cyclic horizon).

Rounding: headcounts are whole. The scaled pieces that share skill, clock times and days add
up to one need (entries add up), so they are rounded together: the group's total is rounded
half up and handed out by largest remainder (ties: first entry first). Four night entries of
1 scaled by 0.5 leave 2 (the first two entries); one entry of 3 scaled by 0.5 leaves 2.
`desired` is scaled the same way and never falls below `min`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from bemanna.instance.model import Demand
from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.units import MINUTES_PER_DAY, format_clock, round_half_up

Data = dict[str, Any]
Piece = tuple[int, int, bool]
DayKey = tuple[str, frozenset[Any]]


def cut(start: int, end: int, window: tuple[int, int] | None) -> list[Piece]:
    """[start, end) cut at the window's edges: (from, to, inside the window) pieces."""
    if window is None:
        return [(start, end, True)]
    w_start, w_end = window
    if w_end <= w_start:
        w_end += MINUTES_PER_DAY
    inside = []
    for shift in (-MINUTES_PER_DAY, 0, MINUTES_PER_DAY):
        low, high = max(start, w_start + shift), min(end, w_end + shift)
        if low < high:
            inside.append((low, high))
    pieces: list[Piece] = []
    cursor = start
    for low, high in sorted(inside):
        if low > cursor:
            pieces.append((cursor, low, False))
        pieces.append((low, high, True))
        cursor = high
    if cursor < end:
        pieces.append((cursor, end, False))
    return pieces


def _band(start: int, end: int, minimum: int, desired: int | None) -> Data:
    record: Data = {"start": format_clock(start),
                    "end": format_clock(end if end <= MINUTES_PER_DAY else end - MINUTES_PER_DAY),
                    "min": minimum}
    if desired is not None:
        record["desired"] = desired
    return record


def _share(values: list[Fraction]) -> list[int]:
    """Round each value so the results sum to the rounded total (largest remainder)."""
    floors = [math.floor(v) for v in values]
    extra = round_half_up(sum(values, Fraction(0))) - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    for i in order[:extra]:
        floors[i] += 1
    return floors


def _matches(entry: Demand, skills: list[str] | None, label: str | None) -> bool:
    if skills is not None and entry.skill not in skills:
        return False
    return label is None or label.lower() in entry.label.lower()


def scale_demand(data: Data, factor: Any, skills: list[str] | None, label: str | None,
                 weekdays: set[int] | None, window: tuple[int, int] | None) -> list[str]:
    """Scale the matching need in `data['demand']` in place; problems instead, if any."""
    groups: dict[tuple[str, int, int, DayKey], list[Data]] = {}
    out: list[Data] = []
    problems: list[str] = []
    for i, raw in enumerate(data.get("demand") or []):
        try:
            entry = Demand.model_validate(raw)
        except ValidationError:
            out.append(raw)  # left for the instance validation to report
            continue
        if not _matches(entry, skills, label):
            out.append(raw)
            continue
        if entry.dates is None:
            days = {WEEKDAY_NAMES.index(w) for w in entry.weekdays}
            inside = days if weekdays is None else days & weekdays
            if not inside:
                out.append(raw)
                continue
            names = [WEEKDAY_NAMES[d] for d in sorted(days - inside)]
            if names:
                out.append({**raw, "weekdays": names})
            scaled: Data = dict(raw)
            if names:  # split: the scaled copy holds the matching days only
                scaled["weekdays"] = [WEEKDAY_NAMES[d] for d in sorted(inside)]
            key: DayKey = ("weekdays", frozenset(inside))
            next_key: DayKey | None = ("weekdays", frozenset((d + 1) % 7 for d in inside))
        else:
            chosen = [d for d in entry.dates if weekdays is None or d.weekday() in weekdays]
            if not chosen:
                out.append(raw)
                continue
            rest = [d for d in entry.dates if d not in chosen]
            if rest:
                out.append({**raw, "dates": rest})
            scaled = {**raw, "dates": chosen}
            key, next_key = ("dates", frozenset(chosen)), None
        same_day: list[Data] = []
        next_day: list[Data] = []
        for band in entry.bands:
            for low, high, hit in cut(*band.offsets, window):
                after_midnight = low >= MINUTES_PER_DAY
                if after_midnight and next_key is None:
                    problems.append(f"demand[{i}]: a dated entry cannot be cut after midnight; "
                                    "widen the clock window to its bands' times")
                    continue
                shift = MINUTES_PER_DAY if after_midnight else 0
                record = _band(low - shift, high - shift, band.min, band.desired)
                (next_day if after_midnight else same_day).append(record)
                if hit:
                    group_days = next_key if after_midnight and next_key else key
                    groups.setdefault((entry.skill, low - shift, high - shift, group_days),
                                      []).append(record)
        scaled["bands"] = same_day
        if same_day:
            out.append(scaled)
        if next_day and next_key is not None:
            out.append({**scaled, "label": f"{entry.label} (after midnight)".strip(),
                        "weekdays": [WEEKDAY_NAMES[d] for d in sorted(next_key[1])],
                        "bands": next_day})
    if problems:
        return problems
    if not groups:
        return ["demand: no demand band matches (check skills, label_contains, weekdays and "
                "the clock window)"]
    ratio = Fraction(str(factor))
    for records in groups.values():
        for record, value in zip(records, _share([r["min"] * ratio for r in records]),
                                 strict=True):
            record["min"] = value
        wished = [r for r in records if "desired" in r]
        for record, value in zip(wished, _share([r["desired"] * ratio for r in wished]),
                                 strict=True):
            record["desired"] = max(value, record["min"])
    data["demand"] = out
    return []
