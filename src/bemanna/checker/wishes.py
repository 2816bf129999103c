"""Wishes (önskemål): always soft, priced per wish not granted."""

from __future__ import annotations

from bemanna.checker.passes import RosterView
from bemanna.checker.report import Violation
from bemanna.instance import Employee
from bemanna.instance.model import Wish
from bemanna.labels.phrases import phrase
from bemanna.units import sek_to_ore


def wish_granted(view: RosterView, emp: Employee, wish: Wish) -> bool:
    """day_off: no pass starts that date; shift_on: that shift starts that date; shift_off: it
    does not."""
    shifts = {p.shift_id for p in view.passes[emp.id] if p.date == wish.date}
    if wish.kind == "day_off":
        return not shifts
    if wish.kind == "shift_on":
        return wish.shift in shifts
    return wish.shift not in shifts


def wishes_not_granted(view: RosterView) -> list[Violation]:
    """One line per wish the roster does not grant (for reports; wishes are never violations)."""
    found: list[Violation] = []
    for emp in view.instance.employees:
        for wish in emp.wishes:
            if not wish_granted(view, emp, wish):
                what = phrase(f"checker.wish.{wish.kind}", shift=wish.shift)
                found.append(Violation("wishes", emp.id, wish.date, "checker.wish",
                                       {"emp": emp.id, "what": what, "date": wish.date}))
    return found


def wishes(view: RosterView) -> int:
    """The weight of every wish not granted, in öre."""
    return sum(
        sek_to_ore(wish.weight_sek)
        for emp in view.instance.employees
        for wish in emp.wishes
        if not wish_granted(view, emp, wish)
    )
