"""Sizing staff to the need, and proving each employee can meet their contract.

- `need_minutes`: the minimum need in person-minutes over the horizon (weekday entries only,
  which is all the generator writes), split into night (bands starting 21:00 or later) and
  day/evening need;
- `hire`: add staff while the group's contract is below need × `low`, trimming the last
  hire's rate if a full post would pass need × `high` (so resurstid appears, as in the
  shipped care home);
- `settle`: every employee at an employment rate whose contract a witness schedule meets
  (`bemanna.generate.witness`), and the witness roster of the whole unit passed by the
  independent checker, so the instance is feasible (coverage is soft).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from bemanna.generate.witness import fit_rate, witness_roster
from bemanna.instance import instance_from_data
from bemanna.instance.model import FULL_TIME_NIGHT, FULL_TIME_ROTATING
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


TRIM_RATES = (90, 80, 75, 60, 50)
"""The rates a post is trimmed to, largest first."""


def _at_rate(emp: Data, rate: int) -> Data:
    """The employee on a post trimmed to `rate`: they still want the rate they were drawn
    with (a RÖHS request, desired_employment_rate), unless they asked for more already."""
    drawn = emp["employment_rate"]
    trial = {**emp, "employment_rate": min(rate, drawn)}
    if rate < drawn:
        trial["desired_employment_rate"] = max(drawn, emp.get("desired_employment_rate", 0))
    return trial


def hire(staff: list[Data], need: int, weeks: int, candidate: Data,
         low: float = 1.04, high: float = 1.06) -> bool:
    """Add `candidate` while the contract is below need × low (the last hire's rate trimmed
    to stay under need × high; a trimmed post keeps a RÖHS request for the drawn rate).
    When even the smallest post overshoots (a small group, such
    as two or three night staff), the earlier hires are trimmed too, latest first, as long as
    the group stays at need × low. Returns whether to go on hiring."""
    if staff_contract(staff, weeks) >= low * need:
        return False
    trial = candidate
    for rate in (candidate["employment_rate"], *TRIM_RATES):
        trial = _at_rate(candidate, rate)
        if staff_contract([*staff, trial], weeks) <= high * need:
            break
    staff.append(trial)
    for i in reversed(range(len(staff) - 1)):
        for rate in TRIM_RATES:
            if staff_contract(staff, weeks) <= high * need:
                return True
            smaller = [*staff[:i], _at_rate(staff[i], rate), *staff[i + 1:]]
            if staff_contract(smaller, weeks) >= low * need:
                staff[:] = smaller
    return True


def settle(data: Data, rates: list[int]) -> Data:
    """The unit with every employee at the nearest rate (own rate first, then `rates`) that
    has a witness schedule (`bemanna.generate.witness`), and the witness roster of all of them
    passed by the checker: the instance is feasible. ValueError if the generator is wrong."""
    inst = instance_from_data(data, data["name"])
    fitted = {e.id: fit_rate(inst, e, rates) for e in inst.employees}
    employees = []
    for draft in data["employees"]:
        emp = fitted[draft["id"]]
        settled = {**draft, "employment_rate": int(emp.employment_rate)}
        if emp.desired_employment_rate is None:
            settled.pop("desired_employment_rate", None)
        employees.append(settled)
    data = {**data, "employees": employees}
    witness_roster(instance_from_data(data, data["name"]))
    return data
