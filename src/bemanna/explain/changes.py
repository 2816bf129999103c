"""The change that relaxes a rule, in the planner's words: one function per rule (the `repair`
column of `bemanna.rules.RULES`). Each reads the cheapest roster that breaks the rule (made
soft for one employee) and says what to change so that roster becomes allowed: "allow 1 split
pass more for E07", "lower E12's contract by 4 h". A rule without a function gets the table's
generic wording ("accept 2 short daily rests for E03"). The words are in the language the
relaxation was asked in (`Relaxed.lang`; `bemanna.labels.explain_words`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from bemanna.checker import CheckReport
from bemanna.checker.days import working_days
from bemanna.checker.passes import RosterView, runs
from bemanna.explain.wording import rate_text, shift_text
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Instance
from bemanna.instance.shape import breaks_ok, span_ok
from bemanna.labels import Lang
from bemanna.labels.phrases import Counted, render


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
    lang: Lang = "sv"
    """The language of the change."""

    def say(self, key: str, **fields: object) -> str:
        """The sentence `explain.<key>` in the relaxation's language, for its employee."""
        return render(f"explain.{key}", self.lang, {"employee": self.employee, **fields})


def shape(r: Relaxed) -> str:
    """pass_span and breaks: the passes of shift types the rule forbids."""
    inst = r.instance
    shifts = sorted({p.shift_id for p in r.view.passes[r.employee]
                     if not _shape_ok(inst, r.rule_id, p.shift_id)})
    names = ", ".join(shift_text(inst.shift[s]) for s in shifts)
    text = r.say("allow_shape", count=Counted(r.units, "pass"), shifts=names)
    if r.rule_id == "pass_span" and shifts:
        widest = max(inst.shift[s].span_minutes for s in shifts)
        text += r.say("widest", widest=widest)
    return text


def _shape_ok(inst: Instance, rule_id: str, shift_id: str) -> bool:
    shift = inst.shift[shift_id]
    if rule_id == "pass_span":
        return span_ok(inst.rules.pass_span, shift)
    return breaks_ok(inst.rules.breaks, shift)


def max_split_shifts(r: Relaxed) -> str:
    rule = r.instance.rules.max_split_shifts
    limit = rule.per_employee.get(r.employee, rule.max)
    return r.say("allow_split", count=Counted(r.units, "split_pass"), limit=limit + r.units)


def max_weekends(r: Relaxed) -> str:
    rule = r.instance.rules.max_weekends
    limit = rule.per_employee.get(r.employee, rule.max)
    return r.say("allow_weekends", count=Counted(r.units, "weekend"), limit=limit + r.units)


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
        when = {"first": view.date(period.first_day), "last": view.date(period.end_day - 1)}
        if paid < low and period.target_minutes:
            factor = Fraction(paid + tol, period.target_minutes)
            rate = (emp.employment_rate * Decimal(factor.numerator) / Decimal(factor.denominator))
            rate = rate.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
            texts.append(r.say("lower_contract", by=low - paid, most=paid + tol,
                               rate=rate_text(emp.employment_rate, r.lang),
                               new_rate=rate_text(rate, r.lang),
                               tolerance=period.target_minutes - paid, **when))
        elif paid > high:
            texts.append(r.say("raise_contract", by=paid - high,
                               tolerance=paid - period.target_minutes, **when))
    return "; ".join(texts) or r.say("change_contract")


def average_weekly_hours(r: Relaxed) -> str:
    paid = sum(p.paid_minutes for p in r.view.passes[r.employee])
    per_week = r.instance.rules.average_weekly_hours.max_minutes_per_week
    weeks = r.instance.horizon.weeks
    needed = -(-paid // weeks)  # the average the roster needs, rounded up to a minute
    return r.say("allow_average", more=paid - per_week * weeks, needed=needed)


def total_minutes(r: Relaxed) -> str:
    employee = r.employee
    paid = sum(p.paid_minutes for p in r.view.passes[employee])
    rule = r.instance.rules.total_minutes
    own = rule.per_employee.get(employee)
    low = own.min if own is not None and own.min is not None else rule.min
    high = own.max if own is not None and own.max is not None else rule.max
    if low is not None and paid < low:
        return r.say("lower_minimum", by=low - paid, paid=paid)
    if high is not None and paid > high:
        return r.say("raise_maximum", by=paid - high, paid=paid)
    return r.say("change_total")


def max_shift_passes(r: Relaxed) -> str:
    inst, employee = r.instance, r.employee
    texts = []
    for limit in inst.rules.max_shift_passes.limits:
        if limit.employees is not None and employee not in limit.employees:
            continue
        count = sum(1 for p in r.view.passes[employee] if p.shift_id == limit.shift)
        if count > limit.max:
            texts.append(r.say("allow_shift_passes", count=Counted(count - limit.max, "pass"),
                               shift=shift_text(inst.shift[limit.shift]), limit=limit.max,
                               needed=count))
    return "; ".join(texts) or r.say("change_shift_limits")


def runs_of_days(r: Relaxed) -> str:
    """max_consecutive_days, min_consecutive_days and min_consecutive_days_off: the run length
    the roster needs."""
    rule_id, employee, view = r.rule_id, r.employee, r.view
    rule = getattr(r.instance.rules, rule_id)
    flags = working_days(view, employee)
    if rule_id == "max_consecutive_days":
        longest = max((run.length for run in runs(flags, view.cyclic)), default=0)
        return r.say("allow_consecutive", longest=longest,
                     now=rule.per_employee.get(employee, rule.max))
    working = rule_id == "min_consecutive_days"
    pattern = [f == working for f in flags]
    short = [run.length for run in runs(pattern, view.cyclic) if not run.touches_border]
    shortest = min(short, default=1)
    return r.say("allow_short_runs", rule=rule_id, shortest=shortest,
                 count=Counted(shortest, "working_day" if working else "day_off"),
                 now=rule.per_employee.get(employee, rule.min))
