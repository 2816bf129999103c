"""Why this roster, for one employee: the rules that bind and the wishes not met.

A rule *binds* when the roster sits at its edge, so that the obvious change would break it:
contract hours at the tolerance or with no room for one more (or one fewer) pass, a rest of
exactly the minimum (or within `TIGHT_MINUTES` of it), a run of days at the maximum, split
passes or weekends at the limit. Read off the roster with the checker's own helpers.

A wish not met is priced by re-solving a neighbourhood of the roster twice, with the wish
forced and without it, from the same start with the same time limit: the employee's days
within `NEIGHBOURHOOD_DAYS` of the wish's date and everyone's within `OTHERS_DAYS` are free,
the rest of the roster stays as it is. The checker prices both rosters; the difference is the
wish's price — an estimate, since the re-solves are limited in time and scope (a wider or
longer re-solve could find a cheaper way to grant it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bemanna.checker import check_roster, read_roster
from bemanna.checker.days import working_days
from bemanna.checker.passes import RosterView, busy_spans, following, longest_free, runs
from bemanna.checker.wishes import wish_granted
from bemanna.explain.wording import hours, shift_text
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Instance, Wish
from bemanna.presolve.options import workable_shifts
from bemanna.roster import Roster
from bemanna.solver.assignment import RESURS, Assignment, add_hint, read_assignment
from bemanna.solver.context import solve_model
from bemanna.solver.extract import extract_roster
from bemanna.solver.index import Index, build_index, restrict
from bemanna.solver.search import build_model
from bemanna.units import MINUTES_PER_WEEK, format_sek

TIGHT_MINUTES = 60
"""A rest within this much of its minimum counts as binding."""
NEIGHBOURHOOD_DAYS = 3
"""The employee's own days freed either side of the wish's date."""
OTHERS_DAYS = 1
"""Everyone else's days freed either side of the wish's date."""
WISH_SECONDS = 3.0


@dataclass(frozen=True)
class Binding:
    rule: str
    text: str


@dataclass
class WishOutcome:
    wish: Wish
    text: str
    granted_cost_ore: int | None
    """Checker total of the re-solved roster with the wish granted, minus this roster's
    (None: it could not be granted in the neighbourhood)."""
    term_deltas: dict[str, int] = field(default_factory=dict)


@dataclass
class EmployeeExplanation:
    employee: str
    bindings: list[Binding]
    soft_breaches: list[str]
    wishes: list[WishOutcome]

    def lines(self) -> list[str]:
        out = [f"{self.employee}: rules that bind in this roster"]
        out += [f"  - {b.rule}: {b.text}" for b in self.bindings] or ["  (none)"]
        if self.soft_breaches:
            out.append("Soft rules broken (priced):")
            out += [f"  - {text}" for text in self.soft_breaches]
        if self.wishes:
            out.append("Wishes not met (the price of granting each is an estimate: a short "
                       "re-solve around the date):")
            out += [f"  - {w.text}" for w in self.wishes]
        return out

    def to_dict(self) -> dict[str, object]:
        return {"employee": self.employee,
                "bindings": [{"rule": b.rule, "text": b.text} for b in self.bindings],
                "soft_breaches": self.soft_breaches,
                "wishes": [{"kind": w.wish.kind, "date": str(w.wish.date), "shift": w.wish.shift,
                            "text": w.text, "granted_cost_ore": w.granted_cost_ore,
                            "terms": w.term_deltas, "estimate": True} for w in self.wishes]}


# --- rules that bind -------------------------------------------------------------------------


def _hard(inst: Instance, rule_id: str) -> bool:
    rule = getattr(inst.rules, rule_id)
    return bool(rule.enabled and rule.mode == "hard")


def bindings(view: RosterView, employee: str) -> list[Binding]:
    inst = view.instance
    found: list[Binding] = []
    passes = view.passes[employee]
    found += _contract(view, employee)
    if _hard(inst, "daily_rest"):
        minimum = inst.rules.daily_rest.min_minutes
        for pair in following(passes, view.cyclic, view.horizon_minutes):
            rest = pair.rest_minutes
            if 0 <= rest - minimum < TIGHT_MINUTES:
                exactly = "exactly " if rest == minimum else ""
                found.append(Binding("daily_rest", (
                    f"{exactly}{hours(rest)} rest between {pair.previous.ending()} and "
                    f"{pair.next.starting(pair.shift != 0)} (minimum {hours(minimum)})")))
    if _hard(inst, "weekly_rest"):
        w = inst.rules.weekly_rest
        needed = w.min_minutes + (0 if w.includes_daily_rest else inst.rules.daily_rest.min_minutes)
        busy = busy_spans(passes, view.cyclic, view.horizon_minutes)
        for week in range(inst.horizon.weeks):
            monday = week * MINUTES_PER_WEEK
            longest = longest_free((monday, monday + MINUTES_PER_WEEK), busy)
            if 0 <= longest - needed < TIGHT_MINUTES:
                found.append(Binding("weekly_rest", (
                    f"longest rest in week {week + 1} ({view.date(7 * week)} – "
                    f"{view.date(7 * week + 6)}) is {hours(longest)} (minimum {hours(needed)})")))
    found += _days(view, employee)
    return found


def _contract(view: RosterView, employee: str) -> list[Binding]:
    inst = view.instance
    if not _hard(inst, "contract_hours"):
        return []
    emp = inst.employee[employee]
    tol = inst.rules.contract_hours.tolerance_minutes
    shortest = min((s.paid_minutes for s in workable_shifts(inst, emp)), default=0)
    found = []
    for period in contract_periods(inst, emp):
        paid = sum(p.paid_minutes for p in view.passes[employee]
                   if period.first_day <= p.day < period.end_day)
        low, high = period.target_minutes - tol, period.target_minutes + tol
        when = f"{view.date(period.first_day)} – {view.date(period.end_day - 1)}"
        base = (f"{hours(paid)} paid in {when}, contract {hours(period.target_minutes)} ± "
                f"{hours(tol)}")
        if paid in (low, high):
            edge = "lower" if paid == low else "upper"
            found.append(Binding("contract_hours", f"{base}: exactly at the {edge} edge"))
        elif high - paid < shortest:
            found.append(Binding("contract_hours", (
                f"{base}: no pass more fits ({hours(high - paid)} left, the shortest pass is "
                f"{hours(shortest)})")))
        elif paid - low < shortest:
            found.append(Binding("contract_hours", (
                f"{base}: no pass can be taken away ({hours(paid - low)} above the lower edge, "
                f"the shortest pass is {hours(shortest)})")))
    return found


def _days(view: RosterView, employee: str) -> list[Binding]:
    inst = view.instance
    rules = inst.rules
    found = []
    flags = working_days(view, employee)
    if _hard(inst, "max_consecutive_days"):
        cons = rules.max_consecutive_days
        limit = cons.per_employee.get(employee, cons.max)
        for run in runs(flags, view.cyclic):
            if run.length == limit:
                last = (run.first_day + run.length - 1) % view.days
                found.append(Binding("max_consecutive_days", (
                    f"{run.length} working days in a row, {view.date(run.first_day)} – "
                    f"{view.date(last)} (maximum {limit})")))
    if _hard(inst, "max_split_shifts"):
        limit = rules.max_split_shifts.per_employee.get(employee, rules.max_split_shifts.max)
        count = sum(1 for p in view.passes[employee] if p.is_split)
        if count == limit and limit > 0:
            found.append(Binding("max_split_shifts", f"{count} split passes (maximum {limit})"))
    if _hard(inst, "max_weekends"):
        limit = rules.max_weekends.per_employee.get(employee, rules.max_weekends.max)
        worked = [w for w in range(inst.horizon.weeks) if flags[7 * w + 5] or flags[7 * w + 6]]
        if len(worked) == limit:
            found.append(Binding("max_weekends",
                                 f"{len(worked)} weekends worked (maximum {limit})"))
    if _hard(inst, "max_shift_passes"):
        for lim in rules.max_shift_passes.limits:
            if lim.employees is not None and employee not in lim.employees:
                continue
            count = sum(1 for p in view.passes[employee] if p.shift_id == lim.shift)
            if count == lim.max:
                found.append(Binding("max_shift_passes",
                                     f"{count} passes of {lim.shift} (maximum {lim.max})"))
    for rule_id, working in (("min_consecutive_days", True), ("min_consecutive_days_off", False)):
        if not _hard(inst, rule_id):
            continue
        rule = getattr(rules, rule_id)
        limit = rule.per_employee.get(employee, rule.min)
        pattern = [f == working for f in flags]
        short = [r for r in runs(pattern, view.cyclic)
                 if r.length == limit and not r.touches_border]
        if short:
            what = "working days" if working else "days off"
            first = view.date(short[0].first_day)
            found.append(Binding(rule_id, (f"{len(short)} runs of exactly {limit} {what} "
                                           f"(minimum {limit}), the first from {first}")))
    return found


# --- wishes not met --------------------------------------------------------------------------


def incumbent(inst: Instance, roster: Roster) -> Assignment:
    """The roster as solver decisions (employee, day, shift) -> skill or RESURS."""
    found: Assignment = {}
    for a in roster.assignments:
        day = inst.horizon.day_of(a.date)
        if day is not None and a.employee in inst.employee and a.shift in inst.shift:
            found[(a.employee, day, a.shift)] = RESURS if a.kind == "resurs" else a.skill
    return found


def _forced_index(index: Index, employee: str, day: int, wish: Wish) -> Index | str:
    """The index with the wish granted, or why it cannot be."""
    key = (employee, day)
    options = index.options.get(key, [])
    pinned = index.forced.get(key)
    result = Index(index.instance, index.days, index.cyclic, dict(index.options),
                   dict(index.forced), index.scope)
    if wish.kind == "day_off":
        if pinned is not None:
            return f"the day is pinned to pass {pinned}"
        result.options.pop(key, None)
        return result
    wanted = [o for o in options if o.shift.id == wish.shift]
    if wish.kind == "shift_on":
        if not wanted:
            return (f"pass {wish.shift} is not possible that day (skills, allowed shifts, "
                    "weekday, absence, pins or a hard shape rule)")
        if pinned is not None and pinned != wish.shift:
            return f"the day is pinned to pass {pinned}"
        result.options[key] = wanted
        result.forced[key] = str(wish.shift)
        return result
    if pinned == wish.shift:
        return f"the day is pinned to pass {pinned}"
    rest = [o for o in options if o.shift.id != wish.shift]
    if rest:
        result.options[key] = rest
    else:
        result.options.pop(key, None)
    return result


def _resolve(inst: Instance, index: Index, current: Assignment, limit: float, workers: int,
             seed: int) -> tuple[Assignment, Roster] | str:
    """Solve the restricted model from the current roster: the roster found, or the status."""
    ctx = build_model(inst, index)
    add_hint(ctx, current)
    status, solver, _ = solve_model(ctx.model, limit, workers=workers, seed=seed)
    if status not in ("OPTIMAL", "FEASIBLE"):
        return status
    objective = round(solver.objective_value)
    return read_assignment(ctx, solver), extract_roster(ctx, solver, "FEASIBLE", objective,
                                                        objective, {})


def price_wish(inst: Instance, roster: Roster, employee: str, wish: Wish,
               limit: float = WISH_SECONDS, workers: int = 1, seed: int = 0) -> WishOutcome:
    """Re-solve the same neighbourhood twice, with the wish forced and without it (same time
    limit, same start): the difference of the checker's totals is the wish's price."""
    day = inst.horizon.day_of(wish.date)
    what = _wish_text(inst, wish)
    if day is None:
        return WishOutcome(wish, f"{what}: outside the horizon", None)
    base = build_index(inst)
    forced = _forced_index(base, employee, day, wish)
    if isinstance(forced, str):
        return WishOutcome(wish, f"{what}: cannot be granted, {forced}", None)
    own, others = _window(inst, day, NEIGHBOURHOOD_DAYS), _window(inst, day, OTHERS_DAYS)
    free = {key for key in base.options
            if key[1] in others or (key[0] == employee and key[1] in own)}
    current = incumbent(inst, roster)
    around = (f"{employee}'s days {_span(wish.date, NEIGHBOURHOOD_DAYS)} and everyone's "
              f"{_span(wish.date, OTHERS_DAYS)}")
    granted = _resolve(inst, restrict(forced, current, free), current, limit, workers, seed)
    if isinstance(granted, str):
        why = ("no roster keeps the hard rules with it granted" if granted == "INFEASIBLE"
               else f"no roster found within {limit:g} s")
        return WishOutcome(wish, f"{what}: cannot be granted by changing {around}: {why}", None)
    baseline = _resolve(inst, restrict(base, current, free), current, limit, workers, seed)
    reference, reference_roster = current, roster
    if not isinstance(baseline, str) and (check_roster(inst, baseline[1]).total
                                          < check_roster(inst, roster).total):
        reference, reference_roster = baseline
    before = check_roster(inst, reference_roster)
    after = check_roster(inst, granted[1])
    delta = after.total - before.total
    terms = {t: after.costs.get(t, 0) - before.costs.get(t, 0)
             for t in sorted(set(after.costs) | set(before.costs))
             if after.costs.get(t, 0) != before.costs.get(t, 0)}
    parts = ", ".join(f"{t} {'+' if v > 0 else ''}{format_sek(v)}" for t, v in terms.items())
    sign = "more" if delta >= 0 else "less"
    text = (f"{what}: granting it costs about {format_sek(abs(delta))} SEK {sign} than not "
            f"({parts or 'no term changes'}), re-solving {around} for {limit:g} s both ways")
    moved = _changes(inst, reference, granted[0], employee)
    if moved:
        text += f"; it changes {moved}"
    gained = check_roster(inst, roster).total - before.total
    if gained > 0:
        text += (f" (the re-solve without the wish also found {format_sek(gained)} SEK "
                 "cheaper than this roster: its search had not finished)")
    return WishOutcome(wish, text, delta, terms)


def _window(inst: Instance, day: int, width: int) -> set[int]:
    days = inst.horizon.days
    shifted = (day + k for k in range(-width, width + 1))
    return {d % days for d in shifted} if inst.horizon.cyclic else set(shifted)


def _span(date: dt.date, width: int) -> str:
    if width == 0:
        return str(date)
    return f"{date - dt.timedelta(days=width)} – {date + dt.timedelta(days=width)}"


def _changes(inst: Instance, before: Assignment, after: Assignment, employee: str) -> str:
    """'E07 D → off on 2025-03-12, E03 off → D on 2025-03-12' (at most four changes)."""
    def by_day(a: Assignment) -> dict[tuple[str, int], str]:
        return {(e, d): s for (e, d, s) in a}

    old, new = by_day(before), by_day(after)
    changed = sorted({k for k in old.keys() | new.keys() if old.get(k) != new.get(k)},
                     key=lambda k: (k[0] != employee, k[1], k[0]))
    texts = [f"{e} {old.get((e, d), 'off')} → {new.get((e, d), 'off')} on "
             f"{inst.horizon.date(d)}" for e, d in changed[:4]]
    if len(changed) > 4:
        texts.append(f"and {len(changed) - 4} more")
    return ", ".join(texts)


def _wish_text(inst: Instance, wish: Wish) -> str:
    if wish.kind == "day_off":
        what = "a day off"
    elif wish.kind == "shift_on":
        what = f"pass {shift_text(inst.shift[str(wish.shift)])}"
    else:
        what = f"no pass {wish.shift}"
    return f"wished for {what} on {wish.date} ({format_sek(round(wish.weight_sek * 100))} SEK)"


def explain_employee(inst: Instance, roster: Roster, employee: str, limit: float = WISH_SECONDS,
                     workers: int = 1, seed: int = 0, max_wishes: int = 10
                     ) -> EmployeeExplanation:
    view = read_roster(inst, roster)
    report = check_roster(inst, roster)
    soft = [v.message for v in report.soft_breaches
            if v.employee == employee and v.rule != "wishes"]
    emp = inst.employee[employee]
    unmet = [w for w in emp.wishes if not wish_granted(view, emp, w)]
    outcomes = [price_wish(inst, roster, employee, w, limit, workers, seed)
                for w in unmet[:max_wishes]]
    return EmployeeExplanation(employee, bindings(view, employee), soft, outcomes)

