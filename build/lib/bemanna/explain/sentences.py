"""A conflict group in the planner's words, one function per rule (the `conflict` column of
`bemanna.rules.RULES`). Each takes the instance and the group and says what must hold, for
whom, when."""

from __future__ import annotations

from bemanna.explain.wording import ConflictGroup, hours, plural, rate_text, shift_text, span
from bemanna.instance.contract import absent_weekdays, contract_periods
from bemanna.instance.model import Instance
from bemanna.instance.rules import PerEmployeeLimit
from bemanna.units import format_clock


def daily_rest(inst: Instance, g: ConflictGroup) -> str:
    r = inst.rules.daily_rest
    extra = ("" if r.reduced_minutes is None
             else f" (down to {hours(r.reduced_minutes)} if the next rest makes up for it)")
    return (f"{g.name}: at least {hours(r.min_minutes)} rest after each pass{extra}, for "
            f"{g.employee}'s passes{g.when}")


def weekly_rest(inst: Instance, g: ConflictGroup) -> str:
    w = inst.rules.weekly_rest
    needed = w.min_minutes + (0 if w.includes_daily_rest else inst.rules.daily_rest.min_minutes)
    return f"{g.name}: {g.employee} needs {hours(needed)} continuous rest{g.when}"


def daily_rest_24h(inst: Instance, g: ConflictGroup) -> str:
    emp = inst.employee[g.employee]
    return (f"{g.name}: {g.employee} needs {hours(inst.rules.daily_rest_24h.min_minutes)} rest "
            f"in each 24 hours from dygnsbryt {format_clock(emp.dygnsbryt)}, days{g.when}")


def contract_hours(inst: Instance, g: ConflictGroup) -> str:
    """The contract band of the period the group's week starts (detail 'min' or 'max')."""
    emp = inst.employee[g.employee]
    tol = inst.rules.contract_hours.tolerance_minutes
    first_day = 0 if g.week is None else 7 * g.week
    period = next((p for p in contract_periods(inst, emp) if p.first_day == first_day),
                  contract_periods(inst, emp)[0])
    absent = absent_weekdays(inst, emp, period.first_day, period.end_day)
    basis = (f"{rate_text(emp.employment_rate)} of {hours(emp.full_time_minutes_per_week)}"
             f"/week")
    if absent:
        basis += f", less {absent} absent weekday{'s' if absent > 1 else ''}"
    when = span(inst.horizon.date(period.first_day), inst.horizon.date(period.end_day - 1))
    if g.detail == "max":
        bound = f"at most {hours(period.target_minutes + tol)}"
        edge = f"+ {hours(tol)}"
    else:
        bound = f"at least {hours(max(0, period.target_minutes - tol))}"
        edge = f"− {hours(tol)}"
    return (f"{g.name}: {emp.id} must be scheduled {bound} paid in {when}: contract "
            f"{hours(period.target_minutes)} ({basis}) {edge} tolerance")


def day_limit(inst: Instance, g: ConflictGroup) -> str:
    """The per-employee limits on days: split passes, runs of days (on or off), weekends."""
    record = getattr(inst.rules, g.rule)
    assert isinstance(record, PerEmployeeLimit)
    bound = getattr(record, "min" if g.rule.startswith("min_") else "max")
    limit = record.per_employee.get(g.employee, bound)
    if g.rule == "max_split_shifts":
        return (f"{g.name}: {g.employee} works at most {plural(limit, 'split pass')} over the "
                "schedule")
    if g.rule == "max_consecutive_days":
        return f"{g.name}: {g.employee} works at most {limit} days in a row (runs{g.when})"
    if g.rule == "min_consecutive_days":
        return f"{g.name}: {g.employee}'s runs of working days last at least {limit} days{g.when}"
    if g.rule == "min_consecutive_days_off":
        return f"{g.name}: {g.employee}'s runs of days off last at least {limit} days{g.when}"
    return f"{g.name}: {g.employee} works at most {plural(limit, 'weekend')}"


def max_shift_passes(inst: Instance, g: ConflictGroup) -> str:
    limits = [lim.max for lim in inst.rules.max_shift_passes.limits
              if lim.shift == g.detail and (lim.employees is None or g.employee in lim.employees)]
    return (f"{g.name}: {g.employee} works at most {plural(min(limits, default=0), 'pass')} "
            f"of {shift_text(inst.shift[g.detail])}")


def forbidden_successions(inst: Instance, g: ConflictGroup) -> str:
    pairs = "; ".join(f"{p.first} then {'/'.join(p.then)}"
                      for p in inst.rules.forbidden_successions.pairs)
    return f"{g.name}: {g.employee} may not work {pairs} on the next day{g.when}"


def total_minutes(inst: Instance, g: ConflictGroup) -> str:
    rule = inst.rules.total_minutes
    own = rule.per_employee.get(g.employee)
    low = own.min if own is not None and own.min is not None else rule.min
    high = own.max if own is not None and own.max is not None else rule.max
    bound = (f"at most {hours(high or 0)}" if g.detail == "max"
             else f"at least {hours(low or 0)}")
    return f"{g.name}: {g.employee} works {bound} paid over the schedule"


def average_weekly_hours(inst: Instance, g: ConflictGroup) -> str:
    limit = inst.rules.average_weekly_hours.max_minutes_per_week
    weeks = inst.horizon.weeks
    return (f"{g.name}: {g.employee} works at most {hours(limit)} a week on average, "
            f"{hours(limit * weeks)} over {plural(weeks, 'week')}")


def shape(inst: Instance, g: ConflictGroup) -> str:
    """pass_span and breaks: the shift type the employee may not work (detail)."""
    rules = inst.rules
    shift = inst.shift[g.detail]
    if g.rule == "pass_span":
        why = f"its span {hours(shift.span_minutes)} is over {hours(rules.pass_span.max_minutes)}"
    else:
        why = (f"a part works more than {hours(rules.breaks.max_work_minutes)} without a "
               f"{hours(rules.breaks.min_break_minutes)} break")
    return f"{g.name}: {g.employee} may not work {shift_text(shift)}: {why}"
