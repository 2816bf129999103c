"""Shape rules, priced when soft: `pass_span` and `breaks` (hard ones exclude the shift type
from the pass options, see solver/index.py; only an explaining model, whose index keeps those
passes, forbids them here under a guard)."""

from __future__ import annotations

from collections.abc import Callable

from bemanna.instance.model import ShiftType
from bemanna.instance.rules import Breaks, PassSpan
from bemanna.instance.shape import breaks_ok, span_ok
from bemanna.solver.context import Context
from bemanna.units import sek_to_ore


def _price_shape(ctx: Context, rule_id: str, rule: PassSpan | Breaks,
                 holds: Callable[[ShiftType], bool]) -> None:
    """Soft shape rule: every pass of a shift type that breaks it costs one unit. Hard and
    explaining: such a pass is forbidden while the rule's guard holds."""
    if not rule.enabled or (rule.mode == "hard" and ctx.guards is None):
        return
    for (emp, _, sid), lit in ctx.work.items():
        if holds(ctx.instance.shift[sid]):
            continue
        if rule.mode == "soft":
            ctx.add_cost(rule_id, sek_to_ore(rule.weight_sek), lit)
        else:
            ctx.model.add(lit == 0).only_enforce_if(ctx.guard(rule_id, emp, None, sid))


def build_pass_span(ctx: Context) -> None:
    rule = ctx.instance.rules.pass_span
    _price_shape(ctx, "pass_span", rule, lambda shift: span_ok(rule, shift))


def build_breaks(ctx: Context) -> None:
    rule = ctx.instance.rules.breaks
    _price_shape(ctx, "breaks", rule, lambda shift: breaks_ok(rule, shift))
