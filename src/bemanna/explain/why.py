"""Why this roster, for one employee: the rules that bind and the wishes not met.

A rule *binds* when the roster sits at its edge, so that the obvious change would break it:
contract hours at the tolerance or with no room for one more (or one fewer) pass, a rest of
exactly the minimum (or within `TIGHT_MINUTES` of it), a run of days at the maximum, split
passes or weekends at the limit. Read off the roster with the checker's own helpers.

A wish not met is priced by re-solving a neighbourhood of the roster (`explain/wishes.py`),
which tells "proved impossible" apart from "not found in time".
"""

from __future__ import annotations

from dataclasses import dataclass

from bemanna.checker import check_roster, read_roster
from bemanna.checker.days import working_days
from bemanna.checker.passes import RosterView, busy_spans, following, longest_free, runs
from bemanna.checker.wishes import wish_granted
from bemanna.explain.binding_words import ending, say, starting
from bemanna.explain.wishes import WISH_SECONDS, WishOutcome, incumbent, price_wish
from bemanna.instance.contract import contract_periods
from bemanna.instance.model import Instance
from bemanna.labels import Lang
from bemanna.labels.phrases import duration
from bemanna.presolve.options import workable_shifts
from bemanna.roster import Roster
from bemanna.rules import RULES
from bemanna.units import MINUTES_PER_WEEK

__all__ = ["WISH_SECONDS", "Binding", "EmployeeExplanation", "WishOutcome", "bindings",
           "explain_employee", "incumbent", "price_wish"]

TIGHT_MINUTES = 60
"""A rest within this much of its minimum counts as binding."""


@dataclass(frozen=True)
class Binding:
    rule: str
    text: str


@dataclass
class EmployeeExplanation:
    employee: str
    bindings: list[Binding]
    soft_breaches: list[str]
    wishes: list[WishOutcome]
    name: str = ""
    lang: Lang = "en"

    def lines(self) -> list[str]:
        lang = self.lang
        who = f"{self.employee} {self.name}".strip()
        out = [f"{who}: {say('header', lang)}"]
        out += [f"  - {_rule_name(b.rule, lang)}: {b.text}" for b in self.bindings] or [
            f"  {say('none', lang)}"]
        if self.soft_breaches:
            out.append(say("soft", lang))
            out += [f"  - {text}" for text in self.soft_breaches]
        if self.wishes:
            out.append(say("wishes", lang))
            out += [f"  - {w.text}" for w in self.wishes]
        return out

    def to_dict(self) -> dict[str, object]:
        return {"employee": self.employee, "name": self.name,
                "bindings": [{"rule": b.rule, "text": b.text} for b in self.bindings],
                "soft_breaches": self.soft_breaches,
                "wishes": [{"kind": w.wish.kind, "date": str(w.wish.date), "shift": w.wish.shift,
                            "text": w.text, "granted_cost_ore": w.granted_cost_ore,
                            "terms": w.term_deltas, "answer": w.answer, "estimate": True}
                           for w in self.wishes]}


def _rule_name(rule_id: str, lang: Lang) -> str:
    """'dygnsvila (daily_rest)' / 'daily rest (daily_rest)'."""
    spec = RULES.get(rule_id)
    if spec is None:
        return rule_id
    return f"{spec.name_sv if lang == 'sv' else spec.name_en} ({rule_id})"


# --- rules that bind -------------------------------------------------------------------------


def _hard(inst: Instance, rule_id: str) -> bool:
    rule = getattr(inst.rules, rule_id)
    return bool(rule.enabled and rule.mode == "hard")


def bindings(view: RosterView, employee: str, lang: Lang = "en") -> list[Binding]:
    """The hard rules the employee's passes sit at the edge of, in `lang`."""
    inst = view.instance
    found: list[Binding] = []
    passes = view.passes[employee]
    found += _contract(view, employee, lang)
    if _hard(inst, "daily_rest"):
        minimum = inst.rules.daily_rest.min_minutes
        for pair in following(passes, view.cyclic, view.horizon_minutes):
            rest = pair.rest_minutes
            if 0 <= rest - minimum < TIGHT_MINUTES:
                found.append(Binding("daily_rest", say(
                    "daily_rest", lang, exactly=say("exactly", lang) if rest == minimum else "",
                    rest=duration(rest, lang), previous=ending(pair.previous, lang),
                    next=starting(pair.next, lang, pair.shift != 0),
                    minimum=duration(minimum, lang))))
    if _hard(inst, "weekly_rest"):
        w = inst.rules.weekly_rest
        needed = w.min_minutes + (0 if w.includes_daily_rest else inst.rules.daily_rest.min_minutes)
        busy = busy_spans(passes, view.cyclic, view.horizon_minutes)
        for week in range(inst.horizon.weeks):
            monday = week * MINUTES_PER_WEEK
            longest = longest_free((monday, monday + MINUTES_PER_WEEK), busy)
            if 0 <= longest - needed < TIGHT_MINUTES:
                found.append(Binding("weekly_rest", say(
                    "weekly_rest", lang, week=week + 1, first=view.date(7 * week),
                    last=view.date(7 * week + 6), longest=duration(longest, lang),
                    minimum=duration(needed, lang))))
    found += _days(view, employee, lang)
    return found


def _contract(view: RosterView, employee: str, lang: Lang) -> list[Binding]:
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
        base = say("contract", lang, paid=duration(paid, lang), when=when,
                   target=duration(period.target_minutes, lang), tolerance=duration(tol, lang))
        if paid in (low, high):
            edge = say("lower" if paid == low else "upper", lang)
            found.append(Binding("contract_hours", base + say("edge", lang, edge=edge)))
        elif high - paid < shortest:
            found.append(Binding("contract_hours", base + say(
                "no_more", lang, left=duration(high - paid, lang),
                shortest=duration(shortest, lang))))
        elif paid - low < shortest:
            found.append(Binding("contract_hours", base + say(
                "no_less", lang, above=duration(paid - low, lang),
                shortest=duration(shortest, lang))))
    return found


def _days(view: RosterView, employee: str, lang: Lang) -> list[Binding]:
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
                found.append(Binding("max_consecutive_days", say(
                    "consecutive", lang, count=run.length, first=view.date(run.first_day),
                    last=view.date(last), limit=limit)))
    if _hard(inst, "max_split_shifts"):
        limit = rules.max_split_shifts.per_employee.get(employee, rules.max_split_shifts.max)
        count = sum(1 for p in view.passes[employee] if p.is_split)
        if count == limit and limit > 0:
            found.append(Binding("max_split_shifts",
                                 say("split", lang, count=count, limit=limit)))
    if _hard(inst, "max_weekends"):
        limit = rules.max_weekends.per_employee.get(employee, rules.max_weekends.max)
        worked = [w for w in range(inst.horizon.weeks) if flags[7 * w + 5] or flags[7 * w + 6]]
        if len(worked) == limit:
            found.append(Binding("max_weekends",
                                 say("weekends", lang, count=len(worked), limit=limit)))
    if _hard(inst, "max_shift_passes"):
        for lim in rules.max_shift_passes.limits:
            if lim.employees is not None and employee not in lim.employees:
                continue
            count = sum(1 for p in view.passes[employee] if p.shift_id == lim.shift)
            if count == lim.max:
                found.append(Binding("max_shift_passes", say(
                    "shift_passes", lang, count=count, shift=lim.shift, limit=lim.max)))
    for rule_id, working in (("min_consecutive_days", True), ("min_consecutive_days_off", False)):
        if not _hard(inst, rule_id):
            continue
        rule = getattr(rules, rule_id)
        limit = rule.per_employee.get(employee, rule.min)
        pattern = [f == working for f in flags]
        short = [r for r in runs(pattern, view.cyclic)
                 if r.length == limit and not r.touches_border]
        if short:
            what = say("working_days" if working else "days_off", lang)
            found.append(Binding(rule_id, say("short_runs", lang, count=len(short),
                                              limit=limit, what=what,
                                              first=view.date(short[0].first_day))))
    return found


def explain_employee(inst: Instance, roster: Roster, employee: str, limit: float = WISH_SECONDS,
                     workers: int = 1, seed: int = 0, max_wishes: int = 10,
                     lang: Lang = "en") -> EmployeeExplanation:
    view = read_roster(inst, roster)
    report = check_roster(inst, roster)
    soft = [v.text(lang) for v in report.soft_breaches
            if v.employee == employee and v.rule != "wishes"]
    emp = inst.employee[employee]
    unmet = [w for w in emp.wishes if not wish_granted(view, emp, w)]
    outcomes = [price_wish(inst, roster, employee, w, limit, workers, seed, lang)
                for w in unmet[:max_wishes]]
    return EmployeeExplanation(employee, bindings(view, employee, lang), soft, outcomes,
                               name=emp.name, lang=lang)

