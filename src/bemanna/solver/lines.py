"""One employee's roster line while the constructive heuristic builds it, with the hard rules
that can be checked one pass at a time.

`Line.fits(option)` says whether adding the pass keeps every rule whose breach a pass can
*cause*: rest between passes (and no overlap), forbidden successions, runs longer than the
maximum, weekends, split and per-shift counts, the upper bounds on hours (contract + tolerance,
total minutes, average weekly hours) and rest inside each window (weekly rest, the 24-hour
windows). Soft rules are kept too where that is as easy (a kept soft rule costs nothing).
Rules a pass can only *mend* — contract hours' lower bound, minimum total minutes, minimum
runs of days and days off — are checked on the finished line (`Line.short_of_minimum`,
`Line.bad_runs`); the search repairs such lines with CP-SAT.

Days are real days of the horizon; in a cyclic horizon neighbours wrap (`Index.day_at`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bemanna.instance.contract import ContractPeriod, contract_periods
from bemanna.instance.model import Employee
from bemanna.solver.index import Index, PassOption
from bemanna.solver.line_rules import RuleView, count_limits, runs, total_bounds
from bemanna.units import MINUTES_PER_DAY

WEEK_MINUTES = 7 * MINUTES_PER_DAY


@dataclass
class Line:
    """The passes of one employee so far and the counts the rules bound."""

    emp: Employee
    index: Index
    view: RuleView
    passes: dict[int, PassOption] = field(default_factory=dict)
    periods: list[ContractPeriod] = field(default_factory=list)
    paid: list[int] = field(default_factory=list)
    """Paid minutes per contract period."""
    per_shift: Counter[str] = field(default_factory=Counter)
    weekends: set[int] = field(default_factory=set)
    total: int = 0
    """Paid minutes over the horizon."""
    complete: bool = False
    """The day-by-day sweep is over: a pass added now must join a run long enough."""

    def __post_init__(self) -> None:
        self.periods = contract_periods(self.index.instance, self.emp)
        self.paid = [0] * len(self.periods)
        rules = self.index.instance.rules
        tol = rules.contract_hours.tolerance_minutes
        hours = rules.contract_hours.enabled
        self.low = [max(0, p.target_minutes - tol) if hours else 0 for p in self.periods]
        self.high = [p.target_minutes + tol if hours else 10**9 for p in self.periods]
        self.total_low, self.total_high = total_bounds(self.index.instance, self.emp)
        self.hard_low = hours and rules.contract_hours.mode == "hard"
        if rules.total_minutes.mode != "hard":
            self.total_low = 0
        self.limits = count_limits(self.index.instance, self.emp)

    # -- state -------------------------------------------------------------------------

    def period_of(self, day: int) -> int:
        for n, period in enumerate(self.periods):
            if period.first_day <= day < period.end_day:
                return n
        return len(self.periods) - 1

    def add(self, opt: PassOption) -> None:
        self.passes[opt.day] = opt
        paid = self.view.paid[opt.shift.id]
        self.paid[self.period_of(opt.day)] += paid
        self.total += paid
        self.per_shift[opt.shift.id] += 1
        if opt.day % 7 >= 5:
            self.weekends.add(opt.day // 7)

    def remove(self, day: int) -> None:
        opt = self.passes.pop(day)
        paid = self.view.paid[opt.shift.id]
        self.paid[self.period_of(day)] -= paid
        self.total -= paid
        self.per_shift[opt.shift.id] -= 1
        if day % 7 >= 5 and not any(d in self.passes for d in (7 * (day // 7) + 5,
                                                                7 * (day // 7) + 6)):
            self.weekends.discard(day // 7)

    def pass_at(self, unwrapped: int) -> tuple[PassOption, int] | None:
        """The pass on an unwrapped day and the shift in days to reach it."""
        located = self.index.day_at(unwrapped)
        if located is None:
            return None
        opt = self.passes.get(located[0])
        return None if opt is None else (opt, located[1])

    # -- checks ------------------------------------------------------------------------
    def fits(self, opt: PassOption) -> bool:
        """Adding `opt` keeps every rule a pass can break (module docstring)."""
        day = opt.day
        if day in self.passes:
            return False
        period = self.period_of(day)
        paid = self.view.paid[opt.shift.id]
        if self.paid[period] + paid > self.high[period] or self.total + paid > self.total_high:
            return False
        if not self._counts_ok(opt):
            return False
        if not self._neighbours_ok(opt) or not self._days_off_ok(day) or \
                not self._run_can_grow(day, paid) or not self.runs_ok_with(day):
            return False
        if self.limits.max_run < self.index.days and self._run_through(day) > self.limits.max_run:
            return False
        return self._windows_ok(opt)

    def _counts_ok(self, opt: PassOption) -> bool:
        limits = self.limits
        if opt.shift.is_split and self.per_shift_split() >= limits.splits:
            return False
        cap = limits.per_shift.get(opt.shift.id)
        if cap is not None and self.per_shift[opt.shift.id] >= cap:
            return False
        week = opt.day // 7
        return not (opt.day % 7 >= 5 and week not in self.weekends
                    and len(self.weekends) >= limits.weekends)

    def per_shift_split(self) -> int:
        return sum(n for sid, n in self.per_shift.items()
                   if self.index.instance.shift[sid].is_split)

    def _neighbours_ok(self, opt: PassOption) -> bool:
        view = self.view
        for step in range(1, view.lookahead + 1):
            before = self.pass_at(opt.day - step)
            if before is not None:
                prev, shift = before
                gap = opt.start - (prev.end + shift * MINUTES_PER_DAY)
                if gap < view.rest or (step == 1 and opt.shift.id in
                                       view.banned_next.get(prev.shift.id, ())):
                    return False
            after = self.pass_at(opt.day + step)
            if after is not None:
                nxt, shift = after
                gap = nxt.start + shift * MINUTES_PER_DAY - opt.end
                if gap < view.rest or (step == 1 and nxt.shift.id in
                                       view.banned_next.get(opt.shift.id, ())):
                    return False
        return True

    def _off_before(self, day: int, direction: int) -> int | None:
        """Days off next to `day` in `direction` up to the nearest pass (None: no pass within
        reach, or only the horizon's border)."""
        for step in range(1, self.limits.min_off + 1):
            located = self.index.day_at(day + direction * step)
            if located is None:
                return None
            if located[0] in self.passes:
                return step - 1
        return None

    def _days_off_ok(self, day: int) -> bool:
        """Working `day` leaves no run of days off shorter than the minimum next to it."""
        if self.limits.min_off <= 1:
            return True
        for direction in (-1, 1):
            off = self._off_before(day, direction)
            if off is not None and 0 < off < self.limits.min_off:
                return False
        return True

    def _run_can_grow(self, day: int, paid: int) -> bool:
        """A run started on `day` can reach the minimum run length: the days after it can be
        worked, also on a weekend and within the hours left (passes about as long as this
        one; a run reaching a non-cyclic border is exempt)."""
        minimum = self.limits.min_run
        if minimum <= 1 or self.pass_at(day - 1) is not None or self.pass_at(day + 1):
            return True
        period = self.period_of(day)
        if self.total + minimum * paid > self.total_high or \
                self.paid[period] + minimum * paid > self.high[period]:
            return False
        for step in range(1, minimum):
            located = self.index.day_at(day + step)
            if located is None:
                return True
            real = located[0]
            if (self.emp.id, real) not in self.index.options:
                return False
            if real % 7 >= 5 and real // 7 not in self.weekends and \
                    len(self.weekends) >= self.limits.weekends:
                return False  # the run would need a weekend the line may no longer work
        return True

    def open_short_run(self, day: int) -> bool:
        """The run of working days ending the day before `day` is shorter than the minimum
        (and not a border run of a non-cyclic horizon): working `day` mends it."""
        if self.limits.min_run <= 1 or day in self.passes:
            return False
        length = 0
        while length < self.limits.min_run:
            located = self.index.day_at(day - 1 - length)
            if located is None:
                return False  # a border run is exempt
            if located[0] not in self.passes:
                break
            length += 1
        return 0 < length < self.limits.min_run

    def _side_run(self, day: int, direction: int) -> tuple[int, bool]:
        """Working days next to `day` in `direction` (not counting `day`), and whether that
        run reaches the border of a non-cyclic horizon."""
        length = 0
        while length < self.index.days:
            located = self.index.day_at(day + direction * (length + 1))
            if located is None:
                return length, True
            if located[0] not in self.passes:
                return length, False
            length += 1
        return length, False

    def runs_ok_with(self, day: int) -> bool:
        """On a finished line (`complete`): working `day` leaves its run at least the
        minimum long (or at a border)."""
        minimum = self.limits.min_run
        if not self.complete or minimum <= 1:
            return True
        before, left_border = self._side_run(day, -1)
        after, right_border = self._side_run(day, 1)
        return before + 1 + after >= minimum or left_border or right_border

    def runs_ok_without(self, day: int) -> bool:
        """Taking the pass on `day` out leaves no run shorter than the minimum beside it."""
        minimum = self.limits.min_run
        if minimum <= 1:
            return True
        for direction in (-1, 1):
            length, border = self._side_run(day, direction)
            if 0 < length < minimum and not border:
                return False
        return True

    def _run_through(self, day: int) -> int:
        """Length of the run of working days `day` would join."""
        days = self.index.days
        run = 1
        for direction in (-1, 1):
            step = 1
            while run < days + 1 and self.pass_at(day + direction * step) is not None:
                run += 1
                step += 1
        return run

    def _windows_ok(self, opt: PassOption) -> bool:
        view = self.view
        if view.weekly_rest is not None:
            for week in {opt.start // WEEK_MINUTES, (opt.end - 1) // WEEK_MINUTES}:
                begin = week * WEEK_MINUTES
                if self._window_exists(begin, begin + WEEK_MINUTES) and \
                        not self._rest_in(begin, begin + WEEK_MINUTES, view.weekly_rest, opt):
                    return False
        if view.rest_24h is not None:
            bryt = self.emp.dygnsbryt
            first = (opt.start - bryt) // MINUTES_PER_DAY - 1
            for d in range(first, (opt.end - 1 - bryt) // MINUTES_PER_DAY + 1):
                begin = d * MINUTES_PER_DAY + bryt
                if begin >= opt.end or begin + MINUTES_PER_DAY <= opt.start:
                    continue
                if self._window_exists(begin, begin + MINUTES_PER_DAY) and \
                        not self._rest_in(begin, begin + MINUTES_PER_DAY, view.rest_24h, opt):
                    return False
        return True

    def _window_exists(self, begin: int, end: int) -> bool:
        """Whether the model holds this window: in a cyclic horizon every window (shifted
        into range), else only windows inside the horizon."""
        return self.index.cyclic or (begin >= 0 and end <= self.index.horizon_minutes)

    def _rest_in(self, begin: int, finish: int, rest: int, extra: PassOption) -> bool:
        """Some `rest` minutes inside [begin, finish) that no pass (nor `extra`) touches."""
        spans: list[tuple[int, int]] = []
        first = begin // MINUTES_PER_DAY - self.view.reach
        for unwrapped in range(first, (finish - 1) // MINUTES_PER_DAY + 1):
            located = self.index.day_at(unwrapped)
            if located is None:
                continue
            real, shift = located
            offset = shift * MINUTES_PER_DAY
            opt = extra if real == extra.day else self.passes.get(real)
            if opt is not None and opt.start + offset < finish and opt.end + offset > begin:
                spans.append((opt.start + offset, opt.end + offset))
        cursor = begin
        for start, end in sorted(spans):
            if start - cursor >= rest:
                return True
            cursor = max(cursor, end)
        return finish - cursor >= rest

    # -- the finished line ---------------------------------------------------------------
    def short_of_minimum(self) -> bool:
        """Below the contract's lower bound in some period, or below the total minimum."""
        short = any(p < low for p, low in zip(self.paid, self.low, strict=True))
        return (short and self.hard_low) or self.total < self.total_low

    def bad_runs(self) -> bool:
        """A run of working days or of days off shorter than the hard minimum (border runs of
        a non-cyclic horizon exempt)."""
        limits = self.limits
        if limits.min_run <= 1 and limits.min_off <= 1:
            return False
        days = self.index.days
        worked = [d in self.passes for d in range(days)]
        if all(worked) or not any(worked):
            return False
        for value, start, length in runs(worked, self.index.cyclic):
            touches = not self.index.cyclic and (start == 0 or start + length == days)
            minimum = limits.min_run if value else limits.min_off
            if length < minimum and not touches:
                return True
        return False
