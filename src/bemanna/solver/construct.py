"""The constructive first roster: a fast greedy, coverage-driven, rest- and contract-aware.

Day by day (cyclic horizons wrap, so the sweep's start does not matter), the pass that covers
the most still-uncovered need is placed, in the skill it covers, on the employee who is most
behind their contract pace and whose line keeps its rules with it (`lines.Line.fits`); then
employees still behind pace get the pass of that day that helps coverage most, or a
resurspass. Employees left below their contract's (or total minutes') lower bound are topped
up over the whole horizon. Lines that still miss a lower bound or a minimum run are returned
as `doubtful`: the search re-solves just those with CP-SAT (`repair.py`). The roster is
priced on the full model before it is used, so a slip here can cost time but never a
broken rule.

Before the top-up, ejection moves (`ejection.py`) give open need to employees who can take it
by giving up a nearby pass that covers less. Plain Python and numpy (times in
benchmarks/RESULTS.md).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bemanna.instance.model import Instance
from bemanna.solver.absence_ledger import AbsenceLedger
from bemanna.solver.assignment import RESURS, Assignment
from bemanna.solver.ejection import Effort, eject
from bemanna.solver.index import Index, PassOption
from bemanna.solver.lines import Line, RuleView
from bemanna.solver.topup import top_up, useful_top_up
from bemanna.solver.value_memo import ValueMemo
from bemanna.tariff.clock import ObClock
from bemanna.units import MINUTES_PER_DAY

DESIRED_WEIGHT = 0.1
"""A minute up to the desired level is worth this share of a minute of minimum need."""
IDLE_WEIGHT = 0.6
"""A worked minute that covers no need costs this share of a covered minute (stranded time
at the wage against need bought at 450-500 SEK/h). Measured with 3 s of ejection moves:
care home 592 / 535 / 520 k SEK at 0.3 / 0.6 / 0.9, LSS group home 138 / 127 / 130 k."""
KEEP_PACE = False
EJECT = True
ABSENCE_VALUE = True
"""A resurspass is worth the expected absence it covers (`absence_ledger.py`); off, it is
worth nothing and only takes hours no ordinary pass could use (as before 2026-12-07)."""
SEK_PER_MINUTE = 7.5
"""Nominal price of an uncovered minute (450 SEK/h), to weigh per-pass prices (shift cover)
against minutes of need."""
WISH_SCALE = 2.0
"""A wish's price in SEK counts this many minutes of contract pace when choosing employees."""
CONTINUE_BONUS = 240.0
"""Where days off come in blocks (a minimum run of days off), an employee who worked the day
before is preferred by this many pace minutes: short runs between long breaks waste the
days a line can work. Measured on Curtois, lines the greedy leaves in doubt at 0 / 240 /
1000: Instance13 9 / 5 / 1, Instance20 35 / 35 / 39, Instance5 3 / 4 / 5."""
MUST_CONTINUE = 100_000.0
"""Score of an employee whose run of working days is still below its minimum."""
SKILL_PENALTY = 60.0
"""Employees with fewer skills are used first (per extra skill, in pace minutes)."""


@dataclass
class Construction:
    """Outcome of the greedy: the roster as decisions, and the employees whose lines may
    still break a lower bound or a minimum run."""

    assignment: Assignment
    doubtful: set[str] = field(default_factory=set)


class Greedy:
    def __init__(self, index: Index, need: dict[str, tuple[np.ndarray, np.ndarray]],
                 seed: int = 0, eject_seconds: float = 1.0,
                 halt: Callable[[], bool] | None = None) -> None:
        self.eject_seconds = eject_seconds
        self.halt = halt
        self.moves = 0
        self.effort = Effort(0)
        self.memo = ValueMemo()
        self.touched: dict[tuple[int, str], tuple[int, ...]] = {}
        self.index = index
        self.inst: Instance = index.instance
        self.rng = random.Random(seed)
        view = RuleView.of(self.inst)
        scope = index.scope
        self.lines = {e.id: Line(e, index, view) for e in self.inst.employees
                      if scope is None or e.id in scope}
        self.size = index.horizon_minutes
        self.short = {k: need[k][0].astype(np.int32) for k in need if not k.startswith("tariff")}
        self.below = {k: need[k][1].astype(np.int32) for k in need if not k.startswith("tariff")}
        self.roles: Assignment = {}
        self.by_day: dict[int, list[tuple[Line, PassOption]]] = {}
        for (emp, day), options in index.options.items():
            if emp in self.lines:
                self.by_day.setdefault(day, []).extend((self.lines[emp], o) for o in options)
        self.by_shift: dict[tuple[int, str], list[tuple[Line, PassOption]]] = {}
        for day, pairs in self.by_day.items():
            for line, opt in pairs:
                self.by_shift.setdefault((day, opt.shift.id), []).append((line, opt))
        self.wishes = _wishes(self.inst)
        self.shift_cover: dict[tuple[int, str], list[float]] = {}
        for entry in self.inst.shift_demand:
            found = self.inst.horizon.day_of(entry.date)
            if found is not None:
                self.shift_cover[(found, entry.shift)] = [
                    float(entry.required), float(entry.weight_under_sek),
                    float(entry.weight_over_sek)]
        self.idle = {k: IDLE_WEIGHT if bool(self.short[k].any()) else 0.0 for k in self.short}
        self.targets = {e: max(1, sum(p.target_minutes for p in line.periods))
                        for e, line in self.lines.items()}
        self.position = 0
        self.worked = {s.id: s.worked_minutes for s in self.inst.shift_types}
        clock = need.get("tariff:clock")
        self.ledger = AbsenceLedger(self.inst, need, self.size, 100 * SEK_PER_MINUTE,
                                    clock if isinstance(clock, ObClock) else None)

    # -- coverage arithmetic -------------------------------------------------------------
    def _spans(self, opt: PassOption) -> list[tuple[int, int]]:
        base = opt.day * MINUTES_PER_DAY
        out = []
        for a, b in opt.shift.offsets:
            start, end = base + a, base + b
            if self.index.cyclic:
                start %= self.size
                end = start + (b - a)
                if end > self.size:
                    out += [(start, self.size), (0, end - self.size)]
                    continue
            if start < self.size:
                out.append((start, min(end, self.size)))
        return out

    def value(self, opt: PassOption, skill: str) -> float:
        """Need covered by the pass in `skill`, less a little for idle minutes (a
        resurspass: the expected absence it would cover)."""
        if skill == RESURS:
            return self.ledger.value(opt, self._spans(opt)) if ABSENCE_VALUE else 0.0
        extra = 0.0
        cover = self.shift_cover.get((opt.day, opt.shift.id))
        if cover is not None:
            extra = (cover[1] if cover[0] > 0 else -cover[2]) / SEK_PER_MINUTE
        short, below = self.short.get(skill), self.below.get(skill)
        worked = self.worked[opt.shift.id]
        if short is None or below is None:
            return extra
        needed = wanted = 0
        for a, b in self._spans(opt):
            needed += int(np.count_nonzero(short[a:b] > 0))
            wanted += int(np.count_nonzero(below[a:b] > 0))
        return (extra + needed + DESIRED_WEIGHT * (wanted - needed)
                - self.idle[skill] * (worked - wanted))

    def held(self, opt: PassOption, skill: str) -> float:
        """What the placed pass `opt` covers in `skill`: `value` as if it were taken out."""
        if skill == RESURS:
            return self.ledger.value(opt, self._spans(opt), held=True) if ABSENCE_VALUE else 0.0
        extra = 0.0
        cover = self.shift_cover.get((opt.day, opt.shift.id))
        if cover is not None:
            extra = (cover[1] if cover[0] >= 0 else -cover[2]) / SEK_PER_MINUTE
        short, below = self.short.get(skill), self.below.get(skill)
        if short is None or below is None:
            return extra
        needed = wanted = 0
        for a, b in self._spans(opt):
            needed += int(np.count_nonzero(short[a:b] >= 0))
            wanted += int(np.count_nonzero(below[a:b] >= 0))
        return (extra + needed + DESIRED_WEIGHT * (wanted - needed)
                - self.idle[skill] * (self.worked[opt.shift.id] - wanted))

    def best_role(self, opt: PassOption) -> tuple[str, float]:
        """The role worth most: a skill by the need it covers, or a resurspass by the
        expected absence it covers (a pinned resurspass has no skill role)."""
        role, best = RESURS, -float("inf")
        for skill in opt.roles:
            v = self._memo_value(opt, skill)
            if v > best:
                role, best = skill, v
        if opt.resurs and self.inst.resurspass:
            kept = self._memo_value(opt, RESURS)
            if kept > best or best <= 0:
                return RESURS, kept
        return role, best

    def _memo_value(self, opt: PassOption, role: str) -> float:
        name = self._memo_role(opt, role)
        key = (opt.day, opt.shift.id, name)
        stamp = self.memo.stamp(name, self._days(opt), self._cover_day(opt))
        known = self.memo.get(key, stamp)
        if known is not None:
            return known
        v = self.value(opt, role)
        self.memo.put(key, stamp, v)
        return v

    def _memo_role(self, opt: PassOption, role: str) -> str:
        return role if role != RESURS else RESURS + str(self.ledger.skill_of(opt))

    def _days(self, opt: PassOption) -> tuple[int, ...]:
        """The days whose minutes the pass touches."""
        key = (opt.day, opt.shift.id)
        found = self.touched.get(key)
        if found is None:
            found = self.touched[key] = tuple(sorted({
                d for a, b in self._spans(opt)
                for d in range(a // MINUTES_PER_DAY, (b - 1) // MINUTES_PER_DAY + 1)}))
        return found

    def _cover_day(self, opt: PassOption) -> int | None:
        return opt.day if (opt.day, opt.shift.id) in self.shift_cover else None

    def _changed(self, opt: PassOption, role: str) -> None:
        cover = None if role == RESURS else self._cover_day(opt)
        self.memo.changed(self._memo_role(opt, role), self._days(opt), cover)

    def place(self, line: Line, opt: PassOption, role: str) -> None:
        line.add(opt)
        self.roles[(line.emp.id, opt.day, opt.shift.id)] = role
        self._changed(opt, role)
        if role == RESURS:
            self.ledger.book(opt, self._spans(opt), 1)
            return
        cover = self.shift_cover.get((opt.day, opt.shift.id))
        if cover is not None:
            cover[0] -= 1
        if role not in self.short:
            return
        for a, b in self._spans(opt):
            self.short[role][a:b] -= 1
            self.below[role][a:b] -= 1

    # -- choosing employees --------------------------------------------------------------
    def behind(self, line: Line) -> float:
        """Minutes the line is behind an even pace through the horizon (negative: ahead)."""
        share = (self.position + 1) / self.index.days
        return self.targets[line.emp.id] * share - line.total

    def score(self, line: Line, opt: PassOption) -> float:
        emp = line.emp.id
        s = self.behind(line) - SKILL_PENALTY * (len(line.emp.skills) - 1)
        if line.open_short_run(opt.day):
            s += MUST_CONTINUE
        elif line.limits.min_off > 1 and line.pass_at(opt.day - 1) is not None:
            s += CONTINUE_BONUS
        s += self.wishes.get((emp, opt.day, opt.shift.id), 0.0)
        s += self.wishes.get((emp, opt.day, ""), 0.0)
        return s + self.rng.random()

    def pick(self, day: int, sid: str, skill: str) -> tuple[Line, PassOption] | None:
        ranked = sorted(((self.score(line, opt), line.emp.id, line, opt)
                         for line, opt in self.by_shift.get((day, sid), [])
                         if skill in opt.roles and opt.day not in line.passes),
                        key=lambda t: (-t[0], t[1]))
        for _, _, line, opt in ranked:
            if line.fits(opt):
                return line, opt
        return None

    # -- phases --------------------------------------------------------------------------
    def run(self) -> Construction:
        for (emp, day), sid in self.index.forced.items():
            if emp in self.lines:
                opt = next(o for o in self.index.options[(emp, day)] if o.shift.id == sid)
                self.place(self.lines[emp], opt, self.best_role(opt)[0])
        for day in range(self.index.days):
            self.position = day
            self._cover(day)
            self._keep_pace(day)
        self.position = self.index.days - 1
        for line in self.lines.values():
            line.complete = True
        useful_top_up(self)
        if EJECT:
            self.moves = eject(self, self.eject_seconds, self.halt)
        for line in self.lines.values():
            top_up(self, line)
        doubtful = {e for e, line in self.lines.items()
                    if line.short_of_minimum() or line.bad_runs()}
        return Construction(self.roles, doubtful)

    def _cover(self, day: int) -> None:
        """Place the pass covering the most need (per worked minute) until no pass helps or
        nobody can work it. A pass's value only falls as passes are placed, so values are
        kept in a heap and only the top one is brought up to date (lazy greedy)."""
        candidates: dict[tuple[str, str], PassOption] = {}
        for _, opt in self.by_day.get(day, []):
            for skill in opt.roles:
                candidates.setdefault((opt.shift.id, skill), opt)
        heap = [(-self._rate(opt, key[1]), key) for key, opt in sorted(candidates.items())]
        heapq.heapify(heap)
        while heap:
            stale, key = heapq.heappop(heap)
            if -stale <= 0:
                return
            opt = candidates[key]
            rate = self._rate(opt, key[1])
            if heap and rate < -heap[0][0]:
                heapq.heappush(heap, (-rate, key))  # no longer the best: look again later
                continue
            if rate <= 0:
                return
            found = self.pick(day, *key)
            if found is None:
                continue
            self.place(found[0], found[1], key[1])
            heapq.heappush(heap, (-self._rate(opt, key[1]), key))

    def _rate(self, opt: PassOption, skill: str) -> float:
        return self.value(opt, skill) / max(1, self.worked[opt.shift.id])

    def _keep_pace(self, day: int) -> None:
        """Employees more than half a pass behind pace work the day's most useful pass."""
        by_line: dict[str, list[PassOption]] = {}
        for line, opt in self.by_day.get(day, []):
            if day not in line.passes:
                by_line.setdefault(line.emp.id, []).append(opt)
        for emp in sorted(by_line):
            line = self.lines[emp]
            options = by_line[emp]
            half = min(line.view.paid[o.shift.id] for o in options) / 2
            if not line.open_short_run(day) and (not KEEP_PACE or self.behind(line) < half):
                continue
            self._best_fit(line, options)

    def _best_fit(self, line: Line, options: list[PassOption], useful: bool = False) -> bool:
        """Place the fitting option that helps most (`useful`: only one that covers need)."""
        ranked = []
        for opt in options:
            role, v = self.best_role(opt)
            if useful and (role == RESURS or v <= 0):
                continue
            v += self.wishes.get((line.emp.id, opt.day, opt.shift.id), 0.0)
            v += self.wishes.get((line.emp.id, opt.day, ""), 0.0)
            ranked.append((v, opt.day, opt.shift.id, opt, role))
        ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
        for _, _, _, opt, role in ranked:
            if line.fits(opt):
                self.place(line, opt, role)
                return True
        return False

    def unplace(self, line: Line, opt: PassOption) -> str:
        """Take a pass back out; returns the role it was worked in."""
        line.remove(opt.day)
        role = self.roles.pop((line.emp.id, opt.day, opt.shift.id))
        self._changed(opt, role)
        if role == RESURS:
            self.ledger.book(opt, self._spans(opt), -1)
        cover = self.shift_cover.get((opt.day, opt.shift.id))
        if cover is not None and role != RESURS:
            cover[0] += 1
        if role != RESURS and role in self.short:
            for a, b in self._spans(opt):
                self.short[role][a:b] += 1
                self.below[role][a:b] += 1
        return role


def _wishes(inst: Instance) -> dict[tuple[str, int, str], float]:
    """Score changes for wishes: (employee, day, shift or '' for the day) -> bonus."""
    out: dict[tuple[str, int, str], float] = {}
    for emp in inst.employees:
        for wish in emp.wishes:
            day = inst.horizon.day_of(wish.date)
            if day is None:
                continue
            weight = WISH_SCALE * float(wish.weight_sek)
            if wish.kind == "day_off":
                out[(emp.id, day, "")] = out.get((emp.id, day, ""), 0.0) - weight
            elif wish.shift is not None:
                sign = 1.0 if wish.kind == "shift_on" else -1.0
                key = (emp.id, day, wish.shift)
                out[key] = out.get(key, 0.0) + sign * weight
    return out


EJECT_SHARE, EJECT_MIN_SECONDS, EJECT_MAX_SECONDS = 0.03, 0.2, 0.3
"""Effort for the ejection moves in nominal seconds: a share of the time limit, within
bounds (care home: the moves converge after 100-170 moves, about 0.3 nominal seconds; first
roster 486 575 SEK at 0.3, 484 302 at 0.5 and beyond, but 0.3 s later). At most 0.3 keeps
the first roster within 2 s on the care home at any limit; block search does the rest."""


def ejection_seconds(time_limit: float) -> float:
    return min(EJECT_MAX_SECONDS, max(EJECT_MIN_SECONDS, EJECT_SHARE * time_limit))


def construct(index: Index, need: dict[str, tuple[np.ndarray, np.ndarray]],
              seed: int = 0, eject_seconds: float = 1.0,
              halt: Callable[[], bool] | None = None) -> Construction:
    """The greedy first roster over `index` (need per skill and minute, as the coverage
    builder caches it), with about `eject_seconds` of ejection moves (fewer when `halt()`
    turns true)."""
    return Greedy(index, need, seed, eject_seconds, halt).run()
