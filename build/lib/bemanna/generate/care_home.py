"""A care-home unit (vårdboende): avdelningar of 8–12 residents, USK/VB/SSK, day and night.

All figures are assumptions after domain.md §5 (the shipped care home, instances/build.py, is
one such unit); each generated file's `description` repeats the unit's own values. Per
avdelning:
- by day at least 1 USK 07:00–21:00; weekdays 2 VB 07:00–13:00 (14:00 with 11+ residents),
  then 1 VB until 21:00, one more VB desired at dinner 16:30–18:00 and bedtime 19:45–20:45;
  weekends 1 USK + 1 VB 07:00–21:00 with a third person desired 07:30–12:00 and at dinner;
- nights: 1 awake VB 21:00–07:00, plus night floaters 21:30–07:00, one per two or three
  avdelningar (the first one USK, so the building has a USK every night);
- nurses (SSK): one per ~25 residents 07:00–16:30 on weekdays, one 08:00–16:30 at weekends.
Shift types: dag, dag_lang, kort_dag, kvall (13:30–21:00), kvall_sen, lang_dag (08–20, 2 h
break), delad (07:00–11:30 + 15:30–20:00, 13 h span), delad_lang (07:00–13:00 + 16:00–21:00,
14 h span: only under the pre-2023 rules, whose span limit was 15 h), natt, natt_sen; SSK
shifts ssk_dag and ssk_helg. A kväll ending 21:00 and a dag from 07:00 next morning leave
10 h of rest: allowed before 2023-10-01 (9 h), not since (11 h).
Staff are sized to the need + 2–7 % (so resurstid appears), split into night staff (nights
only, 34.33 h/week full time) and rotating day/evening staff (38.25 h/week).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from textwrap import fill
from typing import Any

from bemanna.generate.budget import with_budget
from bemanna.generate.records import (
    WEEKDAYS,
    WEEKEND,
    Names,
    absent_day,
    band,
    demand,
    shift,
    vacation,
    wish_weight,
)
from bemanna.generate.staffing import hire, need_minutes, settle, staff_contract

Data = dict[str, Any]
PART_TIME_RATES = [50, 60, 75, 75, 80, 80, 85, 90, 90, 95]
"""Part-time rates drawn in turn from a shuffled pool weighted towards 75–90 %."""
TOLERANCE = 240
AVDELNING_NAMES = ["Lönnen", "Eken", "Björken", "Linden", "Aspen", "Rönnen", "Almen", "Hassel"]


@dataclass(frozen=True)
class CareHomeParams:
    name: str
    places: int
    weeks: int
    start: dt.date
    seed: int
    usk_share: float = 0.6
    full_time_share: float = 0.65
    rohs_share: float = 0.35
    """Share of part-timers with a RÖHS request."""
    no_split_share: float = 0.3
    """Share of day staff who do not work split shifts."""
    slack: float = 1.04
    """Contract hours as a multiple of the minimum need (resurstid above 1)."""
    nurses: bool = True
    long_split: bool = True
    """Offer delad_lang (14 h span, allowed only under the pre-2023 rules)."""
    senior_max_days: int | None = None
    """One full-time day employee (an older colleague) works at most this many days in a row."""
    more_weekends: int = 1
    """Day staff (part-timers first) who asked to work one weekend more than the others."""
    below_desired_per_hour: int | None = None
    """Price of a missing person at a desired (not minimum) staffing level, SEK/h, per skill."""
    description: str | None = None
    """The unit's own assumptions; the generated facts (staff, FTE, need) are added to it."""
    budget: bool = False
    """Write a period budget (`bemanna.generate.budget`)."""


def residents_per_avdelning(places: int) -> list[int]:
    count = max(1, round(places / 10))
    base, extra = divmod(places, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def shifts(long_split: bool = True) -> list[Data]:
    both = ["USK", "VB"]
    return [
        shift("dag", "Dag 07-15:30", [("07:00", "15:30")], both, break_minutes=30),
        shift("dag_lang", "Dag 07-16", [("07:00", "16:00")], both, break_minutes=30),
        shift("kort_dag", "Kort dag 07-13", [("07:00", "13:00")], both, break_minutes=30),
        shift("kvall", "Kväll 13:30-21", [("13:30", "21:00")], both, break_minutes=30),
        shift("kvall_sen", "Kväll 14-21", [("14:00", "21:00")], both, break_minutes=30),
        shift("lang_dag", "Lång dag 08-20", [("08:00", "20:00")], both, break_minutes=120),
        shift("delad", "Delad tur 07-11:30 + 15:30-20", [("07:00", "11:30"), ("15:30", "20:00")],
              both),
        *([shift("delad_lang", "Delad tur 07-13 + 16-21 (14 h)",
                 [("07:00", "13:00"), ("16:00", "21:00")], both, break_minutes=30)]
          if long_split else []),
        shift("natt", "Natt 21-07", [("21:00", "07:00")], both, paid_meal_break=True),
        shift("natt_sen", "Natt 21:30-07 (flygare)", [("21:30", "07:00")], both,
              paid_meal_break=True),
        shift("ssk_dag", "SSK dag 07-16:30", [("07:00", "16:30")], ["SSK"], break_minutes=60,
              weekdays=WEEKDAYS),
        shift("ssk_helg", "SSK helg 08-16:30", [("08:00", "16:30")], ["SSK"], break_minutes=30,
              weekdays=WEEKEND),
    ]


DAY_SHIFTS = ["dag", "dag_lang", "kort_dag", "kvall", "kvall_sen", "lang_dag"]


def need(residents: list[int], places: int, nurses: bool) -> list[Data]:
    entries: list[Data] = []
    for name, count in zip(AVDELNING_NAMES, residents, strict=False):
        morning_end = "14:00" if count >= 11 else "13:00"
        entries.append(demand("USK", f"{name}: USK by day", [band("07:00", "21:00", 1)]))
        entries.append(demand("VB", f"{name}: VB weekdays", [
            band("07:00", morning_end, 2), band(morning_end, "16:30", 1),
            band("16:30", "18:00", 1, desired=2), band("18:00", "19:45", 1),
            band("19:45", "20:45", 1, desired=2), band("20:45", "21:00", 1),
        ], weekdays=WEEKDAYS))
        entries.append(demand("VB", f"{name}: VB weekends", [
            band("07:00", "07:30", 1), band("07:30", "12:00", 1, desired=2),
            band("12:00", "16:30", 1), band("16:30", "18:00", 1, desired=2),
            band("18:00", "21:00", 1),
        ], weekdays=WEEKEND))
        entries.append(demand("VB", f"{name}: awake night", [band("21:00", "07:00", 1)]))
    floaters = max(1, round(len(residents) / 2.5))
    for i in range(floaters):
        entries.append(demand("USK" if i == 0 else "VB", f"Night floater {i + 1}",
                              [band("21:30", "07:00", 1)]))
    if nurses:
        entries.append(demand("SSK", "SSK weekdays",
                              [band("07:00", "16:30", max(1, round(places / 25)))],
                              weekdays=WEEKDAYS))
        entries.append(demand("SSK", "SSK weekends", [band("08:00", "16:30", 1)],
                              weekdays=WEEKEND))
    return entries


def _employee(p: CareHomeParams, rng: random.Random, names: Names, rates: Any, eid: str,
              group: str, usk: bool) -> Data:
    full_time = rng.random() < p.full_time_share
    rate = 100 if full_time else next(rates)
    skills = ["SSK"] if group == "ssk" else ["USK", "VB"] if usk else ["VB"]
    emp: Data = {"id": eid, "name": names.next(), "skills": skills, "employment_rate": rate,
                 "full_time": "night" if group == "night" else "rotating"}
    if rate < 100 and rng.random() < p.rohs_share:
        emp["desired_employment_rate"] = rng.choice([r for r in (75, 80, 90, 100) if r > rate])
    if group == "night":
        emp["allowed_shifts"] = ["natt", "natt_sen"]
    elif group == "day" and rng.random() < p.no_split_share:
        emp["allowed_shifts"] = DAY_SHIFTS
    days = 7 * p.weeks
    unavailable: list[Data] = []
    if rng.random() < 0.08 * p.weeks / 4:
        unavailable.append(vacation(p.start, rng.randrange(p.weeks)))
    elif rng.random() < 0.1:
        unavailable.append(absent_day(p.start, rng.choice([d for d in range(days) if d % 7 < 5]),
                                      "utbildning"))
    if unavailable:
        emp["unavailable"] = unavailable
    wishes: list[Data] = []
    for _ in range(rng.choice([0, 0, 1, 1, 2] if p.weeks >= 4 else [0, 0, 1])):
        date = p.start + dt.timedelta(days=rng.randrange(days))
        if any(r["start"] <= date <= r["end"] for r in unavailable) or any(
                w["date"] == date for w in wishes):
            continue
        if group != "day" or rng.random() < 0.5:
            wishes.append({"kind": "day_off", "date": date, "weight_sek": wish_weight(rng)})
        else:
            wishes.append({"kind": "shift_off", "date": date,
                           "shift": rng.choice(["kvall", "kvall_sen", "dag"]),
                           "weight_sek": wish_weight(rng)})
    if wishes:
        emp["wishes"] = sorted(wishes, key=lambda w: w["date"])
    return emp


def care_home_unit(p: CareHomeParams) -> Data:
    """One care-home unit as instance data (validated by the caller)."""
    rng = random.Random(p.seed)
    names = Names(rng)
    residents = residents_per_avdelning(p.places)
    entries = need(residents, p.places, p.nurses)
    shift_records = shifts(p.long_split)
    pool = PART_TIME_RATES.copy()
    rng.shuffle(pool)
    rates = itertools.cycle(pool)
    ssk = [e for e in entries if e["skill"] == "SSK"]
    care = [e for e in entries if e["skill"] != "SSK"]
    day_need, night_need = need_minutes(care, p.weeks)
    staff: list[Data] = []
    groups = [("night", night_need, "n"), ("day", day_need, "d")]
    if ssk:
        groups.append(("ssk", sum(need_minutes(ssk, p.weeks)), "s"))
    for group, minutes, prefix in groups:
        hired: list[Data] = []
        while hire(hired, minutes, p.weeks, _employee(
                p, rng, names, rates, f"{prefix}{len(hired) + 1:02d}", group,
                usk=(len(hired) % 3 == 0) if group == "night" else rng.random() < p.usk_share),
                low=p.slack, high=p.slack + 0.02):
            pass
        staff += hired
    day = [e for e in staff if e["id"].startswith("d")]
    data: Data = {
        "name": p.name,
        "description": "",
        "horizon": {"start": p.start, "weeks": p.weeks, "cyclic": True},
        "resurspass": True,
        "skills": [{"id": "USK", "name": "Undersköterska"}, {"id": "VB", "name": "Vårdbiträde"},
                   *([{"id": "SSK", "name": "Sjuksköterska"}] if p.nurses else [])],
        "shift_types": shift_records if p.nurses else shift_records[:-2],
        "employees": staff,
        "demand": entries,
        "rules": _rules(p, day),
    }
    if p.below_desired_per_hour is not None:
        data["costs"] = {"below_desired_per_hour": {k: p.below_desired_per_hour
                                                    for k in ("USK", "VB")}}
    data = settle(data, sorted({100, *PART_TIME_RATES}))
    data["description"] = _description(p, residents, data["employees"], day_need + night_need)
    return with_budget(data) if p.budget else data


def _rules(p: CareHomeParams, day: list[Data]) -> Data:
    """AB 2023, and soft: at most every other weekend, some day staff one more (part-timers
    who asked for it first); optionally one senior at fewer days in a row."""
    weekends = max(1, p.weeks // 2)
    keen = sorted(day, key=lambda e: e["employment_rate"] == 100)[:p.more_weekends]
    runs: Data = {"max": 6}
    senior = next((e["id"] for e in day if e["employment_rate"] == 100), None)
    if p.senior_max_days is not None and senior is not None:
        runs["per_employee"] = {senior: p.senior_max_days}
    return {
        "daily_rest": {"min_minutes": 660},
        "pass_span": {"max_minutes": 780},
        "weekly_rest": {"min_minutes": 2160, "includes_daily_rest": True},
        "contract_hours": {"tolerance_minutes": TOLERANCE},
        "max_split_shifts": {"max": 2},
        "max_consecutive_days": runs,
        "max_weekends": {"enabled": True, "mode": "soft", "weight_sek": 300, "max": weekends,
                         "per_employee": {e["id"]: weekends + 1 for e in keen}},
    }


def _description(p: CareHomeParams, residents: list[int], staff: list[Data], need: int) -> str:
    full = sum(1 for e in staff if e["employment_rate"] == 100)
    fte = sum(e["employment_rate"] for e in staff) / 100
    nurses = "one SSK per ~25 residents by day" if p.nurses else "no nurses (a nurse group)"
    ratio = staff_contract([e for e in staff if "SSK" not in e["skills"]], p.weeks) / need
    facts = (
        f"{p.places} places in {len(residents)} avdelningar ({', '.join(map(str, residents))} "
        f"residents), {p.weeks} weeks cyclic from {p.start}. {len(staff)} staff, {fte:.1f} FTE, "
        f"full-time share {full}/{len(staff)}; USK/VB contract = minimum need × {ratio:.3f} "
        f"(minimum need of USK/VB {need / 60:.0f} h); {nurses}."
    )
    if p.description is not None:
        generated = fill(f"Generated (bemanna.generate, seed {p.seed}): {facts}", width=92)
        return f"{p.description.rstrip()}\n{generated}\n"
    return (f"Generated care-home unit (vårdboende), seed {p.seed}: {facts} Need, shifts and "
            "rules: bemanna.generate.care_home (domain.md §5, AB 2023 rules).\n")
