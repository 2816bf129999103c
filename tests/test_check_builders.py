"""Builders shared by the checker tests: tiny instances and hand-made rosters.

The horizon starts on Monday 2025-03-03. Shift types (skill usk unless told):

    D   07:00–15:30, 30 min break        paid 480
    K   13:30–21:30, 30 min break        paid 450
    N   21:00–07:00, paid meal break     paid 600
    S   07:00–11:30 + 15:30–20:00        paid 540, split, span 13 h
    LD  07:00–19:00, 2 h break           paid 600 (long day)
    E   06:00–14:00, 30 min break        paid 450 (early)

The base rule set is AB 2023 with contract_hours off, so that short rosters test one rule.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bemanna.checker import CheckReport, check_roster
from bemanna.instance import Instance, contract_minutes, instance_from_data
from bemanna.roster import Assignment, EmployeeSummary, Part, Roster
from bemanna.roster.model import Kind

MONDAY = dt.date(2025, 3, 3)

SHIFTS: list[dict[str, Any]] = [
    {
        "id": "D",
        "parts": [{"start": "07:00", "end": "15:30"}],
        "break_minutes": 30,
        "skills": ["usk"],
    },
    {
        "id": "K",
        "parts": [{"start": "13:30", "end": "21:30"}],
        "break_minutes": 30,
        "skills": ["usk"],
    },
    {
        "id": "N",
        "parts": [{"start": "21:00", "end": "07:00"}],
        "paid_meal_break": True,
        "skills": ["usk"],
    },
    {
        "id": "S",
        "parts": [{"start": "07:00", "end": "11:30"}, {"start": "15:30", "end": "20:00"}],
        "skills": ["usk"],
    },
    {
        "id": "LD",
        "parts": [{"start": "07:00", "end": "19:00"}],
        "break_minutes": 120,
        "skills": ["usk"],
    },
    {
        "id": "E",
        "parts": [{"start": "06:00", "end": "14:00"}],
        "break_minutes": 30,
        "skills": ["usk"],
    },
]


def make_instance(
    rules: dict[str, dict[str, Any]] | None = None,
    *,
    weeks: int = 1,
    cyclic: bool = False,
    employees: list[dict[str, Any]] | None = None,
    shifts: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Instance:
    """A small instance; `rules` entries are merged over the base rule set."""
    merged: dict[str, dict[str, Any]] = {"contract_hours": {"enabled": False}}
    for rule_id, values in (rules or {}).items():
        merged[rule_id] = {**merged.get(rule_id, {}), **values}
    data: dict[str, Any] = {
        "name": "checker-test",
        "horizon": {"start": MONDAY.isoformat(), "weeks": weeks, "cyclic": cyclic},
        "skills": [{"id": "usk"}, {"id": "ssk"}],
        "shift_types": SHIFTS + (shifts or []),
        "employees": employees
        or [{"id": "E1", "skills": ["usk"]}, {"id": "E2", "skills": ["usk"]}],
        "rules": merged,
        **fields,
    }
    return instance_from_data(data)


def make_pass(
    inst: Instance, employee: str, day: int, shift: str, kind: Kind = "ordinary", skill: str = "usk"
) -> Assignment:
    """An assignment exactly as its shift type defines it, on horizon day `day`."""
    date = inst.horizon.date(day)
    midnight = dt.datetime.combine(date, dt.time())
    st = inst.shift[shift]
    parts = tuple(
        Part(midnight + dt.timedelta(minutes=s), midnight + dt.timedelta(minutes=e))
        for s, e in st.offsets
    )
    return Assignment(employee, date, shift, kind, skill, parts, st.paid_minutes)


def make_roster(inst: Instance, assignments: list[Assignment]) -> Roster:
    """A roster of these assignments whose employee summaries add up."""
    scheduled: Counter[str] = Counter()
    resurs: Counter[str] = Counter()
    for a in assignments:
        scheduled[a.employee] += a.paid_minutes
        if a.kind == "resurs":
            resurs[a.employee] += a.paid_minutes
    summaries = [
        EmployeeSummary(e.id, contract_minutes(inst, e), scheduled[e.id], resurs[e.id])
        for e in inst.employees
    ]
    return Roster(
        instance=inst.name,
        start=inst.horizon.start,
        days=inst.horizon.days,
        cyclic=inst.horizon.cyclic,
        status="HAND",
        objective=None,
        bound=None,
        employees=summaries,
        assignments=list(assignments),
    )


def check(inst: Instance, passes: list[tuple[Any, ...]]) -> CheckReport:
    """Check a roster given as (employee, day, shift[, kind]) tuples."""
    return check_roster(inst, make_roster(inst, [make_pass(inst, *p) for p in passes]))


def found(report: CheckReport) -> list[tuple[str, str | None]]:
    """(rule, employee) of every violation."""
    return [(v.rule, v.employee) for v in report.violations]


# --- the builders themselves ----------------------------------------------------------------


def test_an_empty_roster_holds_and_costs_nothing() -> None:
    """No passes, no demand, no wishes: nothing breaks and every term is zero."""
    report = check(make_instance(), [])
    assert report.ok, report.violations
    assert report.total == 0


def test_built_passes_match_their_shift_types() -> None:
    """Each shift type worked on Monday and Thursday by its own employee: no finding."""
    inst = make_instance(employees=[{"id": f"E{i}", "skills": ["usk"]} for i in range(6)])
    shifts = [s["id"] for s in SHIFTS]
    report = check(
        inst, [(f"E{i}", day, shift) for i, shift in enumerate(shifts) for day in (0, 3)]
    )
    assert report.ok, [v.message for v in report.violations]
