"""What is frozen at `now`: every pass that started before it, and every day before its date.

The old roster is read per (employee, date): the pass starting that date, or none. A frozen day
becomes a pin of the repair instance (the pass, or no pass), so the solver cannot touch it and
the checker's `pinned` check proves it untouched; the rest rules, weekly rest, split-shift and
consecutive-day counts see the frozen passes as ordinary passes across the boundary.
"""

from __future__ import annotations

import datetime as dt

from bemanna.instance import Instance
from bemanna.roster import Assignment, Roster

DayKey = tuple[str, dt.date]
"""(employee, date)."""


def old_passes(roster: Roster) -> dict[DayKey, Assignment]:
    """The old roster's pass per (employee, date of its start)."""
    return {(a.employee, a.date): a for a in roster.assignments}


def horizon_dates(inst: Instance) -> list[dt.date]:
    return [inst.horizon.date(d) for d in range(inst.horizon.days)]


def frozen_days(inst: Instance, roster: Roster, now: dt.datetime) -> dict[DayKey, str | None]:
    """(employee, date) -> the old shift (None: no pass) for every day that cannot change:
    dates before `now`'s date, and later dates whose old pass started before `now`."""
    old = old_passes(roster)
    frozen: dict[DayKey, str | None] = {}
    for emp in inst.employees:
        for date in horizon_dates(inst):
            found = old.get((emp.id, date))
            if date < now.date() or (found is not None and found.start < now):
                frozen[(emp.id, date)] = None if found is None else found.shift
    return frozen
