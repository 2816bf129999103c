"""Shape rules of a shift type, known before any pass is placed: pass span and breaks
(definitions shared by validation and the solver; the checker has its own reading)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bemanna.instance.rules import Breaks, PassSpan, Rules

if TYPE_CHECKING:  # only a type: model.py validates through references.py, which uses this
    from bemanna.instance.model import ShiftType


def span_ok(rule: PassSpan, shift: ShiftType) -> bool:
    """`pass_span`: first start to last end within the maximum (split passes included)."""
    return shift.span_minutes <= rule.max_minutes


def breaks_ok(rule: Breaks, shift: ShiftType) -> bool:
    """`breaks`: each part either short enough or split by a long enough break."""
    if shift.paid_meal_break:
        return True
    for start, end in shift.offsets:
        length = end - start
        if length <= rule.max_work_minutes:
            continue
        if shift.break_minutes < rule.min_break_minutes:
            return False
        if length - shift.break_minutes > 2 * rule.max_work_minutes:
            return False
    return True


def shape_allowed(rules: Rules, shift: ShiftType) -> bool:
    """False when a hard, enabled shape rule forbids the shift type outright."""
    span, breaks = rules.pass_span, rules.breaks
    if span.enabled and span.mode == "hard" and not span_ok(span, shift):
        return False
    return not (breaks.enabled and breaks.mode == "hard" and not breaks_ok(breaks, shift))
