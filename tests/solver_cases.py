"""Builders for the solver tests: tiny instances as plain dicts, solved and checked.

The horizon starts on Monday 2025-03-03 (day 0 = Monday). Shift types (skill usk):

    D   07:00–15:30, 30 min break        worked 510, paid 480
    K   13:30–21:30, 30 min break        worked 480, paid 450
    N   21:00–07:00, paid meal break     worked 600, paid 600
    S   07:00–11:30 + 15:30–20:00        worked 540, paid 540, split, span 13 h

Prices: these cases are about rules, so they set flat objective weights (`FLAT_COSTS`, as a
planner may) instead of the kronor of the cost model, and leave the OB of own passes out:
uncovered need at 500 SEK/h is round_half_up(500 × 100 / 60) = 833 öre per minute; stranded
resurstid at 20 SEK/h is round_half_up(33.33) = 33 öre per minute. `costs` in `fields`
replaces them (the kronor objective is tested in test_solver_kronor.py).

The base rule set is AB 2023 with `contract_hours` off (a one-week case with one or two passes
would otherwise be far below a 100 % contract) and no resurspass (so that a pass either covers
need or is priced as stranded time): each test switches on what it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bemanna.checker import CheckReport, check_roster
from bemanna.instance import Instance, instance_from_data
from bemanna.solver import Result, SolverParams, solve

MONDAY = dt.date(2025, 3, 3)
UNCOVERED = 833  # öre per uncovered minute at 500 SEK/h
STRANDED = 33  # öre per stranded minute at 20 SEK/h
PARAMS = SolverParams(time_limit=10.0, workers=2, seed=0)
FLAT_COSTS: dict[str, Any] = {"default_uncovered_per_hour": 500,
                              "stranded_resurstid_per_hour": 20, "own_ob": False}

Data = dict[str, Any]


def shift(sid: str, *parts: tuple[str, str], break_minutes: int = 0, **extra: Any) -> Data:
    return {
        "id": sid,
        "parts": [{"start": a, "end": b} for a, b in parts],
        "break_minutes": break_minutes,
        "skills": ["usk"],
        **extra,
    }


D = shift("D", ("07:00", "15:30"), break_minutes=30)
K = shift("K", ("13:30", "21:30"), break_minutes=30)
N = shift("N", ("21:00", "07:00"), paid_meal_break=True)
S = shift("S", ("07:00", "11:30"), ("15:30", "20:00"))


def employee(eid: str = "E1", **fields: Any) -> Data:
    return {"id": eid, "skills": ["usk"], **fields}


def band(start: str, end: str, minimum: int = 1, desired: int | None = None) -> Data:
    out: Data = {"start": start, "end": end, "min": minimum}
    if desired is not None:
        out["desired"] = desired
    return out


def need(*bands: Data, weekdays: list[str] | None = None, dates: list[int] | None = None) -> Data:
    """A demand entry of skill usk; `dates` are horizon day numbers."""
    out: Data = {"skill": "usk", "bands": list(bands)}
    if weekdays is not None:
        out["weekdays"] = weekdays
    if dates is not None:
        out["dates"] = [day(d) for d in dates]
    return out


def day(d: int) -> str:
    """Horizon day number -> ISO date."""
    return (MONDAY + dt.timedelta(days=d)).isoformat()


def build(
    shifts: list[Data],
    employees: list[Data] | None = None,
    demand: list[Data] | None = None,
    rules: dict[str, Data] | None = None,
    *,
    weeks: int = 1,
    cyclic: bool = False,
    resurspass: bool = False,
    **fields: Any,
) -> Instance:
    """An instance; `rules` entries are merged over the base rule set (contract_hours off)."""
    merged: dict[str, Data] = {"contract_hours": {"enabled": False}}
    for rule_id, values in (rules or {}).items():
        merged[rule_id] = {**merged.get(rule_id, {}), **values}
    data: Data = {
        "name": "solver-test",
        "horizon": {"start": MONDAY.isoformat(), "weeks": weeks, "cyclic": cyclic},
        "resurspass": resurspass,
        "skills": [{"id": "usk"}],
        "shift_types": shifts,
        "employees": employees or [employee()],
        "demand": demand or [],
        "rules": merged,
        "costs": FLAT_COSTS,
        **fields,
    }
    return instance_from_data(data)


def run(inst: Instance) -> tuple[Result, CheckReport | None]:
    """Solve, and check the roster when there is one."""
    result = solve(inst, PARAMS)
    report = check_roster(inst, result.roster) if result.roster is not None else None
    return result, report


def solved(inst: Instance) -> tuple[Result, CheckReport]:
    """Solve to optimality; the roster must keep every hard rule and be priced alike by the
    checker (report.total == objective, term by term)."""
    result, report = run(inst)
    assert result.status == "OPTIMAL", result.status
    assert report is not None
    assert report.ok, [v.message for v in report.violations]
    assert report.total == result.objective, (report.costs, result.objective_by_term)
    assert nonzero(report.costs) == nonzero(result.objective_by_term)
    return result, report


def nonzero(costs: dict[str, int]) -> dict[str, int]:
    """The terms that cost something (the solver leaves out terms it never built)."""
    return {term: ore for term, ore in costs.items() if ore}


def optimum(inst: Instance) -> int:
    result, _ = solved(inst)
    assert result.objective is not None
    return result.objective


def worked(result: Result, employee_id: str = "E1") -> dict[int, str]:
    """Horizon day -> shift id of the employee's passes in the solved roster."""
    assert result.roster is not None
    return {
        (a.date - MONDAY).days: a.shift for a in result.roster.assignments
        if a.employee == employee_id
    }
