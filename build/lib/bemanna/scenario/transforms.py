"""The named transforms: each changes raw instance data in place (before validation) and
returns its problems (one line each; empty when it applied).

They work on the data as written in a file (clock times "HH:MM", fields that were left out
keep their defaults), so a transformed instance is exactly the file one would have written
by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.scenario.demand import scale_demand
from bemanna.scenario.model import (
    AddFloatPool,
    AllFulltime,
    GrantRohs,
    NoSplitShifts,
    Pre2023RestRules,
    RemoveEmployee,
    ScaleDemand,
)

Data = dict[str, Any]


def _number(value: Decimal) -> int | float:
    """A Decimal as the plain number a file would hold (75, 62.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _chosen(data: Data, ids: list[str] | None) -> tuple[list[Data], list[str]]:
    employees = data.get("employees") or []
    if ids is None:
        return employees, []
    known = {e.get("id") for e in employees}
    problems = [f"employees: no employee {eid!r}" for eid in ids if eid not in known]
    return [e for e in employees if e.get("id") in ids], problems


def all_fulltime(data: Data, t: AllFulltime) -> list[str]:
    employees, problems = _chosen(data, t.employees)
    for emp in employees:
        emp["employment_rate"] = 100
        emp.pop("desired_employment_rate", None)
    return problems


def grant_rohs(data: Data, t: GrantRohs) -> list[str]:
    employees, problems = _chosen(data, t.employees)
    for emp in employees:
        desired = emp.pop("desired_employment_rate", None)
        if desired is not None:
            emp["employment_rate"] = desired
    return problems


def _rule(data: Data, rule_id: str) -> Data:
    rules = data.setdefault("rules", {})
    if rules.get(rule_id) is None:
        rules[rule_id] = {}
    record: Data = rules[rule_id]
    return record


def no_split_shifts(data: Data, t: NoSplitShifts) -> list[str]:
    data.setdefault("rules", {})["max_split_shifts"] = {"enabled": True, "mode": "hard", "max": 0}
    return []


def pre_2023_rest_rules(data: Data, t: Pre2023RestRules) -> list[str]:
    """Rest 9 h between passes, pass span up to 15 h; the strict 24-hour reading (if the
    instance uses it) at the same 9 h."""
    daily = _rule(data, "daily_rest")
    daily["min_minutes"] = t.daily_rest_minutes
    daily.pop("reduced_minutes", None)  # the planned exception is moot below the new minimum
    _rule(data, "pass_span")["max_minutes"] = t.pass_span_minutes
    window = (data.get("rules") or {}).get("daily_rest_24h")
    if isinstance(window, dict):
        window["min_minutes"] = t.daily_rest_minutes
    return []


def _drop_keyed(mapping: Any, eid: str) -> None:
    if isinstance(mapping, dict):
        mapping.pop(eid, None)


def remove_employee(data: Data, t: RemoveEmployee) -> list[str]:
    employees = data.get("employees") or []
    kept = [e for e in employees if e.get("id") != t.id]
    if len(kept) == len(employees):
        return [f"employees: no employee {t.id!r}"]
    if not kept:
        return [f"employees: removing {t.id!r} leaves no employee"]
    data["employees"] = kept
    for record in (data.get("rules") or {}).values():
        if not isinstance(record, dict):
            continue
        _drop_keyed(record.get("per_employee"), t.id)
        for limit in record.get("limits") or []:
            if isinstance(limit, dict) and isinstance(limit.get("employees"), list):
                limit["employees"] = [e for e in limit["employees"] if e != t.id]
    _drop_keyed((data.get("cost_model") or {}).get("employee_monthly_salary"), t.id)
    return []


def add_float_pool(data: Data, t: AddFloatPool) -> list[str]:
    employees = data.setdefault("employees", [])
    known_skills = {s.get("id") for s in data.get("skills") or [] if isinstance(s, dict)}
    problems = [f"skills: no skill {k!r}" for k in t.skills if k not in known_skills]
    taken = {e.get("id") for e in employees}
    new = [f"{t.id_prefix}{i:02d}" for i in range(1, t.count + 1)]
    problems += [f"employees: id {eid!r} is taken" for eid in new if eid in taken]
    if problems:
        return problems
    for i, eid in enumerate(new, start=1):
        record: Data = {"id": eid, "name": f"{t.name} {i}", "skills": list(t.skills),
                        "employment_rate": _number(t.employment_rate), "full_time": t.full_time}
        if t.allowed_shifts is not None:
            record["allowed_shifts"] = list(t.allowed_shifts)
        employees.append(record)
    return []


def scale_demand_transform(data: Data, t: ScaleDemand) -> list[str]:
    window = None if t.start is None or t.end is None else (t.start, t.end)
    weekdays = None if t.weekdays is None else {WEEKDAY_NAMES.index(w) for w in t.weekdays}
    return scale_demand(data, t.factor, t.skills, t.label_contains, weekdays, window)


TRANSFORMS: dict[str, Callable[[Data, Any], list[str]]] = {
    "all_fulltime": all_fulltime,
    "grant_rohs": grant_rohs,
    "no_split_shifts": no_split_shifts,
    "pre_2023_rest_rules": pre_2023_rest_rules,
    "remove_employee": remove_employee,
    "add_float_pool": add_float_pool,
    "scale_demand": scale_demand_transform,
}
