"""Day-pattern rules: runs of working days and days off, weekends, split shifts, limits on a
shift type, forbidden successions.

A working day is a date on which one of the employee's passes starts (ordinary or resurs); a
day off is a date on which none starts. Cyclic horizons wrap from the last day into day 0.
"""

from __future__ import annotations

from bemanna.checker.passes import Pass, RosterView, Run, runs
from bemanna.checker.report import NOTHING, RuleResult, Violation
from bemanna.labels.phrases import NOTHING as ABSENT
from bemanna.labels.phrases import Counted, Phrase, phrase


def working_days(view: RosterView, employee: str) -> list[bool]:
    """For each day of the horizon: does one of the employee's passes start on it?"""
    flags = [False] * view.days
    for p in view.passes[employee]:
        flags[p.day] = True
    return flags


def _run_phrase(view: RosterView, run: Run, noun: str) -> Phrase:
    """'4 working days in a row, 2025-03-07 – 2025-03-10' (noun: working_day or day_off)."""
    last = (run.first_day + run.length - 1) % view.days
    count = Counted(run.length, noun)
    if run.length == 1:
        return phrase("checker.run.one", count=count, first=view.date(run.first_day))
    wraps = run.first_day + run.length > view.days
    return phrase("checker.run.many", count=count, first=view.date(run.first_day),
                  last=view.date(last), turn=phrase("checker.across_turn") if wraps else ABSENT)


def max_split_shifts(view: RosterView) -> RuleResult:
    """Split passes per employee over the horizon <= max. Unit: one split pass above max."""
    rule = view.instance.rules.max_split_shifts
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    units = 0
    for emp, passes in view.passes.items():
        limit = rule.per_employee.get(emp, rule.max)
        split = [p for p in passes if p.is_split]
        if len(split) > limit:
            units += len(split) - limit
            found.append(
                Violation(
                    "max_split_shifts",
                    emp,
                    split[limit].date,
                    "checker.max_split_shifts",
                    {"emp": emp, "count": Counted(len(split), "split_pass"), "limit": limit,
                     "shift": split[limit].shift_id, "date": split[limit].date},
                )
            )
    return RuleResult(found, units)


def max_consecutive_days(view: RosterView) -> RuleResult:
    """Every maximal run of working days is <= max days long (cyclic: runs wrap).
    Unit: one day above max per run (a run of L days costs L - max)."""
    rule = view.instance.rules.max_consecutive_days
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    units = 0
    for emp in view.passes:
        limit = rule.per_employee.get(emp, rule.max)
        for run in runs(working_days(view, emp), view.cyclic):
            if run.length > limit:
                units += run.length - limit
                found.append(
                    Violation(
                        "max_consecutive_days",
                        emp,
                        view.date(run.first_day),
                        "checker.max_consecutive_days",
                        {"emp": emp, "run": _run_phrase(view, run, "working_day"),
                         "limit": limit},
                    )
                )
    return RuleResult(found, units)


def _short_runs(view: RosterView, rule_id: str, working: bool) -> RuleResult:
    rule = getattr(view.instance.rules, rule_id)
    if not rule.enabled:
        return NOTHING
    noun = "working_day" if working else "day_off"
    found: list[Violation] = []
    for emp in view.passes:
        limit = rule.per_employee.get(emp, rule.min)
        flags = [f == working for f in working_days(view, emp)]
        for run in runs(flags, view.cyclic):
            if run.length < limit and not run.touches_border:
                found.append(
                    Violation(
                        rule_id,
                        emp,
                        view.date(run.first_day),
                        "checker.short_run",
                        {"emp": emp, "run": _run_phrase(view, run, noun), "limit": limit},
                    )
                )
    return RuleResult(found, len(found))


def min_consecutive_days(view: RosterView) -> RuleResult:
    """Every maximal run of working days is >= min days long; non-cyclic: runs that include
    day 0 or the last day are exempt. Unit: one short run."""
    return _short_runs(view, "min_consecutive_days", working=True)


def min_consecutive_days_off(view: RosterView) -> RuleResult:
    """The same for runs of days off. Unit: one short run."""
    return _short_runs(view, "min_consecutive_days_off", working=False)


def max_weekends(view: RosterView) -> RuleResult:
    """Weekends worked <= max; weekend w is days 7w+5 and 7w+6 (Sat, Sun), worked when a pass
    starts on either. Unit: one weekend above max."""
    rule = view.instance.rules.max_weekends
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    units = 0
    for emp in view.passes:
        limit = rule.per_employee.get(emp, rule.max)
        flags = working_days(view, emp)
        worked = [
            w for w in range(view.instance.horizon.weeks) if flags[7 * w + 5] or flags[7 * w + 6]
        ]
        if len(worked) > limit:
            units += len(worked) - limit
            saturdays = [view.date(7 * w + 5) for w in worked]
            found.append(
                Violation(
                    "max_weekends",
                    emp,
                    view.date(7 * worked[limit] + 5),
                    "checker.max_weekends",
                    {"emp": emp, "count": Counted(len(worked), "weekend"), "limit": limit,
                     "saturdays": saturdays},
                )
            )
    return RuleResult(found, units)


def max_shift_passes(view: RosterView) -> RuleResult:
    """For each limit, each employee it names (all when employees is null) works <= max passes
    of the limit's shift. Unit: one pass above max."""
    rule = view.instance.rules.max_shift_passes
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    units = 0
    for limit in rule.limits:
        named = limit.employees if limit.employees is not None else list(view.passes)
        for emp in named:
            of_shift = [p for p in view.passes.get(emp, []) if p.shift_id == limit.shift]
            if len(of_shift) > limit.max:
                units += len(of_shift) - limit.max
                found.append(
                    Violation(
                        "max_shift_passes",
                        emp,
                        of_shift[limit.max].date,
                        "checker.max_shift_passes",
                        {"emp": emp, "count": Counted(len(of_shift), "pass"),
                         "shift": limit.shift, "limit": limit.max},
                    )
                )
    return RuleResult(found, units)


def forbidden_successions(view: RosterView) -> RuleResult:
    """No pass of `first` on a date followed by a pass of one of `then` on the next date
    (cyclic: the last day is followed by day 0). Unit: one occurrence, i.e. one pair of
    passes on consecutive dates, however many listed pairs forbid it."""
    rule = view.instance.rules.forbidden_successions
    if not rule.enabled or not rule.pairs:
        return NOTHING
    found: list[Violation] = []
    for emp, passes in view.passes.items():
        by_day: dict[int, list[Pass]] = {}
        for p in passes:
            by_day.setdefault(p.day, []).append(p)
        for p in passes:
            later = p.day + 1
            if view.cyclic:
                later %= view.days
            next_turn = phrase("checker.next_turn") if later < p.day else ABSENT
            for q in by_day.get(later, []):
                if any(p.shift_id == pair.first and q.shift_id in pair.then for pair in rule.pairs):
                    found.append(
                        Violation(
                            "forbidden_successions",
                            emp,
                            p.date,
                            "checker.forbidden_successions",
                            {"emp": emp, "first": p.shift_id, "first_date": p.date,
                             "then": q.shift_id, "then_date": q.date, "turn": next_turn},
                        )
                    )
    return RuleResult(found, len(found))
