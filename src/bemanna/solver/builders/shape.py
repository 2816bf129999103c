"""Shape rules, priced when soft: `pass_span` and `breaks` (hard ones exclude the shift type
from the pass options, see solver/index.py)."""

from __future__ import annotations

from bemanna.instance.shape import breaks_ok, span_ok
from bemanna.solver.context import Context
from bemanna.units import sek_to_ore


def build_pass_span(ctx: Context) -> None:
    rule = ctx.instance.rules.pass_span
    if rule.enabled and rule.mode == "soft":
        for key, lit in ctx.work.items():
            if not span_ok(rule, ctx.instance.shift[key[2]]):
                ctx.add_cost("pass_span", sek_to_ore(rule.weight_sek), lit)


def build_breaks(ctx: Context) -> None:
    rule = ctx.instance.rules.breaks
    if rule.enabled and rule.mode == "soft":
        for key, lit in ctx.work.items():
            if not breaks_ok(rule, ctx.instance.shift[key[2]]):
                ctx.add_cost("breaks", sek_to_ore(rule.weight_sek), lit)
