"""The CP-SAT model under construction: variables shared by every rule builder.

Variables (all boolean):
- `work[(e, d, s)]`: employee e works a pass of shift s starting on day d.
- `cover[(e, d, s, k)]`: that pass is ordinary and counts towards coverage of skill k.
- `resurs[(e, d, s)]`: that pass is a resurspass (counts towards contract, not coverage).
- `day[(e, d)]`: employee e works some pass starting on day d.
A variable may stand for several roles when there is only one choice (e.g. one skill, no
resurspass: cover is work), so the model stays small.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Employee, Instance
from bemanna.solver.index import Index, PassOption

Literal = cp_model.IntVar
GuardKey = tuple[str, str, int | None, str]
"""A group of hard-rule constraints: (rule id, employee, week or None, detail)."""


@dataclass
class Term:
    """One priced quantity in the objective: `coef` öre times the value of `expr`."""

    coef: int
    expr: cp_model.LinearExprT


@dataclass
class Context:
    instance: Instance
    index: Index
    model: cp_model.CpModel
    work: dict[tuple[str, int, str], Literal] = field(default_factory=dict)
    cover: dict[tuple[str, int, str, str], Literal] = field(default_factory=dict)
    resurs: dict[tuple[str, int, str], Literal] = field(default_factory=dict)
    day: dict[tuple[str, int], Literal] = field(default_factory=dict)
    terms: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    constants: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    need_cache: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    """Need per skill and minute (shared between the many models of one search)."""
    grants: dict[str, list[tuple[Decimal, Literal]]] = field(default_factory=dict)
    """RÖHS: per employee with a choice, (rate, literal) per rate it may be granted
    (`builders.rohs.grant_choices`)."""
    guards: dict[GuardKey, Literal] | None = None
    """Only when explaining infeasibility (`bemanna.explain`): one enforcement literal per
    group of hard-rule constraints. None (solving): hard rules are added unconditionally."""

    @classmethod
    def fresh(cls, instance: Instance, index: Index, explaining: bool = False) -> Context:
        """A new, empty model over `index`; `explaining`: hard-rule groups get guards."""
        return cls(instance, index, cp_model.CpModel(), guards={} if explaining else None)

    # -- lookups -------------------------------------------------------------------------
    @property
    def employees(self) -> list[Employee]:
        """The employees this model schedules (all, unless the index is scoped)."""
        scope = self.index.scope
        return [e for e in self.instance.employees if scope is None or e.id in scope]

    def work_var(self, option: PassOption) -> Literal:
        return self.work[(option.employee, option.day, option.shift.id)]

    def day_var(self, employee: str, day: int) -> Literal | None:
        """The 'works on day' literal of a real day, or None when no pass is possible."""
        return self.day.get((employee, day))

    def unwrapped_day_var(self, employee: str, day: int) -> Literal | None:
        located = self.index.day_at(day)
        return None if located is None else self.day_var(employee, located[0])

    def guard(self, rule_id: str, employee: str, day: int | None = None,
              detail: str = "") -> list[Literal]:
        """Enforcement literals for a hard-rule constraint: `[]` when solving (the constraint
        always holds), else the literal of its group (rule, employee, week of `day`, detail),
        so that a core of conflicting groups can be asked for with assumptions."""
        if self.guards is None:
            return []
        week = None if day is None else (day % self.index.days) // 7
        key = (rule_id, employee, week, detail)
        lit = self.guards.get(key)
        if lit is None:
            lit = self.model.new_bool_var(f"g_{rule_id}_{employee}_{week}_{detail}")
            self.guards[key] = lit
        return [lit]

    # -- objective -----------------------------------------------------------------------
    def add_cost(self, term_id: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[term_id].append(Term(coef, expr))

    def add_constant_cost(self, term_id: str, amount: int) -> None:
        self.constants[term_id] += amount
        self.terms.setdefault(term_id, [])

    def new_violation(self, term_id: str, coef: int, name: str) -> Literal:
        """A fresh boolean that costs `coef` öre when true (one unit of a soft rule)."""
        var = self.model.new_bool_var(name)
        self.add_cost(term_id, coef, var)
        return var


def create_variables(ctx: Context) -> None:
    """Create work/cover/resurs/day literals and link them (one pass per day)."""
    model = ctx.model
    allow_resurs = ctx.instance.resurspass
    for (emp, day), options in ctx.index.options.items():
        day_literals = []
        for opt in options:
            sid = opt.shift.id
            work = model.new_bool_var(f"w_{emp}_{day}_{sid}")
            ctx.work[(emp, day, sid)] = work
            day_literals.append(work)
            resurs_ok = allow_resurs and opt.resurs
            choices = len(opt.roles) + (1 if resurs_ok else 0)
            if choices == 1:
                if opt.roles:
                    ctx.cover[(emp, day, sid, opt.roles[0])] = work
                else:
                    ctx.resurs[(emp, day, sid)] = work
                continue
            parts = []
            for skill in opt.roles:
                lit = model.new_bool_var(f"c_{emp}_{day}_{sid}_{skill}")
                ctx.cover[(emp, day, sid, skill)] = lit
                parts.append(lit)
            if resurs_ok:
                lit = model.new_bool_var(f"r_{emp}_{day}_{sid}")
                ctx.resurs[(emp, day, sid)] = lit
                parts.append(lit)
            model.add(sum(parts) == work)
        if len(day_literals) == 1:
            ctx.day[(emp, day)] = day_literals[0]
        else:
            works = model.new_bool_var(f"d_{emp}_{day}")
            model.add(sum(day_literals) == works)  # at most one pass per day
            ctx.day[(emp, day)] = works
        forced = ctx.index.forced.get((emp, day))
        if forced is not None:
            model.add(ctx.work[(emp, day, forced)] == 1)


def solve_model(model: cp_model.CpModel, limit: float, *, workers: int = 1, seed: int = 0,
                assumptions: list[Literal] | None = None, probing: bool = True
                ) -> tuple[str, cp_model.CpSolver, list[int]]:
    """One CP-SAT solve for the explaining side (`bemanna.explain`, which does not import
    OR-Tools itself): (status name, the solver to read values from, and when INFEASIBLE under
    `assumptions` the indices of a subset of them that suffices for infeasibility)."""
    model.clear_assumptions()
    if assumptions:
        model.add_assumptions(assumptions)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.catch_sigint_signal = False  # a signal ends the process cleanly
    if not probing:
        solver.parameters.cp_model_probing_level = 0
    status = solver.solve(model)
    core: list[int] = []
    if status == cp_model.INFEASIBLE and assumptions:
        core = list(solver.sufficient_assumptions_for_infeasibility())
    return solver.status_name(status), solver, core

