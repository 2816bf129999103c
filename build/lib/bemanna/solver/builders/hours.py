"""Hour rules: `contract_hours`, `total_minutes`, `average_weekly_hours`.

Each bounds the paid minutes an employee is scheduled over a span of days; soft versions pay
per minute outside the bounds.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from bemanna.instance.rules import RuleBase
from bemanna.solver.builders.rohs import contract_targets
from bemanna.solver.context import Context
from bemanna.units import ore_per_minute


def paid_minutes(ctx: Context, employee: str, first_day: int, end_day: int) -> cp_model.LinearExpr:
    terms = []
    for day in range(first_day, end_day):
        for opt in ctx.index.day_options(employee, day):
            terms.append(opt.shift.paid_minutes * ctx.work_var(opt))
    return cp_model.LinearExpr.sum(terms) if terms else cp_model.LinearExpr.sum([])


def bound_minutes(ctx: Context, rule_id: str, rule: RuleBase, expr: cp_model.LinearExpr,
                  low: cp_model.LinearExprT | None, high: cp_model.LinearExprT | None,
                  name: str, employee: str,
                  first_day: int | None = None) -> None:
    """low <= expr <= high, hard, or soft with a per-minute price on the distance."""
    if rule.mode == "hard":
        if low is not None:
            ctx.model.add(expr >= low).only_enforce_if(
                ctx.guard(rule_id, employee, first_day, "min"))
        if high is not None:
            ctx.model.add(expr <= high).only_enforce_if(
                ctx.guard(rule_id, employee, first_day, "max"))
        return
    price = ore_per_minute(rule.weight_sek)
    span = 100_000_000
    if low is not None:
        under = ctx.model.new_int_var(0, span, f"under_{name}")
        ctx.model.add(expr + under >= low)
        ctx.add_cost(rule_id, price, under)
    if high is not None:
        over = ctx.model.new_int_var(0, span, f"over_{name}")
        ctx.model.add(expr - over <= high)
        ctx.add_cost(rule_id, price, over)


def build_contract_hours(ctx: Context) -> None:
    rule = ctx.instance.rules.contract_hours
    if not rule.enabled:
        return
    tol = rule.tolerance_minutes
    for emp in ctx.employees:
        for first, end, targets, lits in contract_targets(ctx, emp):
            expr = paid_minutes(ctx, emp.id, first, end)
            low: cp_model.LinearExprT = max(0, targets[0] - tol)
            high: cp_model.LinearExprT = targets[0] + tol
            if lits is not None:  # a RÖHS choice: the target of the granted rate
                low = cp_model.LinearExpr.weighted_sum(lits, [max(0, t - tol) for t in targets])
                high = cp_model.LinearExpr.weighted_sum(lits, [t + tol for t in targets])
            bound_minutes(ctx, "contract_hours", rule, expr, low, high,
                          f"contract_{emp.id}_{first}", emp.id, first)


def build_total_minutes(ctx: Context) -> None:
    rule = ctx.instance.rules.total_minutes
    if not rule.enabled:
        return
    for emp in ctx.employees:
        own = rule.per_employee.get(emp.id)
        low = own.min if own is not None and own.min is not None else rule.min
        high = own.max if own is not None and own.max is not None else rule.max
        if low is None and high is None:
            continue
        expr = paid_minutes(ctx, emp.id, 0, ctx.index.days)
        bound_minutes(ctx, "total_minutes", rule, expr, low, high, f"total_{emp.id}", emp.id)


def build_average_weekly_hours(ctx: Context) -> None:
    rule = ctx.instance.rules.average_weekly_hours
    if not rule.enabled:
        return
    high = rule.max_minutes_per_week * ctx.instance.horizon.weeks
    for emp in ctx.employees:
        expr = paid_minutes(ctx, emp.id, 0, ctx.index.days)
        bound_minutes(ctx, "average_weekly_hours", rule, expr, None, high, f"avg_{emp.id}",
                      emp.id)
