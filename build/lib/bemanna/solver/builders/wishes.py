"""Employees' wishes (önskemål): a day off, or a shift on/off a date. Always soft."""

from __future__ import annotations

from bemanna.solver.context import Context
from bemanna.units import sek_to_ore


def build_wishes(ctx: Context) -> None:
    inst = ctx.instance
    for emp in ctx.employees:
        for wish in emp.wishes:
            day = inst.horizon.day_of(wish.date)
            assert day is not None  # validated: inside the horizon
            price = sek_to_ore(wish.weight_sek)
            if wish.kind == "day_off":
                lit = ctx.day_var(emp.id, day)
                if lit is not None:
                    ctx.add_cost("wishes", price, lit)
                continue
            assert wish.shift is not None
            work = ctx.work.get((emp.id, day, wish.shift))
            if wish.kind == "shift_off":
                if work is not None:
                    ctx.add_cost("wishes", price, work)
            elif work is None:
                ctx.add_constant_cost("wishes", price)  # the wished shift cannot be worked
            else:
                ctx.add_constant_cost("wishes", price)
                ctx.add_cost("wishes", -price, work)
