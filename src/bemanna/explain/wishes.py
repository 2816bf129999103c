"""The price of a wish not met, by re-solving a neighbourhood of the roster.

The employee's days within `NEIGHBOURHOOD_DAYS` of the wish's date and everyone's within
`OTHERS_DAYS` are freed, the rest of the roster stays; the neighbourhood is solved twice from
the same start with the same time limit, with the wish forced and without it, and the
checker prices both rosters. Four answers, never mixed up:

- priced: the difference of the checker's totals (an estimate: a wider or longer re-solve
  could find a cheaper way to grant it);
- proved impossible: CP-SAT proved that no roster of the neighbourhood keeps the hard rules
  with the wish granted;
- not found in time: no roster within the limit, nothing proved — a longer `--time-limit`
  may answer;
- blocked: the wish cannot be granted at all (a pin, or the pass is not possible that day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from bemanna.checker import check_roster
from bemanna.explain.wording import shift_text
from bemanna.instance.model import Instance, Wish
from bemanna.labels import Lang, money
from bemanna.roster import Roster
from bemanna.solver.assignment import RESURS, Assignment, add_hint, read_assignment
from bemanna.solver.context import solve_model
from bemanna.solver.extract import extract_roster
from bemanna.solver.index import Index, build_index, restrict
from bemanna.solver.search import build_model

NEIGHBOURHOOD_DAYS = 3
"""The employee's own days freed either side of the wish's date."""
OTHERS_DAYS = 1
"""Everyone else's days freed either side of the wish's date."""
WISH_SECONDS = 10.0
"""Seconds per re-solve for a small unit (`wish_seconds`)."""
LARGE_WISH_SECONDS = 60.0
"""Seconds per re-solve for a large unit (`wish_seconds`)."""
LARGE_UNIT = 1000
"""Employees × days above which a unit counts as large (care home 42 × 42 = 1 764; LSS group
home 11 × 28 = 308, nurse group 6 × 28 = 168)."""


def wish_seconds(inst: Instance) -> float:
    """The default time per re-solve: the smallest measured limit that answered every unmet
    wish on the shipped instances, with margin (benchmarks/explain_default.py, load average ~10
    on 2 cores): the LSS group home and the nurse group were all answered at 3 s (default 10
    s); on the care home 15 s answered 2 of 9 wishes, 40 s not all, 60 s every one."""
    size = len(inst.employees) * inst.horizon.days
    return LARGE_WISH_SECONDS if size > LARGE_UNIT else WISH_SECONDS


Answer = Literal["priced", "proved_impossible", "not_found", "blocked", "outside"]

_WORDS: dict[str, tuple[str, str]] = {
    "wished": ("önskade {what} den {date} ({weight})", "wished for {what} on {date} ({weight})"),
    "day_off": ("en ledig dag", "a day off"),
    "shift_on": ("pass {shift}", "pass {shift}"),
    "shift_off": ("inget pass {shift}", "no pass {shift}"),
    "outside": ("{what}: utanför perioden", "{what}: outside the horizon"),
    "blocked": ("{what}: kan inte beviljas, {why}", "{what}: cannot be granted, {why}"),
    "pinned": ("dagen är låst till pass {shift}", "the day is pinned to pass {shift}"),
    "not_possible": ("pass {shift} är inte möjligt den dagen (kompetens, tillåtna pass, "
                     "veckodag, frånvaro, låsningar eller en hård formregel)",
                     "pass {shift} is not possible that day (skills, allowed shifts, weekday, "
                     "absence, pins or a hard shape rule)"),
    "around": ("{employee}s dagar {own} och allas {others}",
               "{employee}'s days {own} and everyone's {others}"),
    "proved_impossible": (
        "{what}: kan inte beviljas (bevisat): inget schema håller de hårda reglerna med "
        "önskemålet beviljat när {around} ändras",
        "{what}: cannot be granted (proved): no roster keeps the hard rules with it granted "
        "when changing {around}"),
    "not_found": (
        "{what}: obesvarat, inget schema hittat inom {limit} s när {around} löses om; det är "
        "inte bevisat omöjligt (prova --time-limit {longer})",
        "{what}: not answered, no roster found within {limit} s re-solving {around}; not "
        "proved impossible (try --time-limit {longer})"),
    "priced": (
        "{what}: att bevilja det kostar ungefär {delta} {sign} än att låta bli ({parts}), när "
        "{around} löses om i {limit} s åt båda hållen",
        "{what}: granting it costs about {delta} {sign} than not ({parts}), re-solving "
        "{around} for {limit} s both ways"),
    "more": ("mer", "more"),
    "less": ("mindre", "less"),
    "no_change": ("ingen post ändras", "no term changes"),
    "changes": ("; det ändrar {moved}", "; it changes {moved}"),
    "move": ("{employee} {old} → {new} den {date}", "{employee} {old} → {new} on {date}"),
    "off": ("ledig", "off"),
    "more_changes": ("och {count} till", "and {count} more"),
    "gained": (" (omlösningen utan önskemålet hittade också {gained} billigare än detta "
               "schema: dess sökning var inte klar)",
               " (the re-solve without the wish also found {gained} cheaper than this "
               "roster: its search had not finished)"),
}


def words(key: str, lang: Lang, **fields: object) -> str:
    sv, en = _WORDS[key]
    return (sv if lang == "sv" else en).format(**fields)


@dataclass
class WishOutcome:
    wish: Wish
    text: str
    granted_cost_ore: int | None
    """Checker total of the re-solved roster with the wish granted, minus this roster's
    (None: not priced; `answer` says why)."""
    term_deltas: dict[str, int] = field(default_factory=dict)
    answer: Answer = "priced"


def incumbent(inst: Instance, roster: Roster) -> Assignment:
    """The roster as solver decisions (employee, day, shift) -> skill or RESURS."""
    found: Assignment = {}
    for a in roster.assignments:
        day = inst.horizon.day_of(a.date)
        if day is not None and a.employee in inst.employee and a.shift in inst.shift:
            found[(a.employee, day, a.shift)] = RESURS if a.kind == "resurs" else a.skill
    return found


def _forced_index(index: Index, employee: str, day: int, wish: Wish,
                  lang: Lang) -> Index | str:
    """The index with the wish granted, or why it cannot be."""
    key = (employee, day)
    options = index.options.get(key, [])
    pinned = index.forced.get(key)
    result = Index(index.instance, index.days, index.cyclic, dict(index.options),
                   dict(index.forced), index.scope)
    if wish.kind == "day_off":
        if pinned is not None:
            return words("pinned", lang, shift=pinned)
        result.options.pop(key, None)
        return result
    wanted = [o for o in options if o.shift.id == wish.shift]
    if wish.kind == "shift_on":
        if not wanted:
            return words("not_possible", lang, shift=wish.shift)
        if pinned is not None and pinned != wish.shift:
            return words("pinned", lang, shift=pinned)
        result.options[key] = wanted
        result.forced[key] = str(wish.shift)
        return result
    if pinned == wish.shift:
        return words("pinned", lang, shift=pinned)
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
               limit: float = WISH_SECONDS, workers: int = 1, seed: int = 0,
               lang: Lang = "en") -> WishOutcome:
    """Re-solve the same neighbourhood twice, with the wish forced and without it (same time
    limit, same start): the difference of the checker's totals is the wish's price."""
    day = inst.horizon.day_of(wish.date)
    what = _wish_text(inst, wish, lang)
    if day is None:
        return WishOutcome(wish, words("outside", lang, what=what), None, answer="outside")
    base = build_index(inst)
    forced = _forced_index(base, employee, day, wish, lang)
    if isinstance(forced, str):
        return WishOutcome(wish, words("blocked", lang, what=what, why=forced), None,
                           answer="blocked")
    own, others = _window(inst, day, NEIGHBOURHOOD_DAYS), _window(inst, day, OTHERS_DAYS)
    free = {key for key in base.options
            if key[1] in others or (key[0] == employee and key[1] in own)}
    current = incumbent(inst, roster)
    around = words("around", lang, employee=employee,
                   own=_span(wish.date, NEIGHBOURHOOD_DAYS), others=_span(wish.date, OTHERS_DAYS))
    granted = _resolve(inst, restrict(forced, current, free), current, limit, workers, seed)
    if granted == "INFEASIBLE":
        return WishOutcome(wish, words("proved_impossible", lang, what=what, around=around),
                           None, answer="proved_impossible")
    if isinstance(granted, str):
        return WishOutcome(wish, words("not_found", lang, what=what, limit=f"{limit:g}",
                                       around=around, longer=f"{3 * limit:g}"),
                           None, answer="not_found")
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
    parts = ", ".join(f"{t} {money(v, lang, unit=False, signed=True)}"
                      for t, v in terms.items())
    text = words("priced", lang, what=what, delta=money(abs(delta), lang),
                 sign=words("more" if delta >= 0 else "less", lang),
                 parts=parts or words("no_change", lang), around=around, limit=f"{limit:g}")
    moved = _changes(inst, reference, granted[0], employee, lang)
    if moved:
        text += words("changes", lang, moved=moved)
    gained = check_roster(inst, roster).total - before.total
    if gained > 0:
        text += words("gained", lang, gained=money(gained, lang))
    return WishOutcome(wish, text, delta, terms)


def _window(inst: Instance, day: int, width: int) -> set[int]:
    days = inst.horizon.days
    shifted = (day + k for k in range(-width, width + 1))
    return {d % days for d in shifted} if inst.horizon.cyclic else set(shifted)


def _span(date: dt.date, width: int) -> str:
    if width == 0:
        return str(date)
    return f"{date - dt.timedelta(days=width)} – {date + dt.timedelta(days=width)}"


def _changes(inst: Instance, before: Assignment, after: Assignment, employee: str,
             lang: Lang) -> str:
    """'E07 D → off on 2025-03-12, E03 off → D on 2025-03-12' (at most four changes)."""
    def by_day(a: Assignment) -> dict[tuple[str, int], str]:
        return {(e, d): s for (e, d, s) in a}

    old, new = by_day(before), by_day(after)
    off = words("off", lang)
    changed = sorted({k for k in old.keys() | new.keys() if old.get(k) != new.get(k)},
                     key=lambda k: (k[0] != employee, k[1], k[0]))
    texts = [words("move", lang, employee=e, old=old.get((e, d), off), new=new.get((e, d), off),
                   date=inst.horizon.date(d)) for e, d in changed[:4]]
    if len(changed) > 4:
        texts.append(words("more_changes", lang, count=len(changed) - 4))
    return ", ".join(texts)


def _wish_text(inst: Instance, wish: Wish, lang: Lang) -> str:
    if wish.kind == "day_off":
        what = words("day_off", lang)
    elif wish.kind == "shift_on":
        what = words("shift_on", lang, shift=shift_text(inst.shift[str(wish.shift)]))
    else:
        what = words("shift_off", lang, shift=wish.shift)
    return words("wished", lang, what=what, date=wish.date,
                 weight=money(round(wish.weight_sek * 100), lang))
