"""A conflict group in the planner's words, one function per rule (the `conflict` column of
`bemanna.rules.RULES`). Each takes the instance and the group and says what must hold, for
whom, when, in the group's language (the words: `bemanna.labels.explain_words`)."""

from __future__ import annotations

from bemanna.explain.wording import ConflictGroup, rate_text, shift_text
from bemanna.instance.contract import absent_weekdays, contract_periods
from bemanna.instance.model import Instance
from bemanna.instance.rules import PerEmployeeLimit
from bemanna.labels.phrases import NOTHING, Counted, phrase
from bemanna.units import format_clock


def daily_rest(inst: Instance, g: ConflictGroup) -> str:
    r = inst.rules.daily_rest
    reduced = (NOTHING if r.reduced_minutes is None
               else phrase("explain.daily_rest_reduced", reduced=r.reduced_minutes))
    return g.say("daily_rest", minimum=r.min_minutes, reduced=reduced)


def weekly_rest(inst: Instance, g: ConflictGroup) -> str:
    w = inst.rules.weekly_rest
    needed = w.min_minutes + (0 if w.includes_daily_rest else inst.rules.daily_rest.min_minutes)
    return g.say("weekly_rest", needed=needed)


def daily_rest_24h(inst: Instance, g: ConflictGroup) -> str:
    emp = inst.employee[g.employee]
    return g.say("daily_rest_24h", minimum=inst.rules.daily_rest_24h.min_minutes,
                 dygnsbryt=format_clock(emp.dygnsbryt))


def contract_hours(inst: Instance, g: ConflictGroup) -> str:
    """The contract band of the period the group's week starts (detail 'min' or 'max')."""
    emp = inst.employee[g.employee]
    tol = inst.rules.contract_hours.tolerance_minutes
    first_day = 0 if g.week is None else 7 * g.week
    period = next((p for p in contract_periods(inst, emp) if p.first_day == first_day),
                  contract_periods(inst, emp)[0])
    absent = absent_weekdays(inst, emp, period.first_day, period.end_day)
    basis = phrase("explain.contract_basis", rate=rate_text(emp.employment_rate, g.lang),
                   full=emp.full_time_minutes_per_week).text(g.lang)
    if absent:
        basis += phrase("explain.contract_absent_one" if absent == 1
                        else "explain.contract_absent", n=absent).text(g.lang)
    if g.detail == "max":
        bound = phrase("explain.at_most", minutes=period.target_minutes + tol)
        sign = "+"
    else:
        bound = phrase("explain.at_least", minutes=max(0, period.target_minutes - tol))
        sign = "−"
    return g.say("contract_hours", employee=emp.id, bound=bound,
                 first=inst.horizon.date(period.first_day),
                 last=inst.horizon.date(period.end_day - 1), target=period.target_minutes,
                 basis=basis, sign=sign, tolerance=tol)


def day_limit(inst: Instance, g: ConflictGroup) -> str:
    """The per-employee limits on days: split passes, runs of days (on or off), weekends."""
    record = getattr(inst.rules, g.rule)
    assert isinstance(record, PerEmployeeLimit)
    bound = getattr(record, "min" if g.rule.startswith("min_") else "max")
    limit = record.per_employee.get(g.employee, bound)
    if g.rule == "max_split_shifts":
        return g.say("max_split_shifts", count=Counted(limit, "split_pass"))
    if g.rule in ("max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off"):
        return g.say(g.rule, limit=limit)
    return g.say("max_weekends", count=Counted(limit, "weekend"))


def max_shift_passes(inst: Instance, g: ConflictGroup) -> str:
    limits = [lim.max for lim in inst.rules.max_shift_passes.limits
              if lim.shift == g.detail and (lim.employees is None or g.employee in lim.employees)]
    return g.say("max_shift_passes", count=Counted(min(limits, default=0), "pass"),
                 shift=shift_text(inst.shift[g.detail]))


def forbidden_successions(inst: Instance, g: ConflictGroup) -> str:
    pairs = "; ".join(phrase("explain.succession", first=p.first, then="/".join(p.then))
                      .text(g.lang) for p in inst.rules.forbidden_successions.pairs)
    return g.say("forbidden_successions", pairs=pairs)


def total_minutes(inst: Instance, g: ConflictGroup) -> str:
    rule = inst.rules.total_minutes
    own = rule.per_employee.get(g.employee)
    low = own.min if own is not None and own.min is not None else rule.min
    high = own.max if own is not None and own.max is not None else rule.max
    bound = (phrase("explain.at_most", minutes=high or 0) if g.detail == "max"
             else phrase("explain.at_least", minutes=low or 0))
    return g.say("total_minutes", bound=bound)


def average_weekly_hours(inst: Instance, g: ConflictGroup) -> str:
    limit = inst.rules.average_weekly_hours.max_minutes_per_week
    weeks = inst.horizon.weeks
    return g.say("average_weekly_hours", limit=limit, total=limit * weeks,
                 weeks=Counted(weeks, "week"))


def shape(inst: Instance, g: ConflictGroup) -> str:
    """pass_span and breaks: the shift type the employee may not work (detail)."""
    rules = inst.rules
    shift = inst.shift[g.detail]
    if g.rule == "pass_span":
        why = phrase("explain.pass_span_why", span=shift.span_minutes,
                     maximum=rules.pass_span.max_minutes)
    else:
        why = phrase("explain.breaks_why", work=rules.breaks.max_work_minutes,
                     rest=rules.breaks.min_break_minutes)
    return g.say("shape", shift=shift_text(shift), why=why)
