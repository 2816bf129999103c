"""Table sheets -> the instance's lists (skills, staff, shift types, need, absences, wishes,
pins), each field's cell noted in the reading."""

from __future__ import annotations

from typing import Any

from bemanna.importers.excel.reading import Line, Reading
from bemanna.importers.excel.tables import (
    ABSENCES,
    DEMAND,
    PINS,
    SHIFTS,
    SKILLS,
    STAFF,
    WISHES,
    Table,
)

Data = dict[str, Any]

SKILL_COSTS = (("monthly_salary", "cost_model.monthly_salary"),
               ("agency_per_hour", "cost_model.agency_per_hour"),
               ("agency_factor", "cost_model.agency_factor"),
               ("gap_fill", "cost_model.gap_fill"),
               ("uncovered_per_hour", "costs.uncovered_per_hour"),
               ("below_desired_per_hour", "costs.below_desired_per_hour"),
               ("absence_rate", "absence.skill_rates"))
"""Kompetenser columns that fill a per-skill mapping elsewhere in the instance."""

STAFF_RULES = ("max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off",
               "max_weekends", "max_split_shifts")
"""Personal columns that set a rule's per-employee value (`rules.X.per_employee`)."""


def put(data: Data, path: str | tuple[str, ...], value: Any) -> None:
    """Set a nested mapping entry by a dotted path of field names, or by a tuple of keys (a
    key that is a code may hold a dot)."""
    *parents, last = path.split(".") if isinstance(path, str) else path
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def _set(record: Data, key: str, value: Any) -> None:
    if value is not None:
        record[key] = value


def read_skills(lines: list[Line], reading: Reading, extra: Data) -> list[Data]:
    skills: list[Data] = []
    for line in lines:
        path = f"skills[{len(skills)}]"
        sid = reading.take(line, SKILLS.column("id"), f"{path}.id")
        reading.where[path] = reading.where[f"{path}.id"]
        record: Data = {"id": sid}
        _set(record, "name", reading.take(line, SKILLS.column("name"), f"{path}.name"))
        skills.append(record)
        for key, mapping in SKILL_COSTS:
            value = reading.take(line, SKILLS.column(key), f"{mapping}.{sid}")
            if value is not None and sid is not None:
                put(extra, (*mapping.split("."), sid), value)
    return skills


def _skills(reading: Reading, line: Line, table: Table, path: str) -> list[str]:
    """The first skill (its own column) and the more skills (one cell, comma-separated)."""
    first = reading.take(line, table.column("skill"), f"{path}.skills[0]")
    reading.note(f"{path}.skills", line, table.column("skill"))
    more = reading.take(line, table.column("more_skills")) or []
    for j in range(len(more)):
        reading.note(f"{path}.skills[{j + 1}]", line, table.column("more_skills"))
    return ([first] if first is not None else []) + more


def read_staff(lines: list[Line], reading: Reading, extra: Data) -> list[Data]:
    employees: list[Data] = []
    col = STAFF.column
    for line in lines:
        path = f"employees[{len(employees)}]"
        eid = reading.take(line, col("id"), f"{path}.id")
        reading.where[path] = reading.where[f"{path}.id"]
        record: Data = {"id": eid, "skills": _skills(reading, line, STAFF, path)}
        for key in ("name", "employment_rate", "full_time", "desired_employment_rate",
                    "allowed_shifts", "dygnsbryt"):
            _set(record, key, reading.take(line, col(key), f"{path}.{key}"))
        for j in range(len(record.get("allowed_shifts") or [])):
            reading.note(f"{path}.allowed_shifts[{j}]", line, col("allowed_shifts"))
        employees.append(record)
        salary = reading.take(line, col("monthly_salary"),
                              f"cost_model.employee_monthly_salary.{eid}")
        if salary is not None:
            put(extra, ("cost_model", "employee_monthly_salary", eid), salary)
        for rule in STAFF_RULES:
            value = reading.take(line, col(rule), f"rules.{rule}.per_employee.{eid}")
            if value is not None:
                put(extra, ("rules", rule, "per_employee", eid), value)
        hours = {k: reading.take(line, col(f"{k}_hours"),
                                 f"rules.total_minutes.per_employee.{eid}.{k}")
                 for k in ("min", "max")}
        if any(v is not None for v in hours.values()):
            put(extra, ("rules", "total_minutes", "per_employee", eid),
                {k: v for k, v in hours.items() if v is not None})
    return employees


def read_shifts(lines: list[Line], reading: Reading) -> list[Data]:
    shifts: list[Data] = []
    col = SHIFTS.column
    for line in lines:
        path = f"shift_types[{len(shifts)}]"
        record: Data = {"id": reading.take(line, col("id"), f"{path}.id")}
        reading.where[path] = reading.where[f"{path}.id"]
        parts = [{"start": reading.take(line, col("start"), f"{path}.parts[0].start"),
                  "end": reading.take(line, col("end"), f"{path}.parts[0].end")}]
        second = {"start": reading.take(line, col("start2"), f"{path}.parts[1].start"),
                  "end": reading.take(line, col("end2"), f"{path}.parts[1].end")}
        if any(v is not None for v in second.values()):
            for key, value in second.items():
                if value is None and line.ref(f"{key}2") not in reading.bad:
                    reading.problem(line.ref(f"{key}2"), f"{col(key + '2').name} saknas "
                                    "(en delad tur behöver både start och slut)")
            parts.append(second)
        record["parts"] = [{k: v for k, v in p.items() if v is not None} for p in parts]
        reading.where[f"{path}.parts"] = reading.where[f"{path}.parts[0].start"]
        for key in ("name", "break_minutes", "paid_meal_break", "weekdays"):
            _set(record, key, reading.take(line, col(key), f"{path}.{key}"))
        record["skills"] = _skills(reading, line, SHIFTS, path)
        shifts.append(record)
    return shifts


def read_demand(lines: list[Line], reading: Reading) -> list[Data]:
    """One need entry per run of consecutive rows with the same skill, label, days and dates."""
    demand: list[Data] = []
    previous: list[Any] | None = None
    col = DEMAND.column
    heads = ("skill", "label", "weekdays", "dates")
    for line in lines:
        values = [reading.take(line, col(key)) for key in heads]
        if values != previous:
            k = len(demand)
            entry: Data = {"bands": []}
            for key, value in zip(heads, values, strict=True):
                reading.note(f"demand[{k}].{key}", line, col(key))
                _set(entry, key, value)
            for j in range(len(entry.get("dates") or [])):
                reading.note(f"demand[{k}].dates[{j}]", line, col("dates"))
            reading.note(f"demand[{k}]", line, col("skill"))
            demand.append(entry)
            previous = values
        bands = demand[-1]["bands"]
        path = f"demand[{len(demand) - 1}].bands[{len(bands)}]"
        band: Data = {}
        for key in ("start", "end", "min", "desired"):
            _set(band, key, reading.take(line, col(key), f"{path}.{key}"))
        reading.note(path, line, col("start"))
        bands.append(band)
    return demand


def attach(lines: list[Line], reading: Reading, employees: list[Data]) -> None:
    """Absences, wishes and pins into their employees' records (rows in sheet order)."""
    index: dict[str, int] = {}
    for i, emp in enumerate(employees):
        index.setdefault(str(emp.get("id")), i)
    for table, field, keys in ((ABSENCES, "unavailable", ("start", "end", "reason")),
                               (WISHES, "wishes", ("kind", "date", "shift", "weight_sek")),
                               (PINS, "pinned", ("date", "shift"))):
        for line in (x for x in lines if x.sheet == table.title):
            eid = reading.take(line, table.column("employee"))
            if eid is None:
                continue
            if str(eid) not in index:
                reading.problem(line.ref("employee"), f"'{eid}' finns inte i Personal")
                continue
            items = employees[index[str(eid)]].setdefault(field, [])
            path = f"employees[{index[str(eid)]}].{field}[{len(items)}]"
            record: Data = {}
            for key in keys:
                value = reading.take(line, table.column(key), f"{path}.{key}")
                if value is not None or (field == "pinned" and key == "shift"):
                    record[key] = value
            reading.where[path] = reading.where[f"{path}.date" if field != "unavailable"
                                                else f"{path}.start"]
            items.append(record)
