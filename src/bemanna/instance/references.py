"""Second validation layer: cross-references inside an instance, one line per problem."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bemanna.instance.model import Instance


def _duplicates(ids: list[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def reference_problems(inst: Instance) -> list[str]:
    """Every broken cross-reference, each as 'field.path: problem'."""
    problems: list[str] = []
    skills = {s.id for s in inst.skills}
    shifts = {s.id: s for s in inst.shift_types}
    employees = {e.id for e in inst.employees}
    first, last = inst.horizon.start, inst.horizon.date(inst.horizon.days - 1)

    for kind, ids in (
        ("skills", [s.id for s in inst.skills]),
        ("shift_types", [s.id for s in inst.shift_types]),
        ("employees", [e.id for e in inst.employees]),
    ):
        for dup in _duplicates(ids):
            problems.append(f"{kind}: id {dup!r} appears more than once")

    for i, shift in enumerate(inst.shift_types):
        for j, skill in enumerate(shift.skills):
            if skill not in skills:
                problems.append(f"shift_types[{i}].skills[{j}]: unknown skill {skill!r}")

    for i, emp in enumerate(inst.employees):
        where = f"employees[{i}]"
        for j, skill in enumerate(emp.skills):
            if skill not in skills:
                problems.append(f"{where}.skills[{j}]: unknown skill {skill!r}")
        for j, sid in enumerate(emp.allowed_shifts or []):
            if sid not in shifts:
                problems.append(f"{where}.allowed_shifts[{j}]: unknown shift {sid!r}")
        workable = [
            s
            for s in inst.shift_types
            if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
            and set(s.skills) & set(emp.skills)
        ]
        if not workable:
            problems.append(
                f"{where}: employee {emp.id!r} has no allowed shift that their skills may work"
            )
        for j, wish in enumerate(emp.wishes):
            if wish.shift is not None and wish.shift not in shifts:
                problems.append(f"{where}.wishes[{j}].shift: unknown shift {wish.shift!r}")
            if not first <= wish.date <= last:
                problems.append(f"{where}.wishes[{j}].date: {wish.date} is outside the horizon")
        for j, pin in enumerate(emp.pinned):
            if pin.shift is not None and pin.shift not in shifts:
                problems.append(f"{where}.pinned[{j}].shift: unknown shift {pin.shift!r}")
            if not first <= pin.date <= last:
                problems.append(f"{where}.pinned[{j}].date: {pin.date} is outside the horizon")
            if pin.shift is not None and any(r.contains(pin.date) for r in emp.unavailable):
                problems.append(f"{where}.pinned[{j}]: {pin.date} is a date the employee is "
                                "unavailable")
            if pin.shift in shifts and not set(shifts[pin.shift].skills) & set(emp.skills):
                problems.append(f"{where}.pinned[{j}].shift: {emp.id!r} has no skill that may "
                                f"work {pin.shift!r}")
        pin_dates = [p.date for p in emp.pinned]
        for twice in sorted({d for d in pin_dates if pin_dates.count(d) > 1}):
            problems.append(f"{where}.pinned: {twice} is pinned more than once")

    for i, dem in enumerate(inst.demand):
        if dem.skill not in skills:
            problems.append(f"demand[{i}].skill: unknown skill {dem.skill!r}")
        for j, date in enumerate(dem.dates or []):
            if not first <= date <= last:
                problems.append(f"demand[{i}].dates[{j}]: {date} is outside the horizon")

    for i, sd in enumerate(inst.shift_demand):
        if sd.shift not in shifts:
            problems.append(f"shift_demand[{i}].shift: unknown shift {sd.shift!r}")
        if not first <= sd.date <= last:
            problems.append(f"shift_demand[{i}].date: {sd.date} is outside the horizon")

    for skill in list(inst.costs.uncovered_per_hour) + list(inst.costs.below_desired_per_hour):
        if skill not in skills:
            problems.append(f"costs: unknown skill {skill!r}")
    for skill in sorted(skills):
        if inst.costs.below_desired(skill) > inst.costs.uncovered(skill):
            problems.append(f"costs.below_desired_per_hour: {skill}: a minute below the desired "
                            "level may not cost more than an uncovered minute")

    rules = inst.rules
    for rule_id in ("max_split_shifts", "max_consecutive_days", "min_consecutive_days",
                    "min_consecutive_days_off", "max_weekends", "total_minutes"):
        per_employee = getattr(rules, rule_id).per_employee
        for eid in per_employee:
            if eid not in employees:
                problems.append(f"rules.{rule_id}.per_employee: unknown employee {eid!r}")
    for j, limit in enumerate(rules.max_shift_passes.limits):
        if limit.shift not in shifts:
            problems.append(f"rules.max_shift_passes.limits[{j}].shift: unknown shift "
                            f"{limit.shift!r}")
        for eid in limit.employees or []:
            if eid not in employees:
                problems.append(f"rules.max_shift_passes.limits[{j}].employees: unknown "
                                f"employee {eid!r}")
    for j, pair in enumerate(rules.forbidden_successions.pairs):
        for sid in [pair.first, *pair.then]:
            if sid not in shifts:
                problems.append(f"rules.forbidden_successions.pairs[{j}]: unknown shift {sid!r}")
    period = rules.contract_hours.period_weeks
    if period is not None and inst.horizon.weeks % period:
        problems.append(f"rules.contract_hours.period_weeks: {period} does not divide the "
                        f"horizon's {inst.horizon.weeks} weeks")
    return problems
