"""LSS group homes and nurse groups (domain.md §5), after the shipped examples.

- **LSS gruppbostad**: 5–6 residents, stödassistenter (STD) around the clock: 1 staff
  07:00–21:15, a second while residents are at home (weekday mornings and evenings, all day
  at weekends), double staffing for one resident's care 07:00–10:00 and 16:00–20:00, one
  awake night 21:15–07:00. Salary of a stödassistent: 30 050 SEK/month (an assumption, not
  in domain.md §4: midway between VB 27 500 and USK 32 600; set in the file's cost_model);
  uncovered need is bought as hourly temps.
- **Nurse group** (SSK) shared by care homes: per home 2 SSK 07:00–16:30 on weekdays and 1
  at weekends; one evening nurse 16:00–21:30 for the group; nights on call (not modelled).
  Staffed at about 95 % of the need by default (nurses are scarce); the shipped group is a
  nurse short (`staffing` 0.84). One nurse in five is away two course days.

Both take the unit's own description (its assumptions) and an optional period budget.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from textwrap import fill
from typing import Any

from bemanna.generate.budget import with_budget
from bemanna.generate.care_home import PART_TIME_RATES, TOLERANCE
from bemanna.generate.records import (
    WEEKDAYS,
    WEEKEND,
    Names,
    band,
    demand,
    shift,
    vacation,
    wish_weight,
)
from bemanna.generate.staffing import hire, need_minutes, settle

Data = dict[str, Any]
STD_MONTHLY_SALARY = 30050
"""SEK/month of a stödassistent: midway between VB and USK (domain.md §4 has no STD)."""
RULES: Data = {
    "daily_rest": {"min_minutes": 660},
    "weekly_rest": {"min_minutes": 2160},
    "contract_hours": {"tolerance_minutes": TOLERANCE},
    "max_consecutive_days": {"max": 6},
}


def _wishes(rng: random.Random, start: dt.date, weeks: int, shifts_off: list[str]) -> list[Data]:
    wishes: list[Data] = []
    for _ in range(rng.choice([0, 1, 1, 2] if weeks >= 4 else [0, 1])):
        date = start + dt.timedelta(days=rng.randrange(7 * weeks))
        if any(w["date"] == date for w in wishes):
            continue
        if shifts_off and rng.random() < 0.4:
            wishes.append({"kind": "shift_off", "date": date, "shift": rng.choice(shifts_off),
                           "weight_sek": wish_weight(rng)})
        else:
            wishes.append({"kind": "day_off", "date": date, "weight_sek": wish_weight(rng)})
    return sorted(wishes, key=lambda w: w["date"])


def _rules(weeks: int) -> Data:
    return {**RULES, "max_weekends": {"enabled": True, "mode": "soft", "weight_sek": 300,
                                      "max": max(1, weeks // 2)}}


def _finish(data: Data, rates: list[int], facts: str, description: str | None,
            budget: bool) -> Data:
    """Settle the rates on witnesses (`staffing.settle`), describe, budget."""
    data = settle(data, rates)
    staff = data["employees"]
    facts = facts.format(staff=len(staff),
                         fte=sum(e["employment_rate"] for e in staff) / 100,
                         full=sum(1 for e in staff if e["employment_rate"] == 100))
    data["description"] = (f"Generated {facts}" if description is None else
                           f"{description.rstrip()}\n"
                           f"{fill(f'Generated (bemanna.generate): {facts}', width=92)}\n")
    return with_budget(data) if budget else data


def lss_group_home(name: str, seed: int, weeks: int, start: dt.date, *,
                   residents: int | None = None, description: str | None = None,
                   budget: bool = False) -> Data:
    rng = random.Random(seed)
    names = Names(rng)
    std = ["STD"]
    shift_records = [
        shift("dag", "Dag 07-15:30", [("07:00", "15:30")], std, break_minutes=30),
        shift("tidig", "Tidig 07-12", [("07:00", "12:00")], std),
        shift("mellan", "Mellan 10-18:30", [("10:00", "18:30")], std, break_minutes=30),
        shift("kvall", "Kväll 13-21:30", [("13:00", "21:30")], std, break_minutes=30),
        shift("sen", "Sen 15-21:30", [("15:00", "21:30")], std, break_minutes=30),
        shift("helg_lang", "Lång helgdag 08-20", [("08:00", "20:00")], std, break_minutes=120,
              weekdays=WEEKEND),
        shift("natt", "Vaken natt 21:15-07:15", [("21:15", "07:15")], std, paid_meal_break=True),
    ]
    drawn = rng.choice([5, 6])
    residents = drawn if residents is None else residents
    entries = [
        demand("STD", "Grundbemanning dag", [band("07:00", "21:15", 1)]),
        demand("STD", "Andra personal, boende hemma (vardag)",
               [band("07:00", "09:30", 1), band("15:00", "21:15", 1)], weekdays=WEEKDAYS),
        demand("STD", "Andra personal, boende hemma (helg)", [band("07:00", "21:15", 1)],
               weekdays=WEEKEND),
        demand("STD", "Dubbelbemanning omvårdnad",
               [band("07:00", "10:00", 1), band("16:00", "20:00", 1)]),
        demand("STD", "Vaken natt", [band("21:15", "07:00", 1)]),
    ]
    pool = PART_TIME_RATES.copy()
    rng.shuffle(pool)
    rates = itertools.cycle(pool)
    day_need, night_need = need_minutes(entries, weeks)
    staff: list[Data] = []
    for group, minutes in (("night", night_need), ("day", day_need)):
        hired: list[Data] = []
        while True:
            rate = 100 if rng.random() < 0.55 else next(rates)
            emp: Data = {"id": f"{group[0]}{len(hired) + 1:02d}", "name": names.next(),
                         "skills": std, "employment_rate": rate,
                         "full_time": "night" if group == "night" else "rotating"}
            if rate < 100 and rng.random() < 0.4:
                emp["desired_employment_rate"] = rng.choice([r for r in (75, 100) if r > rate])
            if group == "night":
                emp["allowed_shifts"] = ["natt"]
            elif rng.random() < 0.05 * weeks:
                emp["unavailable"] = [vacation(start, rng.randrange(weeks))]
            wishes = _wishes(rng, start, weeks, [] if group == "night" else ["kvall", "sen"])
            if wishes:
                emp["wishes"] = wishes
            if not hire(hired, minutes, weeks, emp, low=1.03, high=1.06):
                break
        staff += hired
    data = {
        "name": name,
        "description": "",
        "horizon": {"start": start, "weeks": weeks, "cyclic": True},
        "resurspass": True,
        "skills": [{"id": "STD", "name": "Stödassistent"}],
        "shift_types": shift_records,
        "employees": staff,
        "demand": entries,
        "rules": _rules(weeks),
        "cost_model": {"monthly_salary": {"STD": STD_MONTHLY_SALARY}},
    }
    facts = (f"LSS gruppbostad, seed {seed}: {residents} residents, {{staff}} "
             f"stödassistenter ({{fte:.1f}} FTE, {{full}} full time), {weeks} weeks cyclic "
             f"from {start}. Need and shifts: bemanna.generate.small_units (domain.md §5).\n")
    return _finish(data, sorted({100, *PART_TIME_RATES}), facts, description, budget)


def nurse_group(name: str, seed: int, weeks: int, start: dt.date, homes: int = 2, *,
                home_names: list[str] | None = None, staffing: float = 0.95,
                margin: float = 0.03, cyclic: bool = True, description: str | None = None,
                budget: bool = False) -> Data:
    """`staffing`: the nurses' contract as a share of the minimum need (hired until reached,
    the last hire trimmed to stay within `margin` above)."""
    rng = random.Random(seed)
    names = Names(rng)
    ssk = ["SSK"]
    shift_records = [
        shift("dag", "Dag 07-16:30", [("07:00", "16:30")], ssk, break_minutes=60),
        shift("kvall", "Kväll 13-21:30", [("13:00", "21:30")], ssk, break_minutes=30),
        shift("kvall_kort", "Kort kväll 16-21:30", [("16:00", "21:30")], ssk, break_minutes=30),
    ]
    entries: list[Data] = []
    for home in home_names or [f"Home {h}" for h in range(1, homes + 1)]:
        entries.append(demand("SSK", f"{home}: SSK weekdays", [band("07:00", "16:30", 2)],
                              weekdays=WEEKDAYS))
        entries.append(demand("SSK", f"{home}: SSK weekends", [band("07:00", "16:30", 1)],
                              weekdays=WEEKEND))
    entries.append(demand("SSK", "Evening SSK", [band("16:00", "21:30", 1)]))
    day_need, _ = need_minutes(entries, weeks)
    staff: list[Data] = []
    while True:
        emp: Data = {"id": f"ssk{len(staff) + 1}", "name": names.next(), "skills": ssk,
                     "employment_rate": 100 if rng.random() < 0.8 else rng.choice([80, 90])}
        if emp["employment_rate"] < 100 and rng.random() < 0.5:
            emp["desired_employment_rate"] = 100
        if rng.random() < 0.2:
            first = start + dt.timedelta(days=7 * rng.randrange(weeks) + rng.randrange(4))
            emp["unavailable"] = [{"start": first, "end": first + dt.timedelta(days=1),
                                   "reason": "utbildning"}]
        wishes = _wishes(rng, start, weeks, ["kvall"])
        if wishes:
            emp["wishes"] = wishes
        if not hire(staff, day_need, weeks, emp, low=staffing, high=staffing + margin):
            break
    data = {
        "name": name,
        "description": "",
        "horizon": {"start": start, "weeks": weeks, "cyclic": cyclic},
        "resurspass": True,
        "skills": [{"id": "SSK", "name": "Sjuksköterska"}],
        "shift_types": shift_records,
        "employees": staff,
        "demand": entries,
        "rules": _rules(weeks),
    }
    facts = (f"nurse group (SSK), seed {seed}: {len(home_names or range(homes))} care homes, "
             f"{{staff}} nurses ({{fte:.1f}} FTE, {{full}} full time), {weeks} weeks "
             f"{'cyclic ' if cyclic else ''}from {start}, staffed at ~{staffing:.0%} of the "
             "need. bemanna.generate.small_units (domain.md §5).\n")
    return _finish(data, [80, 90, 100], facts, description, budget)
