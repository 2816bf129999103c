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

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.solver.index import Index, PassOption

Literal = cp_model.IntVar


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
    fixed_headcount: dict[str, np.ndarray] = field(default_factory=dict)
    """Per skill and minute: ordinary headcount of employees outside this model (neighbourhood
    search solves a few employees with the rest fixed)."""
    fixed_shift_count: Counter[tuple[int, str]] = field(default_factory=Counter)
    """(day, shift) -> ordinary passes of employees outside this model."""

    # -- lookups -------------------------------------------------------------------------
    def work_var(self, option: PassOption) -> Literal:
        return self.work[(option.employee, option.day, option.shift.id)]

    def day_var(self, employee: str, day: int) -> Literal | None:
        """The 'works on day' literal of a real day, or None when no pass is possible."""
        return self.day.get((employee, day))

    def unwrapped_day_var(self, employee: str, day: int) -> Literal | None:
        located = self.index.day_at(day)
        return None if located is None else self.day_var(employee, located[0])

    # -- objective -----------------------------------------------------------------------
    def add_cost(self, term_id: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[term_id].append(Term(coef, expr))

    def add_constant_cost(self, term_id: str, amount: int) -> None:
        self.constants[term_id] += amount
        self.terms.setdefault(term_id, [])

    def new_violation(self, term_id: str, coef: int, name: str) -> Literal:
        """A fresh boolean that costs `coef` öre when true (one unit of a soft rule)."""
        var = self.model.NewBoolVar(name)
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
            work = model.NewBoolVar(f"w_{emp}_{day}_{sid}")
            ctx.work[(emp, day, sid)] = work
            day_literals.append(work)
            choices = len(opt.roles) + (1 if allow_resurs else 0)
            if choices == 1:
                ctx.cover[(emp, day, sid, opt.roles[0])] = work
                continue
            parts = []
            for skill in opt.roles:
                lit = model.NewBoolVar(f"c_{emp}_{day}_{sid}_{skill}")
                ctx.cover[(emp, day, sid, skill)] = lit
                parts.append(lit)
            if allow_resurs:
                lit = model.NewBoolVar(f"r_{emp}_{day}_{sid}")
                ctx.resurs[(emp, day, sid)] = lit
                parts.append(lit)
            model.Add(sum(parts) == work)
        if len(day_literals) == 1:
            ctx.day[(emp, day)] = day_literals[0]
        else:
            works = model.NewBoolVar(f"d_{emp}_{day}")
            model.Add(sum(day_literals) == works)  # at most one pass per day
            ctx.day[(emp, day)] = works
        forced = ctx.index.forced.get((emp, day))
        if forced is not None:
            model.Add(ctx.work[(emp, day, forced)] == 1)
