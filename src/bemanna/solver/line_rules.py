"""The rules as one employee's line needs them (`lines.Line`): rest and windows once per
instance (`RuleView`), the count limits once per employee (`CountLimits`)."""

from __future__ import annotations

from dataclasses import dataclass

from bemanna.instance.model import Employee, Instance
from bemanna.units import MINUTES_PER_DAY


@dataclass(frozen=True)
class RuleView:
    """The instance's rules as the heuristic needs them, computed once per instance."""

    rest: int
    """Minutes of rest required between passes (0: only no overlap)."""
    reach: int
    """Days after its date a pass may still be working."""
    lookahead: int
    """Days within which a following pass may start less than `rest` later."""
    banned_next: dict[str, set[str]]
    weekly_rest: int | None
    rest_24h: int | None
    paid: dict[str, int]
    """Paid minutes per shift type (a property summed anew on every call otherwise)."""

    @classmethod
    def of(cls, inst: Instance) -> RuleView:
        rules = inst.rules
        longest = max(s.offsets[-1][1] for s in inst.shift_types)
        rest = rules.daily_rest.min_minutes if rules.daily_rest.enabled else 0
        banned: dict[str, set[str]] = {}
        if rules.forbidden_successions.enabled:
            for pair in rules.forbidden_successions.pairs:
                banned.setdefault(pair.first, set()).update(pair.then)
        weekly = None
        if rules.weekly_rest.enabled:
            weekly = rules.weekly_rest.min_minutes
            if not rules.weekly_rest.includes_daily_rest:
                weekly += rules.daily_rest.min_minutes
        return cls(rest, longest // MINUTES_PER_DAY, (longest + rest) // MINUTES_PER_DAY + 1,
                   banned, weekly,
                   rules.daily_rest_24h.min_minutes if rules.daily_rest_24h.enabled else None,
                   {s.id: s.paid_minutes for s in inst.shift_types})


@dataclass(frozen=True)
class CountLimits:
    max_run: int
    min_run: int
    min_off: int
    weekends: int
    splits: int
    per_shift: dict[str, int]


def count_limits(inst: Instance, emp: Employee) -> CountLimits:
    rules = inst.rules
    big = 10**9

    def limit(rule_id: str, attr: str, default: int, hard_only: bool = False) -> int:
        rule = getattr(rules, rule_id)
        if not rule.enabled or (hard_only and rule.mode != "hard"):
            return default
        return int(rule.per_employee.get(emp.id, getattr(rule, attr)))

    per_shift: dict[str, int] = {}
    if rules.max_shift_passes.enabled:
        for item in rules.max_shift_passes.limits:
            if item.employees is None or emp.id in item.employees:
                per_shift[item.shift] = min(item.max, per_shift.get(item.shift, big))
    return CountLimits(limit("max_consecutive_days", "max", big),
                       limit("min_consecutive_days", "min", 1, hard_only=True),
                       limit("min_consecutive_days_off", "min", 1, hard_only=True),
                       limit("max_weekends", "max", big), limit("max_split_shifts", "max", big),
                       per_shift)


def total_bounds(inst: Instance, emp: Employee) -> tuple[int, int]:
    rules = inst.rules
    low, high = 0, 10**9
    if rules.total_minutes.enabled:
        own = rules.total_minutes.per_employee.get(emp.id)
        lo = own.min if own is not None and own.min is not None else rules.total_minutes.min
        hi = own.max if own is not None and own.max is not None else rules.total_minutes.max
        low, high = lo or 0, high if hi is None else hi
    if rules.average_weekly_hours.enabled:
        high = min(high, rules.average_weekly_hours.max_minutes_per_week * inst.horizon.weeks)
    return low, high


def runs(worked: list[bool], cyclic: bool) -> list[tuple[bool, int, int]]:
    """(value, start, length) of each maximal run; in a cyclic horizon the run across the
    end joins the one at the start."""
    runs: list[tuple[bool, int, int]] = []
    for d, value in enumerate(worked):
        if runs and runs[-1][0] == value:
            runs[-1] = (value, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((value, d, 1))
    if cyclic and len(runs) > 1 and runs[0][0] == runs[-1][0]:
        last = runs.pop()
        runs[0] = (last[0], last[1], last[2] + runs[0][2])
    return runs
