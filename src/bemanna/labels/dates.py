"""Weekdays and dates for people, per language: 'mån 3/3' (Swedish), 'Mon 3 Mar' (English).

Swedish writes a short date day/month ('3/3'); English names the month ('3 Mar'), since
'3/4' reads as 4 March in Europe and 3 April in the US.
"""

from __future__ import annotations

import datetime as dt

from bemanna.labels.numbers import Lang

WEEKDAYS: dict[str, tuple[str, str]] = {
    "mon": ("mån", "Mon"), "tue": ("tis", "Tue"), "wed": ("ons", "Wed"), "thu": ("tor", "Thu"),
    "fri": ("fre", "Fri"), "sat": ("lör", "Sat"), "sun": ("sön", "Sun"),
}
"""Short weekday names by the instance's weekday ids (`bemanna.instance.types.WEEKDAY_NAMES`)."""

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")


def weekday(index: int, lang: Lang = "sv") -> str:
    """Monday = 0: 'mån' / 'Mon'."""
    sv, en = tuple(WEEKDAYS.values())[index]
    return sv if lang == "sv" else en


def day_month(date: dt.date, lang: Lang = "sv") -> str:
    """2025-03-03 -> '3/3' (sv), '3 Mar' (en)."""
    if lang == "sv":
        return f"{date.day}/{date.month}"
    return f"{date.day} {MONTHS_EN[date.month - 1]}"


def short_day(date: dt.date, lang: Lang = "sv") -> str:
    """2025-03-03 -> 'mån 3/3' (sv), 'Mon 3 Mar' (en)."""
    return f"{weekday(date.weekday(), lang)} {day_month(date, lang)}"
