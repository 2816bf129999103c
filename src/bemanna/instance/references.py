"""Second validation layer: cross-references inside an instance, one line per problem."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from bemanna.instance.absence import absence_problems
from bemanna.instance.shape import shape_allowed

if TYPE_CHECKING:
    from bemanna.instance.model import Instance, Pin, ShiftType


def _duplicates(ids: list[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def _pin_problems(inst: Instance, emp_id: str, skills: list[str], allowed: list[str] | None,
                  shift: ShiftType, date: dt.date, where: str) -> list[str]:
    """A pinned pass must be one the employee could be given: skill, allowed shifts, weekday,
    and no hard shape rule (pass span, breaks) against it."""
    problems = []
    if not set(shift.skills) & set(skills):
        problems.append(f"{where}.shift: {emp_id!r} has no skill that may work {shift.id!r}")
    if allowed is not None and shift.id not in allowed:
        problems.append(f"{where}.shift: {shift.id!r} is not among {emp_id!r}'s allowed_shifts")
    if not shift.exists_on(date.weekday()):
        problems.append(f"{where}.shift: {shift.id!r} does not exist on {date:%A}s")
    if not shape_allowed(inst.rules, shift):
        problems.append(f"{where}.shift: {shift.id!r} breaks a hard rule (pass_span or breaks)")
    return problems


def _role_problems(inst: Instance, skills: list[str], pin: Pin, shifts: dict[str, ShiftType],
                   where: str) -> list[str]:
    """A pinned role is 'resurs' (when resurspass are allowed) or a skill of both the employee
    and the pinned shift."""
    if pin.role is None:
        return []
    if pin.shift is None:
        return [f"{where}.role: a pin without a pass has no role"]
    if pin.role == "resurs":
        return [] if inst.resurspass else [f"{where}.role: resurspass are off (resurspass: false)"]
    shift = shifts.get(pin.shift)
    if pin.role not in skills or (shift is not None and pin.role not in shift.skills):
        return [f"{where}.role: {pin.role!r} is not a skill of both the employee and "
                f"{pin.shift!r}"]
    return []


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
            if pin.shift in shifts:
                problems += _pin_problems(inst, emp.id, emp.skills, emp.allowed_shifts,
                                          shifts[pin.shift], pin.date, f"{where}.pinned[{j}]")
            problems += _role_problems(inst, emp.skills, pin, shifts, f"{where}.pinned[{j}]")
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
    problems.extend(cost_model_references(inst))
    problems.extend(absence_problems(inst))
    if inst.repair is not None:
        problems.extend(inst.repair.repair_problems(employees, set(shifts), first, last))
    money = cost_model_problems(inst) if "cost_model" in inst.model_fields_set else []
    said = {line.split(":")[0] for line in money}
    problems.extend(money)
    problems.extend(p for p in objective_price_problems(inst) if p.split(":")[0] not in said)
    return problems


def demanded_skills(inst: Instance) -> list[str]:
    """Skills with a minimum need above zero somewhere."""
    return [s.id for s in inst.skills
            if any(d.skill == s.id and any(b.min > 0 for b in d.bands) for d in inst.demand)]


def objective_price_problems(inst: Instance) -> list[str]:
    """What the objective needs to price coverage: for each skill with need, the gap-fill
    rates (unless a flat uncovered weight is given) and the wage of stranded resurstid (unless
    a flat weight is given); and a below-desired weight no higher than an uncovered minute."""
    problems: list[str] = []
    costs, cm = inst.costs, inst.cost_model
    for skill in [s.id for s in inst.skills]:
        flat = costs.uncovered(skill)
        if flat is not None and costs.below_desired(skill) > flat:
            problems.append(f"costs.below_desired_per_hour: {skill}: a minute below the desired "
                            "level may not cost more than an uncovered minute")
    for skill in demanded_skills(inst):
        if costs.uncovered(skill) is None:
            problems.extend(policy_problems(inst, skill))
    in_shifts = {k for s in inst.shift_types for k in s.skills}
    coverable = {k for e in inst.employees for k in e.skills if k in in_shifts}
    for skill in [s.id for s in inst.skills if s.id in coverable]:
        if costs.stranded_resurstid_per_hour is None and cm.skill_salary(skill) is None:
            problems.append(f"cost_model.monthly_salary.{skill}: no monthly salary for skill "
                            f"{skill!r}, whose stranded resurstid is priced at its wage (or set "
                            "costs.stranded_resurstid_per_hour)")
    return sorted(set(problems), key=problems.index)


def policy_problems(inst: Instance, skill: str) -> list[str]:
    """A rate for every gap-fill source of the skill's policy."""
    problems: list[str] = []
    cm = inst.cost_model
    where, policy = cm.policy(skill)
    for j, entry in enumerate(policy):
        what = f"{where}[{j}]: {entry.source} for skill {skill!r} has no rate"
        basis = cm.agency_basis(skill) if entry.source == "agency" else None
        if entry.source == "agency" and basis is None:
            problems.append(f"{what}: set cost_model.agency_per_hour.{skill}")
        elif (basis is None or basis[0] == "factor") and cm.skill_salary(skill) is None:
            problems.append(f"{what}: it needs cost_model.monthly_salary.{skill}")
    return problems


def cost_model_references(inst: Instance) -> list[str]:
    """Skills and employees named in `cost_model` that the instance does not have."""
    problems: list[str] = []
    skills = {s.id for s in inst.skills}
    cm = inst.cost_model
    for field in ("monthly_salary", "agency_per_hour", "agency_factor", "gap_fill"):
        for skill in getattr(cm, field):
            if skill not in skills:
                problems.append(f"cost_model.{field}.{skill}: unknown skill {skill!r}")
    for eid in cm.employee_monthly_salary:
        if eid not in {e.id for e in inst.employees}:
            problems.append(f"cost_model.employee_monthly_salary.{eid}: unknown employee "
                            f"{eid!r}")
    return problems


def schedulable_skills(inst: Instance) -> list[str]:
    """Skills some pass may be worked in (an employee has it and a shift type lists it), and
    the first skill of each employee without their own salary (the skill they are paid in)."""
    in_shifts = {k for s in inst.shift_types for k in s.skills}
    found = {k for e in inst.employees for k in e.skills if k in in_shifts}
    found |= {e.skills[0] for e in inst.employees
              if e.id not in inst.cost_model.employee_monthly_salary}
    return [s.id for s in inst.skills if s.id in found]


def cost_model_problems(inst: Instance) -> list[str]:
    """What the pricing needs and the cost model lacks, one line per problem: a salary for
    every skill that may be scheduled, and a rate for every gap-fill source of every skill
    with demand. Checked on load when the file has a `cost_model`, and always by pricing."""
    problems: list[str] = []
    cm = inst.cost_model
    for skill in schedulable_skills(inst):
        if cm.skill_salary(skill) is None:
            problems.append(f"cost_model.monthly_salary.{skill}: no monthly salary for skill "
                            f"{skill!r}, which is scheduled")
    for skill in demanded_skills(inst):
        problems.extend(policy_problems(inst, skill))
    return problems
