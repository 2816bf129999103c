"""Day-pattern rules: runs of working days and days off, weekends, successions, counts.

`day(e, d)` is the literal "employee e works a pass starting on day d"; a day on which no
pass is possible has no literal and counts as a day off.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from bemanna.instance.rules import RuleBase
from bemanna.solver.context import Context
from bemanna.units import sek_to_ore

Lit = cp_model.LiteralT


def _clause(ctx: Context, rule_id: str, rule: RuleBase, literals: list[Lit], name: str,
            employee: str, day: int) -> None:
    """Hard: one of the literals holds. Soft: or pay one unit."""
    if rule.mode == "soft":
        literals = [*literals, ctx.new_violation(rule_id, sek_to_ore(rule.weight_sek), name)]
        ctx.model.add_bool_or(literals)
        return
    ctx.model.add_bool_or(literals).only_enforce_if(ctx.guard(rule_id, employee, day))


def _at_most(ctx: Context, rule_id: str, rule: RuleBase, literals: list[cp_model.IntVar],
             limit: int, name: str, employee: str, detail: str = "") -> None:
    """sum(literals) <= limit; soft: each literal above the limit costs one unit."""
    if len(literals) <= limit:
        return
    if rule.mode == "hard":
        ctx.model.add(cp_model.LinearExpr.sum(literals) <= limit).only_enforce_if(
            ctx.guard(rule_id, employee, None, detail))
        return
    excess = ctx.model.new_int_var(0, len(literals) - limit, f"excess_{name}")
    ctx.model.add(cp_model.LinearExpr.sum(literals) - excess <= limit)
    ctx.add_cost(rule_id, sek_to_ore(rule.weight_sek), excess)


def _window_days(ctx: Context, length: int) -> list[list[int]]:
    """Every run of `length` consecutive unwrapped days the horizon holds. In a cyclic horizon
    a run may wrap onto itself: up to days + 1 long (a run of days - 1 between one day off)."""
    days = ctx.index.days
    if ctx.index.cyclic:
        return [list(range(d, d + length)) for d in range(days)] if length <= days + 1 else []
    return [list(range(d, d + length)) for d in range(days - length + 1)]


def build_max_consecutive_days(ctx: Context) -> None:
    rule = ctx.instance.rules.max_consecutive_days
    if not rule.enabled:
        return
    days = ctx.index.days
    for emp in ctx.employees:
        limit = rule.per_employee.get(emp.id, rule.max)
        if limit >= days:
            continue  # no run can be longer than the horizon allows
        seen: set[frozenset[int]] = set()
        for window in _window_days(ctx, limit + 1):
            key = frozenset(d % days for d in window)
            lits = [ctx.unwrapped_day_var(emp.id, d) for d in window]
            if key in seen or any(lit is None for lit in lits):
                continue
            seen.add(key)
            _clause(ctx, "max_consecutive_days", rule,
                    [lit.negated() for lit in lits if lit is not None], f"v_cons_{emp.id}",
                    emp.id, window[0])
        if ctx.index.cyclic and rule.mode == "soft" and limit + 1 < days:
            _whole_cycle_correction(ctx, rule, emp.id, limit)


def _whole_cycle_correction(ctx: Context, rule: RuleBase, employee: str, limit: int) -> None:
    """A cyclic run over every day is one run of `days` days: it costs days - limit units,
    but all `days` of its windows are full, so `limit` units are given back."""
    lits = [ctx.day_var(employee, d) for d in range(ctx.index.days)]
    if any(lit is None for lit in lits):
        return
    every = ctx.model.new_bool_var(f"every_day_{employee}")
    ctx.model.add_bool_and([lit for lit in lits if lit is not None]).only_enforce_if(every)
    ctx.model.add_bool_or([every, *(lit.negated() for lit in lits if lit is not None)])
    ctx.add_cost("max_consecutive_days", -limit * sek_to_ore(rule.weight_sek), every)


def _forbid_short_runs(ctx: Context, rule_id: str, rule: RuleBase, employee: str,
                       minimum: int, working: bool) -> None:
    """Forbid every run (of working days, or of days off) shorter than `minimum`.

    A run of length l starting at d is: day d-1 of the other kind, days d..d+l-1 of this kind,
    day d+l of the other kind. In a non-cyclic horizon runs touching the borders are exempt.
    """
    for length in range(1, minimum):
        for window in _window_days(ctx, length + 2):
            lits = [ctx.unwrapped_day_var(employee, d) for d in window]
            first, inner, last = lits[0], lits[1:-1], lits[-1]
            clause: list[Lit] = []
            if working:
                if any(lit is None for lit in inner):
                    continue  # some inner day can never be worked: no such run
                clause = [lit.negated() for lit in inner if lit is not None]
                clause += [b for b in (first, last) if b is not None]
            else:
                if first is None or last is None:
                    continue  # a border day can never be worked: no such run
                clause = [first.negated(), last.negated()]
                clause += [lit for lit in inner if lit is not None]
            _clause(ctx, rule_id, rule, clause, f"v_{rule_id}_{employee}", employee, window[1])


def _build_min_runs(ctx: Context, rule_id: str, working: bool) -> None:
    rule = getattr(ctx.instance.rules, rule_id)
    if rule.enabled:
        for emp in ctx.employees:
            minimum = rule.per_employee.get(emp.id, rule.min)
            _forbid_short_runs(ctx, rule_id, rule, emp.id, minimum, working)


def build_min_consecutive_days(ctx: Context) -> None:
    _build_min_runs(ctx, "min_consecutive_days", working=True)


def build_min_consecutive_days_off(ctx: Context) -> None:
    _build_min_runs(ctx, "min_consecutive_days_off", working=False)


def build_max_weekends(ctx: Context) -> None:
    rule = ctx.instance.rules.max_weekends
    if not rule.enabled:
        return
    for emp in ctx.employees:
        limit = rule.per_employee.get(emp.id, rule.max)
        weekends = []
        for w in range(ctx.instance.horizon.weeks):
            lits = [lit for d in (7 * w + 5, 7 * w + 6)
                    if (lit := ctx.day_var(emp.id, d)) is not None]
            if not lits:
                continue
            worked = ctx.model.new_bool_var(f"we_{emp.id}_{w}")
            ctx.model.add_max_equality(worked, lits)
            weekends.append(worked)
        _at_most(ctx, "max_weekends", rule, weekends, limit, f"we_{emp.id}", emp.id)


def build_max_split_shifts(ctx: Context) -> None:
    rule = ctx.instance.rules.max_split_shifts
    if not rule.enabled:
        return
    for emp in ctx.employees:
        limit = rule.per_employee.get(emp.id, rule.max)
        splits = [ctx.work_var(o) for d in range(ctx.index.days)
                  for o in ctx.index.day_options(emp.id, d) if o.shift.is_split]
        _at_most(ctx, "max_split_shifts", rule, splits, limit, f"split_{emp.id}", emp.id)


def build_max_shift_passes(ctx: Context) -> None:
    rule = ctx.instance.rules.max_shift_passes
    if not rule.enabled:
        return
    everyone = [e.id for e in ctx.employees]
    for limit in rule.limits:
        for emp in limit.employees or everyone:
            lits = [ctx.work[key] for d in range(ctx.index.days)
                    if (key := (emp, d, limit.shift)) in ctx.work]
            _at_most(ctx, "max_shift_passes", rule, lits, limit.max, f"n_{emp}_{limit.shift}",
                     emp, limit.shift)


def build_forbidden_successions(ctx: Context) -> None:
    rule = ctx.instance.rules.forbidden_successions
    if not rule.enabled:
        return
    then: dict[str, set[str]] = defaultdict(set)
    for pair in rule.pairs:
        then[pair.first].update(pair.then)
    for (emp, day), options in ctx.index.options.items():
        located = ctx.index.day_at(day + 1)
        if located is None:
            continue
        following = ctx.index.day_options(emp, located[0])
        for opt in options:
            banned = [ctx.work_var(n) for n in following if n.shift.id in then[opt.shift.id]]
            if not banned:
                continue
            if rule.mode == "hard":
                ctx.model.add_at_most_one([ctx.work_var(opt), *banned]).only_enforce_if(
                    ctx.guard("forbidden_successions", emp, day))
            else:
                for nxt in banned:
                    _clause(ctx, "forbidden_successions", rule,
                            [ctx.work_var(opt).negated(), nxt.negated()], f"v_succ_{emp}",
                            emp, day)
