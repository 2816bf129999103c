"""A roster repair (re-planning, docs/replan.md): the reference roster and what changing it costs.

An instance with `repair` set is a repair of an existing roster: `bemanna.replanning` builds it
from the old roster and the events. Two priced terms read it, in the solver and in the checker:

- `roster_changes`: each `reference` day whose pass changes (another shift, a pass where there
  was none, no pass where there was one) costs that day's `weight_sek`. Days of people hit by an
  event carry no entry (changing them is the point of the repair).
- `extra_hours`: paid minutes of an employee above `planned_minutes` are bought as extra hours:
  mertid (fyllnadstid) at the hourly wage incl. PO for a part-timer up to full time, kvalificerad
  overtime beyond (`bemanna.tariff.extra_hours`). Minutes below the plan cost nothing: the
  contract salary is paid either way.

No pass may start before `now` unless it is the reference's (the frozen past).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from bemanna.instance.types import STRICT, Identifier, Minutes, Sek


class ReferenceDay(BaseModel):
    """One employee's pass (or no pass: shift null) on one date of the roster being repaired."""

    model_config = STRICT

    employee: Identifier
    date: dt.date
    shift: Identifier | None
    weight_sek: Sek
    """Price of changing this day."""


class RosterRepair(BaseModel):
    """The data of a repair instance (see the module docstring)."""

    model_config = STRICT

    now: dt.datetime
    """Everything that started before this moment is frozen."""
    reference: list[ReferenceDay] = Field(default_factory=list)
    planned_minutes: dict[Identifier, Minutes] = Field(default_factory=dict)
    """Paid minutes per employee beyond which extra hours are bought (absent: no limit)."""

    def repair_problems(self, employees: set[str], shifts: set[str], first: dt.date,
                        last: dt.date) -> list[str]:
        """Cross-references: employees and shifts exist, dates inside the horizon."""
        problems = []
        seen: set[tuple[str, dt.date]] = set()
        for i, ref in enumerate(self.reference):
            where = f"repair.reference[{i}]"
            if ref.employee not in employees:
                problems.append(f"{where}.employee: unknown employee {ref.employee!r}")
            if ref.shift is not None and ref.shift not in shifts:
                problems.append(f"{where}.shift: unknown shift {ref.shift!r}")
            if not first <= ref.date <= last:
                problems.append(f"{where}.date: {ref.date} is outside the horizon")
            if (ref.employee, ref.date) in seen:
                problems.append(f"{where}: {ref.employee} on {ref.date} appears twice")
            seen.add((ref.employee, ref.date))
        for emp in self.planned_minutes:
            if emp not in employees:
                problems.append(f"repair.planned_minutes.{emp}: unknown employee {emp!r}")
        return problems
