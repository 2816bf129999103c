"""The search: construct a roster employee group by employee group, improve it by
re-optimising a few employees at a time (large-neighbourhood search), then polish on the full
model, which also proves a bound.

Why this works: every hard rule in bemanna is a rule about one employee's own passes; the
employees meet only in coverage, which is priced, not hard. So a roster is feasible exactly
when each employee's schedule is, a group of employees can be solved exactly with the others'
headcount fixed, and a group that cannot be scheduled names the employees who make the
instance infeasible.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.solver.assignment import (
    Assignment,
    add_hint,
    fixed_model,
    outside_cover,
    read_assignment,
)
from bemanna.solver.builders import build_all
from bemanna.solver.context import Context, create_variables
from bemanna.solver.index import build_index

SMALL_MODEL_LITERALS = 2500
"""Below this many pass literals the full model is solved directly for the whole limit."""
CONSTRUCT_GROUP = 4
POLISH_SHARE = 0.3
EVALUATION_RESERVE = 0.5
"""Seconds kept at the end to price the final roster exactly."""
"""Share of the time limit kept for the final solve of the full model."""


@dataclass(frozen=True)
class SolverParams:
    time_limit: float = 30.0
    workers: int = 2
    seed: int = 0
    log: bool = False
    """Print CP-SAT's own search log (final full-model phase)."""
    cp_sat: tuple[tuple[str, object], ...] = ()
    """Extra CP-SAT parameters as (name, value) pairs, e.g. (("linearization_level", 0),)."""
    strategy: str = "cpsat"
    """'cpsat': a constructed first roster, then CP-SAT on the full model from it (default);
    'lns': in between, re-optimise groups of employees with the rest fixed (experimental)."""


@dataclass
class Progress:
    """One improving roster found during search."""

    seconds: float
    objective: int
    bound: int


def build_model(instance: Instance, fixed_headcount: dict[str, np.ndarray] | None = None,
                fixed_shift_count: dict[tuple[int, str], int] | None = None) -> Context:
    """Build the CP-SAT model: variables, every rule, the objective (öre)."""
    ctx = Context(instance, build_index(instance), cp_model.CpModel())
    if fixed_headcount:
        ctx.fixed_headcount = fixed_headcount
    if fixed_shift_count:
        ctx.fixed_shift_count.update(fixed_shift_count)
    create_variables(ctx)
    build_all(ctx)
    objective = [t.coef * t.expr for terms in ctx.terms.values() for t in terms]
    ctx.model.Minimize(cp_model.LinearExpr.Sum(objective) + sum(ctx.constants.values()))
    return ctx


@dataclass
class Outcome:
    """What the search hands back: the best solved model (for reading the roster) and why."""

    status: str
    ctx: Context | None = None
    solver: cp_model.CpSolver | None = None
    objective: int | None = None
    bound: int | None = None
    infeasible_employees: list[str] = field(default_factory=list)


def _hint_everything(ctx: Context, solver: cp_model.CpSolver) -> None:
    """Hint every variable of ctx's model with the values of a solved copy of it."""
    proto = ctx.model.Proto()
    values = solver.ResponseProto().solution
    ctx.model.ClearHints()
    proto.solution_hint.vars.extend(range(len(values)))
    proto.solution_hint.values.extend(values)


class _Recorder(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[int, int], None], offset: int = 0) -> None:
        super().__init__()
        self.report = report
        self.offset = offset

    def on_solution_callback(self) -> None:
        self.report(round(self.ObjectiveValue()) + self.offset, round(self.BestObjectiveBound()))


class Search:
    """Runs in a worker thread; `stop()` (from a signal handler) ends it early but keeps the
    best roster found."""

    def __init__(self, instance: Instance, params: SolverParams,
                 on_progress: Callable[[Progress], None] | None = None) -> None:
        self.instance = instance
        self.params = params
        self.on_progress = on_progress
        self.progress: list[Progress] = []
        self.started = time.monotonic()
        self.deadline = self.started + params.time_limit
        self.stopped = threading.Event()
        self._current: cp_model.CpSolver | None = None
        self._best_bound = 0
        self.rng = random.Random(params.seed)
        self.full: Context | None = None
        self.build_time = 0.0

    # -- control ---------------------------------------------------------------------------
    def stop(self) -> None:
        self.stopped.set()
        if self._current is not None:
            self._current.StopSearch()

    def _left(self) -> float:
        return self.deadline - time.monotonic()

    def _record(self, objective: int, bound: int) -> None:
        if self.progress and objective >= self.progress[-1].objective:
            return
        step = Progress(time.monotonic() - self.started, objective, max(bound, self._best_bound))
        self.progress.append(step)
        if self.on_progress is not None:
            self.on_progress(step)

    def _solve(self, model: cp_model.CpModel, limit: float, *, workers: int | None = None,
               seed: int | None = None, callback: cp_model.CpSolverSolutionCallback | None = None,
               log: bool = False) -> tuple[int, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, limit)
        solver.parameters.num_workers = workers or self.params.workers
        solver.parameters.random_seed = self.params.seed if seed is None else seed
        solver.parameters.log_search_progress = log
        for name, value in self.params.cp_sat:
            setattr(solver.parameters, name, value)
        self._current = solver
        if self.stopped.is_set():
            return cp_model.UNKNOWN, solver
        status = solver.Solve(model, callback)
        self._current = None
        return status, solver

    # -- phases ----------------------------------------------------------------------------
    def run(self) -> Outcome:
        t = time.monotonic()
        self.full = full = build_model(self.instance)
        self.build_time = time.monotonic() - t
        if len(full.work) <= SMALL_MODEL_LITERALS and self.params.strategy != "lns":
            return self._solve_full(full, None)
        # A first roster that is sure to come fast: each group of employees alone, rules only.
        constructed = self._construct()
        if not isinstance(constructed, dict):
            return constructed
        evaluated = self._evaluate(full, constructed)
        if evaluated is None:
            return Outcome("UNKNOWN")
        objective, solver = evaluated
        self._record(objective, 0)
        if self.params.strategy == "lns":
            polish_at = self.deadline - POLISH_SHARE * self.params.time_limit
            constructed, objective = self._improve(constructed, objective, polish_at)
            evaluated = self._evaluate(full, constructed)
            if evaluated is None:
                return Outcome("UNKNOWN")
            objective, solver = evaluated
        _hint_everything(full, solver)
        return self._solve_full(full, constructed, objective)

    def _solve_full(self, full: Context, hint: Assignment | None,
                    hint_objective: int | None = None) -> Outcome:
        """Solve the full model for the time left; never return worse than the hint.

        A roster found before the end of search may carry slack in its cost variables (a
        shortfall variable above the true shortfall), so unless it is proven optimal its
        decisions are priced again on the fixed model: the objective then equals the
        checker's total to the öre.
        """
        limit = self._left() - EVALUATION_RESERVE
        status, solver = self._solve(full.model, limit, callback=_Recorder(self._record),
                                     log=self.params.log)
        candidates: list[Assignment] = []
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self._best_bound = max(self._best_bound, round(solver.BestObjectiveBound()))
            if status == cp_model.OPTIMAL:
                objective = round(solver.ObjectiveValue())
                return Outcome("OPTIMAL", full, solver, objective, objective)
            candidates.append(read_assignment(full, solver))
        if hint is not None:
            candidates.append(hint)
        best: Outcome = Outcome(solver.StatusName(status))
        for assignment in candidates:
            evaluated = self._evaluate(full, assignment)
            if evaluated is not None and (best.objective is None
                                          or evaluated[0] < best.objective):
                proven = evaluated[0] <= self._best_bound
                best = Outcome("OPTIMAL" if proven else "FEASIBLE", full, evaluated[1],
                               evaluated[0], self._best_bound)
        return best

    def _evaluate(self, ctx: Context, assignment: Assignment
                  ) -> tuple[int, cp_model.CpSolver] | None:
        """The objective of `assignment` on `ctx`'s model (every decision fixed)."""
        status, solver = self._solve(fixed_model(ctx, assignment), 30.0, workers=1)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return round(solver.ObjectiveValue()), solver

    def _evaluate_objective(self, ctx: Context, assignment: Assignment) -> int:
        evaluated = self._evaluate(ctx, assignment)
        return evaluated[0] if evaluated is not None else 1 << 62

    def _sub_model(self, employees: list[str], incumbent: Assignment,
                   scheduled: set[str]) -> Context:
        inst = self.instance
        chosen = set(employees)
        heads, counts = outside_cover(inst, incumbent, scheduled - chosen)
        sub = inst.model_copy(update={"employees": [e for e in inst.employees
                                                    if e.id in chosen]})
        return build_model(sub, heads, counts)

    def _construct(self) -> Assignment | Outcome:
        """Schedule employees group by group, each group against the headcount of the groups
        before it. The most constrained employees go first."""
        assert self.full is not None
        options = {e.id: 0 for e in self.instance.employees}
        for emp, _, _ in self.full.work:
            options[emp] += 1
        order = sorted(options, key=lambda e: (options[e], e))
        assignment: Assignment = {}
        scheduled: set[str] = set()
        groups = [order[i:i + CONSTRUCT_GROUP] for i in range(0, len(order), CONSTRUCT_GROUP)]
        for n, group in enumerate(groups):
            ctx = self._sub_model(group, assignment, scheduled)
            ctx.model.ClearObjective()  # any roster that keeps the rules will do here
            status, solver = self._solve(ctx.model, max(1.0, self._left()),
                                         seed=self.params.seed + n)
            if status == cp_model.INFEASIBLE:
                return Outcome("INFEASIBLE", infeasible_employees=self._infeasible(group))
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return Outcome("UNKNOWN")
            assignment.update(read_assignment(ctx, solver))
            scheduled.update(group)
        return assignment

    def _infeasible(self, group: list[str]) -> list[str]:
        """The employees of a group whose own rules cannot hold."""
        found = []
        for emp in group:
            ctx = self._sub_model([emp], {}, set())
            status, _ = self._solve(ctx.model, 5.0, workers=1)
            if status == cp_model.INFEASIBLE:
                found.append(emp)
        return found or list(group)

    def _improve(self, incumbent: Assignment, objective: int,
                 until: float) -> tuple[Assignment, int]:
        """Large-neighbourhood search over groups of employees, the rest fixed."""
        everyone = [e.id for e in self.instance.employees]
        by_skill: dict[str, list[str]] = {}
        for emp in self.instance.employees:
            by_skill.setdefault(",".join(sorted(emp.skills)), []).append(emp.id)
        size = min(6, len(everyone))
        it = 0
        while time.monotonic() < until - 0.2 and not self.stopped.is_set():
            it += 1
            chosen = self._neighbourhood(everyone, by_skill, size)
            ctx = self._sub_model(chosen, incumbent, set(everyone))
            mine = {k: v for k, v in incumbent.items() if k[0] in set(chosen)}
            current = self._evaluate(ctx, mine)
            if current is None:
                continue
            add_hint(ctx, mine)
            limit = min(until - time.monotonic(), 1.0 + 0.02 * self.params.time_limit)
            status, solver = self._solve(ctx.model, limit, seed=self.params.seed + it)
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                gained = current[0] - round(solver.ObjectiveValue())
                if gained > 0:
                    for key in mine:
                        del incumbent[key]
                    incumbent.update(read_assignment(ctx, solver))
                    objective -= gained
                    self._record(objective, 0)
            if status == cp_model.OPTIMAL:
                size = min(size + 1, len(everyone))
            else:
                size = max(2, size - 1)
        return incumbent, objective

    def _neighbourhood(self, everyone: list[str], by_skill: dict[str, list[str]],
                       size: int) -> list[str]:
        """Random employees, or (every other time) employees with the same skills."""
        if self.rng.random() < 0.5:
            pool = self.rng.choice(list(by_skill.values()))
            if len(pool) >= size:
                return self.rng.sample(pool, size)
        return self.rng.sample(everyone, size)
