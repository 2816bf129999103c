"""A roster as a pandas DataFrame: one row per pass (for notebooks and the web app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from bemanna.roster.model import Roster

PASS_COLUMNS = ["employee", "date", "shift", "kind", "skill", "start", "end", "paid_minutes",
                "parts"]


def roster_frame(roster: Roster) -> pd.DataFrame:
    """One row per pass, sorted by employee and start: employee, date, shift, kind
    ('ordinary' or 'resurs'), skill, start and end (local date-times), paid_minutes and
    parts (1, or 2 for a split pass)."""
    import pandas as pd

    rows = [(a.employee, a.date, a.shift, a.kind, a.skill, a.start, a.end, a.paid_minutes,
             len(a.parts)) for a in roster.assignments]
    frame = pd.DataFrame(rows, columns=PASS_COLUMNS)
    return frame.sort_values(["employee", "start"], ignore_index=True)
