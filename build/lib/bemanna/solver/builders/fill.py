"""Uncovered need priced in kronor (`uncovered_demand`) and the OB of own passes (`ob`).

The tariff (`bemanna.tariff.fill`) says how a skill's uncovered minutes are bought: sources in
policy order, each up to its cap, and which minutes each source takes at least cost. Here the
same rule as a linear model over the coverage segments:

- each segment has a shortfall `short` (headcount) over `length` minutes; its units
  (`length × short`) join the **class** of segments with the same per-minute prices;
- units within `overtime_enkel_minutes` of an ordinary pass of the skill (one headcount per such
  pass) may be paid as enkel overtime: a per-segment `eligible` variable moves units to the
  eligible class, bounded by the shortfall and by the adjacent passes;
- per class and pay a variable of units; each class's pays sum to its units; each source buys
  exactly `min(units left, cap)` in policy order (`add_min_equality`).

For a fixed roster this is the transportation problem the tariff solves with an LP, so the
exact re-pricing of a roster reaches the checker's price to the öre.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Any

from ortools.sat.python import cp_model

from bemanna.solver.context import Context
from bemanna.tariff.clock import ObClock, ob_clock, pass_ob_cost
from bemanna.tariff.fill import FillPlan, fill_plan
from bemanna.units import MINUTES_PER_DAY

Units = cp_model.LinearExprT


def tariff_clock(ctx: Context) -> ObClock:
    """The instance's OB clock, built once per search (kept beside the need arrays)."""
    cache: dict[str, Any] = ctx.need_cache
    clock = cache.get("tariff:clock")
    if clock is None:
        clock = cache["tariff:clock"] = ob_clock(ctx.instance)
    assert isinstance(clock, ObClock)
    return clock


def skill_plan(ctx: Context, skill: str) -> FillPlan:
    cache: dict[str, Any] = ctx.need_cache
    key = f"tariff:plan:{skill}"
    plan = cache.get(key)
    if plan is None:
        plan = cache[key] = fill_plan(ctx.instance, skill, tariff_clock(ctx))
    assert isinstance(plan, FillPlan)
    return plan


class FillModel:
    """Collects one skill's segments and prices their shortfall per the plan."""

    def __init__(self, ctx: Context, plan: FillPlan) -> None:
        self.ctx = ctx
        self.plan = plan
        self.classes: dict[tuple[bool, tuple[int, ...]], list[Units]] = defaultdict(list)
        self.bounds: dict[tuple[bool, tuple[int, ...]], int] = defaultdict(int)

    def add(self, start: int, length: int, need: int, short: cp_model.IntVar | None,
            adjacent: list[cp_model.IntVar]) -> None:
        """A segment [start, start + length) needing `need`, short by `short` (None: nobody
        can cover it, short = need), next to the ordinary passes `adjacent` (enkel window)."""
        if need <= 0:
            return
        prices = tuple(int(p.price[start]) for p in self.plan.pays)
        single = self.plan.single
        units: cp_model.LinearExpr | int = length * need if short is None else length * short
        if single is not None:
            rate = int(single.price[start])
            if short is None:
                self.ctx.add_constant_cost("uncovered_demand", rate * length * need)
            else:
                self.ctx.add_cost("uncovered_demand", rate * length, short)
            return
        top = length * need
        if self.plan.enkel_window and adjacent:
            high = length * min(need, len(adjacent))
            eligible = self.ctx.model.new_int_var(0, high, "enkel")
            self.ctx.model.add(eligible <= units)
            self.ctx.model.add(eligible <= length * cp_model.LinearExpr.sum(adjacent))
            self.classes[(True, prices)].append(eligible)
            self.bounds[(True, prices)] += high
            self.classes[(False, prices)].append(cp_model.LinearExpr.weighted_sum(
                [units, eligible], [1, -1]))
        else:
            self.classes[(False, prices)].append(units)
        self.bounds[(False, prices)] += top

    def finish(self) -> None:
        """Per class and pay the units bought; per source its total in policy order."""
        if not self.classes:
            return
        model, plan = self.ctx.model, self.plan
        by_source: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        total_high = 0
        for key, parts in self.classes.items():
            eligible, prices = key
            high = self.bounds[key]
            total_high += high
            bought = []
            for i in plan.available(eligible):
                var = model.new_int_var(0, high, f"buy_{plan.pays[i].pay}")
                self.ctx.add_cost("uncovered_demand", prices[i], var)
                by_source[str(plan.pays[i].source)].append(var)
                bought.append(var)
            model.add(cp_model.LinearExpr.sum(bought) == cp_model.LinearExpr.sum(parts))
        left: Units = cp_model.LinearExpr.sum(
            [v for vs in by_source.values() for v in vs])
        sources = list(dict.fromkeys(str(p.source) for p in plan.pays))
        for n, source in enumerate(sources):
            bought_here = cp_model.LinearExpr.sum(by_source[source])
            cap = plan.caps.get(source)
            if n == len(sources) - 1 or cap is None or total_high <= cap:
                # The last source, or one whose cap can never bind, buys everything left.
                model.add(bought_here == left)
                for later in sources[n + 1:]:
                    model.add(cp_model.LinearExpr.sum(by_source[later]) == 0)
                return
            units_left = model.new_int_var(0, total_high, f"left_{source}")
            model.add(units_left == left)
            taken = model.new_int_var(0, cap, f"take_{source}")
            model.add_min_equality(taken, [units_left, cap])
            model.add(bought_here == taken)
            left = units_left - taken


def build_own_ob(ctx: Context) -> None:
    """`ob`: each pass costs the OB of its minutes incl. PO, rounded per category."""
    inst = ctx.instance
    if not inst.costs.own_ob:
        return
    clock = tariff_clock(ctx)
    factor = 1 + Fraction(inst.cost_model.po_rate)
    price: dict[tuple[int, str], int] = {}
    for (_, day, sid), lit in ctx.work.items():
        if (day, sid) not in price:
            base = day * MINUTES_PER_DAY
            parts = [(base + a, base + b) for a, b in inst.shift[sid].offsets]
            price[(day, sid)] = pass_ob_cost(clock, factor, parts)
        ctx.add_cost("ob", price[(day, sid)], lit)
