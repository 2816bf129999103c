"""Read the solved CP-SAT values back into a `Roster` with absolute date-times."""

from __future__ import annotations

import datetime as dt

from ortools.sat.python import cp_model

from bemanna.instance.contract import contract_minutes
from bemanna.roster.model import Assignment, EmployeeSummary, Kind, Part, Roster
from bemanna.solver.builders.rohs import granted_rate
from bemanna.solver.context import Context


def extract_roster(ctx: Context, solver: cp_model.CpSolver, status: str, objective: int,
                   bound: int, by_term: dict[str, int]) -> Roster:
    inst = ctx.instance
    origin = dt.datetime.combine(inst.horizon.start, dt.time())
    assignments: list[Assignment] = []
    for (emp, day, sid), lit in ctx.work.items():
        if not solver.boolean_value(lit):
            continue
        shift = inst.shift[sid]
        resurs = ctx.resurs.get((emp, day, sid))
        kind: Kind
        if resurs is not None and solver.boolean_value(resurs):
            kind, skill = "resurs", next(k for k in inst.employee[emp].skills if k in shift.skills)
        else:
            kind = "ordinary"
            skill = next(k for (e, d, s, k), v in _covers(ctx, emp, day, sid)
                         if solver.boolean_value(v))
        base = origin + dt.timedelta(days=day)
        parts = tuple(Part(base + dt.timedelta(minutes=a), base + dt.timedelta(minutes=b))
                      for a, b in shift.offsets)
        assignments.append(Assignment(emp, inst.horizon.date(day), sid, kind, skill, parts,
                                      shift.paid_minutes))
    assignments.sort(key=lambda a: (a.employee, a.date))
    employees = []
    for person in inst.employees:
        mine = [a for a in assignments if a.employee == person.id]
        rate = granted_rate(ctx, person, solver)
        granted = person.model_copy(update={"employment_rate": rate})
        employees.append(EmployeeSummary(
            person.id, contract_minutes(inst, granted), sum(a.paid_minutes for a in mine),
            sum(a.paid_minutes for a in mine if a.kind == "resurs"), rate))
    return Roster(inst.name, inst.horizon.start, inst.horizon.days, inst.horizon.cyclic, status,
                  objective, bound, employees, assignments, dict(by_term))


def _covers(ctx: Context, emp: str, day: int,
            sid: str) -> list[tuple[tuple[str, int, str, str], cp_model.IntVar]]:
    return [((emp, day, sid, k), ctx.cover[(emp, day, sid, k)])
            for k in ctx.instance.employee[emp].skills if (emp, day, sid, k) in ctx.cover]
