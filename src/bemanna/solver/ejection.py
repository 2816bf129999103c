"""Ejection moves on the greedy roster: cover need the sweep left open by moving passes.

The day-by-day sweep (`construct.py`) cannot see the future: by the last days of a cycle the
staff who could work an open night have spent their hours or their rest on earlier days that
were already covered. Here, for every pass that would still cover need, an employee who may
work it either takes it as it is, or gives up one of their own passes within a week of it —
a resurspass or a pass that covers little — when the need covered gains more than the need
given up and the line keeps every rule (`Line.fits`, lower bounds no worse than before).

Bounded by a deadline; plain Python like the greedy.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from bemanna.solver.assignment import RESURS
from bemanna.solver.index import PassOption
from bemanna.solver.lines import Line

if TYPE_CHECKING:
    from bemanna.solver.construct import Greedy

WINDOW_DAYS = 7
"""A pass given up lies at most this many days from the one taken."""
MIN_GAIN = 0.2
"""A pass is worth moving to when it covers at least this share of its minutes of need."""
CANDIDATES = 12
"""Employees tried per open pass (best pace score first)."""
ROUNDS = 6


def eject(g: Greedy, deadline: float) -> int:
    """Move passes to open need until no move helps, `ROUNDS` passes over the horizon or the
    deadline (monotonic clock); returns the number of moves made."""
    moves = 0
    for _ in range(ROUNDS):
        made = 0
        for day in range(g.index.days):
            if time.monotonic() > deadline:
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
    for _, _, line, opt in ranked:
        if line.fits(opt):
            g.place(line, opt, skill)
            return True
    return any(_swap(g, line, opt, skill) for _, _, line, opt in ranked)


def _swap(g: Greedy, line: Line, opt: PassOption, skill: str) -> bool:
    """Give up the line's nearby pass that covers least, if that lets `opt` in with a net
    gain; the line's counts are tried without touching the coverage arrays."""
    gain = g.value(opt, skill)
    short_before = g.below_minimum(line)
    emp = line.emp.id
    days = g.index.days
    losses = []
    for day, old in line.passes.items():
        distance = abs(day - opt.day)
        if min(distance, days - distance) > WINDOW_DAYS or (emp, day) in g.index.forced:
            continue
        role = g.roles[(emp, day, old.shift.id)]
        loss = 0.0 if role == RESURS else g.held(old, role)
        if loss < gain:
            losses.append((loss, day, old))
    for _, day, old in sorted(losses, key=lambda t: (t[0], t[1])):
        line.remove(day)
        ok = line.fits(opt)
        if ok:
            line.add(opt)
            ok = short_before or not g.below_minimum(line)
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
        kept = 0.0 if role == RESURS else g.value(old, role)
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
