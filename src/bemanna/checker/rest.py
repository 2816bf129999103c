"""Rest rules: daily_rest (dygnsvila), daily_rest_24h and weekly_rest (veckovila).

Rest is read off the clock: the time between the end of one pass and the start of the next,
or the longest stretch inside a window that no pass's span touches (the gap inside a split
shift is not rest). Cyclic horizons wrap: the last pass is followed by the first pass one
horizon later.
"""

from __future__ import annotations

from bemanna.checker.passes import (
    RosterView,
    busy_spans,
    following,
    longest_free,
)
from bemanna.checker.report import NOTHING, RuleResult, Violation
from bemanna.labels.phrases import NOTHING as ABSENT
from bemanna.labels.phrases import Phrase, phrase
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_WEEK


def short_rests(
    rests: list[int], minimum: int, reduced: int | None, cyclic: bool
) -> dict[int, Phrase]:
    """Index of each pair whose rest is short, with the reason (docs/rules.md, daily_rest).

    A rest holds when it is >= minimum. With `reduced` set, a rest down to `reduced` holds if
    the rest after the next pass is >= minimum + the shortfall; when that fails, the later pair
    is the one counted. Non-cyclic: after the last pass nothing follows, so a reduced last-but-
    one rest is made up. Each pair is counted once.
    """
    short: dict[int, Phrase] = {}
    floor = minimum if reduced is None else reduced
    for i, rest in enumerate(rests):
        if rest < floor:
            even = ABSENT if reduced is None else phrase("checker.rest.even_reduced")
            short.setdefault(i, phrase("checker.rest.minimum", floor=floor, reduced=even))
        elif rest < minimum:
            later = (i + 1) % len(rests) if cyclic else i + 1
            needed = 2 * minimum - rest  # minimum + shortfall
            if later < len(rests) and rests[later] < needed:
                short.setdefault(later, phrase("checker.rest.make_up", rest=rest, needed=needed))
    return short


def daily_rest(view: RosterView) -> RuleResult:
    """Each pass is followed by >= min_minutes of rest before the employee's next pass.

    Unit: one pair of consecutive passes whose rest is short.
    """
    rule = view.instance.rules.daily_rest
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    for emp, passes in view.passes.items():
        pairs = following(passes, view.cyclic, view.horizon_minutes)
        rests = [pair.rest_minutes for pair in pairs]
        for i, reason in sorted(
            short_rests(rests, rule.min_minutes, rule.reduced_minutes, view.cyclic).items()
        ):
            pair = pairs[i]
            found.append(
                Violation(
                    "daily_rest",
                    emp,
                    pair.previous.date,
                    "checker.daily_rest",
                    {"emp": emp, "rest": rests[i], "previous": pair.previous.ending(),
                     "next": pair.next.starting(pair.shift != 0), "reason": reason},
                )
            )
    return RuleResult(found, len(found))


def weekly_rest_minutes(view: RosterView) -> int:
    """R: min_minutes, plus the daily rest's min_minutes when the weekly rest may not
    include it."""
    rules = view.instance.rules
    extra = 0 if rules.weekly_rest.includes_daily_rest else rules.daily_rest.min_minutes
    return rules.weekly_rest.min_minutes + extra


def weekly_rest(view: RosterView) -> RuleResult:
    """Every calendar week [Monday 00:00, next Monday 00:00) holds an interval of >= R minutes
    that no pass's span touches. Cyclic: passes one horizon earlier (a night pass of the last
    day on week 0's Monday morning) and later count too. Unit: one week."""
    rule = view.instance.rules.weekly_rest
    if not rule.enabled:
        return NOTHING
    needed = weekly_rest_minutes(view)
    found: list[Violation] = []
    for emp, passes in view.passes.items():
        busy = busy_spans(passes, view.cyclic, view.horizon_minutes)
        for week in range(view.instance.horizon.weeks):
            monday = week * MINUTES_PER_WEEK
            longest = longest_free((monday, monday + MINUTES_PER_WEEK), busy)
            if longest < needed:
                first = view.date(7 * week)
                found.append(
                    Violation(
                        "weekly_rest",
                        emp,
                        first,
                        "checker.weekly_rest",
                        {"emp": emp, "first": first, "last": view.date(7 * week + 6),
                         "longest": longest, "needed": needed},
                    )
                )
    return RuleResult(found, len(found))


def daily_rest_24h(view: RosterView) -> RuleResult:
    """For each day d, the window [d + the employee's dygnsbryt, +24 h) holds an interval of
    >= min_minutes that no pass's span touches (non-cyclic: windows ending inside the horizon).
    Unit: one window."""
    rule = view.instance.rules.daily_rest_24h
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    for emp in view.instance.employees:
        busy = busy_spans(view.passes[emp.id], view.cyclic, view.horizon_minutes)
        for day in range(view.days):
            start = day * MINUTES_PER_DAY + emp.dygnsbryt
            if not view.cyclic and start + MINUTES_PER_DAY > view.horizon_minutes:
                continue  # non-cyclic: only windows that end inside the horizon are checked
            longest = longest_free((start, start + MINUTES_PER_DAY), busy)
            if longest < rule.min_minutes:
                found.append(
                    Violation(
                        "daily_rest_24h",
                        emp.id,
                        view.date(day),
                        "checker.daily_rest_24h",
                        {"emp": emp.id, "start": view.moment(start), "longest": longest,
                         "minimum": rule.min_minutes},
                    )
                )
    return RuleResult(found, len(found))
