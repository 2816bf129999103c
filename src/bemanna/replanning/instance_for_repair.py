"""The repair as an ordinary instance: frozen days pinned, days outside the re-planning window
pinned to the old roster, absences and leavers as unavailability, a joiner as a new employee,
extra need as dated demand, a swap as two pins, and `Instance.repair` carrying the old roster
and the change weights (terms `roster_changes` and `extra_hours`).

`contract_hours` is switched off in the repair: the base schedule balanced each contract; in
the repair, minutes someone works beyond their planned minutes are bought as mertid or overtime
(`extra_hours`), and a pass an absent employee does not work is paid as absence, not re-planned.
RÖHS grants stay as the old roster made them. The roster's other prices stay as the base roster
was planned with them, the expected-absence credit of resurspass and the price of stranded
resurstid included: a resurspass booked for this sick call is no longer there for the next one,
and a pass where nobody is needed is paid time lost. Without them a repair books every
resurspass in its window for the smallest gain (measured: a week's sickness on the care home,
benchmarks/replan.py), leaving none for the next call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bemanna.instance import Instance, instance_from_data
from bemanna.instance.model import Employee
from bemanna.replanning.events import (
    Absence,
    ChangeWeights,
    Events,
    ExtraNeed,
    Joining,
    Leaving,
    Swap,
    event_end,
)
from bemanna.replanning.freeze import DayKey, frozen_days, horizon_dates, old_passes
from bemanna.roster import Assignment, Roster

Pinned = tuple[str | None, str | None]
"""(shift or None for no pass, role or None)."""


@dataclass(frozen=True)
class RepairPlan:
    """The repair instance and what the events did to whom."""

    instance: Instance
    now: dt.datetime
    hit: frozenset[DayKey]
    """Days of people an event hits: changing them is the point, not a disruption."""
    window: tuple[dt.date, dt.date]
    """First and last date on which anyone's pass may move."""
    events: Events
    joiners: tuple[str, ...] = ()
    baseline: Instance | None = None
    """The repair instance with the need before the events: the old roster is priced on it,
    so that extra need shows as a cost of the events."""


def _blocked_dates(inst: Instance, emp: Employee, start: dt.datetime,
                   end: dt.datetime) -> list[dt.date]:
    """Dates on which a pass the employee could work would touch [start, end)."""
    found = []
    for date in horizon_dates(inst):
        origin = dt.datetime.combine(date, dt.time())
        for shift in inst.shift_types:
            if not set(shift.skills) & set(emp.skills):
                continue
            first = origin + dt.timedelta(minutes=shift.offsets[0][0])
            last = origin + dt.timedelta(minutes=shift.offsets[-1][1])
            if first < end and start < last:
                found.append(date)
                break
    return found


def _weight(weights: ChangeWeights, now: dt.datetime, when: dt.datetime) -> Decimal:
    """Price of changing a day whose pass (or, without one, whose date) starts at `when`."""
    hours = (when - now).total_seconds() / 3600
    if hours < 24:
        return weights.within_24h_sek
    if hours < 48:
        return weights.within_48h_sek
    return weights.per_pass_sek


def _extra_need(data: dict[str, Any], event: ExtraNeed) -> None:
    """Add the need as a dated entry; the weekday entries of that skill that applied on the
    date are copied as dated entries too (a dated entry replaces the weekday ones)."""
    entries = [d for d in data["demand"] if d["skill"] == event.skill]
    dated = [d for d in entries if d.get("dates") and event.date.isoformat() in d["dates"]]
    if not dated:
        weekday = event.date.strftime("%a").lower()[:3]
        for entry in entries:
            if entry.get("dates") is None and weekday in entry.get("weekdays", [weekday]):
                copy = {**entry, "dates": [event.date.isoformat()]}
                copy.pop("weekdays", None)
                data["demand"].append(copy)
    data["demand"].append({
        "skill": event.skill, "label": "extra need (re-planning)",
        "dates": [event.date.isoformat()],
        "bands": [{"start": _clock(event.start), "end": _clock(event.end), "min": event.count}],
    })


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _planned_joiner(inst: Instance, emp: Employee, date: dt.date) -> int:
    """A joiner's planned minutes: their contract over the days from `date` to the horizon end."""
    end = inst.horizon.date(inst.horizon.days - 1) + dt.timedelta(days=1)
    days = (end - date).days
    return int(emp.employment_rate * emp.full_time_minutes_per_week * days / 7 / 100)


@dataclass
class _Draft:
    """The repair under construction: the instance's data and the per-day decisions."""

    data: dict[str, Any]
    pins: dict[DayKey, Pinned]
    unavailable: dict[str, set[dt.date]]
    hit: set[DayKey] = field(default_factory=set)
    planned: dict[str, int] = field(default_factory=dict)


def _window_end(inst: Instance, events: Events) -> dt.date:
    """The last date others' passes may move: the last day an event touches + window_days; a
    leaver's or joiner's passes run to the horizon's end, so then the window does too."""
    last = inst.horizon.date(inst.horizon.days - 1)
    if any(isinstance(e, Leaving | Joining) for e in events.events):
        return last
    touched = max(event_end(e) for e in events.events)
    return min(touched.date() + dt.timedelta(days=events.weights.window_days), last)


def _apply_events(inst: Instance, events: Events, old: dict[DayKey, Assignment],
                  frozen: dict[DayKey, str | None], draft: _Draft) -> None:
    """Absences and leavers as unavailable days, extra need as dated need, swaps as pins."""
    for event in events.events:
        if isinstance(event, Absence | Leaving):
            emp = inst.employee[event.employee]
            dates = (_blocked_dates(inst, emp, event.start, event.end)
                     if isinstance(event, Absence)
                     else [d for d in horizon_dates(inst) if d >= event.date])
            for date in dates:
                if (emp.id, date) not in frozen:
                    draft.unavailable[emp.id].add(date)
                    draft.hit.add((emp.id, date))
        elif isinstance(event, ExtraNeed):
            _extra_need(draft.data, event)
        elif isinstance(event, Swap):
            a, b = event.employees
            for one, other in ((a, b), (b, a)):
                if (one, event.date) not in frozen:
                    theirs = old.get((other, event.date))
                    draft.pins[(one, event.date)] = (theirs.shift if theirs else None, None)
                    draft.hit.add((one, event.date))


def _reference(inst: Instance, events: Events, now: dt.datetime, old: dict[DayKey, Assignment],
               frozen: dict[DayKey, str | None], draft: _Draft,
               window: tuple[dt.date, dt.date]) -> list[dict[str, Any]]:
    """Pin every day outside the window (and do-not-call staff) to the old roster; one priced
    reference entry per remaining day of someone no event hits."""
    reference = []
    for emp in inst.employees:
        fixed_all = emp.id in events.weights.do_not_call
        draft.planned[emp.id] = sum(a.paid_minutes for (e, _), a in old.items() if e == emp.id)
        for date in horizon_dates(inst):
            key = (emp.id, date)
            if key in draft.pins or key in draft.hit:
                continue
            found = old.get(key)
            if not window[0] <= date <= window[1] or fixed_all:
                draft.pins[key] = _as_pinned(found)
            if key in frozen or not window[0] <= date <= window[1]:
                continue
            when = found.start if found else dt.datetime.combine(date, dt.time())
            reference.append({"employee": emp.id, "date": date.isoformat(),
                              "shift": None if found is None else found.shift,
                              "weight_sek": str(_weight(events.weights, now, when))})
    return reference


def _add_joiners(inst: Instance, events: Events, draft: _Draft) -> list[str]:
    joiners = []
    for event in events.events:
        if not isinstance(event, Joining):
            continue
        joiner = event.employee.model_dump(mode="json")
        if event.date > inst.horizon.start:
            joiner["unavailable"] = [*joiner.get("unavailable", []), {
                "start": inst.horizon.start.isoformat(),
                "end": (event.date - dt.timedelta(days=1)).isoformat(),
                "reason": "not yet employed"}]
        draft.data["employees"].append(joiner)
        draft.planned[event.employee.id] = _planned_joiner(inst, event.employee, event.date)
        joiners.append(event.employee.id)
    return joiners


def repair_plan(inst: Instance, roster: Roster, events: Events, now: dt.datetime) -> RepairPlan:
    """Build the repair instance (validated like any instance: InstanceError on a swap or pin
    that cannot be)."""
    old = old_passes(roster)
    frozen = frozen_days(inst, roster, now)
    pins: dict[DayKey, Pinned] = {key: _as_pinned(old.get(key)) for key in frozen}
    for emp in inst.employees:  # the instance's own pins hold in the repair too
        for pin in emp.pinned:
            pins.setdefault((emp.id, pin.date), (pin.shift, pin.role))
    draft = _Draft(inst.model_dump(mode="json", exclude={"repair"}), pins,
                   {e.id: set() for e in inst.employees})
    _apply_events(inst, events, old, frozen, draft)
    window = (now.date(), _window_end(inst, events))
    reference = _reference(inst, events, now, old, frozen, draft, window)
    _swap_planned(events, old, draft.planned)
    rates = roster.employment_rates()
    data = draft.data
    data["employees"] = [_employee_data(e, rates.get(e["id"]), draft.unavailable[e["id"]],
                                        draft.pins) for e in data["employees"]]
    joiners = _add_joiners(inst, events, draft)
    data["rules"]["contract_hours"]["enabled"] = False
    data["repair"] = {"now": now.isoformat(), "reference": reference,
                      "planned_minutes": draft.planned}
    repaired = instance_from_data(data, f"<repair of {inst.name}>")
    baseline = repaired.replaced(demand=inst.demand, shift_demand=inst.shift_demand)
    return RepairPlan(repaired, now, frozenset(draft.hit), window, events, tuple(joiners),
                      baseline)


def _swap_planned(events: Events, old: dict[DayKey, Any], planned: dict[str, int]) -> None:
    """A requested swap is no extra hours: each partner's plan grows by what they take over."""
    for event in events.events:
        if isinstance(event, Swap):
            a, b = event.employees
            for one, other in ((a, b), (b, a)):
                mine, theirs = old.get((one, event.date)), old.get((other, event.date))
                gain = (theirs.paid_minutes if theirs else 0) - (mine.paid_minutes if mine else 0)
                planned[one] += max(0, gain)


def _as_pinned(found: Assignment | None) -> Pinned:
    """The old pass as a pin: its shift and how it was worked (skill or resurs)."""
    if found is None:
        return None, None
    return found.shift, "resurs" if found.kind == "resurs" else found.skill


def _employee_data(emp: dict[str, Any], rate: Decimal | None, away: set[dt.date],
                   pins: dict[DayKey, Pinned]) -> dict[str, Any]:
    """The employee with the old roster's rate (RÖHS decided), the absences and the pins."""
    emp = dict(emp)
    if rate is not None:
        emp["employment_rate"] = str(rate)
    emp["desired_employment_rate"] = None
    emp["unavailable"] = [*emp.get("unavailable", []),
                          *({"start": d.isoformat(), "end": d.isoformat(), "reason": "re-planning"}
                            for d in sorted(away))]
    own = {d: pin for (e, d), pin in pins.items() if e == emp["id"] and d not in away}
    emp["pinned"] = [{"date": d.isoformat(), "shift": shift, "role": role}
                     for d, (shift, role) in sorted(own.items())]
    return emp
