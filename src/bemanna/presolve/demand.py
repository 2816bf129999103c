"""Need against the staff who could cover it: per skill, at night, and need nobody can cover.

Coverage is priced, never hard, so these are warnings: the roster will exist, but with at
least this much uncovered need. Hours are head-hours of minimum need (bemanningskrav) over the
horizon; what staff can cover is bounded by their contracts (contract + tolerance when the
contract rule is hard) and by what their passes and rest rules can place.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
import numpy.typing as npt

from bemanna.checker.coverage import MinuteCounter, need
from bemanna.checker.passes import RosterView, read_roster
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Employee, Instance, ShiftType
from bemanna.labels import Lang
from bemanna.labels.phrases import WEEKDAYS, Counted, Worded, render
from bemanna.presolve.capacity import week_capacities
from bemanna.presolve.findings import Finding
from bemanna.presolve.options import DayOptions
from bemanna.presolve.shifts import shift_reach
from bemanna.roster import Roster
from bemanna.units import MINUTES_PER_DAY, format_clock

NIGHT = (22 * 60, 6 * 60)
"""Night for these checks: 22:00–06:00 (the OB night)."""

Mask = npt.NDArray[np.bool_]


def empty_view(inst: Instance) -> RosterView:
    roster = Roster(inst.name, inst.horizon.start, inst.horizon.days, inst.horizon.cyclic,
                    "EMPTY", None, None, [], [])
    return read_roster(inst, roster)


def _people(n: int) -> Counted:
    return Counted(n, "employee")


def paid_cap(inst: Instance, emp: Employee, days: list[DayOptions]) -> int:
    """The most paid minutes the employee can be scheduled: what the weeks can hold, within
    the hard hour rules' upper edges."""
    cap = sum(max(0, c.minutes) for c in week_capacities(inst, emp, days))
    rules = inst.rules
    contract = rules.contract_hours
    if contract.enabled and contract.mode == "hard":
        cap = min(cap, sum(p.target_minutes + contract.tolerance_minutes
                           for p in contract_periods(inst, emp)))
    average = rules.average_weekly_hours
    if average.enabled and average.mode == "hard":
        cap = min(cap, average.max_minutes_per_week * inst.horizon.weeks)
    return cap


def _worked_per_paid(shifts: list[ShiftType]) -> float:
    return max((s.worked_minutes / s.paid_minutes for s in shifts if s.paid_minutes > 0),
               default=1.0)


def _shifts_of(days: list[DayOptions], skill: str) -> list[ShiftType]:
    seen: dict[str, ShiftType] = {}
    for d in days:
        for s in d.shifts:
            if skill in s.skills:
                seen[s.id] = s
    return list(seen.values())


def skill_findings(inst: Instance, needs: dict[str, npt.NDArray[np.int64]],
                   days: dict[str, list[DayOptions]]) -> list[Finding]:
    """Per skill: minimum need hours against what the staff with that skill can work."""
    found = []
    caps = {e.id: paid_cap(inst, e, days[e.id]) for e in inst.employees}
    for skill in inst.skills:
        needed = int(needs[skill.id].sum())
        if needed == 0:
            continue
        staff = [e for e in inst.employees if skill.id in e.skills
                 and _shifts_of(days[e.id], skill.id)]
        can = sum(int(caps[e.id] * _worked_per_paid(_shifts_of(days[e.id], skill.id)))
                  for e in staff)
        if needed > can and staff:
            found.append(Finding(
                "warning", "demand", "presolve.demand.skill", "uncovered_demand",
                fields={"skill": skill.id, "needed": needed, "staff": _people(len(staff)),
                        "can": can, "short": needed - can}))
    return found


def _night_mask(days: int) -> Mask:
    clock = np.arange(days * MINUTES_PER_DAY) % MINUTES_PER_DAY
    return (clock >= NIGHT[0]) | (clock < NIGHT[1])


def coverable(inst: Instance, skill: str, staff: list[Employee],
              days: dict[str, list[DayOptions]], only_night: bool = False) -> Mask:
    """Minutes some pass of a qualified employee could be working (night passes only when
    `only_night`)."""
    counter = MinuteCounter(inst.horizon.days * MINUTES_PER_DAY, inst.horizon.cyclic)
    for emp in staff:
        for day, options in enumerate(days[emp.id]):
            base = day * MINUTES_PER_DAY
            for shift in options.shifts:
                if skill not in shift.skills or (only_night and not is_night_shift(shift)):
                    continue
                for start, end in shift.offsets:
                    counter.add(base + start, base + end)
    return counter.counts() > 0


def is_night_shift(shift: ShiftType) -> bool:
    """A pass that works at least an hour of the night (22:00–06:00)."""
    minutes = 0
    for start, end in shift.offsets:
        for t in range(start, end, 15):
            clock = t % MINUTES_PER_DAY
            if clock >= NIGHT[0] or clock < NIGHT[1]:
                minutes += 15
    return minutes >= 60


def night_findings(inst: Instance, needs: dict[str, npt.NDArray[np.int64]],
                   days: dict[str, list[DayOptions]]) -> list[Finding]:
    """Night need against the staff allowed on nights: at the busiest night minute, and in
    night passes per week within what contracts and rest rules allow."""
    found = []
    night = _night_mask(inst.horizon.days)
    for skill in inst.skills:
        at_night = np.where(night, needs[skill.id], 0)
        if not at_night.any():
            continue
        sleepers = [e for e in inst.employees if skill.id in e.skills and any(
            is_night_shift(s) for s in _shifts_of(days[e.id], skill.id))]
        if not sleepers:
            continue  # nobody may work nights: the qualified check names the hours
        peak = int(at_night.max())
        names = ", ".join(e.id for e in sleepers[:6]) + (" …" if len(sleepers) > 6 else "")
        if peak > len(sleepers):
            found.append(Finding(
                "warning", "nights", "presolve.demand.night_peak", "uncovered_demand",
                fields={"skill": skill.id, "peak": peak, "staff": _people(len(sleepers)),
                        "names": names}))
            continue
        nights_needed = _night_passes_needed(at_night, inst.horizon.days)
        can = 0
        for emp in sleepers:
            night_shifts = [s for s in _shifts_of(days[emp.id], skill.id) if is_night_shift(s)]
            shortest = min(s.paid_minutes for s in night_shifts)
            cap = paid_cap(inst, emp, days[emp.id])
            can += min(cap // max(1, shortest), _nights_fit(inst, emp, days[emp.id]))
        if nights_needed > can:
            found.append(Finding(
                "warning", "nights", "presolve.demand.nights", "uncovered_demand",
                fields={"skill": skill.id, "needed": nights_needed,
                        "staff": _people(len(sleepers)), "names": names, "can": can,
                        "short": nights_needed - can}))
    return found


def _night_passes_needed(at_night: npt.NDArray[np.int64], days: int) -> int:
    """Sum over nights (22:00 of day d to 06:00 of d+1) of the most needed at once."""
    total = 0
    for day in range(days):
        start = day * MINUTES_PER_DAY + NIGHT[0]
        window = np.take(at_night, range(start, start + 8 * 60), mode="wrap")
        total += int(window.max())
    return total


def _nights_fit(inst: Instance, emp: Employee, days: list[DayOptions]) -> int:
    """Night passes the weeks can hold with only night passes allowed."""
    only = [DayOptions(tuple(s for s in d.shifts if is_night_shift(s)), d.pinned, d.absent)
            for d in days]
    return sum(max(0, c.passes) for c in week_capacities(inst, emp, only))


def unqualified_findings(inst: Instance, needs: dict[str, npt.NDArray[np.int64]],
                         days: dict[str, list[DayOptions]]) -> list[Finding]:
    """Need that no qualified employee could cover at all: no usable shift type with the skill
    runs then ("bands"), or nobody with the skill works a pass then (allowed shifts, weekdays,
    absences)."""
    found = []
    for skill in inst.skills:
        wanted = needs[skill.id] > 0
        if not wanted.any():
            continue
        staff = [e for e in inst.employees if skill.id in e.skills]
        if not staff:
            found.append(Finding(
                "warning", "qualified", "presolve.demand.nobody", "uncovered_demand",
                fields={"skill": skill.id, "need": int(needs[skill.id].sum())}))
            continue
        reach = shift_reach(inst, skill.id)
        if (wanted & ~reach).any():
            found.append(Finding(
                "warning", "bands", "presolve.demand.no_shift", "uncovered_demand",
                fields={"skill": skill.id, "gaps": _gaps(inst, wanted & ~reach),
                        "need": int(needs[skill.id][wanted & ~reach].sum())}))
        gaps = wanted & reach & ~coverable(inst, skill.id, staff, days)
        if gaps.any():
            found.append(Finding(
                "warning", "qualified", "presolve.demand.no_one_can", "uncovered_demand",
                fields={"skill": skill.id, "gaps": _gaps(inst, gaps),
                        "need": int(needs[skill.id][gaps].sum())}))
    return found


def _gaps(inst: Instance, gaps: Mask) -> Worded:
    """The gaps in either language (`_gap_text`)."""
    return Worded(lambda lang: _gap_text(inst, gaps, lang))


def _gap_text(inst: Instance, gaps: Mask, lang: Lang = "en") -> str:
    """'Sundays 21:00–22:00 (6 dates, first …), Saturdays 07:00–08:00 (6 dates, first …)'
    (at most three); Swedish 'söndagar 21:00–22:00 (6 datum, första …)'."""
    by_clock: dict[tuple[int, int, int], list[dt.date]] = defaultdict(list)
    days = inst.horizon.days
    per_day = gaps.reshape(days, MINUTES_PER_DAY)
    for day in range(days):
        row = per_day[day]
        if not row.any():
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
        date = inst.horizon.date(day)
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            by_clock[(date.weekday(), int(start), int(end))].append(date)
    items = sorted(by_clock.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    texts = []
    for (weekday, start, end), dates in items[:3]:
        name = WEEKDAYS[lang][weekday] + ("ar" if lang == "sv" else "s")
        texts.append(render("presolve.gap", lang, {
            "weekday": name, "start": format_clock(start), "end": format_clock(end),
            "dates": Counted(len(dates), "date"), "first": dates[0]}))
    if len(items) > 3:
        texts.append(render("presolve.gap.more", lang, {"count": len(items) - 3}))
    return ", ".join(texts)


def demand_findings(inst: Instance, days: dict[str, list[DayOptions]]) -> list[Finding]:
    view = empty_view(inst)
    needs = {s.id: need(view, s.id)[0] for s in inst.skills}
    if not any(n.any() for n in needs.values()):
        return []
    return (unqualified_findings(inst, needs, days) + skill_findings(inst, needs, days)
            + night_findings(inst, needs, days))

