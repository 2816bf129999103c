"""RÖHS as a decision (`rohs`): which employment rate each request is granted.

An employee whose request leaves a choice (`bemanna.instance.rohs.rohs_options`) gets one
literal per rate, exactly one true. The contract-hours rule reads its target from them
(`contract_targets`), and the term `rohs` prices the extra base salary of the chosen rate
over the current one (the pricing's personnel line, rounded the same way), so the solver
weighs it against the gap-fill cost, stranded time and expected absence cover it changes.
`min_share` becomes one linear constraint on the granted percentage points.
"""

from __future__ import annotations

from decimal import Decimal

from ortools.sat.python import cp_model

from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Employee
from bemanna.instance.rohs import requested, rohs_options
from bemanna.solver.context import Context, Literal
from bemanna.tariff.rates import cost_of, employee_wage, with_po

HUNDREDTHS = 100
"""Percentage points are counted in hundredths (rates have at most two decimals)."""


def grant_choices(ctx: Context, emp: Employee) -> list[tuple[Employee, Literal | None]]:
    """The employee at each rate they may be given, with its literal (None: no choice)."""
    options = rohs_options(ctx.instance, emp)
    if len(options) == 1:
        rate = options[0]
        return [(emp if rate == emp.employment_rate
                 else emp.model_copy(update={"employment_rate": rate}), None)]
    if emp.id not in ctx.grants:
        lits = [(rate, ctx.model.new_bool_var(f"rohs_{emp.id}_{rate}")) for rate in options]
        ctx.model.add_exactly_one([lit for _, lit in lits])
        ctx.grants[emp.id] = lits
    return [(emp.model_copy(update={"employment_rate": rate}), lit)
            for rate, lit in ctx.grants[emp.id]]


def contract_targets(ctx: Context, emp: Employee,
                     ) -> list[tuple[int, int, list[int], list[Literal] | None]]:
    """Per contract period: (first day, end day, target minutes per grantable rate, their
    literals — None when the request leaves no choice and there is one target)."""
    choices = grant_choices(ctx, emp)
    periods = [contract_periods(ctx.instance, granted) for granted, _ in choices]
    lits = None if choices[0][1] is None else [lit for _, lit in choices if lit is not None]
    return [(period.first_day, period.end_day, [p[n].target_minutes for p in periods], lits)
            for n, period in enumerate(periods[0])]


def build_rohs(ctx: Context) -> None:
    """`rohs`: the extra base salary of each grant; `min_share` of the points granted."""
    inst = ctx.instance
    cm = inst.cost_model
    points: list[cp_model.LinearExprT] = []
    asked = Decimal(0)
    for emp in ctx.employees:
        asked += requested(emp)
        choices = grant_choices(ctx, emp)
        if choices[0][1] is None:
            granted = choices[0][0]
            points.append(int((granted.employment_rate - emp.employment_rate) * HUNDREDTHS))
            if granted.employment_rate != emp.employment_rate:
                ctx.add_constant_cost("rohs", _extra_salary(ctx, emp, granted))
            continue
        loaded = with_po(cm, employee_wage(cm, emp)[2])
        base = cost_of(_contract(ctx, emp), loaded)
        for granted, lit in choices:
            assert lit is not None
            ctx.add_cost("rohs", cost_of(_contract(ctx, granted), loaded) - base, lit)
            points.append(int((granted.employment_rate - emp.employment_rate) * HUNDREDTHS)
                          * lit)
    share = inst.rohs.min_share
    if inst.rohs.policy == "optimise" and share and asked:
        need = share * asked * HUNDREDTHS
        floor = int(need.to_integral_value("ROUND_CEILING"))
        ctx.model.add(cp_model.LinearExpr.sum(points) >= floor)


def _contract(ctx: Context, emp: Employee) -> int:
    return sum(p.target_minutes for p in contract_periods(ctx.instance, emp))


def _extra_salary(ctx: Context, emp: Employee, granted: Employee) -> int:
    cm = ctx.instance.cost_model
    loaded = with_po(cm, employee_wage(cm, emp)[2])
    return cost_of(_contract(ctx, granted), loaded) - cost_of(_contract(ctx, emp), loaded)


def granted_rate(ctx: Context, emp: Employee, solver: cp_model.CpSolver) -> Decimal:
    """The rate the solved model gives `emp`."""
    lits = ctx.grants.get(emp.id)
    if not lits:
        return rohs_options(ctx.instance, emp)[0]
    return next(rate for rate, lit in lits if solver.boolean_value(lit))
