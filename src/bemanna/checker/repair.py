"""A roster repair (docs/replan.md, `Instance.repair`): the frozen past, changed passes and extra
hours, read off the roster.

- `frozen_past` (structural): a pass that starts before the repair's `now` is a pinned pass of
  the old roster; nothing new starts in the past.
- `roster_changes` (priced): each reference day whose pass is not the reference's (another
  shift, a pass on a day off, no pass on a working day) costs the day's weight.
- `extra_hours` (priced): an employee's paid minutes over the horizon above the planned minutes,
  mertid first up to full time, overtime for the rest (`bemanna.tariff.extra_hours`).
"""

from __future__ import annotations

from bemanna.checker.passes import RosterView, horizon_origin, minutes_between
from bemanna.checker.report import Violation
from bemanna.tariff.extra_hours import extra_hours as extra_hour_prices
from bemanna.units import sek_to_ore


def frozen_past(view: RosterView) -> list[Violation]:
    """Every pass starting before `now` must be pinned to that shift that date."""
    repair = view.instance.repair
    if repair is None:
        return []
    now = minutes_between(horizon_origin(view.instance), repair.now)
    found = []
    for emp in view.instance.employees:
        pins = {(p.date, p.shift) for p in emp.pinned}
        for p in view.passes[emp.id]:
            if p.start < now and (p.date, p.shift_id) not in pins:
                found.append(Violation(
                    "frozen_past", emp.id, p.date, "checker.frozen_past",
                    {"emp": emp.id, "shift": p.shift_id, "start": p.assignment.start,
                     "now": repair.now}))
    return found


def roster_changes(view: RosterView) -> int:
    """The weight of every reference day whose pass changed, in öre."""
    repair = view.instance.repair
    if repair is None:
        return 0
    worked = {(p.employee, p.date): p.shift_id for p in view.all_passes()}
    return sum(sek_to_ore(ref.weight_sek) for ref in repair.reference
               if worked.get((ref.employee, ref.date)) != ref.shift)


def extra_hours(view: RosterView) -> int:
    """Minutes above each employee's plan, bought as mertid then overtime, in öre."""
    total = 0
    for emp in view.instance.employees:
        prices = extra_hour_prices(view.instance, emp)
        if prices is not None:
            total += prices.price(sum(p.paid_minutes for p in view.passes[emp.id]))
    return total
