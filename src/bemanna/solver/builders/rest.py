"""Rest rules: `daily_rest` (between passes), `weekly_rest` and `daily_rest_24h` (in windows).

Daily rest is encoded by precomputed conflicting pairs: a pass on day d and a pass on a later
day whose rest would be too short (how many days ahead depends on the longest shift type).
Because an employee works at most one pass per day, "this pass, or one of its conflicting
passes on that day" is a single at-most-one. Soft rest prices consecutive passes only: a pair
two or more days apart counts when the days between are off.

Rest inside a window is encoded exactly: a rest of R minutes inside the window [a, b) starts
at a or at the end of some pass, so for each such candidate start t one literal says "no pass
touches [t, t + R)", and one of them must hold.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from bemanna.instance.rules import RuleBase
from bemanna.solver.context import Context
from bemanna.solver.index import PassOption
from bemanna.units import MINUTES_PER_DAY, sek_to_ore


def reach_days(ctx: Context) -> int:
    """How many days after its date a pass may still be working (longest shift type)."""
    return max(s.offsets[-1][1] for s in ctx.instance.shift_types) // MINUTES_PER_DAY


def _lookahead(ctx: Context) -> int:
    """Days ahead within which a following pass can start less than a daily rest later."""
    longest = max(s.offsets[-1][1] for s in ctx.instance.shift_types)
    return (longest + ctx.instance.rules.daily_rest.min_minutes) // MINUTES_PER_DAY + 1


def _between(ctx: Context, first: PassOption, second: PassOption) -> list[cp_model.IntVar]:
    """'Works on day' literals of the days strictly between two passes (unwrapped)."""
    step = (second.day - first.day) % ctx.index.days if ctx.index.cyclic else (
        second.day - first.day)
    lits = []
    for k in range(1, step):
        lit = ctx.unwrapped_day_var(first.employee, first.day + k)
        if lit is not None:
            lits.append(lit)
    return lits


def _successors(ctx: Context, opt: PassOption) -> list[tuple[PassOption, int]]:
    """Passes that could follow `opt` closely enough to matter, with the rest between them."""
    index, end = ctx.index, opt.end
    result: list[tuple[PassOption, int]] = []
    for step in range(1, _lookahead(ctx) + 1):
        located = index.day_at(opt.day + step)
        if located is None:
            continue
        real, shift_days = located
        base = (real + shift_days) * MINUTES_PER_DAY - end
        result.extend((nxt, base + nxt.shift.offsets[0][0])
                      for nxt in index.day_options(opt.employee, real))
    return result


def build_no_overlap(ctx: Context) -> None:
    """Structural: a pass may not start before the previous one has ended."""
    for opts in ctx.index.options.values():
        for opt in opts:
            for nxt, rest in _successors(ctx, opt):
                if rest < 0:
                    ctx.model.add_bool_or([ctx.work_var(opt).negated(),
                                           ctx.work_var(nxt).negated()])


def build_daily_rest(ctx: Context) -> None:
    rule = ctx.instance.rules.daily_rest
    if not rule.enabled:
        return
    minimum, reduced = rule.min_minutes, rule.reduced_minutes
    floor = minimum if reduced is None else min(reduced, minimum)
    soft = rule.mode == "soft"
    pairs = _PairViolations(ctx, sek_to_ore(rule.weight_sek))
    model = ctx.model
    for opts in ctx.index.options.values():
        for opt in opts:
            work = ctx.work_var(opt)
            by_day: dict[int, list[cp_model.IntVar]] = defaultdict(list)
            for nxt, rest in _successors(ctx, opt):
                if 0 <= rest < floor:
                    if soft:
                        model.add_bool_or([work.negated(), ctx.work_var(nxt).negated(),
                                           *_between(ctx, opt, nxt), pairs.get(opt, nxt)])
                    else:
                        by_day[nxt.day].append(ctx.work_var(nxt))
                elif reduced is not None and floor <= rest < minimum:
                    _compensation(ctx, opt, nxt, 2 * minimum - rest, pairs if soft else None)
            for conflicting in by_day.values():
                model.add_at_most_one([work, *conflicting]).only_enforce_if(
                    ctx.guard("daily_rest", opt.employee, opt.day))


class _PairViolations:
    """One violation literal per pair of passes, shared by every clause about that pair, so
    that a pair is priced once however many ways its rest falls short."""

    def __init__(self, ctx: Context, price: int) -> None:
        self.ctx, self.price = ctx, price
        self.known: dict[tuple[str, int, str, int, str], cp_model.IntVar] = {}

    def get(self, first: PassOption, second: PassOption) -> cp_model.IntVar:
        key = (first.employee, first.day, first.shift.id, second.day, second.shift.id)
        if key not in self.known:
            self.known[key] = self.ctx.new_violation("daily_rest", self.price, "v_rest")
        return self.known[key]


def _compensation(ctx: Context, first: PassOption, second: PassOption, needed: int,
                  pairs: _PairViolations | None) -> None:
    """A reduced rest first→second requires the rest after `second` to be >= needed; soft,
    the failure is priced on the pair (second, third)."""
    a, b = ctx.work_var(first), ctx.work_var(second)
    for third, rest in _successors(ctx, second):
        if 0 <= rest < needed:
            clause = [a.negated(), b.negated(), ctx.work_var(third).negated()]
            if pairs is not None:
                clause += [*_between(ctx, first, second), *_between(ctx, second, third),
                           pairs.get(second, third)]
                ctx.model.add_bool_or(clause)
            else:
                ctx.model.add_bool_or(clause).only_enforce_if(
                    ctx.guard("daily_rest", first.employee, first.day))


def require_rest_in_window(ctx: Context, employee: str, window: tuple[int, int], rest: int,
                           rule_id: str, rule: RuleBase) -> None:
    """At least `rest` continuous minutes inside `window` that no pass span touches."""
    begin, finish = window
    if finish - begin < rest:
        return
    first_day = begin // MINUTES_PER_DAY - reach_days(ctx)
    last_day = (finish - 1) // MINUTES_PER_DAY
    passes: list[tuple[int, int, cp_model.IntVar]] = []
    for unwrapped in range(first_day, last_day + 1):
        located = ctx.index.day_at(unwrapped)
        if located is None:
            continue
        real, shift_days = located
        for opt in ctx.index.day_options(employee, real):
            start = opt.start + shift_days * MINUTES_PER_DAY
            end = opt.end + shift_days * MINUTES_PER_DAY
            if start < finish and end > begin:
                passes.append((start, end, ctx.work_var(opt)))
    candidates = {begin} | {end for _, end, _ in passes if begin < end <= finish - rest}
    # Ordered (a dict, literals by index), not a set of frozensets: the model must come out
    # the same on every run, or CP-SAT's search, and so the roster, differs between runs.
    blockers: dict[tuple[cp_model.IntVar, ...], None] = {}
    for t in sorted(candidates):
        touching = tuple(sorted({v.index: v for s, e, v in passes
                                 if s < t + rest and e > t}.values(), key=lambda v: v.index))
        if not touching:
            return  # this rest can never be broken
        blockers.setdefault(touching)
    choices = []
    for touching in blockers:
        y = ctx.model.new_bool_var(f"rest_{rule_id}_{employee}_{begin}")
        ctx.model.add_bool_and([v.negated() for v in touching]).only_enforce_if(y)
        choices.append(y)
    if rule.mode == "soft":
        choices.append(ctx.new_violation(rule_id, sek_to_ore(rule.weight_sek), "v_" + rule_id))
        ctx.model.add_bool_or(choices)
    else:
        ctx.model.add_bool_or(choices).only_enforce_if(
            ctx.guard(rule_id, employee, begin // MINUTES_PER_DAY))


def build_weekly_rest(ctx: Context) -> None:
    rule = ctx.instance.rules.weekly_rest
    if not rule.enabled:
        return
    rest = rule.min_minutes
    if not rule.includes_daily_rest:
        rest += ctx.instance.rules.daily_rest.min_minutes
    week = 7 * MINUTES_PER_DAY
    for emp in ctx.employees:
        for w in range(ctx.instance.horizon.weeks):
            require_rest_in_window(ctx, emp.id, (w * week, (w + 1) * week), rest,
                                   "weekly_rest", rule)


def build_daily_rest_24h(ctx: Context) -> None:
    rule = ctx.instance.rules.daily_rest_24h
    if not rule.enabled:
        return
    for emp in ctx.employees:
        for d in range(ctx.index.days):
            begin = d * MINUTES_PER_DAY + emp.dygnsbryt
            if not ctx.index.cyclic and begin + MINUTES_PER_DAY > ctx.index.horizon_minutes:
                continue  # a window running past a non-cyclic horizon is not checked
            require_rest_in_window(ctx, emp.id, (begin, begin + MINUTES_PER_DAY),
                                   rule.min_minutes, "daily_rest_24h", rule)
