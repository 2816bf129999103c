"""Per employee: passes, split shifts, weekends and nights worked, wishes met.

- **weekend worked**: a Saturday or Sunday of a horizon week on which a pass starts (as the
  `max_weekends` rule counts it);
- **night pass**: a pass with at least 3 hours of work between 22:00 and 06:00 (the
  working-time definition of night work);
- **wish met**: as the checker grants it (`bemanna.checker.wishes.wish_granted`).
"""

from __future__ import annotations

import pandas as pd

from bemanna.checker.passes import Pass, RosterView
from bemanna.checker.wishes import wish_granted
from bemanna.units import MINUTES_PER_DAY

NIGHT_START, NIGHT_END = 22 * 60, 6 * 60
NIGHT_PASS_MINUTES = 3 * 60

STAFF_COLUMNS = ["employee", "employment_rate", "passes", "resurspass", "split_shifts",
                 "weekends", "nights", "wishes", "wishes_met"]


def night_minutes(p: Pass) -> int:
    """Worked minutes of a pass between 22:00 and 06:00."""
    total = 0
    for start, end in p.parts:
        for day in range(start // MINUTES_PER_DAY - 1, end // MINUTES_PER_DAY + 1):
            night_from = day * MINUTES_PER_DAY + NIGHT_START
            night_to = (day + 1) * MINUTES_PER_DAY + NIGHT_END
            total += max(0, min(end, night_to) - max(start, night_from))
    return total


def is_night_pass(p: Pass) -> bool:
    return night_minutes(p) >= NIGHT_PASS_MINUTES


def staff_table(view: RosterView) -> pd.DataFrame:
    rows = []
    for emp in view.instance.employees:
        own = view.passes[emp.id]
        weekends = {p.day // 7 for p in own if p.day % 7 >= 5}
        met = sum(1 for w in emp.wishes if wish_granted(view, emp, w))
        rows.append((emp.id, float(emp.employment_rate), len(own),
                     sum(1 for p in own if p.kind == "resurs"),
                     sum(1 for p in own if p.is_split), len(weekends),
                     sum(1 for p in own if is_night_pass(p)), len(emp.wishes), met))
    frame = pd.DataFrame(rows, columns=STAFF_COLUMNS)
    return frame.astype({c: "int64" for c in STAFF_COLUMNS[2:]})
