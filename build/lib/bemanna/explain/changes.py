"""The change that relaxes a rule, in the planner's words: one function per rule (the `repair`
column of `bemanna.rules.RULES`). Each reads the cheapest roster that breaks the rule (made
soft for one employee) and says what to change so that roster becomes allowed: "allow 1 split
pass more for E07", "lower E12's contract by 4 h". A rule without a function gets the table's
generic wording ("accept 2 short daily rests for E03")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from bemanna.checker import CheckReport
from bemanna.checker.days import working_days
from bemanna.checker.passes import RosterView, runs
from bemanna.explain.wording import hours, plural, rate_text, shift_text
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Instance
from bemanna.instance.shape import breaks_ok, span_ok


@dataclass(frozen=True)
class Relaxed:
    """One employee's cheapest roster with one rule made soft, as the checker read it."""

    instance: Instance
    """The instance as given (the rule hard)."""
    view: RosterView
    report: CheckReport
    rule_id: str
    employee: str
    units: int
    """The rule's units of violation in that roster."""


def shape(r: Relaxed) -> str:
    """pass_span and breaks: the passes of shift types the rule forbids."""
    inst = r.instance
    shifts = sorted({p.shift_id for p in r.view.passes[r.employee]
                     if not _shape_ok(inst, r.rule_id, p.shift_id)})
    names = ", ".join(shift_text(inst.shift[s]) for s in shifts)
    text = f"allow {plural(r.units, 'pass')} of {names} for {r.employee}"
    if r.rule_id == "pass_span" and shifts:
        widest = max(inst.shift[s].span_minutes for s in shifts)
        text += f" (pass_span.max_minutes: {widest})"
    return text


def _shape_ok(inst: Instance, rule_id: str, shift_id: str) -> bool:
    shift = inst.shift[shift_id]
    if rule_id == "pass_span":
        return span_ok(inst.rules.pass_span, shift)
    return breaks_ok(inst.rules.breaks, shift)


def max_split_shifts(r: Relaxed) -> str:
    rule = r.instance.rules.max_split_shifts
    limit = rule.per_employee.get(r.employee, rule.max)
    return (f"allow {plural(r.units, 'split pass')} more for {r.employee} "
            f"(max_split_shifts.per_employee.{r.employee}: {limit + r.units})")


def max_weekends(r: Relaxed) -> str:
    rule = r.instance.rules.max_weekends
    limit = rule.per_employee.get(r.employee, rule.max)
    return (f"allow {plural(r.units, 'weekend')} more for {r.employee} "
            f"(max_weekends.per_employee.{r.employee}: {limit + r.units})")


def contract_hours(r: Relaxed) -> str:
    """Per schedule period outside the band: the contract that would hold the roster's hours,
    as an employment rate, or the tolerance that would."""
    inst, view, employee = r.instance, r.view, r.employee
    emp = inst.employee[employee]
    tol = inst.rules.contract_hours.tolerance_minutes
    texts = []
    for period in contract_periods(inst, emp):
        paid = sum(p.paid_minutes for p in view.passes[employee]
                   if period.first_day <= p.day < period.end_day)
        low, high = period.target_minutes - tol, period.target_minutes + tol
        when = f"{view.date(period.first_day)} – {view.date(period.end_day - 1)}"
        if paid < low and period.target_minutes:
            factor = Fraction(paid + tol, period.target_minutes)
            rate = (emp.employment_rate * Decimal(factor.numerator) / Decimal(factor.denominator))
            rate = rate.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
            texts.append(f"lower {employee}'s contract by {hours(low - paid)} to at most "
                         f"{hours(paid + tol)} in {when} (employment rate "
                         f"{rate_text(emp.employment_rate)} → {rate_text(rate)}), or widen "
                         f"the tolerance to {hours(period.target_minutes - paid)}")
        elif paid > high:
            texts.append(f"raise {employee}'s contract by {hours(paid - high)} in {when}, or "
                         f"widen the tolerance to {hours(paid - period.target_minutes)}")
    return "; ".join(texts) or f"change {employee}'s contract"


def average_weekly_hours(r: Relaxed) -> str:
    paid = sum(p.paid_minutes for p in r.view.passes[r.employee])
    per_week = r.instance.rules.average_weekly_hours.max_minutes_per_week
    weeks = r.instance.horizon.weeks
    needed = -(-paid // weeks)  # the average the roster needs, rounded up to a minute
    return (f"allow {hours(paid - per_week * weeks)} more for {r.employee} over the schedule "
            f"(average_weekly_hours.max_minutes_per_week: {needed}, above the ATL 48 h "
            "only by local agreement)")


def total_minutes(r: Relaxed) -> str:
    employee = r.employee
    paid = sum(p.paid_minutes for p in r.view.passes[employee])
    rule = r.instance.rules.total_minutes
    own = rule.per_employee.get(employee)
    low = own.min if own is not None and own.min is not None else rule.min
    high = own.max if own is not None and own.max is not None else rule.max
    if low is not None and paid < low:
        return (f"lower {employee}'s minimum by {hours(low - paid)} "
                f"(total_minutes.per_employee.{employee}.min: {paid})")
    if high is not None and paid > high:
        return (f"raise {employee}'s maximum by {hours(paid - high)} "
                f"(total_minutes.per_employee.{employee}.max: {paid})")
    return f"change {employee}'s total_minutes"


def max_shift_passes(r: Relaxed) -> str:
    inst, employee = r.instance, r.employee
    texts = []
    for limit in inst.rules.max_shift_passes.limits:
        if limit.employees is not None and employee not in limit.employees:
            continue
        count = sum(1 for p in r.view.passes[employee] if p.shift_id == limit.shift)
        if count > limit.max:
            texts.append(f"allow {plural(count - limit.max, 'pass')} more of "
                         f"{shift_text(inst.shift[limit.shift])} for {employee} (limit "
                         f"{limit.max} → {count})")
    return "; ".join(texts) or f"change the shift limits of {employee}"


def runs_of_days(r: Relaxed) -> str:
    """max_consecutive_days, min_consecutive_days and min_consecutive_days_off: the run length
    the roster needs."""
    rule_id, employee, view = r.rule_id, r.employee, r.view
    rule = getattr(r.instance.rules, rule_id)
    flags = working_days(view, employee)
    if rule_id == "max_consecutive_days":
        longest = max((run.length for run in runs(flags, view.cyclic)), default=0)
        return (f"allow {longest} working days in a row for {employee} "
                f"(max_consecutive_days.per_employee.{employee}: {longest}; now "
                f"{rule.per_employee.get(employee, rule.max)})")
    working = rule_id == "min_consecutive_days"
    pattern = [f == working for f in flags]
    short = [run.length for run in runs(pattern, view.cyclic) if not run.touches_border]
    shortest = min(short, default=1)
    what = "working days" if working else "days off"
    return (f"allow runs of {shortest} {what} for {employee} "
            f"({rule_id}.per_employee.{employee}: {shortest}; now "
            f"{rule.per_employee.get(employee, rule.min)})")
