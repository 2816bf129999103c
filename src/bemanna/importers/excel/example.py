"""The example unit of an empty template: small, valid, and solvable.

A planner who downloads the template without a plan sees one filled example per sheet and can
upload it unchanged; the Instruktioner sheet says to replace it.
"""

from __future__ import annotations

from typing import Any

from bemanna.instance.load import instance_from_data
from bemanna.instance.model import Instance

EXAMPLE_START = "2026-01-05"
"""A Monday; fixed so that the example (and its tests) never change with the date."""


def example_data() -> dict[str, Any]:
    """A four-week group home: one skill, three shifts, six staff, one need per day."""
    staff = [("a01", "Anna Exempel", 100, "rullande"), ("a02", "Bo Exempel", 100, None),
             ("a03", "Cecilia Exempel", 75, None), ("a04", "David Exempel", 75, None),
             ("n05", "Eva Exempel", 100, "natt"), ("n06", "Filip Exempel", 80, "natt")]
    employees = []
    for eid, name, rate, kind in staff:
        emp: dict[str, Any] = {"id": eid, "name": name, "skills": ["USK"],
                               "employment_rate": rate}
        if kind == "natt":
            emp.update(full_time="night", allowed_shifts=["natt"])
        employees.append(emp)
    employees[2]["desired_employment_rate"] = 100
    employees[1]["unavailable"] = [{"start": "2026-01-19", "end": "2026-01-25",
                                    "reason": "semester (exempel)"}]
    employees[0]["wishes"] = [{"kind": "day_off", "date": "2026-01-10", "weight_sek": 200}]
    return {
        "name": "exempelenhet",
        "description": "EXEMPEL – ersätt med er enhet. En liten gruppbostad: dag, kväll och "
                       "vaken natt med en undersköterska i taget.",
        "horizon": {"start": EXAMPLE_START, "weeks": 4, "cyclic": True},
        "skills": [{"id": "USK", "name": "Undersköterska"}],
        "shift_types": [
            {"id": "dag", "name": "Dag 07-15:30", "parts": [{"start": "07:00", "end": "15:30"}],
             "break_minutes": 30, "skills": ["USK"]},
            {"id": "kvall", "name": "Kväll 13:30-21:30",
             "parts": [{"start": "13:30", "end": "21:30"}], "break_minutes": 30,
             "skills": ["USK"]},
            {"id": "natt", "name": "Natt 21:15-07:15",
             "parts": [{"start": "21:15", "end": "07:15"}], "paid_meal_break": True,
             "skills": ["USK"]},
        ],
        "employees": employees,
        "demand": [{"skill": "USK", "label": "Dag och kväll",
                    "bands": [{"start": "07:00", "end": "21:30", "min": 1}]},
                   {"skill": "USK", "label": "Vaken natt",
                    "bands": [{"start": "21:30", "end": "07:00", "min": 1}]}],
        "rules": {"max_weekends": {"enabled": True, "mode": "soft", "weight_sek": 300,
                                   "max": 2}},
    }


def example_instance() -> Instance:
    return instance_from_data(example_data(), "<exempel>")
