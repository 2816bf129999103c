"""The first roster: the constructive greedy, mended with CP-SAT where it falls short, and a
roster handed in by the caller (a warm start), both made legal the same way.

Mending ("repair"): for a group of employees alone, the rules-only model (each employee's own
hard rules, no prices) with the objective "change as few decisions of the target roster as
possible", every decision hinted with the target. A line that already keeps its rules is
returned as it is at once; a broken one is changed as little as the rules demand, so the
greedy's coverage-driven choices survive. A group whose rules cannot hold at all is reported
as INFEASIBLE with the employees who cannot be scheduled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.roster.model import Roster
from bemanna.solver.assignment import RESURS, Assignment, add_hint, read_assignment
from bemanna.solver.context import Context
from bemanna.solver.index import Index

GROUP = 4
"""Employees mended together in one rules-only model."""
MEND_SECONDS = 0.5
"""Time for one group's closest legal lines; the best found by then is taken (with no target:
until any legal line is found)."""

Solve = Callable[..., tuple[cp_model.CpSolverStatus, cp_model.CpSolver]]
Build = Callable[[Index], Context]


@dataclass
class Mended:
    """A legal roster for the employees asked about, or who cannot be scheduled."""

    assignment: Assignment
    infeasible: list[str]
    unknown: bool = False
    """A group ran out of time (no roster for it)."""


def only(index: Index, employees: set[str]) -> Index:
    """The index with the pass options of `employees` only."""
    result = Index(index.instance, index.days, index.cyclic, scope=frozenset(employees))
    result.options = {k: v for k, v in index.options.items() if k[0] in employees}
    result.forced = {k: v for k, v in index.forced.items() if k[0] in employees}
    return result


def closeness(ctx: Context, target: Assignment) -> None:
    """Replace the model's objective by the number of decisions that differ from `target`
    (a pass worked or not, the role it is worked in), and hint `target`."""
    terms: list[cp_model.LinearExprT] = []
    for key, lit in ctx.work.items():
        terms.append(1 - lit if key in target else lit)
    for (emp, day, sid, skill), lit in ctx.cover.items():
        if target.get((emp, day, sid)) == skill and lit is not ctx.work[(emp, day, sid)]:
            terms.append(1 - lit)
    for key, lit in ctx.resurs.items():
        if target.get(key) == RESURS:
            terms.append(1 - lit)
    ctx.model.minimize(cp_model.LinearExpr.sum(terms))
    add_hint(ctx, target)


def mend(index: Index, employees: list[str], target: Assignment | None, build: Build,
         solve: Solve, limit: Callable[[], float], seed: int) -> Mended:
    """A legal line for each of `employees`, as close to `target` as the rules allow (any
    legal line without a target), group by group in the given order."""
    assignment: Assignment = {}
    for n in range(0, len(employees), GROUP):
        group = employees[n:n + GROUP]
        ctx = build(only(index, set(group)))
        if target is not None:
            closeness(ctx, {k: v for k, v in target.items() if k[0] in group})
        seconds = max(1.0, limit())
        if target is not None:
            seconds = min(seconds, MEND_SECONDS)
        status, solver = solve(ctx.model, seconds, seed=seed + n)
        if status == cp_model.UNKNOWN and target is not None:  # no legal line near: any will do
            ctx = build(only(index, set(group)))
            status, solver = solve(ctx.model, max(1.0, limit()), seed=seed + n)
        if status == cp_model.INFEASIBLE:
            return Mended({}, infeasible_alone(index, group, build, solve))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Mended({}, [], unknown=True)
        assignment.update(read_assignment(ctx, solver))
    return Mended(assignment, [])


def infeasible_alone(index: Index, group: list[str], build: Build, solve: Solve) -> list[str]:
    """The employees whose own rules cannot hold (each solved alone)."""
    found = []
    for emp in group:
        status, _ = solve(build(only(index, {emp})).model, 5.0, workers=1)
        if status == cp_model.INFEASIBLE:
            found.append(emp)
    return found


def most_constrained_first(index: Index) -> list[str]:
    """Employees by how few pass options they have (then id): the hardest lines first."""
    counts = {e.id: 0 for e in index.instance.employees
              if index.scope is None or e.id in index.scope}
    for emp, _ in index.options:
        if emp in counts:
            counts[emp] += 1
    return sorted(counts, key=lambda e: (counts[e], e))


@dataclass
class HintReading:
    """A roster read as decisions of this instance's model."""

    assignment: Assignment
    dropped: int
    """Passes of the roster that are no longer possible (no such option, or a second pass on
    the same day); they are left out."""


def assignment_from_roster(index: Index, roster: Roster) -> HintReading:
    """The roster's passes that this instance still allows, in the roles they had (a role the
    pass can no longer be worked in becomes the pass's first possible role)."""
    inst: Instance = index.instance
    assignment: Assignment = {}
    taken: set[tuple[str, int]] = set()
    dropped = 0
    for item in roster.assignments:
        day = inst.horizon.day_of(item.date)
        option = None
        if day is not None and (item.employee, day) not in taken:
            option = next((o for o in index.day_options(item.employee, day)
                           if o.shift.id == item.shift), None)
        if option is None or day is None:
            dropped += 1
            continue
        if item.kind == "resurs" and inst.resurspass:
            role = RESURS
        else:
            role = item.skill if item.skill in option.roles else option.roles[0]
        assignment[(item.employee, day, item.shift)] = role
        taken.add((item.employee, day))
    return HintReading(assignment, dropped)
