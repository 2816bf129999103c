"""The conflict core: which groups of hard-rule constraints cannot hold together.

Every hard-rule constraint belongs to a group (rule id, employee, week, detail) with one
enforcement literal (`Context.guard`); each pin is a group of its own. CP-SAT solves with every
group assumed true; when that is infeasible it names a subset of the assumptions that suffices
(`sufficient_assumptions_for_infeasibility`). The subset is then shrunk by deletion: leave one
group out and solve again; if it is still infeasible the group was not needed (and the new,
possibly smaller, core replaces the old). What is left is a minimal conflict: drop any one of
its groups and the rest can hold (`proven_minimal` says whether every re-solve finished).

Every hard rule is a rule about one employee's own passes (employees meet only in coverage,
which is priced), so each employee is examined alone: small models, fast answers. A hard
shape rule (pass span, breaks) normally removes a shift type from the pass options; here the
options keep it and the rule forbids it under its guard, so that it can be part of a core.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bemanna.explain.wording import PINNED
from bemanna.instance.model import Instance
from bemanna.solver.builders import build_rules
from bemanna.solver.context import Context, Literal, create_variables, solve_model
from bemanna.solver.index import Index, build_index

CORE_SECONDS = 5.0
"""Time limit of one feasibility solve while looking for or shrinking a core."""


@dataclass(frozen=True, order=True)
class Group:
    """One group of hard-rule constraints: a rule for one employee in one week (or over the
    whole horizon when week is None), or one pin."""

    rule: str
    employee: str
    week: int | None
    """0-based week of the horizon the group's constraints start in; None: whole horizon."""
    detail: str = ""
    """'min'/'max' for the hour rules, the shift id for a shift limit or shape rule, the date
    for a pin."""


@dataclass
class Core:
    employee: str
    groups: list[Group]
    proven_minimal: bool
    solves: int = 0


def explaining_index(instance: Instance) -> Index:
    """Pass options as the solver sees them, except that hard shape rules and pins do not
    remove options: both are constraints under a guard here."""
    rules = instance.rules
    relaxed = {name: getattr(rules, name).model_copy(update={"mode": "soft"})
               for name in ("pass_span", "breaks") if getattr(rules, name).mode == "hard"}
    employees = [e.model_copy(update={"pinned": []}) for e in instance.employees]
    # replaced(), not model_copy(): the copy's employee lookup must follow the new employees.
    return build_index(instance.replaced(rules=rules.model_copy(update=relaxed),
                                         employees=employees))


def scoped(index: Index, employees: set[str]) -> Index:
    result = Index(index.instance, index.days, index.cyclic, scope=frozenset(employees))
    result.options = {k: v for k, v in index.options.items() if k[0] in employees}
    result.forced = {k: v for k, v in index.forced.items() if k[0] in employees}
    return result


@dataclass
class GuardedModel:
    """The hard rules of some employees, every group under its own enforcement literal."""

    instance: Instance
    ctx: Context
    employees: list[str]
    groups: dict[Group, Literal] = field(default_factory=dict)
    solves: int = 0

    @classmethod
    def build(cls, instance: Instance, index: Index, employees: set[str]) -> GuardedModel:
        ctx = Context.fresh(instance, scoped(index, employees), explaining=True)
        create_variables(ctx)
        build_rules(ctx)
        _add_pins(ctx)
        assert ctx.guards is not None
        groups = {Group(*key): lit for key, lit in ctx.guards.items()}
        return cls(instance, ctx, sorted(employees), groups)

    def solve(self, groups: list[Group], limit: float = CORE_SECONDS
              ) -> tuple[str, list[Group]]:
        """Solve with `groups` enforced (the others free): ('INFEASIBLE', a sufficient subset),
        ('FEASIBLE', []) or ('UNKNOWN', [])."""
        # One worker: cores from assumptions come from the SAT search. No probing: it doubles
        # the time of these small solves (care home employees: 0.26 s → 0.11 s each,
        # measured) and does not change the verdict.
        status, _, core = solve_model(self.ctx.model, limit,
                                      assumptions=[self.groups[g] for g in groups],
                                      probing=False)
        self.solves += 1
        if status == "INFEASIBLE":
            by_index = {lit.index: g for g, lit in self.groups.items()}
            found = [by_index[i] for i in core if i in by_index]
            return "INFEASIBLE", sorted(found) or list(groups)
        if status in ("OPTIMAL", "FEASIBLE"):
            return "FEASIBLE", []
        return "UNKNOWN", []

    def core(self, limit: float = CORE_SECONDS, deadline: float | None = None) -> Core | None:
        """A minimal set of groups that cannot all hold, or None when all of them can."""
        status, found = self.solve(sorted(self.groups), limit)
        if status != "INFEASIBLE":
            return None
        minimal, proven = shrink(self, found, limit, deadline)
        return Core(", ".join(self.employees), minimal, proven, self.solves)


def shrink(model: GuardedModel, core: list[Group], limit: float,
           deadline: float | None = None) -> tuple[list[Group], bool]:
    """Deletion filter: try each group once without it. A group whose removal makes the rest
    feasible is necessary (and stays necessary in every smaller core); otherwise the solver's
    new core, a subset of the rest, replaces the current one."""
    current = list(core)
    necessary: set[Group] = set()
    proven = True
    while True:
        candidates = [g for g in current if g not in necessary]
        if not candidates:
            return current, proven
        group = candidates[0]
        if deadline is not None and time.monotonic() > deadline:
            return current, False
        rest = [g for g in current if g != group]
        status, smaller = model.solve(rest, limit)
        if status == "INFEASIBLE":
            keep = set(smaller) | necessary
            current = [g for g in rest if g in keep]
            continue
        if status == "UNKNOWN":
            proven = False
        necessary.add(group)


def _add_pins(ctx: Context) -> None:
    """Each pin of a scoped employee: exactly that pass (or no pass) on its date, under the
    pin's own guard."""
    inst = ctx.instance
    for emp in ctx.employees:
        for pin in emp.pinned:
            day = inst.horizon.day_of(pin.date)
            if day is None:
                continue
            guard = ctx.guard(PINNED, emp.id, day, pin.date.isoformat())
            options = ctx.index.day_options(emp.id, day)
            if pin.shift is None:
                for opt in options:
                    ctx.model.add(ctx.work_var(opt) == 0).only_enforce_if(guard)
                continue
            work = ctx.work.get((emp.id, day, pin.shift))
            if work is None:  # the pinned pass is not possible at all
                ctx.model.add_bool_or([g.negated() for g in guard])
            else:
                ctx.model.add(work == 1).only_enforce_if(guard)


def find_cores(instance: Instance, employees: list[str] | None = None,
               limit: float = CORE_SECONDS, budget: float = 60.0) -> list[Core]:
    """The minimal conflicts of every employee whose own hard rules cannot hold (those in
    `employees` first, then the rest). Falls back to all employees together when no one is
    infeasible alone (should not happen while every hard rule is per employee)."""
    deadline = time.monotonic() + budget
    index = explaining_index(instance)
    order = list(employees or [])
    order += [e.id for e in instance.employees if e.id not in order]
    cores: list[Core] = []
    for emp in order:
        if time.monotonic() > deadline:
            break
        core = GuardedModel.build(instance, index, {emp}).core(limit, deadline)
        if core is not None:
            cores.append(core)
    if not cores and time.monotonic() < deadline:
        everyone = GuardedModel.build(instance, index, {e.id for e in instance.employees})
        core = everyone.core(limit, deadline)
        if core is not None:
            core.employee = ", ".join(sorted({g.employee for g in core.groups}))
            cores.append(core)
    return cores
