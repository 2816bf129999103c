"""Repair options for a conflict, ranked by how little they relax.

For each rule of a conflict and its employee, the employee's hard rules are solved again alone
with only that rule made soft (at its own `weight_sek`, nothing else priced): the cheapest
roster then breaks that rule as little as the other hard rules allow. The checker reads the
breaches off that roster, and they become a concrete change ("allow 1 split pass more for E07",
"lower E12's contract by 4 h"). Each pin of a conflict is tried removed. Options are ranked by
what the relaxation would cost at the rules' own soft prices — the instance's exchange rate
between units of different rules; a pin counts as one unit at `PIN_PRICE_SEK`. An option that
is not enough on its own (another conflict of the same employee remains) comes last.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from bemanna.checker import CheckReport, check_roster, read_roster
from bemanna.checker.days import working_days
from bemanna.checker.passes import RosterView, runs
from bemanna.checker.registry import PER_MINUTE_RULES
from bemanna.explain.core import PINNED, Group, GuardedModel
from bemanna.explain.wording import hours, plural, rate_text, shift_text
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Instance
from bemanna.instance.shape import breaks_ok, span_ok
from bemanna.roster import Roster
from bemanna.solver.builders import RULE_BUILDERS, STRUCTURE
from bemanna.solver.context import Context, create_variables, solve_model
from bemanna.solver.extract import extract_roster
from bemanna.solver.index import build_index
from bemanna.units import sek_to_ore

PIN_PRICE_SEK = Decimal(1000)
"""What removing one pin counts as when ranking (the default price of one rule unit)."""
RELAX_SECONDS = 5.0

UNITS: dict[str, str] = {
    "daily_rest": "short rest", "pass_span": "pass", "breaks": "pass", "weekly_rest": "week",
    "daily_rest_24h": "24-hour window", "contract_hours": "minute",
    "max_split_shifts": "split pass", "max_consecutive_days": "day", "min_consecutive_days":
    "short run", "min_consecutive_days_off": "short run", "max_weekends": "weekend",
    "max_shift_passes": "pass", "forbidden_successions": "succession", "total_minutes": "minute",
    "average_weekly_hours": "minute", PINNED: "pin",
}


@dataclass(frozen=True)
class Repair:
    rule: str
    employee: str
    change: str
    """What to change, in the planner's words."""
    units: int
    unit: str
    cost_ore: int
    """The relaxation priced at the rule's weight_sek (pins: PIN_PRICE_SEK each)."""
    enough_alone: bool
    """The employee's rules hold once this change is made (no other conflict remains)."""


def one_employee_soft(instance: Instance, employee: str, rule_id: str) -> Instance:
    """The instance with only `employee` and `rule_id` soft (a unit costs at least 1 öre)."""
    rule = getattr(instance.rules, rule_id)
    weight = rule.weight_sek if rule.weight_sek > 0 else Decimal("0.01")
    rules = instance.rules.model_copy(update={rule_id: rule.model_copy(
        update={"mode": "soft", "weight_sek": weight})})
    return instance.replaced(rules=rules, employees=[instance.employee[employee]])


def least_breach(instance: Instance, employee: str, rule_id: str,
                 limit: float = RELAX_SECONDS) -> tuple[Instance, Roster] | None:
    """The employee's roster that breaks `rule_id` (soft) as little as the other hard rules
    allow, or None when the other hard rules cannot hold even so."""
    soft = one_employee_soft(instance, employee, rule_id)
    ctx = Context.fresh(soft, build_index(soft))
    create_variables(ctx)
    for builder in (*STRUCTURE, *RULE_BUILDERS.values()):
        builder(ctx)
    ctx.model.minimize(sum((t.coef * t.expr for t in ctx.terms.get(rule_id, [])), 0))
    status, solver, _ = solve_model(ctx.model, limit)
    if status not in ("OPTIMAL", "FEASIBLE"):
        return None
    cost = round(solver.objective_value)
    return soft, extract_roster(ctx, solver, status, cost, cost, {rule_id: cost})


def relax_rule(instance: Instance, employee: str, rule_id: str,
               limit: float = RELAX_SECONDS) -> Repair:
    found = least_breach(instance, employee, rule_id, limit)
    unit = UNITS.get(rule_id, "unit")
    if found is None:
        return Repair(rule_id, employee, f"relax {rule_id} for {employee}: not enough on its "
                      "own (another conflict remains)", 0, unit, 0, False)
    soft, roster = found
    report = check_roster(soft, roster)
    units = report.units.get(rule_id, 0)
    cost = report.costs.get(rule_id, 0)
    view = read_roster(soft, roster)
    change = _change(instance, soft, view, report, rule_id, employee, units)
    weight = getattr(instance.rules, rule_id).weight_sek
    per = "hour" if rule_id in PER_MINUTE_RULES else unit
    change += f" — or turn {rule_id} soft ({weight:f} SEK per {per})"
    return Repair(rule_id, employee, change, units, unit, cost, True)


def remove_pin(model: GuardedModel, groups: list[Group], pin: Group) -> Repair:
    others = [g for g in model.groups if g != pin]
    status, _ = model.solve(others)
    date = dt.date.fromisoformat(pin.detail)
    emp = model.instance.employee[pin.employee]
    shift = next((p.shift for p in emp.pinned if p.date == date), None)
    what = "day off" if shift is None else f"pass {shift_text(model.instance.shift[shift])}"
    return Repair(PINNED, pin.employee, f"remove the pin of {pin.employee} on {date} ({what})",
                  1, "pin", sek_to_ore(PIN_PRICE_SEK), status == "FEASIBLE")


def _change(inst: Instance, soft: Instance, view: RosterView, report: CheckReport,
            rule_id: str, employee: str, units: int) -> str:
    rules = inst.rules
    mine = [v.message for v in report.soft_breaches if v.rule == rule_id]
    first = f": {mine[0]}" if mine else ""
    if rule_id == "contract_hours":
        return _contract_change(inst, view, employee)
    if rule_id in ("total_minutes", "average_weekly_hours"):
        return _total_change(inst, view, rule_id, employee)
    if rule_id == "max_split_shifts":
        limit = rules.max_split_shifts.per_employee.get(employee, rules.max_split_shifts.max)
        return (f"allow {plural(units, 'split pass')} more for {employee} "
                f"(max_split_shifts.per_employee.{employee}: {limit + units})")
    if rule_id == "max_weekends":
        limit = rules.max_weekends.per_employee.get(employee, rules.max_weekends.max)
        return (f"allow {plural(units, 'weekend')} more for {employee} "
                f"(max_weekends.per_employee.{employee}: {limit + units})")
    if rule_id in ("max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off"):
        return _run_change(inst, view, rule_id, employee)
    if rule_id == "max_shift_passes":
        return _shift_limit_change(inst, view, employee)
    if rule_id in ("pass_span", "breaks"):
        shifts = sorted({p.shift_id for p in view.passes[employee]
                         if not _shape_ok(inst, rule_id, p.shift_id)})
        names = ", ".join(shift_text(inst.shift[s]) for s in shifts)
        text = f"allow {plural(units, 'pass')} of {names} for {employee}"
        if rule_id == "pass_span" and shifts:
            widest = max(inst.shift[s].span_minutes for s in shifts)
            text += f" (pass_span.max_minutes: {widest})"
        return text
    noun = {"daily_rest": "short daily rest", "weekly_rest": "week without the weekly rest",
            "daily_rest_24h": "24-hour window without the rest",
            "forbidden_successions": "forbidden succession"}.get(rule_id, "breach")
    plurals = {"week without the weekly rest": "weeks without the weekly rest",
              "24-hour window without the rest": "24-hour windows without the rest"}
    count = f"{units} {noun if units == 1 else plurals.get(noun, noun + 's')}"
    return f"accept {count} for {employee}{first}"


def _shape_ok(inst: Instance, rule_id: str, shift_id: str) -> bool:
    shift = inst.shift[shift_id]
    if rule_id == "pass_span":
        return span_ok(inst.rules.pass_span, shift)
    return breaks_ok(inst.rules.breaks, shift)


def _contract_change(inst: Instance, view: RosterView, employee: str) -> str:
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


def _total_change(inst: Instance, view: RosterView, rule_id: str, employee: str) -> str:
    paid = sum(p.paid_minutes for p in view.passes[employee])
    if rule_id == "average_weekly_hours":
        per_week = inst.rules.average_weekly_hours.max_minutes_per_week
        weeks = inst.horizon.weeks
        needed = -(-paid // weeks)  # the average the roster needs, rounded up to a minute
        return (f"allow {hours(paid - per_week * weeks)} more for {employee} over the schedule "
                f"(average_weekly_hours.max_minutes_per_week: {needed}, above the ATL 48 h "
                "only by local agreement)")
    rule = inst.rules.total_minutes
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


def _shift_limit_change(inst: Instance, view: RosterView, employee: str) -> str:
    texts = []
    for limit in inst.rules.max_shift_passes.limits:
        if limit.employees is not None and employee not in limit.employees:
            continue
        count = sum(1 for p in view.passes[employee] if p.shift_id == limit.shift)
        if count > limit.max:
            texts.append(f"allow {plural(count - limit.max, 'pass')} more of "
                         f"{shift_text(inst.shift[limit.shift])} for {employee} (limit "
                         f"{limit.max} → {count})")
    return "; ".join(texts) or f"change the shift limits of {employee}"


def _run_change(inst: Instance, view: RosterView, rule_id: str, employee: str) -> str:
    rule = getattr(inst.rules, rule_id)
    flags = working_days(view, employee)
    if rule_id == "max_consecutive_days":
        longest = max((r.length for r in runs(flags, view.cyclic)), default=0)
        return (f"allow {longest} working days in a row for {employee} "
                f"(max_consecutive_days.per_employee.{employee}: {longest}; now "
                f"{rule.per_employee.get(employee, rule.max)})")
    working = rule_id == "min_consecutive_days"
    pattern = [f == working for f in flags]
    short = [r.length for r in runs(pattern, view.cyclic) if not r.touches_border]
    shortest = min(short, default=1)
    what = "working days" if working else "days off"
    return (f"allow runs of {shortest} {what} for {employee} "
            f"({rule_id}.per_employee.{employee}: {shortest}; now "
            f"{rule.per_employee.get(employee, rule.min)})")


def repairs_for(instance: Instance, model: GuardedModel, groups: list[Group],
                limit: float = RELAX_SECONDS) -> list[Repair]:
    """Every repair option of one conflict (one employee's minimal core)."""
    found: list[Repair] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        if group.rule == PINNED:
            found.append(remove_pin(model, groups, group))
            continue
        key = (group.rule, group.employee)
        if key not in seen:
            seen.add(key)
            found.append(relax_rule(instance, group.employee, group.rule, limit))
    return found


def ranked(repairs: list[Repair]) -> list[Repair]:
    return sorted(repairs, key=lambda r: (not r.enough_alone, r.cost_ore, r.rule, r.employee))
