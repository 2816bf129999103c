"""Swedish holidays for OB, from the maintained `holidays` library (country "SE").

Two kinds of windows (domain.md §4, parameters in `HolidayRules`):

- **public holiday**: every public holiday, and the de-facto holidays Midsummer Eve,
  Christmas Eve and New Year's Eve, counts as weekend: from `public_from` on the day before
  to `public_until` on the first weekday after.
- **major holiday** (storhelg): Easter (Good Friday – Easter Monday), Midsummer (Eve and Day),
  Christmas (Eve, Day, Second Day), New Year (Eve and Day), optionally Pentecost: from
  `major_from` on the day before its first day to `major_until` on the first weekday after
  its last day.

A weekday is Monday–Friday and not a holiday. Sundays are not listed as holidays here (the
library lists every Sunday by default); the weekend windows already hold them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Container

import holidays

from bemanna.instance.cost_model import HolidayRules

MAJOR_HOLIDAY_NAMES: dict[str, frozenset[str]] = {
    "easter": frozenset({"Good Friday", "Holy Saturday", "Easter Sunday", "Easter Monday"}),
    "pentecost": frozenset({"Pentecost Eve", "Pentecost"}),
    "midsummer": frozenset({"Midsummer Eve", "Midsummer Day"}),
    "christmas": frozenset({"Christmas Eve", "Christmas Day", "Second Day of Christmas"}),
    "new_year": frozenset({"New Year's Eve", "New Year's Day"}),
}
"""Names of the days of each major holiday in the library's `en_US` language."""

Window = tuple[dt.datetime, dt.datetime]


@functools.cache
def swedish_holidays(first_year: int, last_year: int) -> dict[dt.date, tuple[str, ...]]:
    """Public and de-facto holidays (en_US names) of the years, Sundays not included."""
    found = holidays.country_holidays(
        "SE",
        years=range(first_year, last_year + 1),
        categories=("public", "de_facto"),
        language="en_US",
        include_sundays=False,
    )
    return {day: tuple(found.get_list(day)) for day in sorted(found)}


def _years(first: dt.date, last: dt.date) -> dict[dt.date, tuple[str, ...]]:
    """Holidays of the years around [first, last] (a window may reach into the next year)."""
    return swedish_holidays(first.year - 1, last.year + 1)


def first_weekday_after(day: dt.date, holiday_days: Container[dt.date]) -> dt.date:
    """The first day after `day` that is Monday–Friday and not a holiday."""
    day += dt.timedelta(days=1)
    while day.weekday() >= 5 or day in holiday_days:
        day += dt.timedelta(days=1)
    return day


def _at(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)


def public_holiday_windows(rules: HolidayRules, first: dt.date, last: dt.date) -> list[Window]:
    """Windows of the public holidays that touch the dates [first, last]."""
    days = _years(first, last)
    windows = []
    for day in days:
        start = _at(day - dt.timedelta(days=1), rules.public_from)
        end = _at(first_weekday_after(day, days), rules.public_until)
        if end > _at(first, 0) and start < _at(last + dt.timedelta(days=1), 0):
            windows.append((start, end))
    return windows


def major_holiday_spans(names: list[str], first: dt.date, last: dt.date) -> list[
        tuple[str, dt.date, dt.date]]:
    """(major holiday, first day, last day) of each named major holiday near [first, last].

    The days of one holiday are the library's dates with its names, merged when at most two
    days apart (Easter: Good Friday, Easter Sunday, Easter Monday)."""
    days = _years(first, last)
    spans: list[tuple[str, dt.date, dt.date]] = []
    for name in names:
        wanted = MAJOR_HOLIDAY_NAMES[name]
        dates = sorted(d for d, day_names in days.items() if wanted & set(day_names))
        for day in dates:
            if spans and spans[-1][0] == name and (day - spans[-1][2]).days <= 2:
                spans[-1] = (name, spans[-1][1], day)
            else:
                spans.append((name, day, day))
    return spans


def major_holiday_windows(rules: HolidayRules, first: dt.date, last: dt.date) -> list[Window]:
    """Windows of the major holidays (storhelg) that touch the dates [first, last]."""
    days = _years(first, last)
    windows = []
    for _, start_day, end_day in major_holiday_spans(list(rules.major_holidays), first, last):
        start = _at(start_day - dt.timedelta(days=1), rules.major_from)
        end = _at(first_weekday_after(end_day, days), rules.major_until)
        if end > _at(first, 0) and start < _at(last + dt.timedelta(days=1), 0):
            windows.append((start, end))
    return windows
