"""Conflict groups and employees in the planner's words: rule, employee, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from bemanna.checker.passes import duration
from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.rules import RULES, resolve
from bemanna.units import format_clock

PINNED = "pinned"
"""The group id of a pin (a fixed pass or day off); its detail is the date."""
PIN_NAME = "låst pass"


@dataclass(frozen=True)
class ConflictGroup:
    """One group of a conflict as the wording functions of the rule table receive it."""

    rule: str
    name: str
    """'daily_rest (dygnsvila)': the id and the planner's word."""
    employee: str
    week: int | None
    when: str
    """' in week 2 (2025-03-10 – 2025-03-16, v. 11)', or '' for the whole horizon."""
    detail: str


def rule_name(rule_id: str) -> str:
    """'daily_rest (dygnsvila)': the id and its Swedish name from the rule table."""
    if rule_id == PINNED:
        return f"{PINNED} ({PIN_NAME})"
    spec = RULES.get(rule_id)
    return rule_id if spec is None else f"{rule_id} ({spec.name_sv})"


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


def group_text(inst: Instance, rule: str, employee: str, week: int | None, detail: str) -> str:
    """One conflict group as a sentence: what must hold, for whom, when. The sentence is the
    rule's `conflict` wording in the rule table; without one, the rule's name and the week."""
    when = "" if week is None else f" in {week_text(inst, week)}"
    group = ConflictGroup(rule, rule_name(rule), employee, week, when, detail)
    if rule == PINNED:
        return _pin_text(inst, group)
    spec = RULES.get(rule)
    if spec is None or spec.conflict is None:
        return f"{group.name}: {employee}{when}"
    sentence = cast(Callable[[Instance, ConflictGroup], str], resolve(spec.conflict))
    return sentence(inst, group)


def _pin_text(inst: Instance, group: ConflictGroup) -> str:
    date = dt.date.fromisoformat(group.detail)
    emp = inst.employee[group.employee]
    pinned = next((p.shift for p in emp.pinned if p.date == date), None)
    if pinned is None:
        return f"{group.name}: {emp.id} is pinned off on {date}"
    return f"{group.name}: {emp.id} is pinned to {shift_text(inst.shift[pinned])} on {date}"
