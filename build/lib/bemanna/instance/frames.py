"""An instance's staff and need as pandas DataFrames (for notebooks and the web app), and
which need entries apply on a date (the one definition the checker reads too)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.units import format_clock

if TYPE_CHECKING:
    import pandas as pd

    from bemanna.instance.model import Demand, Instance

STAFF_COLUMNS = ["employee", "name", "skills", "employment_rate", "desired_employment_rate",
                 "full_time_minutes_per_week", "contract_minutes", "allowed_shifts",
                 "unavailable_days", "wishes", "pinned"]
DEMAND_COLUMNS = ["skill", "label", "date", "weekday", "start", "end", "minutes", "min",
                  "desired"]


def entries_on(instance: Instance, skill: str, date: dt.date) -> list[Demand]:
    """The demand entries of a skill that apply on a date: the entries listing that date when
    there are any (they replace the weekday entries), else the weekday entries for its weekday."""
    of_skill = [d for d in instance.demand if d.skill == skill]
    dated = [d for d in of_skill if d.dates is not None and date in d.dates]
    if dated:
        return dated
    weekday = WEEKDAY_NAMES[date.weekday()]
    return [d for d in of_skill if d.dates is None and weekday in d.weekdays]


def staff_frame(instance: Instance) -> pd.DataFrame:
    """One row per employee: skills (comma-separated), employment rate and RÖHS request (%),
    full-time measure (minutes per week), contract minutes over the horizon (absence taken
    off), allowed shift types (empty: all their skills allow), unavailable days within the
    horizon, wishes and pins."""
    import pandas as pd

    from bemanna.instance.contract import contract_minutes

    horizon = [instance.horizon.date(d) for d in range(instance.horizon.days)]
    rows = []
    for e in instance.employees:
        away = sum(1 for date in horizon if any(r.contains(date) for r in e.unavailable))
        rows.append((e.id, e.name, ",".join(e.skills), float(e.employment_rate),
                     None if e.desired_employment_rate is None
                     else float(e.desired_employment_rate),
                     e.full_time_minutes_per_week, contract_minutes(instance, e),
                     ",".join(e.allowed_shifts or []), away, len(e.wishes), len(e.pinned)))
    return pd.DataFrame(rows, columns=STAFF_COLUMNS)


def demand_frame(instance: Instance) -> pd.DataFrame:
    """One row per need band and date of the horizon: skill, the entry's label, date, weekday,
    start and end (HH:MM; an end at or before the start runs past midnight), minutes, the
    minimum and desired headcount (desired defaults to the minimum)."""
    import pandas as pd

    rows = []
    skills = list(dict.fromkeys(d.skill for d in instance.demand))
    for day in range(instance.horizon.days):
        date = instance.horizon.date(day)
        for skill in skills:
            for entry in entries_on(instance, skill, date):
                for band in entry.bands:
                    start, end = band.offsets
                    rows.append((skill, entry.label, date, WEEKDAY_NAMES[date.weekday()],
                                 format_clock(band.start), format_clock(band.end), end - start,
                                 band.min, band.min if band.desired is None else band.desired))
    return pd.DataFrame(rows, columns=DEMAND_COLUMNS)
