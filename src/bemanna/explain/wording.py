"""Conflict groups and employees in the planner's words: rule, employee, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.labels import Lang
from bemanna.labels.phrases import render
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
    """' in week 2 (2025-03-10 – 2025-03-16, v. 11)' (' i vecka 2 …' in Swedish), or '' for
    the whole horizon."""
    detail: str
    lang: Lang = "sv"
    """The language of the sentence."""

    def say(self, key: str, **fields: object) -> str:
        """The sentence `explain.<key>` in the group's language, with its name, employee and
        week."""
        return render(f"explain.{key}", self.lang, {
            "name": self.name, "employee": self.employee, "when": self.when, **fields})


def rule_name(rule_id: str) -> str:
    """'daily_rest (dygnsvila)': the id and its Swedish name from the rule table."""
    if rule_id == PINNED:
        return f"{PINNED} ({PIN_NAME})"
    spec = RULES.get(rule_id)
    return rule_id if spec is None else f"{rule_id} ({spec.name_sv})"


def span(first: dt.date, last: dt.date) -> str:
    return f"{first} – {last}"


def week_text(inst: Instance, week: int, lang: Lang = "sv") -> str:
    """' in week 2 (2025-03-10 – 2025-03-16, v. 11)': the schedule's week and the ISO week."""
    first = inst.horizon.date(7 * week)
    return render("explain.in_week", lang, {"week": week + 1, "first": first,
                                            "last": first + dt.timedelta(days=6),
                                            "iso": first.isocalendar().week})


def shift_text(shift: ShiftType) -> str:
    """'K 13:30–21:30' or 'S 07:00–11:30 + 15:30–20:00'."""
    parts = " + ".join(f"{format_clock(a)}–{format_clock(b)}" for a, b in shift.offsets)
    return f"{shift.id} {parts}"


def rate_text(rate: Decimal, lang: Lang = "sv") -> str:
    """'73.2 %' (en), '73,2 %' (sv)."""
    text = f"{rate.normalize():f} %"
    return text.replace(".", ",") if lang == "sv" else text


def employee_facts(inst: Instance, emp: Employee, lang: Lang = "sv") -> str:
    """What the planner should know about an employee in a conflict: contract, the passes
    they may work, absences and pins."""
    shifts = [s for s in inst.shift_types
              if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
              and set(s.skills) & set(emp.skills)]
    may_work = ", ".join(render("explain.fact_shift", lang, {
        "shift": shift_text(s), "paid": s.paid_minutes}) for s in shifts)
    text = render("explain.facts", lang, {
        "employee": emp.id, "rate": rate_text(emp.employment_rate, lang),
        "full": emp.full_time_minutes_per_week, "shifts": may_work})
    if emp.unavailable:
        spans = ", ".join(span(r.start, r.end) if r.start != r.end else str(r.start)
                          for r in emp.unavailable)
        text += render("explain.fact_absent", lang, {"spans": spans})
    pins = [render("explain.pin_off", lang, {"date": p.date}) if p.shift is None
            else render("explain.pin_pass", lang, {"shift": p.shift, "date": p.date})
            for p in emp.pinned]
    if pins:
        text += render("explain.fact_pinned", lang, {"pins": ", ".join(pins)})
    return text


def group_text(inst: Instance, rule: str, employee: str, week: int | None, detail: str,
               lang: Lang = "sv") -> str:
    """One conflict group as a sentence in `lang`: what must hold, for whom, when. The
    sentence is the rule's `conflict` wording in the rule table; without one, the rule's name
    and the week."""
    when = "" if week is None else week_text(inst, week, lang)
    group = ConflictGroup(rule, rule_name(rule), employee, week, when, detail, lang)
    if rule == PINNED:
        return _pin_text(inst, group)
    spec = RULES.get(rule)
    if spec is None or spec.conflict is None:
        return group.say("group")
    sentence = cast(Callable[[Instance, ConflictGroup], str], resolve(spec.conflict))
    return sentence(inst, group)


def _pin_text(inst: Instance, group: ConflictGroup) -> str:
    date = dt.date.fromisoformat(group.detail)
    emp = inst.employee[group.employee]
    pinned = next((p.shift for p in emp.pinned if p.date == date), None)
    if pinned is None:
        return group.say("pinned_off", date=date)
    return group.say("pinned_to", shift=shift_text(inst.shift[pinned]), date=date)
