"""The solver's view of an instance: which passes each employee may work on each day.

A *pass option* is (employee, day, shift type) where the shift exists that weekday, the
employee may work it (skills, allowed shifts, not unavailable, pins) and no hard shape rule
(pass span, breaks) excludes it. Times are absolute minutes from the horizon's start; in a
cyclic horizon `day` arithmetic wraps (see `Index.day_at`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.instance.shape import shape_allowed
from bemanna.units import MINUTES_PER_DAY


@dataclass(frozen=True)
class PassOption:
    employee: str
    day: int
    shift: ShiftType
    roles: tuple[str, ...]
    """Skills the pass may be worked in (employee's ∩ shift's)."""
    resurs: bool = True
    """Whether it may be a resurspass (when the instance allows them); a pin's role decides."""

    @property
    def start(self) -> int:
        return self.day * MINUTES_PER_DAY + self.shift.offsets[0][0]

    @property
    def end(self) -> int:
        return self.day * MINUTES_PER_DAY + self.shift.offsets[-1][1]


@dataclass
class Index:
    instance: Instance
    days: int
    cyclic: bool
    options: dict[tuple[str, int], list[PassOption]] = field(default_factory=dict)
    forced: dict[tuple[str, int], str] = field(default_factory=dict)
    """Pinned passes: (employee, day) -> shift id that must be worked."""
    scope: frozenset[str] | None = None
    """The employees this model is about (None: all); others get no rules or passes."""

    @property
    def horizon_minutes(self) -> int:
        return self.days * MINUTES_PER_DAY

    def day_at(self, day: int) -> tuple[int, int] | None:
        """Unwrapped day number -> (real day, shift in days to reach it), or None outside a
        non-cyclic horizon. Day -1 of a cyclic horizon is (days - 1, -days)."""
        if 0 <= day < self.days:
            return day, 0
        if not self.cyclic:
            return None
        real = day % self.days
        return real, day - real

    def day_options(self, employee: str, day: int) -> list[PassOption]:
        return self.options.get((employee, day), [])


def _unavailable_days(inst: Instance, emp: Employee) -> set[int]:
    days = set()
    for day in range(inst.horizon.days):
        date = inst.horizon.date(day)
        if any(r.contains(date) for r in emp.unavailable):
            days.add(day)
    return days


def _frozen_minutes(inst: Instance) -> int:
    """Minutes after the horizon start before which no new pass may start: a repair's `now`
    (passes that started before it are pinned), else no limit."""
    if inst.repair is None:
        return -(10**9)
    origin = dt.datetime.combine(inst.horizon.start, dt.time())
    return int((inst.repair.now - origin).total_seconds()) // 60


def _option(emp: Employee, day: int, shift: ShiftType, role: str | None) -> PassOption:
    """The pass option; a pinned role leaves one way to work it (a skill, or resurs)."""
    roles = tuple(k for k in emp.skills if k in shift.skills)
    if role == "resurs":
        return PassOption(emp.id, day, shift, (), resurs=True)
    if role is not None:
        return PassOption(emp.id, day, shift, tuple(k for k in roles if k == role),
                          resurs=False)
    return PassOption(emp.id, day, shift, roles)


def build_index(inst: Instance) -> Index:
    index = Index(inst, inst.horizon.days, inst.horizon.cyclic)
    for emp in inst.employees:
        skills = set(emp.skills)
        allowed = [
            s
            for s in inst.shift_types
            if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
            and skills & set(s.skills)
            and shape_allowed(inst.rules, s)
        ]
        unavailable = _unavailable_days(inst, emp)
        pins = {inst.horizon.day_of(p.date): p.shift for p in emp.pinned}
        roles = {inst.horizon.day_of(p.date): p.role for p in emp.pinned if p.role}
        frozen_until = _frozen_minutes(inst)
        for day in range(inst.horizon.days):
            if day in unavailable:
                continue
            weekday = inst.horizon.date(day).weekday()
            shifts = [s for s in allowed if s.exists_on(weekday)]
            if day in pins:
                pinned = pins[day]
                if pinned is None:
                    continue
                index.forced[(emp.id, day)] = pinned
                shifts = [inst.shift[pinned]]  # a pin overrides allowed shifts and weekdays
            options = [_option(emp, day, s, roles.get(day)) for s in shifts]
            options = [o for o in options if (o.roles or (o.resurs and inst.resurspass))
                       and (day in pins or o.start >= frozen_until)]
            if options:
                index.options[(emp.id, day)] = options
    return index


def restrict(index: Index, incumbent: dict[tuple[str, int, str], str],
             free: set[tuple[str, int]]) -> Index:
    """A copy of `index` where only the (employee, day) pairs in `free` keep their choices;
    every other pair is pinned to the incumbent's pass (or to no pass). Neighbourhood search
    solves such a model: all rules and prices stay exact, most decisions are constants."""
    worked: dict[tuple[str, int], str] = {(e, d): s for (e, d, s) in incumbent}
    result = Index(index.instance, index.days, index.cyclic, scope=index.scope)
    for key, options in index.options.items():
        if key in free:
            result.options[key] = options
            if key in index.forced:
                result.forced[key] = index.forced[key]
            continue
        shift = worked.get(key)
        if shift is None:
            continue
        result.options[key] = [o for o in options if o.shift.id == shift]
        result.forced[key] = shift
    return result
