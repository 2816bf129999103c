"""Witness schedules: a generated instance is feasible, proved without a solver.

Every hard rule binds one employee's own passes (coverage is priced, not required), so a
schedule per employee that keeps the hard rules proves the instance feasible. The witness of
an employee is built here by a simple pattern — passes of one *family* of ordinary shift types
that may follow each other on consecutive days in any order (all day shifts, all nights ...),
on at most five available days a week (Monday–Friday first, so the weekend holds the weekly
rest), with lengths chosen so that the paid minutes come closest to the contract — and every
candidate is read by the independent checker (`bemanna.checker.hard_violations`), so no rule is
judged here. `fit_rate` lowers an employment rate that has no witness to the nearest that has
one; `witness_roster` puts every employee's witness into one roster, which the checker must
pass as a whole.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from bemanna.checker import hard_violations
from bemanna.instance import Instance, contract_minutes
from bemanna.instance.model import Employee, ShiftType
from bemanna.roster import Assignment, EmployeeSummary, Part, Roster
from bemanna.units import MINUTES_PER_DAY

Passes = list[tuple[int, ShiftType]]
"""(horizon day, shift type) per pass."""


def workable_shifts(inst: Instance, emp: Employee) -> list[ShiftType]:
    return [s for s in inst.shift_types
            if (emp.allowed_shifts is None or s.id in emp.allowed_shifts)
            and set(s.skills) & set(emp.skills)]


def _rest_ok(first: ShiftType, then: ShiftType, min_rest: int) -> bool:
    """`then` on the day after `first` leaves at least `min_rest` minutes between them."""
    return MINUTES_PER_DAY + then.offsets[0][0] - first.offsets[-1][1] >= min_rest


def shift_families(shifts: list[ShiftType], min_rest: int) -> list[list[ShiftType]]:
    """Maximal sets of non-split shift types that may follow each other on consecutive days in
    any order (e.g. all day shifts; all nights), largest first."""
    plain = [s for s in shifts if not s.is_split]
    families: list[list[ShiftType]] = []
    for size in range(len(plain), 0, -1):
        for combo in itertools.combinations(plain, size):
            ids = {s.id for s in combo}
            if all(_rest_ok(a, b, min_rest) for a in combo for b in combo) and not any(
                    ids <= {s.id for s in f} for f in families):
                families.append(list(combo))
    return families


def pick_days(inst: Instance, emp: Employee, count: int) -> list[int] | None:
    """`count` available days spread over the weeks, at most five a week and the first five
    available of each week (Monday–Friday when present); None when there are not enough."""
    per_week = [[d for d in range(7 * w, 7 * w + 7)
                 if not any(r.contains(inst.horizon.date(d)) for r in emp.unavailable)][:5]
                for w in range(inst.horizon.weeks)]
    if count > sum(len(w) for w in per_week):
        return None
    chosen: list[int] = []
    quota = [0] * len(per_week)
    while len(chosen) < count:  # round-robin over the weeks with most room left
        week = max(range(len(per_week)), key=lambda w: (len(per_week[w]) - quota[w], -w))
        chosen.append(per_week[week][quota[week]])
        quota[week] += 1
    return sorted(chosen)


def fit_lengths(days: list[int], options: dict[int, list[ShiftType]], target: int,
                tolerance: int) -> list[ShiftType] | None:
    """One shift type per day (from that day's options) whose paid minutes sum closest to
    `target`, within ±tolerance; None if no choice reaches the band. Dynamic programming over
    the reachable sums, one layer per day, with a back-pointer per sum."""
    layers: list[dict[int, tuple[int, ShiftType]]] = []
    sums = {0}
    for day in days:
        layer: dict[int, tuple[int, ShiftType]] = {}
        for total in sorted(sums):
            for s in options[day]:
                layer.setdefault(total + s.paid_minutes, (total, s))
        layers.append(layer)
        sums = set(layer)
    best = min(sums, key=lambda total: (abs(total - target), total))
    if abs(best - target) > tolerance:
        return None
    chosen: list[ShiftType] = []
    for layer in reversed(layers):
        best, s = layer[best]
        chosen.append(s)
    return chosen[::-1]


def roster_of(inst: Instance, passes: dict[str, Passes], status: str = "WITNESS") -> Roster:
    """Passes per employee as a roster (ordinary passes in the employee's first fitting
    skill), for the checker."""
    origin = dt.datetime.combine(inst.horizon.start, dt.time())
    assignments = []
    for eid, own in passes.items():
        emp = inst.employee[eid]
        for day, s in own:
            base = origin + dt.timedelta(days=day)
            parts = tuple(Part(base + dt.timedelta(minutes=a), base + dt.timedelta(minutes=b))
                          for a, b in s.offsets)
            skill = next(k for k in emp.skills if k in s.skills)
            assignments.append(Assignment(eid, inst.horizon.date(day), s.id, "ordinary", skill,
                                          parts, s.paid_minutes))
    summaries = [EmployeeSummary(e.id, contract_minutes(inst, e),
                                 sum(s.paid_minutes for _, s in passes.get(e.id, [])), 0)
                 for e in inst.employees]
    return Roster(inst.name, inst.horizon.start, inst.horizon.days, inst.horizon.cyclic,
                  status, None, None, summaries, assignments)


def witness(inst: Instance, emp: Employee) -> Passes | None:
    """The pattern schedule of this employee closest to the contract whose passes the checker
    finds keeping every hard rule; None when no pattern tried does."""
    if inst.rules.contract_hours.period_weeks not in (None, inst.horizon.weeks):
        raise ValueError(f"{inst.name}: witnesses support one contract period only")
    alone = inst.replaced(employees=[emp])
    target = contract_minutes(inst, emp)
    tolerance = inst.rules.contract_hours.tolerance_minutes
    best: Passes | None = None
    for family in shift_families(workable_shifts(inst, emp), inst.rules.daily_rest.min_minutes):
        longest = max(s.paid_minutes for s in family)
        shortest = min(s.paid_minutes for s in family)
        for count in range(max(0, -(-(target - tolerance) // longest)),
                           (target + tolerance) // shortest + 1):
            days = pick_days(inst, emp, count)
            if days is None:
                break
            options = {d: [s for s in family if s.exists_on(inst.horizon.date(d).weekday())]
                       for d in days}
            lengths = fit_lengths(days, options, target, tolerance)
            if lengths is None:
                continue
            passes = list(zip(days, lengths, strict=True))
            if hard_violations(alone, roster_of(alone, {emp.id: passes})):
                continue
            if best is None or abs(_paid(passes) - target) < abs(_paid(best) - target):
                best = passes
            if _paid(best) == target:
                return best  # exact: nothing closer exists
    return best


def _paid(passes: Passes) -> int:
    return sum(s.paid_minutes for _, s in passes)


def fit_rate(inst: Instance, emp: Employee, rates: list[int]) -> Employee:
    """The employee at the nearest rate (own rate first, then `rates` by distance, higher
    first) that has a witness; ValueError when none has."""
    own = emp.employment_rate
    for rate in sorted({own, *map(Decimal, rates)}, key=lambda r: (abs(r - own), -r)):
        desired = emp.desired_employment_rate
        trial = emp.model_copy(update={
            "employment_rate": rate,
            "desired_employment_rate": None if desired is None or desired <= rate else desired})
        if witness(inst, trial) is not None:
            return trial
    raise ValueError(f"{inst.name}: {emp.id}: no employment rate gives a feasible contract")


def witness_roster(inst: Instance) -> Roster:
    """Every employee's witness in one roster; ValueError naming the employees without one,
    or the checker's findings if the whole roster breaks a hard rule."""
    passes = {e.id: witness(inst, e) for e in inst.employees}
    missing = [eid for eid, own in passes.items() if own is None]
    if missing:
        raise ValueError(f"{inst.name}: no witness schedule for {', '.join(missing)}")
    roster = roster_of(inst, {eid: own for eid, own in passes.items() if own is not None})
    found = hard_violations(inst, roster)
    if found:
        raise ValueError(f"{inst.name}: the witness roster breaks hard rules: "
                         + "; ".join(v.message for v in found[:5]))
    return roster
