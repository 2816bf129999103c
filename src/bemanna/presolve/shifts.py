"""Shift types nobody can ever work, and need no shift type covers.

The solver silently drops a pass option that a hard rule forbids outright, so a typo such as
a part 07:00–07:00 (a 24 h pass, far over pass_span's 13 h) left a shift type that no roster
could ever hold while `validate` said "valid". Each finding names the reason:

- the shift type itself: its span (pass_span, hard), its breaks (breaks, hard), or it runs on
  no day of the horizon;
- every employee: nobody has one of its skills, those who have are not allowed it
  (allowed_shifts), absent or pinned on every day it runs, or — daily_rest_24h hard — one
  pass of it alone leaves no 11 h rest in the 24 h window of the employee's dygnsbryt (read by
  the independent checker on a one-pass roster).

Warnings: a roster still exists without the shift type. Need in hours that no usable shift
type with the skill reaches is named once here ("bands"), not again by the staff checks.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from bemanna.checker import check_rule
from bemanna.checker.coverage import MinuteCounter
from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.instance.shape import breaks_ok, span_ok
from bemanna.labels.phrases import Counted, Phrase, phrase
from bemanna.presolve.findings import Finding
from bemanna.presolve.options import DayOptions
from bemanna.roster import Assignment, EmployeeSummary, Part, Roster
from bemanna.units import MINUTES_PER_DAY, format_clock

Mask = npt.NDArray[np.bool_]


def _hard(inst: Instance, rule_id: str) -> bool:
    rule = getattr(inst.rules, rule_id)
    return bool(rule.enabled and rule.mode == "hard")


def clock_text(shift: ShiftType) -> str:
    """'07:00–15:30' or '07:00–11:30 + 15:30–20:00'."""
    return " + ".join(f"{format_clock(a)}–{format_clock(b)}" for a, b in shift.offsets)


def _run_days(inst: Instance, shift: ShiftType) -> list[int]:
    return [d for d in range(inst.horizon.days)
            if shift.exists_on(inst.horizon.date(d).weekday())]


def shape_reason(inst: Instance, shift: ShiftType) -> tuple[Phrase, str | None] | None:
    """(reason, rule) when the shift type itself can never be worked."""
    rules = inst.rules
    if _hard(inst, "pass_span") and not span_ok(rules.pass_span, shift):
        return (phrase("presolve.shift.span", span=shift.span_minutes,
                       limit=rules.pass_span.max_minutes), "pass_span")
    if _hard(inst, "breaks") and not breaks_ok(rules.breaks, shift):
        return (phrase("presolve.shift.breaks", work=rules.breaks.max_work_minutes,
                       brk=rules.breaks.min_break_minutes), "breaks")
    if not _run_days(inst, shift):
        return phrase("presolve.shift.no_day"), None
    return None


def _one_pass(inst: Instance, emp: Employee, shift: ShiftType, day: int) -> Roster:
    origin = dt.datetime.combine(inst.horizon.start, dt.time()) + dt.timedelta(days=day)
    parts = tuple(Part(origin + dt.timedelta(minutes=a), origin + dt.timedelta(minutes=b))
                  for a, b in shift.offsets)
    skill = next((k for k in emp.skills if k in shift.skills), shift.skills[0])
    passes = [Assignment(emp.id, inst.horizon.date(day), shift.id, "ordinary", skill, parts,
                         shift.paid_minutes)]
    return Roster(inst.name, inst.horizon.start, inst.horizon.days, inst.horizon.cyclic,
                  "PROBE", None, None, [EmployeeSummary(emp.id, 0, shift.paid_minutes, 0)],
                  passes)


def rest_breaks(inst: Instance, emp: Employee, shift: ShiftType) -> bool:
    """daily_rest_24h (hard): one pass of the shift alone breaks the rule for this employee's
    dygnsbryt (the checker reads it, on the run day nearest the middle of the horizon)."""
    if not _hard(inst, "daily_rest_24h"):
        return False
    days = _run_days(inst, shift)
    middle = inst.horizon.days // 2
    day = min(days, key=lambda d: abs(d - middle))
    probe = inst.model_copy(update={"employees": [emp]})
    violations, _ = check_rule(probe, _one_pass(probe, emp, shift, day), "daily_rest_24h")
    return bool(violations)


def _staff_reason(inst: Instance, shift: ShiftType, days: dict[str, list[DayOptions]]
                  ) -> tuple[Phrase, str | None] | None:
    """Why no employee can work the shift type, or None when someone can."""
    qualified = [e for e in inst.employees if set(e.skills) & set(shift.skills)]
    if not qualified:
        return phrase("presolve.shift.no_skill", skills=" / ".join(shift.skills)), None
    allowed = [e for e in qualified if e.allowed_shifts is None or shift.id in e.allowed_shifts]
    if not allowed:
        return phrase("presolve.shift.not_allowed", staff=_people(len(qualified))), None
    present = [e for e in allowed if any(s.id == shift.id for d in days[e.id] for s in d.shifts)]
    if not present:
        return phrase("presolve.shift.absent", staff=_people(len(allowed))), None
    rested: dict[int, bool] = {}
    for emp in present:
        if emp.dygnsbryt not in rested:
            rested[emp.dygnsbryt] = not rest_breaks(inst, emp, shift)
        if rested[emp.dygnsbryt]:
            return None
    dygnsbryt = ", ".join(sorted(format_clock(m) for m in rested))
    return (phrase("presolve.shift.rest_24h", minimum=inst.rules.daily_rest_24h.min_minutes,
                   dygnsbryt=dygnsbryt), "daily_rest_24h")


def _people(n: int) -> Counted:
    return Counted(n, "employee")


def shift_findings(inst: Instance, days: dict[str, list[DayOptions]]) -> list[Finding]:
    """One warning per shift type that no employee can ever work."""
    found = []
    for shift in inst.shift_types:
        why = shape_reason(inst, shift) or _staff_reason(inst, shift, days)
        if why is not None:
            reason, rule = why
            found.append(Finding("warning", "shifts", "presolve.shift", rule, fields={
                "shift": shift.id, "clock": clock_text(shift), "reason": reason}))
    return found


def shift_reach(inst: Instance, skill: str) -> Mask:
    """Minutes of the horizon some shift type with the skill could be working (on the days
    it runs; shift types a hard shape rule forbids do not count), whoever works it."""
    counter = MinuteCounter(inst.horizon.days * MINUTES_PER_DAY, inst.horizon.cyclic)
    for shift in inst.shift_types:
        if skill not in shift.skills or shape_reason(inst, shift) is not None:
            continue
        for day in _run_days(inst, shift):
            base = day * MINUTES_PER_DAY
            for start, end in shift.offsets:
                counter.add(base + start, base + end)
    return counter.counts() > 0
