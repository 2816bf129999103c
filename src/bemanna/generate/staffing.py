"""Sizing staff to the need, and proving each employee can meet their contract.

- `need_minutes`: the minimum need in person-minutes over the horizon (weekday entries only,
  which is all the generator writes), split into night (bands starting 21:00 or later) and
  day/evening need;
- `hire`: add staff while the group's contract is below need × `low`, trimming the last
  hire's rate if a full post would pass need × `high` (so resurstid appears, as in the
  shipped care home);
- `contract_reachable`: a witness without a solver, after instances/build.py: some passes of
  one family of the employee's ordinary (non-split) shifts that may follow each other on
  consecutive days, at most five a week on days the employee is available, sum to the
  contract ± tolerance. Placed Monday–Friday they keep every hard rule (rest between passes,
  36 h weekly rest over the weekend, at most 6 days in a row, span and breaks of ordinary
  shifts), so the instance is feasible employee by employee (coverage is soft).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from bemanna.instance.model import FULL_TIME_NIGHT, FULL_TIME_ROTATING, ShiftType
from bemanna.units import MINUTES_PER_DAY, round_half_up

Data = dict[str, Any]
WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NIGHT_FROM = 21 * 60


def need_minutes(entries: list[Data], weeks: int) -> tuple[int, int]:
    """(day/evening need, night need) in person-minutes over `weeks` weeks."""
    day = night = 0
    for entry in entries:
        days = len(entry.get("weekdays", list(WEEKDAY_INDEX))) * weeks
        for b in entry["bands"]:
            start, end = _clock(b["start"]), _clock(b["end"])
            length = end - start if end > start else end + MINUTES_PER_DAY - start
            if start >= NIGHT_FROM:
                night += b["min"] * length * days
            else:
                day += b["min"] * length * days
    return day, night


def _clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _absent_weekdays(emp: Data) -> int:
    count = 0
    for r in emp.get("unavailable", []):
        day: dt.date = r["start"]
        while day <= r["end"]:
            count += day.weekday() < 5
            day += dt.timedelta(days=1)
    return count


def contract_of(emp: Data, weeks: int) -> int:
    """Contract minutes of a draft employee (bemanna.instance.contract's definition)."""
    per_week = FULL_TIME_NIGHT if emp.get("full_time") == "night" else FULL_TIME_ROTATING
    rate = Fraction(str(emp.get("employment_rate", 100))) / 100
    return round_half_up(rate * per_week * (weeks - Fraction(_absent_weekdays(emp), 5)))


def staff_contract(employees: list[Data], weeks: int) -> int:
    return sum(contract_of(e, weeks) for e in employees)


def hire(staff: list[Data], need: int, weeks: int, candidate: Data,
         low: float = 1.04, high: float = 1.06) -> bool:
    """Add `candidate` while the contract is below need × low (the last hire's rate trimmed
    to stay under need × high). Returns whether to go on hiring."""
    if staff_contract(staff, weeks) >= low * need:
        return False
    trial = candidate
    for rate in (candidate["employment_rate"], 90, 80, 75, 60, 50):
        trial = {**candidate, "employment_rate": min(rate, candidate["employment_rate"])}
        if trial.get("desired_employment_rate", 101) <= trial["employment_rate"]:
            trial.pop("desired_employment_rate")
        if staff_contract([*staff, trial], weeks) <= high * need:
            break
    staff.append(trial)
    return True


def _families(shifts: list[ShiftType]) -> list[list[ShiftType]]:
    """Ordinary shifts on every weekday, as day/evening (start before 12:00), late
    (12:00–20:00) and night (from 20:00) families: within a family any order keeps 11 h."""
    plain = [s for s in shifts if not s.is_split and all(s.exists_on(d) for d in range(5))]
    groups: dict[str, list[ShiftType]] = {}
    for s in plain:
        start = s.offsets[0][0]
        key = "day" if start < 12 * 60 else "late" if start < 20 * 60 else "night"
        groups.setdefault(key, []).append(s)
    return [g for g in groups.values()
            if all(MINUTES_PER_DAY + b.offsets[0][0] - a.offsets[-1][1] >= 11 * 60
                   for a in g for b in g)]


def _available_passes(emp: Data, start: dt.date, weeks: int) -> int:
    total = 0
    for week in range(weeks):
        free = 0
        for day in range(5):
            date = start + dt.timedelta(days=7 * week + day)
            if not any(r["start"] <= date <= r["end"] for r in emp.get("unavailable", [])):
                free += 1
        total += free
    return total


def contract_reachable(emp: Data, shift_records: list[Data], start: dt.date, weeks: int,
                       tolerance: int) -> bool:
    """Whether the witness above exists for this draft employee."""
    skills = set(emp["skills"])
    allowed = emp.get("allowed_shifts")
    shifts = [ShiftType.model_validate(s) for s in shift_records
              if set(s["skills"]) & skills and (allowed is None or s["id"] in allowed)]
    target = contract_of(emp, weeks)
    most = _available_passes(emp, start, weeks)
    for family in _families(shifts):
        lengths = sorted({s.paid_minutes for s in family})
        sums = {0}
        for _ in range(most):
            if any(abs(total - target) <= tolerance for total in sums):
                return True
            sums |= {total + p for total in sums for p in lengths
                     if total + p <= target + tolerance}
        if any(abs(total - target) <= tolerance for total in sums):
            return True
    return False


def fit_rate(emp: Data, shift_records: list[Data], start: dt.date, weeks: int,
             tolerance: int, rates: list[int]) -> Data:
    """The employee with the nearest rate (in `rates`, own rate first) whose contract has a
    witness; SystemExit-free: raises ValueError when none has."""
    own = emp["employment_rate"]
    for rate in sorted({own, *rates}, key=lambda r: (abs(r - own), -r)):
        trial = {**emp, "employment_rate": rate}
        if trial.get("desired_employment_rate", 101) <= rate:
            trial.pop("desired_employment_rate")
        if contract_reachable(trial, shift_records, start, weeks, tolerance):
            return trial
    raise ValueError(f"{emp['id']}: no employment rate gives a feasible contract")
