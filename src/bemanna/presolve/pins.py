"""Pinned passes that already break a hard rule, whatever else the roster holds.

The pins alone make a roster; the independent checker reads it. Only rules that more passes
can never repair are asked (more passes only shorten rests, lengthen runs, add weekends, split
passes, successions and hours: the `monotone` rows of `bemanna.rules.RULES`), so each breach
found is certain. Runs that are too short and
hours below a minimum could still be mended by other passes and are left to the solver.
"""

from __future__ import annotations

import datetime as dt

from bemanna.checker import check_rule
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Employee, Instance
from bemanna.presolve.findings import Finding
from bemanna.roster import Assignment, EmployeeSummary, Part, Roster
from bemanna.rules import RULES


def monotone_rules() -> list[str]:
    """Rules a breach of which no further pass can mend (daily_rest only without the
    reduced-rest exception, whose make-up condition other passes could change)."""
    return [rule_id for rule_id, spec in RULES.items() if spec.monotone]


def pinned_roster(inst: Instance) -> Roster:
    origin = dt.datetime.combine(inst.horizon.start, dt.time())
    assignments = []
    for emp in inst.employees:
        for pin in emp.pinned:
            if pin.shift is None:
                continue
            shift = inst.shift[pin.shift]
            day = inst.horizon.day_of(pin.date)
            if day is None:
                continue
            base = origin + dt.timedelta(days=day)
            parts = tuple(Part(base + dt.timedelta(minutes=a), base + dt.timedelta(minutes=b))
                          for a, b in shift.offsets)
            skill = next(k for k in emp.skills if k in shift.skills)
            assignments.append(Assignment(emp.id, pin.date, shift.id, "ordinary", skill, parts,
                                          shift.paid_minutes))
    summaries = [EmployeeSummary(e.id, 0, sum(a.paid_minutes for a in assignments
                                              if a.employee == e.id), 0)
                 for e in inst.employees]
    return Roster(inst.name, inst.horizon.start, inst.horizon.days, inst.horizon.cyclic,
                  "PINNED", None, None, summaries, assignments)


def _hard(inst: Instance, rule_id: str) -> bool:
    rule = RULES[rule_id].parameters(inst.rules)
    return bool(rule.enabled and rule.mode == "hard")


def pin_findings(inst: Instance) -> list[Finding]:
    if not any(p.shift is not None for e in inst.employees for p in e.pinned):
        return []
    roster = pinned_roster(inst)
    found: list[Finding] = []
    for rule_id in monotone_rules():
        if not _hard(inst, rule_id):
            continue
        if rule_id == "daily_rest" and inst.rules.daily_rest.reduced_minutes is not None:
            continue
        findings, _ = check_rule(inst, roster, rule_id)
        for v in findings:
            found.append(Finding("error", "pins", "presolve.pins.break", rule_id, v.employee,
                                 {"rule": rule_id, "finding": v}))
    paid = {s.id: [a for a in roster.assignments if a.employee == s.id] for s in roster.employees}
    for emp in inst.employees:
        found += _hours_above(inst, emp, paid[emp.id])
    return found


def _hours_above(inst: Instance, emp: Employee, passes: list[Assignment]) -> list[Finding]:
    """Pinned paid time above a hard contract's upper edge or total_minutes' maximum."""
    found = []
    rule = inst.rules.contract_hours
    if _hard(inst, "contract_hours"):
        for period in contract_periods(inst, emp):
            first = inst.horizon.date(period.first_day)
            last = inst.horizon.date(period.end_day - 1)
            pinned = sum(a.paid_minutes for a in passes if first <= a.date <= last)
            high = period.target_minutes + rule.tolerance_minutes
            if pinned > high:
                found.append(Finding(
                    "error", "pins", "presolve.pins.contract", "contract_hours", emp.id,
                    {"emp": emp.id, "pinned": pinned, "first": first, "last": last,
                     "target": period.target_minutes, "tolerance": rule.tolerance_minutes}))
    total = inst.rules.total_minutes
    if _hard(inst, "total_minutes"):
        own = total.per_employee.get(emp.id)
        most = own.max if own is not None and own.max is not None else total.max
        pinned = sum(a.paid_minutes for a in passes)
        if most is not None and pinned > most:
            found.append(Finding(
                "error", "pins", "presolve.pins.total", "total_minutes", emp.id,
                {"emp": emp.id, "pinned": pinned, "most": most}))
    return found
