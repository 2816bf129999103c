"""A roster repair's prices (`Instance.repair`, docs/replan.md): `roster_changes`, `extra_hours`.

`roster_changes`: a reference day with pass r costs its weight unless work[e,d,r] (at most one
pass a day, so that literal alone says the day is unchanged); a reference day off costs its
weight when the employee works that day. `extra_hours`: paid minutes P above the plan are
m + o >= P - planned with 0 <= m <= mertid headroom, priced m at mertid and o at overtime; since
mertid is the cheaper, the minimum puts the first minutes in m, as the checker prices them.
"""

from __future__ import annotations

from bemanna.solver.builders.hours import paid_minutes
from bemanna.solver.context import Context
from bemanna.tariff.extra_hours import extra_hours
from bemanna.units import sek_to_ore

BIG_MINUTES = 100_000_000


def build_roster_changes(ctx: Context) -> None:
    repair = ctx.instance.repair
    if repair is None:
        return
    scope = {e.id for e in ctx.employees}
    for ref in repair.reference:
        day = ctx.instance.horizon.day_of(ref.date)
        if ref.employee not in scope or day is None:
            continue
        price = sek_to_ore(ref.weight_sek)
        if ref.shift is None:
            lit = ctx.day_var(ref.employee, day)
            if lit is not None:
                ctx.add_cost("roster_changes", price, lit)
            continue
        ctx.add_constant_cost("roster_changes", price)
        work = ctx.work.get((ref.employee, day, ref.shift))
        if work is not None:
            ctx.add_cost("roster_changes", -price, work)


def build_extra_hours(ctx: Context) -> None:
    if ctx.instance.repair is None:
        return
    for emp in ctx.employees:
        prices = extra_hours(ctx.instance, emp)
        if prices is None:
            continue
        paid = paid_minutes(ctx, emp.id, 0, ctx.index.days)
        most = sum(max((o.shift.paid_minutes for o in ctx.index.day_options(emp.id, d)),
                       default=0) for d in range(ctx.index.days))
        if most <= prices.planned:
            ctx.add_constant_cost("extra_hours", 0)
            continue
        mertid = ctx.model.new_int_var(0, prices.mertid_minutes, f"mertid_{emp.id}")
        overtime = ctx.model.new_int_var(0, BIG_MINUTES, f"overtime_{emp.id}")
        ctx.model.add(mertid + overtime >= paid - prices.planned)
        ctx.add_cost("extra_hours", prices.mertid_per_minute, mertid)
        ctx.add_cost("extra_hours", prices.overtime_per_minute, overtime)
