"""Codes that name a skill, shift or employee, checked while reading, at their cells.

The instance's own validation checks the same references, but only once every record's own
fields are valid; checking them here as well reports a misspelt code together with the
other problems of the upload, at once. The wording is that of `problems.TRANSLATIONS`, so a
problem found by both is shown once.
"""

from __future__ import annotations

from typing import Any

from bemanna.importers.excel.reading import Reading

Data = dict[str, Any]


def _at(reading: Reading, path: str, text: str) -> None:
    where = reading.where.get(path)
    if where is not None and where.ref not in reading.bad:
        reading.problem(where.ref, text)


def _duplicates(reading: Reading, kind: str, records: list[Data]) -> None:
    seen: set[Any] = set()
    for i, record in enumerate(records):
        code = record.get("id")
        if code in seen:
            where = reading.where.get(f"{kind}[{i}].id")
            if where is not None:
                reading.where[kind] = where  # the model reports duplicates at the list
            _at(reading, f"{kind}[{i}].id", f"koden '{code}' finns mer än en gång")
        seen.add(code)


def check_references(data: Data, reading: Reading) -> None:
    skills = {s.get("id") for s in data["skills"]}
    shifts = {s.get("id") for s in data["shift_types"]}
    for kind in ("skills", "shift_types", "employees"):
        _duplicates(reading, kind, data[kind])

    def skill(path: str, code: Any) -> None:
        if code not in skills:
            _at(reading, path, f"kompetensen '{code}' finns inte i Kompetenser")

    def shift(path: str, code: Any) -> None:
        if code is not None and code not in shifts:
            _at(reading, path, f"passtypen '{code}' finns inte i Passtyper")

    for kind in ("shift_types", "employees"):
        for i, record in enumerate(data[kind]):
            for j, code in enumerate(record.get("skills", [])):
                skill(f"{kind}[{i}].skills[{j}]", code)
    for k, entry in enumerate(data["demand"]):
        if "skill" in entry:
            skill(f"demand[{k}].skill", entry["skill"])
    for i, emp in enumerate(data["employees"]):
        for j, code in enumerate(emp.get("allowed_shifts") or []):
            shift(f"employees[{i}].allowed_shifts[{j}]", code)
        for field in ("wishes", "pinned"):
            for j, item in enumerate(emp.get(field, [])):
                shift(f"employees[{i}].{field}[{j}].shift", item.get("shift"))
    pairs = data.get("rules", {}).get("forbidden_successions", {}).get("pairs", [])
    for pair in pairs:
        for code in [pair["first"], *pair["then"]]:
            shift("rules.forbidden_successions.pairs", code)
