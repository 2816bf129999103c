"""Topping lines up to their hours after the greedy's sweep (`construct.py`).

- `useful_top_up`: employees below their contract target, most behind first, get the passes
  anywhere in the horizon that cover most need, while one helps;
- `top_up`: a line still below a lower bound (contract hours, total minutes) gets the
  fitting passes that help most (resurspass where none covers need), and longer passes on
  days it already works when no day is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bemanna.solver.assignment import RESURS
from bemanna.solver.lines import Line

if TYPE_CHECKING:
    from bemanna.solver.construct import Greedy

TOP_UP_ROUNDS = 3
"""Rankings of a line's options before giving up (each followed by swaps to longer passes)."""


def useful_top_up(g: Greedy) -> None:
    """Employees below their contract target, most behind first, get the passes anywhere
    in the horizon that cover most need (values ranked once per employee, checked again
    just before placing), while one helps."""
    for emp in sorted(g.lines, key=lambda e: (-g.behind(g.lines[e]), e)):
        line = g.lines[emp]
        if g.behind(line) <= 0:
            continue
        ranked = []
        for d in range(g.index.days):
            if d in line.passes:
                continue
            for opt in g.index.day_options(emp, d):
                role, v = g.best_role(opt)
                if role != RESURS and v > 0:
                    ranked.append((v, d, opt.shift.id, opt))
        ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
        for _, _, _, opt in ranked:
            if g.behind(line) <= 0:
                break
            if opt.day in line.passes or not line.fits(opt):
                continue
            role, v = g.best_role(opt)
            if role != RESURS and v > 0:
                g.place(line, opt, role)


def top_up(g: Greedy, line: Line) -> None:
    """Passes anywhere in the horizon (in the periods short of hours) until the line
    reaches its lower bounds; options ranked once a round, longer passes swapped in when
    no day is left."""
    emp = line.emp.id
    for _ in range(TOP_UP_ROUNDS):
        if not below_minimum(line):
            return
        short = [n for n, (p, low) in enumerate(zip(line.paid, line.low, strict=True))
                 if p < low]
        ranked = []
        for d in range(g.index.days):
            if d in line.passes or (short and line.period_of(d) not in short):
                continue
            for opt in g.index.day_options(emp, d):
                _, v = g.best_role(opt)
                v += g.wishes.get((emp, d, opt.shift.id), 0.0)
                v += g.wishes.get((emp, d, ""), 0.0)
                ranked.append((v, d, opt.shift.id, opt))
        ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
        placed = False
        for _, _, _, opt in ranked:
            if not below_minimum(line):
                return
            if opt.day not in line.passes and line.fits(opt):
                g.place(line, opt, g.best_role(opt)[0])
                placed = True
        if not placed and not _lengthen(g, line, short):
            return


def below_minimum(line: Line) -> bool:
    """Below the contract's or the total's lower bound (hard or not)."""
    return line.short_of_minimum() or any(
        p < low for p, low in zip(line.paid, line.low, strict=True))


def _lengthen(g: Greedy, line: Line, periods: list[int]) -> bool:
    """Swap the line's passes for longer ones on the same days (those that help
    coverage most first) until it reaches its lower bounds; False when no swap keeps
    the rules."""
    emp = line.emp.id
    paid = line.view.paid
    swaps = []
    for day, old in line.passes.items():
        if (emp, day) in g.index.forced or (periods and line.period_of(day) not in periods):
            continue
        for opt in g.index.day_options(emp, day):
            if paid[opt.shift.id] > paid[old.shift.id]:
                role, v = g.best_role(opt)
                swaps.append((v, day, opt.shift.id, opt, role))
    swaps.sort(key=lambda t: (-t[0], t[1], t[2]))
    swapped = False
    for _, day, _, opt, role in swaps:
        if not below_minimum(line):
            break
        current = line.passes.get(day)
        if current is None or paid[opt.shift.id] <= paid[current.shift.id]:
            continue
        old_role = g.unplace(line, current)
        if line.fits(opt):
            g.place(line, opt, role)
            swapped = True
        else:
            g.place(line, current, old_role)
    return swapped
