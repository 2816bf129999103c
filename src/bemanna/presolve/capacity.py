"""How many paid hours each employee's hard rules can place, week by week.

For each calendar week of the horizon a small dynamic programme over the seven days chooses at
most one pass per day from the employee's pass options (allowed shifts, weekdays, absences,
pins) keeping the hard rules that live inside a week: daily rest between passes, weekly rest,
maximum days in a row, forbidden successions. It maximises paid minutes. Everything that
crosses a week border (rest after last week's pass, a run of days begun last week) is ignored,
so the sum over a schedule period is an upper bound: a contract whose lower edge lies above it
certainly cannot be met.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.labels import Lang
from bemanna.labels.phrases import duration, render
from bemanna.presolve.options import DayOptions, employee_days
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_WEEK, format_clock

State = tuple[int | None, str | None, int, bool]
"""(end of the last pass, 'day:shift' of the last pass when successions matter, days in a row,
weekly rest found)."""


@dataclass(frozen=True)
class WeekRules:
    """The hard rules the week programme keeps (None: not hard or off)."""

    rest: int | None
    weekly_rest: int | None
    max_run: int | None
    forbidden: frozenset[tuple[str, str]]

    def words(self, lang: Lang = "en") -> list[str]:
        out = []
        if self.rest is not None:
            out.append(render("presolve.rules.daily_rest", lang, {"minutes": self.rest}))
        if self.weekly_rest is not None:
            out.append(render("presolve.rules.weekly_rest", lang, {"minutes": self.weekly_rest}))
        if self.max_run is not None:
            out.append(render("presolve.rules.max_run", lang, {"days": self.max_run}))
        if self.forbidden:
            out.append(render("presolve.rules.forbidden", lang, {}))
        return out


@dataclass(frozen=True)
class WeekCapacity:
    week: int
    minutes: int
    """Most paid minutes the week can hold."""
    passes: int
    absent: tuple[dt.date, ...]
    pinned_off: tuple[dt.date, ...]
    pinned: tuple[dt.date, ...]


def week_rules(inst: Instance, emp: Employee) -> WeekRules:
    rules = inst.rules

    def hard(rule_id: str) -> bool:
        rule = getattr(rules, rule_id)
        return bool(rule.enabled and rule.mode == "hard")

    rest = None
    if hard("daily_rest"):
        r = rules.daily_rest
        rest = r.min_minutes if r.reduced_minutes is None else min(r.min_minutes,
                                                                   r.reduced_minutes)
    weekly = None
    if hard("weekly_rest"):
        w = rules.weekly_rest
        weekly = w.min_minutes + (0 if w.includes_daily_rest else rules.daily_rest.min_minutes)
    max_run = None
    if hard("max_consecutive_days"):
        limit = rules.max_consecutive_days.per_employee.get(emp.id,
                                                            rules.max_consecutive_days.max)
        max_run = limit if limit < 7 else None
    forbidden: frozenset[tuple[str, str]] = frozenset()
    if hard("forbidden_successions"):
        forbidden = frozenset((p.first, t) for p in rules.forbidden_successions.pairs
                              for t in p.then)
    return WeekRules(rest, weekly, max_run, forbidden)


Choice = tuple[str, int, int, int] | None
"""(shift id, start, end, paid minutes) relative to the week's Monday 00:00; None: no pass."""


@lru_cache(maxsize=4096)
def _best_week(days: tuple[tuple[tuple[Choice, ...], bool], ...],
               rules: WeekRules) -> tuple[int, int]:
    """(paid minutes, passes) of the best week; (-1, 0) when no week keeps the rules.

    days: per day the possible choices and whether the day is pinned (its choices are then
    exactly the pinned one).
    """
    states: dict[State, tuple[int, int]] = {(None, None, 0, False): (0, 0)}
    for d, (choices, _) in enumerate(days):
        following: dict[State, tuple[int, int]] = {}
        for (last_end, last, run, rested), (minutes, passes) in states.items():
            for choice in choices:
                if choice is None:
                    key: State = (last_end, last, 0, rested)
                    value = (minutes, passes)
                else:
                    sid, start, end, paid = choice
                    if last_end is not None:
                        rest = start - last_end
                        if rest < 0 or (rules.rest is not None and rest < rules.rest):
                            continue
                    if last is not None and rules.forbidden:
                        last_day, last_sid = last.split(":", 1)
                        if int(last_day) == d - 1 and (last_sid, sid) in rules.forbidden:
                            continue
                    if rules.max_run is not None and run + 1 > rules.max_run:
                        continue
                    free_from = 0 if last_end is None else last_end
                    found = rested or (rules.weekly_rest is not None
                                       and start - free_from >= rules.weekly_rest)
                    key = (end, f"{d}:{sid}" if rules.forbidden else None,
                           run + 1 if rules.max_run is not None else 0, found)
                    value = (minutes + paid, passes + 1)
                if following.get(key, (-1, 0)) < value:
                    following[key] = value
        states = following
    best = (-1, 0)
    for (last_end, _, _, rested), value in states.items():
        if rules.weekly_rest is not None and not rested:
            tail = MINUTES_PER_WEEK - (0 if last_end is None else last_end)
            if tail < rules.weekly_rest:
                continue
        best = max(best, value)
    return best


def _choices(day: int, options: DayOptions) -> tuple[tuple[Choice, ...], bool]:
    base = (day % 7) * MINUTES_PER_DAY
    passes: list[Choice] = [(s.id, base + s.offsets[0][0], base + s.offsets[-1][1],
                             s.paid_minutes) for s in options.shifts]
    if options.pinned:
        return (tuple(passes) if passes else (None,)), True
    return (None, *passes), False


def week_capacities(inst: Instance, emp: Employee,
                    days: list[DayOptions] | None = None) -> list[WeekCapacity]:
    """The most paid minutes each week of the horizon can hold for the employee."""
    days = days if days is not None else employee_days(inst, emp)
    rules = week_rules(inst, emp)
    found = []
    for week in range(inst.horizon.weeks):
        span = range(7 * week, 7 * week + 7)
        minutes, passes = _best_week(tuple(_choices(d, days[d]) for d in span), rules)
        dates = [inst.horizon.date(d) for d in span]
        found.append(WeekCapacity(
            week, minutes, passes,
            tuple(dates[i] for i, d in enumerate(span) if days[d].absent),
            tuple(dates[i] for i, d in enumerate(span) if days[d].pinned and not days[d].shifts),
            tuple(dates[i] for i, d in enumerate(span) if days[d].pinned and days[d].shifts)))
    return found


def shifts_words(shifts: list[ShiftType], lang: Lang = "en") -> str:
    """'N 21:00–07:00 (10 h), D 07:00–15:30 (8 h)' (Swedish: '(10 tim)')."""
    return ", ".join(
        f"{s.id} {format_clock(s.offsets[0][0])}–{format_clock(s.offsets[-1][1])} "
        f"({duration(s.paid_minutes, lang)})" for s in shifts)
