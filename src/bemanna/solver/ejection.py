"""Ejection moves on the greedy roster: cover need the sweep left open by moving passes.

The day-by-day sweep (`construct.py`) cannot see the future: by the last days of a cycle the
staff who could work an open night have spent their hours or their rest on earlier days that
were already covered. Here, for every pass that would still cover need, an employee who may
work it either takes it as it is, or gives up one of their own passes within a week of it —
a resurspass or a pass that covers little — when the need covered gains more than the need
given up and the line keeps every rule (`Line.fits`, lower bounds no worse than before).

Bounded by an effort budget (passes tried), not by the clock, so that a roster does not
depend on the machine's load (a deterministic time limit gives the same roster every run).
Plain Python like the greedy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bemanna.solver.index import PassOption
from bemanna.solver.lines import Line
from bemanna.solver.topup import below_minimum

if TYPE_CHECKING:
    from bemanna.solver.construct import Greedy

WINDOW_DAYS = 7
"""A pass given up lies at most this many days from the one taken."""
MIN_GAIN = 0.2
"""A pass is worth moving to when it covers at least this share of its minutes of need."""
CANDIDATES = 12
"""Employees tried per open pass (best pace score first)."""
ROUNDS = 6


TRIES_PER_SECOND = 100_000
"""Effort budget per second of `eject`'s nominal time (passes tried; about a second of
work on a quiet core)."""


class Effort:
    """Passes tried so far against a budget."""

    def __init__(self, budget: int) -> None:
        self.left = budget

    def spend(self, tries: int) -> bool:
        """Book `tries`; False once the budget is spent."""
        self.left -= tries
        return self.left > 0


def eject(g: Greedy, seconds: float, halt: Callable[[], bool] | None = None) -> int:
    """Move passes to open need until no move helps, `ROUNDS` passes over the horizon or
    the effort of about `seconds` is spent, or `halt()` says stop (the search's time is up
    or it was interrupted: a wall-clock check that only a heavily loaded machine reaches);
    returns the number of moves made."""
    effort = Effort(int(seconds * TRIES_PER_SECOND))
    g.effort = effort
    moves = 0
    for _ in range(ROUNDS):
        made = 0
        for day in range(g.index.days):
            if effort.left <= 0 or (halt is not None and halt()):
                return moves + made
            made += _open_day(g, day) + _reshape_day(g, day)
        moves += made
        if not made:
            break
    return moves


def _open_day(g: Greedy, day: int) -> int:
    made = 0
    kinds: dict[tuple[str, str], PassOption] = {}
    for _, opt in g.by_day.get(day, []):
        for skill in opt.roles:
            kinds.setdefault((opt.shift.id, skill), opt)
    for (sid, skill), sample in sorted(kinds.items(), key=lambda item: item[0]):
        while g.value(sample, skill) > MIN_GAIN * g.worked[sid]:
            if not _take(g, day, sid, skill):
                break
            made += 1
    return made


def _take(g: Greedy, day: int, sid: str, skill: str) -> bool:
    """Give the open pass to the first employee who can take it, with or without giving up
    one of their own passes."""
    ranked = sorted(((g.score(line, opt), line.emp.id, line, opt)
                     for line, opt in g.by_day.get(day, [])
                     if opt.shift.id == sid and skill in opt.roles and day not in line.passes),
                    key=lambda t: (-t[0], t[1]))[:CANDIDATES]
    g.effort.spend(len(ranked))
    for _, _, line, opt in ranked:
        if line.fits(opt):
            g.place(line, opt, skill)
            return True
    return any(_swap(g, line, opt, skill) for _, _, line, opt in ranked)


def _swap(g: Greedy, line: Line, opt: PassOption, skill: str) -> bool:
    """Give up the line's nearby pass that covers least, if that lets `opt` in with a net
    gain; the line's counts are tried without touching the coverage arrays."""
    gain = g.value(opt, skill)
    short_before = below_minimum(line)
    emp = line.emp.id
    days = g.index.days
    losses = []
    for day, old in line.passes.items():
        distance = abs(day - opt.day)
        if min(distance, days - distance) > WINDOW_DAYS or (emp, day) in g.index.forced:
            continue
        role = g.roles[(emp, day, old.shift.id)]
        loss = g.held(old, role)
        if loss < gain:
            losses.append((loss, day, old))
    g.effort.spend(len(losses))
    for _, day, old in sorted(losses, key=lambda t: (t[0], t[1])):
        line.remove(day)
        ok = line.fits(opt) and line.runs_ok_without(day)
        if ok:
            line.add(opt)
            ok = short_before or not below_minimum(line)
            line.remove(opt.day)
        line.add(old)
        if ok:
            g.unplace(line, old)
            g.place(line, opt, skill)
            return True
    return False


def _reshape_day(g: Greedy, day: int) -> int:
    """Each pass of the day becomes another shift type or role of the same day when that
    covers more need (e.g. an evening pass that ends later where the evening is open)."""
    made = 0
    for line in {id(line): line for line, _ in g.by_day.get(day, [])}.values():
        old = line.passes.get(day)
        if old is None or (line.emp.id, day) in g.index.forced:
            continue
        role = g.unplace(line, old)
        g.effort.spend(len(g.index.day_options(line.emp.id, day)))
        kept = g.value(old, role)
        best: tuple[float, PassOption, str] = (kept + 1.0, old, role)
        for opt in g.index.day_options(line.emp.id, day):
            if opt is old:
                continue
            new_role, gain = g.best_role(opt)
            if gain > best[0] and line.fits(opt):
                best = (gain, opt, new_role)
        g.place(line, best[1], best[2] if best[1] is not old else role)
        made += best[1] is not old
    return made
