"""The change list of a repair, in the planner's words, and one message per affected employee.

One `Change` per (employee, date) whose pass differs between the old and the repaired roster,
per resurspass booked, and per stretch of need bought from outside that the old roster had
covered; one line per employee who works extra hours (mertid or övertid).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from bemanna.checker.coverage import uncovered_per_minute
from bemanna.checker.passes import read_roster
from bemanna.instance import Instance
from bemanna.replanning.events import Absence, Leaving, Swap
from bemanna.replanning.freeze import old_passes
from bemanna.replanning.instance_for_repair import RepairPlan
from bemanna.replanning.wording import REASONS, SOURCES, clock, day, hours, shift_label
from bemanna.roster import Roster
from bemanna.tariff.extra_hours import extra_hours
from bemanna.tariff.refill_order import bought_steps
from bemanna.units import MINUTES_PER_DAY


@dataclass(frozen=True)
class Change:
    """One line of the change list."""

    kind: str
    """moved, dropped, added, booked, bought or extra_hours."""
    employee: str | None
    date: dt.date | None
    old: str | None
    new: str | None
    text: str
    """The line in Swedish, e.g. 'd07: tors 13 mars kvall 13:30–21:00 → dag 07:00–15:30'."""
    by_event: bool = False
    """The day of someone an event hits (an expected change, not a disruption)."""


def _reason(plan: RepairPlan, employee: str, date: dt.date) -> str:
    for event in plan.events.events:
        if isinstance(event, Absence) and event.employee == employee:
            return REASONS[event.reason]
        if isinstance(event, Leaving) and event.employee == employee:
            return REASONS["leaving"]
        if isinstance(event, Swap) and employee in event.employees and event.date == date:
            return REASONS["swap"]
    return ""


def pass_changes(plan: RepairPlan, old: Roster, new: Roster) -> list[Change]:
    """Every (employee, date) whose pass changed, and every resurspass booked."""
    inst = plan.instance
    before, after = old_passes(old), old_passes(new)
    found = []
    for key in sorted(set(before) | set(after)):
        employee, date = key
        was, now = before.get(key), after.get(key)
        was_shift = None if was is None else was.shift
        now_shift = None if now is None else now.shift
        by_event = key in plan.hit
        if was_shift != now_shift:
            kind = "moved" if was and now else ("dropped" if was else "added")
            why = _reason(plan, employee, date) if by_event else ""
            text = (f"{employee}: {day(date)} {shift_label(inst, was_shift)} → "
                    f"{shift_label(inst, now_shift)}" + (f" ({why})" if why else ""))
            found.append(Change(kind, employee, date, was_shift, now_shift, text, by_event))
        elif was and now and was.kind == "resurs" and now.kind == "ordinary":
            text = (f"{employee}: {day(date)} resurspass {shift_label(inst, now_shift)} bokas "
                    f"som {now.skill}")
            found.append(Change("booked", employee, date, was_shift, now_shift, text))
    return found


def extra_hour_lines(plan: RepairPlan, new: Roster) -> list[Change]:
    """'d12 mertid 7,5 h' / 'd12 övertid 2 h' per employee working beyond the plan."""
    inst = plan.instance
    paid = {e.id: 0 for e in inst.employees}
    for a in new.assignments:
        paid[a.employee] = paid.get(a.employee, 0) + a.paid_minutes
    found = []
    for emp in inst.employees:
        prices = extra_hours(inst, emp)
        if prices is None:
            continue
        extra = max(0, paid[emp.id] - prices.planned)
        mertid = min(extra, prices.mertid_minutes)
        for source, minutes in (("mertid", mertid), ("overtime", extra - mertid)):
            if minutes:
                text = f"{emp.id} {SOURCES[source]} {hours(minutes)}"
                found.append(Change("extra_hours", emp.id, None, None, source, text))
    return found


def bought_stretches(plan: RepairPlan, old: Roster, new: Roster) -> list[Change]:
    """Need the repaired roster leaves uncovered where the old one covered it, as stretches
    'köps: timvikarie USK ons 12 mars 07:00–15:30' (the skill's first bought source in the
    refill order; the money split per source is in the cost delta)."""
    inst = plan.instance
    before = uncovered_per_minute(read_roster(inst, old))
    after = uncovered_per_minute(read_roster(inst, new))
    found = []
    for skill, now in after.items():
        gap = np.maximum(0, now - before.get(skill, np.zeros_like(now)))
        source = _first_bought(inst, skill)
        for level in range(1, int(gap.max(initial=0)) + 1):
            for start, end in _runs(gap >= level):
                date = inst.horizon.date(start // MINUTES_PER_DAY % inst.horizon.days)
                text = (f"köps: {SOURCES.get(source, source)} {skill} {day(date)} "
                        f"{clock(start)}–{clock(end)}")
                found.append(Change("bought", None, date, None, source, text))
    return found


def _first_bought(inst: Instance, skill: str) -> str:
    """The first source the refill order buys from for the skill."""
    return bought_steps(inst, skill)[0].source


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(),
                    strict=True))


def change_list(plan: RepairPlan, old: Roster, new: Roster) -> list[Change]:
    return (pass_changes(plan, old, new) + extra_hour_lines(plan, new)
            + bought_stretches(plan, old, new))


def messages(plan: RepairPlan, changes: list[Change]) -> dict[str, str]:
    """One message per employee whose passes changed (the people hit by an event included)."""
    inst = plan.instance
    lines: dict[str, list[str]] = {}
    only_event: dict[str, bool] = {}
    for change in changes:
        if change.employee is None or change.kind not in ("moved", "dropped", "added",
                                                           "booked"):
            continue
        assert change.date is not None
        if change.kind == "booked":
            what = f"ditt resurspass {shift_label(inst, change.new)} bokas"
        else:
            what = f"{shift_label(inst, change.old)} → {shift_label(inst, change.new)}"
        lines.setdefault(change.employee, []).append(f"- {day(change.date)}: {what}")
        only_event[change.employee] = only_event.get(change.employee, True) and change.by_event
    result = {}
    for employee, items in lines.items():
        first = (inst.employee[employee].name or employee).split()[0]
        if only_event[employee]:
            head = f"Hej {first}! Dina pass är ändrade efter din anmälan:"
            tail = "Vi har löst bemanningen. /BAS"
        else:
            head = f"Hej {first}! Vi behöver ändra i ditt schema:"
            tail = "Hör av dig till bemanningen om något inte går. /BAS"
        result[employee] = "\n".join([head, *items, tail])
    return result
