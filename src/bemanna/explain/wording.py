"""Conflict groups and employees in the planner's words: rule, employee, dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bemanna.checker.passes import duration
from bemanna.instance.contract import absent_weekdays, contract_periods
from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.units import format_clock

RULE_NAMES: dict[str, str] = {
    "daily_rest": "dygnsvila",
    "weekly_rest": "veckovila",
    "daily_rest_24h": "dygnsvila per dygn",
    "contract_hours": "sysselsättningsgrad",
    "max_split_shifts": "delade turer",
    "pass_span": "passlängd",
    "breaks": "raster",
    "max_consecutive_days": "arbetsdagar i följd",
    "min_consecutive_days": "arbetsdagar i följd",
    "min_consecutive_days_off": "lediga dagar i följd",
    "max_weekends": "helger",
    "max_shift_passes": "pass per passtyp",
    "forbidden_successions": "förbjudna passföljder",
    "total_minutes": "arbetstid",
    "average_weekly_hours": "ATL 48 h",
    "pinned": "låst pass",
}
"""The Swedish word a planner uses for each rule, shown next to the rule id."""


def hours(minutes: int) -> str:
    return duration(minutes)


def plural(n: int, word: str) -> str:
    """'1 pass', '2 passes', '3 weekends'."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith("s") else f"{n} {word}s"


def span(first: dt.date, last: dt.date) -> str:
    return f"{first} – {last}"


def week_text(inst: Instance, week: int) -> str:
    """'week 2 (2025-03-10 – 2025-03-16, v. 11)': the schedule's week and the ISO week."""
    first = inst.horizon.date(7 * week)
    return (f"week {week + 1} ({span(first, first + dt.timedelta(days=6))}, "
            f"v. {first.isocalendar().week})")


def shift_text(shift: ShiftType) -> str:
    """'K 13:30–21:30' or 'S 07:00–11:30 + 15:30–20:00'."""
    parts = " + ".join(f"{format_clock(a)}–{format_clock(b)}" for a, b in shift.offsets)
    return f"{shift.id} {parts}"


def rate_text(rate: Decimal) -> str:
    return f"{rate.normalize():f} %"


def employee_facts(inst: Instance, emp: Employee) -> str:
    """What the planner should know about an employee in a conflict: contract, the passes
    they may work, absences and pins."""
    per_week = emp.full_time_minutes_per_week
    shifts = [s for s in inst.shift_types
              if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
              and set(s.skills) & set(emp.skills)]
    text = (f"{emp.id}: {rate_text(emp.employment_rate)} of {hours(per_week)}/week; may work "
            + ", ".join(f"{shift_text(s)} ({hours(s.paid_minutes)} paid)" for s in shifts))
    if emp.unavailable:
        text += "; absent " + ", ".join(
            span(r.start, r.end) if r.start != r.end else str(r.start) for r in emp.unavailable)
    pins = [f"{p.shift or 'off'} on {p.date}" for p in emp.pinned]
    if pins:
        text += "; pinned " + ", ".join(pins)
    return text


def _period_text(inst: Instance, first_day: int, end_day: int) -> str:
    return span(inst.horizon.date(first_day), inst.horizon.date(end_day - 1))


def group_text(inst: Instance, rule: str, employee: str, week: int | None, detail: str) -> str:
    """One conflict group as a sentence: what must hold, for whom, when."""
    rules = inst.rules
    emp = inst.employee[employee]
    when = "" if week is None else f" in {week_text(inst, week)}"
    name = f"{rule} ({RULE_NAMES.get(rule, rule)})"
    if rule == "pinned":
        date = dt.date.fromisoformat(detail)
        pinned = next((p.shift for p in emp.pinned if p.date == date), None)
        if pinned is None:
            return f"{name}: {employee} is pinned off on {date}"
        return f"{name}: {employee} is pinned to {shift_text(inst.shift[pinned])} on {date}"
    if rule == "daily_rest":
        r = rules.daily_rest
        extra = ("" if r.reduced_minutes is None
                 else f" (down to {hours(r.reduced_minutes)} if the next rest makes up for it)")
        return (f"{name}: at least {hours(r.min_minutes)} rest after each pass{extra}, for "
                f"{employee}'s passes{when}")
    if rule == "weekly_rest":
        w = rules.weekly_rest
        needed = w.min_minutes + (0 if w.includes_daily_rest else rules.daily_rest.min_minutes)
        return f"{name}: {employee} needs {hours(needed)} continuous rest{when}"
    if rule == "daily_rest_24h":
        return (f"{name}: {employee} needs {hours(rules.daily_rest_24h.min_minutes)} rest in "
                f"each 24 hours from dygnsbryt {format_clock(emp.dygnsbryt)}, days{when}")
    if rule == "contract_hours":
        return _contract_text(inst, emp, week, detail)
    if rule in ("max_split_shifts", "max_consecutive_days", "min_consecutive_days",
                "min_consecutive_days_off", "max_weekends"):
        return _limit_text(inst, rule, employee, when)
    if rule == "max_shift_passes":
        limits = [lim.max for lim in rules.max_shift_passes.limits
                  if lim.shift == detail and (lim.employees is None or employee in lim.employees)]
        return (f"{name}: {employee} works at most {plural(min(limits, default=0), 'pass')} "
                f"of {shift_text(inst.shift[detail])}")
    if rule == "forbidden_successions":
        pairs = "; ".join(f"{p.first} then {'/'.join(p.then)}"
                          for p in rules.forbidden_successions.pairs)
        return f"{name}: {employee} may not work {pairs} on the next day{when}"
    if rule == "total_minutes":
        return _total_text(inst, employee, detail)
    if rule == "average_weekly_hours":
        limit = rules.average_weekly_hours.max_minutes_per_week
        weeks = inst.horizon.weeks
        return (f"{name}: {employee} works at most {hours(limit)} a week on average, "
                f"{hours(limit * weeks)} over {plural(weeks, 'week')}")
    if rule in ("pass_span", "breaks"):
        shift = inst.shift[detail]
        if rule == "pass_span":
            why = (f"its span {hours(shift.span_minutes)} is over "
                   f"{hours(rules.pass_span.max_minutes)}")
        else:
            why = (f"a part works more than {hours(rules.breaks.max_work_minutes)} without a "
                   f"{hours(rules.breaks.min_break_minutes)} break")
        return f"{name}: {employee} may not work {shift_text(shift)}: {why}"
    return f"{rule}: {employee}{when}"


def _contract_text(inst: Instance, emp: Employee, week: int | None, side: str) -> str:
    tol = inst.rules.contract_hours.tolerance_minutes
    first_day = 0 if week is None else 7 * week
    period = next((p for p in contract_periods(inst, emp) if p.first_day == first_day),
                  contract_periods(inst, emp)[0])
    absent = absent_weekdays(inst, emp, period.first_day, period.end_day)
    basis = (f"{rate_text(emp.employment_rate)} of {hours(emp.full_time_minutes_per_week)}"
             f"/week")
    if absent:
        basis += f", less {absent} absent weekday{'s' if absent > 1 else ''}"
    when = _period_text(inst, period.first_day, period.end_day)
    if side == "max":
        bound = f"at most {hours(period.target_minutes + tol)}"
        edge = f"+ {hours(tol)}"
    else:
        bound = f"at least {hours(max(0, period.target_minutes - tol))}"
        edge = f"− {hours(tol)}"
    return (f"contract_hours (sysselsättningsgrad): {emp.id} must be scheduled {bound} paid "
            f"in {when}: contract {hours(period.target_minutes)} ({basis}) {edge} tolerance")


def _limit_text(inst: Instance, rule: str, employee: str, when: str) -> str:
    record = getattr(inst.rules, rule)
    name = f"{rule} ({RULE_NAMES[rule]})"
    if rule == "max_split_shifts":
        limit = record.per_employee.get(employee, record.max)
        return (f"{name}: {employee} works at most {plural(limit, 'split pass')} over the "
                "schedule")
    if rule == "max_consecutive_days":
        limit = record.per_employee.get(employee, record.max)
        return f"{name}: {employee} works at most {limit} days in a row (runs{when})"
    if rule == "min_consecutive_days":
        limit = record.per_employee.get(employee, record.min)
        return f"{name}: {employee}'s runs of working days last at least {limit} days{when}"
    if rule == "min_consecutive_days_off":
        limit = record.per_employee.get(employee, record.min)
        return f"{name}: {employee}'s runs of days off last at least {limit} days{when}"
    limit = record.per_employee.get(employee, record.max)
    return f"{name}: {employee} works at most {plural(limit, 'weekend')}"


def _total_text(inst: Instance, employee: str, side: str) -> str:
    rule = inst.rules.total_minutes
    own = rule.per_employee.get(employee)
    low = own.min if own is not None and own.min is not None else rule.min
    high = own.max if own is not None and own.max is not None else rule.max
    bound = (f"at most {hours(high or 0)}" if side == "max"
             else f"at least {hours(low or 0)}")
    return f"total_minutes (arbetstid): {employee} works {bound} paid over the schedule"

