"""The first roster: the constructive greedy, mended with CP-SAT where it falls short, and a
roster handed in by the caller (a warm start), both made legal the same way.

Mending ("repair"): for a group of employees alone, the rules-only model (each employee's own
hard rules, no prices), every decision hinted with the target roster: CP-SAT's first
solutions follow the hint, so the greedy's coverage-driven choices mostly survive. A group
whose rules cannot hold at all is reported as INFEASIBLE with the employees who cannot be
scheduled.
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
MEND_FLOOR_SECONDS = 5.0
"""A group gets at least this long even when the time limit is spent (a 52-week care home
built in 63 s on a loaded machine left 1 s a group and no roster): a late roster beats
none."""

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


def hint_target(ctx: Context, target: Assignment) -> None:
    """Hint every decision with `target`: CP-SAT's first solutions follow the hint, so a
    line that keeps its rules comes back as it is and a broken one changes little. (An
    objective counting the changed decisions was tried first: on Curtois Instance20 no
    group of four found a solution in 0.5 s with it, and the retries without it took the
    first roster to 31 s.)"""
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
            hint_target(ctx, {k: v for k, v in target.items() if k[0] in group})
        status, solver = solve(ctx.model, max(MEND_FLOOR_SECONDS, limit()), seed=seed + n)
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
