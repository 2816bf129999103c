"""An instance -> the values of the template's rows (the writer's side of the layout).

Values are in the instance format's terms (minutes, Decimal, dates); `cells.write_cell` turns
them into cell values. Structured texts (heltidsmått, köpordning, följder) are written here.
"""

from __future__ import annotations

from typing import Any

from bemanna.importers.excel.fields import UNIT_FIELDS
from bemanna.importers.excel.read_tables import SKILL_COSTS, STAFF_RULES
from bemanna.importers.excel.rule_rows import RULE_ROWS
from bemanna.importers.excel.texts import write_full_time, write_gap_fill, write_successions
from bemanna.instance.model import Instance

Row = dict[str, Any]


def _get(obj: Any, path: str) -> Any:
    for key in path.split("."):
        obj = obj.get(key) if isinstance(obj, dict) else getattr(obj, key)
    return obj


def _dumped_policy(policy: Any) -> str:
    return write_gap_fill([s.model_dump() for s in policy])


def unit_values(inst: Instance) -> dict[str, Any]:
    """Enhet: field path -> value (the effective value, defaults included)."""
    values = {col.key: _get(inst, col.key) for col in UNIT_FIELDS}
    values["cost_model.default_gap_fill"] = _dumped_policy(inst.cost_model.default_gap_fill)
    return values


def skill_rows(inst: Instance) -> list[Row]:
    rows = []
    for skill in inst.skills:
        row: Row = {"id": skill.id, "name": skill.name or None}
        for key, mapping in SKILL_COSTS:
            row[key] = _get(inst, mapping).get(skill.id)
        if row["gap_fill"] is not None:
            row["gap_fill"] = _dumped_policy(row["gap_fill"])
        rows.append(row)
    return rows


def staff_rows(inst: Instance) -> list[Row]:
    rows = []
    rules = inst.rules
    for emp in inst.employees:
        limits = rules.total_minutes.per_employee.get(emp.id)
        row: Row = {
            "id": emp.id, "name": emp.name or None, "employment_rate": emp.employment_rate,
            "skill": emp.skills[0], "more_skills": emp.skills[1:] or None,
            "full_time": write_full_time(emp.full_time),
            "desired_employment_rate": emp.desired_employment_rate,
            "allowed_shifts": emp.allowed_shifts,
            "dygnsbryt": emp.dygnsbryt or None,
            "monthly_salary": inst.cost_model.employee_monthly_salary.get(emp.id),
            "min_hours": None if limits is None else limits.min,
            "max_hours": None if limits is None else limits.max,
        }
        for rule in STAFF_RULES:
            row[rule] = getattr(rules, rule).per_employee.get(emp.id)
        rows.append(row)
    return rows


def shift_rows(inst: Instance) -> list[Row]:
    rows = []
    for shift in inst.shift_types:
        second = shift.parts[1] if shift.is_split else None
        rows.append({
            "id": shift.id, "name": shift.name or None,
            "start": shift.parts[0].start, "end": shift.parts[0].end,
            "start2": None if second is None else second.start,
            "end2": None if second is None else second.end,
            "break_minutes": shift.break_minutes, "paid_meal_break": shift.paid_meal_break,
            "skill": shift.skills[0], "more_skills": shift.skills[1:] or None,
            "weekdays": shift.weekdays,
        })
    return rows


def demand_rows(inst: Instance) -> list[Row]:
    """One row per band; the entry's skill, label, days and dates repeated on each."""
    return [{"skill": dem.skill, "label": dem.label or None, "weekdays": dem.weekdays,
             "dates": dem.dates, "start": band.start, "end": band.end, "min": band.min,
             "desired": band.desired}
            for dem in inst.demand for band in dem.bands]


def absence_rows(inst: Instance) -> list[Row]:
    return [{"employee": e.id, "start": r.start, "end": r.end, "reason": r.reason or None}
            for e in inst.employees for r in e.unavailable]


def wish_rows(inst: Instance) -> list[Row]:
    return [{"employee": e.id, "kind": w.kind, "date": w.date, "shift": w.shift,
             "weight_sek": w.weight_sek} for e in inst.employees for w in e.wishes]


def pin_rows(inst: Instance) -> list[Row]:
    return [{"employee": e.id, "date": p.date, "shift": p.shift}
            for e in inst.employees for p in e.pinned]


def rule_values(inst: Instance) -> dict[str, Any]:
    """Regler: 'rule.field' -> value."""
    values = {col.key: _get(inst.rules, col.key) for _, col in RULE_ROWS
              if not col.key.endswith(".pairs")}
    pairs = [p.model_dump() for p in inst.rules.forbidden_successions.pairs]
    values["forbidden_successions.pairs"] = write_successions(pairs)
    return values
