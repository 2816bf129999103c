"""Shape of a single pass: pass_span and breaks. Unit of both: one pass."""

from __future__ import annotations

from bemanna.checker.passes import Pass, RosterView
from bemanna.checker.report import NOTHING, RuleResult, Violation


def pass_span(view: RosterView) -> RuleResult:
    """Every pass's span (first start to last end, split or not) is <= max_minutes."""
    rule = view.instance.rules.pass_span
    if not rule.enabled:
        return NOTHING
    found = [
        Violation(
            "pass_span",
            p.employee,
            p.date,
            "checker.pass_span",
            {"emp": p.employee, "shift": p.shift_id, "date": p.date, "span": p.span_minutes,
             "limit": rule.max_minutes},
        )
        for p in view.all_passes()
        if p.span_minutes > rule.max_minutes
    ]
    return RuleResult(found, len(found))


def part_without_break(p: Pass, max_work: int, min_break: int) -> int | None:
    """Length of the first part that breaks the rule, or None when every part holds.

    A part holds when its length is <= max_work, or when the shift's break is >= min_break
    and the part's length less the break is <= 2 x max_work (the break splits it in two).
    """
    if p.shift.paid_meal_break:
        return None
    brk = p.shift.break_minutes
    for start, end in p.parts:
        length = end - start
        if length > max_work and not (brk >= min_break and length - brk <= 2 * max_work):
            return length
    return None


def breaks(view: RosterView) -> RuleResult:
    """Every part of every pass without a paid meal break works at most max_work_minutes
    without a break of >= min_break_minutes."""
    rule = view.instance.rules.breaks
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    for p in view.all_passes():
        length = part_without_break(p, rule.max_work_minutes, rule.min_break_minutes)
        if length is not None:
            found.append(
                Violation(
                    "breaks",
                    p.employee,
                    p.date,
                    "checker.breaks",
                    {"emp": p.employee, "shift": p.shift_id, "date": p.date, "length": length,
                     "brk": p.shift.break_minutes, "max_work": rule.max_work_minutes,
                     "min_break": rule.min_break_minutes},
                )
            )
    return RuleResult(found, len(found))
