"""Which passes each employee could work on each day, before any rule between passes.

The same reading as the solver's pass options (skills, allowed shifts, the shift's weekdays,
unavailability, pins, hard shape rules), computed here in plain Python so that the pre-solve
checks need no solver.
"""

from __future__ import annotations

from dataclasses import dataclass

from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.instance.shape import shape_allowed


@dataclass(frozen=True)
class DayOptions:
    shifts: tuple[ShiftType, ...]
    """The passes possible that day (one when pinned)."""
    pinned: bool = False
    """A pin fixes the day: that one pass, or (no shifts) no pass."""
    absent: bool = False


def workable_shifts(inst: Instance, emp: Employee) -> list[ShiftType]:
    """Shift types the employee may work at all (skills, allowed shifts, hard shape rules)."""
    skills = set(emp.skills)
    return [s for s in inst.shift_types
            if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
            and skills & set(s.skills) and shape_allowed(inst.rules, s)]


def employee_days(inst: Instance, emp: Employee) -> list[DayOptions]:
    """One entry per day of the horizon."""
    allowed = workable_shifts(inst, emp)
    pins = {p.date: p.shift for p in emp.pinned}
    days = []
    for day in range(inst.horizon.days):
        date = inst.horizon.date(day)
        if date in pins:
            pinned = pins[date]
            days.append(DayOptions(() if pinned is None else (inst.shift[pinned],), True))
            continue
        if any(r.contains(date) for r in emp.unavailable):
            days.append(DayOptions((), absent=True))
            continue
        weekday = date.weekday()
        days.append(DayOptions(tuple(s for s in allowed if s.exists_on(weekday))))
    return days


def pass_literals(inst: Instance) -> int:
    """How many (employee, day, shift) pass options the solver's model will hold."""
    return sum(len(d.shifts) for emp in inst.employees for d in employee_days(inst, emp))
