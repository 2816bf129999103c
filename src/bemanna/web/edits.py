"""Changes a planner makes from the pages, as pure functions on an instance's data (the
stored JSON of a version). The caller validates the result (`instance_from_data`) and saves
it as a new version."""

from __future__ import annotations

import copy
import re
from typing import Any

Data = dict[str, Any]
CELL_ACTIONS = ("pin_shift", "pin_off", "absent", "clear")
ABSENCE_REASON = "frånvaro (markerad i schemat)"


class EditError(ValueError):
    """The change names something the instance does not have."""


def _employee(data: Data, employee: str) -> Data:
    for emp in data["employees"]:
        if emp["id"] == employee:
            return emp  # type: ignore[no-any-return]
    raise EditError(f"employees: no employee {employee!r}")


def set_cell(data: Data, employee: str, date: str, action: str,
             shift: str | None = None) -> tuple[Data, str]:
    """A copy of `data` with the cell (employee, date) pinned to `shift` (pin_shift), pinned
    free (pin_off), marked absent (absent) or freed of pins and one-day absences (clear);
    and the version note."""
    if action not in CELL_ACTIONS:
        raise EditError(f"action: one of {', '.join(CELL_ACTIONS)}")
    out = copy.deepcopy(data)
    emp = _employee(out, employee)
    pins = [p for p in emp.get("pinned", []) if p["date"] != date]
    absences = [r for r in emp.get("unavailable", [])
                if not (r["start"] == date and r["end"] == date)]
    if action == "pin_shift":
        if shift is None or shift not in {s["id"] for s in out["shift_types"]}:
            raise EditError(f"shift: no shift type {shift!r}")
        pins.append({"date": date, "shift": shift})
        note = f"låst {employee} {date}: pass {shift}"
    elif action == "pin_off":
        pins.append({"date": date, "shift": None})
        note = f"låst {employee} {date}: ledig"
    elif action == "absent":
        absences.append({"start": date, "end": date, "reason": ABSENCE_REASON})
        note = f"frånvaro {employee} {date}"
    else:
        note = f"lås och frånvaro borttagna: {employee} {date}"
    emp["pinned"] = pins
    emp["unavailable"] = absences
    return out, note


DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
"""The pin's date in a pin repair's text: 'remove the pin of E1 on 2025-03-05 …' (English),
'ta bort låsningen av E1 den 2025-03-05 …' (Swedish): the first date."""


def apply_repair(data: Data, rule: str, employee: str, change: str) -> tuple[Data, str]:
    """A copy of `data` with one ranked repair of `bemanna.explain` applied: a pin repair
    removes that pin (the date in its text, in either language), any other repair turns the
    rule soft at its own weight (the text's "or turn RULE soft" / "eller gör RULE mjuk")."""
    out = copy.deepcopy(data)
    if rule == "pinned":
        found = DATE.search(change)
        emp = _employee(out, employee)
        emp["pinned"] = [p for p in emp.get("pinned", [])
                         if found is not None and p["date"] != found.group(1)]
        return out, f"åtgärd: {change}"
    rules = out.setdefault("rules", {})
    rules.setdefault(rule, {})["mode"] = "soft"
    return out, f"åtgärd: {rule} mjuk (pris per överträdelse)"
