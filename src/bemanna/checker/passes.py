"""The roster read against its instance: each employee's passes on one minute clock.

Inside the checker a time is the number of minutes after 00:00 of the horizon's first day,
read from the roster's absolute date-times (`Assignment.parts`), never from the solver's day
and shift indices. A cyclic horizon of H minutes repeats: a pass at minute t also lies at t ± H.

Assignments the checker cannot read as a pass of the instance (unknown employee or shift,
malformed parts, a start outside the horizon) are left out here; the structural checks report
them (`bemanna.checker.structure`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from bemanna.instance import Instance, ShiftType
from bemanna.instance.rohs import grant_problems, granted_instance
from bemanna.labels.phrases import NOTHING, Phrase, phrase
from bemanna.roster import Assignment, Roster
from bemanna.units import MINUTES_PER_DAY

Interval = tuple[int, int]
"""[start, end) in minutes after the horizon start."""


def minutes_between(origin: dt.datetime, moment: dt.datetime) -> int:
    """Whole minutes from origin to moment (local wall-clock time)."""
    return int((moment - origin).total_seconds()) // 60


@dataclass(frozen=True)
class Pass:
    """One readable assignment: the roster's parts in minutes after the horizon start."""

    assignment: Assignment
    shift: ShiftType
    day: int
    """Day index of the date the first part starts (the pass's date)."""
    parts: tuple[Interval, ...]

    @property
    def employee(self) -> str:
        return self.assignment.employee

    @property
    def shift_id(self) -> str:
        return self.assignment.shift

    @property
    def kind(self) -> str:
        return self.assignment.kind

    @property
    def skill(self) -> str:
        return self.assignment.skill

    @property
    def date(self) -> dt.date:
        return self.assignment.parts[0].start.date()

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def span_minutes(self) -> int:
        """First start to last end; the gap of a split shift is inside the span."""
        return self.end - self.start

    @property
    def worked_minutes(self) -> int:
        return sum(end - start for start, end in self.parts)

    @property
    def paid_minutes(self) -> int:
        """Worked minutes of the parts less the shift type's unpaid break."""
        return self.worked_minutes - self.shift.break_minutes

    @property
    def is_split(self) -> bool:
        return len(self.parts) > 1

    def starting(self, next_cycle: bool = False) -> Phrase:
        """'pass D1 starting 2025-03-05 07:00' (optionally: in the next turn of the cycle),
        in either language (`Phrase.text`)."""
        turn = phrase("checker.next_turn") if next_cycle else NOTHING
        return phrase("checker.starting", shift=self.shift_id, at=self.assignment.start,
                      turn=turn)

    def ending(self) -> Phrase:
        """'pass D1 ending 2025-03-05 15:30', in either language."""
        return phrase("checker.ending", shift=self.shift_id, at=self.assignment.end)


@dataclass
class RosterView:
    """A roster as the checker reads it: passes per instance employee, sorted by start."""

    instance: Instance
    roster: Roster
    passes: dict[str, list[Pass]]
    memo: dict[str, object] = field(default_factory=dict)
    """Values computed once per check (the coverage arrays)."""
    as_given: Instance | None = None
    """The instance before the roster's RÖHS grants (None: the roster grants nothing, or
    grants what the policy does not allow, and `instance` is the instance as given)."""

    @property
    def days(self) -> int:
        return self.instance.horizon.days

    @property
    def horizon_minutes(self) -> int:
        return self.days * MINUTES_PER_DAY

    @property
    def cyclic(self) -> bool:
        return self.instance.horizon.cyclic

    def date(self, day: int) -> dt.date:
        return self.instance.horizon.date(day)

    def moment(self, minute: int) -> dt.datetime:
        """The wall-clock date-time of a minute after the horizon start."""
        return horizon_origin(self.instance) + dt.timedelta(minutes=minute)

    def all_passes(self) -> Iterator[Pass]:
        for passes in self.passes.values():
            yield from passes


def horizon_origin(instance: Instance) -> dt.datetime:
    return dt.datetime.combine(instance.horizon.start, dt.time())


def well_formed(assignment: Assignment) -> bool:
    """At least one part; every part ends after it starts and after the previous part ends."""
    previous_end: dt.datetime | None = None
    for part in assignment.parts:
        if part.end <= part.start or (previous_end is not None and part.start < previous_end):
            return False
        previous_end = part.end
    return bool(assignment.parts)


def read_pass(instance: Instance, assignment: Assignment) -> Pass | None:
    """The assignment as a pass of the instance, or None when it cannot be read as one."""
    shift = instance.shift.get(assignment.shift)
    if assignment.employee not in instance.employee or shift is None:
        return None
    if not well_formed(assignment):
        return None
    day = instance.horizon.day_of(assignment.parts[0].start.date())
    if day is None:
        return None
    origin = horizon_origin(instance)
    parts = tuple(
        (minutes_between(origin, p.start), minutes_between(origin, p.end)) for p in assignment.parts
    )
    return Pass(assignment, shift, day, parts)


def read_roster(instance: Instance, roster: Roster) -> RosterView:
    """Every readable assignment as a pass, grouped per instance employee, sorted by start.

    The view's instance carries the employment rates the roster grants (RÖHS, docs/resurstid.md)
    when the policy allows them (the `rohs` check reports them otherwise), so every contract
    and salary is that of the granted rate."""
    rates = roster.employment_rates()
    given = instance
    if rates and not grant_problems(instance, rates):
        instance = granted_instance(instance, rates)
    passes: dict[str, list[Pass]] = {e.id: [] for e in instance.employees}
    for assignment in roster.assignments:
        found = read_pass(instance, assignment)
        if found is not None:
            passes[found.employee].append(found)
    for own in passes.values():
        own.sort(key=lambda p: (p.start, p.end))
    return RosterView(instance, roster, passes, as_given=None if given is instance else given)


# --- time helpers shared by the rules -------------------------------------------------------


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def duration(minutes: int) -> str:
    """570 -> '9 h 30 min', 660 -> '11 h', 45 -> '45 min', -30 -> '-30 min'."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


class Following(NamedTuple):
    """A pass and the employee's next pass; `shift` is the horizon length when the next pass
    is the first pass of the next turn of a cyclic schedule, else 0."""

    previous: Pass
    next: Pass
    shift: int

    @property
    def rest_minutes(self) -> int:
        """The time from the end of the previous pass to the start of the next."""
        return self.next.start + self.shift - self.previous.end


def following(passes: list[Pass], cyclic: bool, horizon_minutes: int) -> list[Following]:
    """Consecutive pairs of an employee's passes (sorted by start).

    Cyclic: the last pass is followed by the first pass shifted by the horizon length.
    """
    pairs = [Following(a, b, 0) for a, b in itertools.pairwise(passes)]
    if cyclic and passes:
        pairs.append(Following(passes[-1], passes[0], horizon_minutes))
    return pairs


def busy_spans(passes: list[Pass], cyclic: bool, horizon_minutes: int) -> list[Interval]:
    """The spans (first start to last end) of the passes, sorted; a split shift's gap is not
    rest. Cyclic: each span also lies one horizon earlier and one later."""
    shifts = (-horizon_minutes, 0, horizon_minutes) if cyclic else (0,)
    return sorted((p.start + s, p.end + s) for p in passes for s in shifts)


def longest_free(window: Interval, busy: list[Interval]) -> int:
    """Length of the longest interval inside window that no busy interval touches."""
    first, last = window
    longest = 0
    free_from = first
    for start, end in sorted(busy):
        if end <= first or start >= last:
            continue
        longest = max(longest, start - free_from)
        free_from = max(free_from, end)
    return max(longest, last - free_from)


class Run(NamedTuple):
    """A maximal run of days alike (all working, or all off)."""

    first_day: int
    length: int
    touches_border: bool
    """Includes day 0 or the last day of a non-cyclic horizon."""


def runs(flags: list[bool], cyclic: bool) -> list[Run]:
    """Maximal runs of True in flags. Cyclic: a run through the last day continues into day 0
    (and a horizon of only True is one run of the horizon's length)."""
    days = len(flags)
    if days == 0:
        return []
    if all(flags):
        return [Run(0, days, not cyclic)]
    found: list[Run] = []
    # Start scanning just after a False day so that a wrapping run is read in one piece.
    begin = flags.index(False) + 1 if cyclic else 0
    length = 0
    for step in range(days):
        day = (begin + step) % days if cyclic else step
        if flags[day]:
            length += 1
            continue
        if length:
            found.append(_run((day - length) % days, length, days, cyclic))
        length = 0
    if length:
        end = (begin + days) % days if cyclic else days
        found.append(_run((end - length) % days, length, days, cyclic))
    return sorted(found)


def _run(first_day: int, length: int, days: int, cyclic: bool) -> Run:
    border = not cyclic and (first_day == 0 or first_day + length == days)
    return Run(first_day, length, border)
