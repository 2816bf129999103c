"""Repair options for a conflict, ranked by how little they relax.

For each rule of a conflict and its employee, the employee's hard rules are solved again alone
with only that rule made soft (at its own `weight_sek`, nothing else priced): the cheapest
roster then breaks that rule as little as the other hard rules allow. The checker reads the
breaches off that roster, and they become a concrete change ("allow 1 split pass more for E07",
"lower E12's contract by 4 h"). Each pin of a conflict is tried removed. Options are ranked by
what the relaxation would cost at the rules' own soft prices — the instance's exchange rate
between units of different rules; a pin counts as one unit at `PIN_PRICE_SEK`. An option that
is not enough on its own (another conflict of the same employee remains) comes last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from bemanna.checker import check_roster, read_roster
from bemanna.explain.changes import Relaxed
from bemanna.explain.core import Group, GuardedModel
from bemanna.explain.wording import PINNED, shift_text
from bemanna.instance.model import Instance
from bemanna.labels import Lang
from bemanna.labels.phrases import render
from bemanna.roster import Roster
from bemanna.rules import resolve, rule
from bemanna.solver.builders import build_rules
from bemanna.solver.context import Context, create_variables, solve_model
from bemanna.solver.extract import extract_roster
from bemanna.solver.index import build_index
from bemanna.units import sek_to_ore

PIN_PRICE_SEK = Decimal(1000)
"""What removing one pin counts as when ranking (the default price of one rule unit)."""
RELAX_SECONDS = 5.0


@dataclass(frozen=True)
class Repair:
    rule: str
    employee: str
    change: str
    """What to change, in the planner's words."""
    units: int
    unit: str
    cost_ore: int
    """The relaxation priced at the rule's weight_sek (pins: PIN_PRICE_SEK each)."""
    enough_alone: bool
    """The employee's rules hold once this change is made (no other conflict remains)."""


def one_employee_soft(instance: Instance, employee: str, rule_id: str) -> Instance:
    """The instance with only `employee` and `rule_id` soft (a unit costs at least 1 öre)."""
    params = rule(rule_id).parameters(instance.rules)
    weight = params.weight_sek if params.weight_sek > 0 else Decimal("0.01")
    rules = instance.rules.model_copy(update={rule_id: params.model_copy(
        update={"mode": "soft", "weight_sek": weight})})
    return instance.replaced(rules=rules, employees=[instance.employee[employee]])


def least_breach(instance: Instance, employee: str, rule_id: str,
                 limit: float = RELAX_SECONDS) -> tuple[Instance, Roster] | None:
    """The employee's roster that breaks `rule_id` (soft) as little as the other hard rules
    allow, or None when the other hard rules cannot hold even so."""
    soft = one_employee_soft(instance, employee, rule_id)
    ctx = Context.fresh(soft, build_index(soft))
    create_variables(ctx)
    build_rules(ctx)
    ctx.model.minimize(sum((t.coef * t.expr for t in ctx.terms.get(rule_id, [])), 0))
    status, solver, _ = solve_model(ctx.model, limit)
    if status not in ("OPTIMAL", "FEASIBLE"):
        return None
    cost = round(solver.objective_value)
    return soft, extract_roster(ctx, solver, status, cost, cost, {rule_id: cost})


def relax_rule(instance: Instance, employee: str, rule_id: str,
               limit: float = RELAX_SECONDS, lang: Lang = "sv") -> Repair:
    found = least_breach(instance, employee, rule_id, limit)
    spec = rule(rule_id)
    unit = spec.unit
    if found is None:
        return Repair(rule_id, employee, render("explain.relax_alone", lang, {
            "rule": rule_id, "employee": employee}), 0, unit, 0, False)
    soft, roster = found
    report = check_roster(soft, roster)
    units = report.units.get(rule_id, 0)
    cost = report.costs.get(rule_id, 0)
    view = read_roster(soft, roster)
    change = _change(Relaxed(instance, view, report, rule_id, employee, units, lang))
    weight = spec.parameters(instance.rules).weight_sek
    per = (render("explain.per_hour", lang, {}) if spec.per_minute
           else unit if lang == "en" else render("explain.per_breach", lang, {}))
    shown = f"{weight:f}".replace(".", "," if lang == "sv" else ".")
    change += render("explain.or_soft", lang, {"rule": rule_id, "weight": shown, "per": per})
    return Repair(rule_id, employee, change, units, unit, cost, True)


def remove_pin(model: GuardedModel, groups: list[Group], pin: Group,
               lang: Lang = "sv") -> Repair:
    others = [g for g in model.groups if g != pin]
    status, _ = model.solve(others)
    date = dt.date.fromisoformat(pin.detail)
    emp = model.instance.employee[pin.employee]
    shift = next((p.shift for p in emp.pinned if p.date == date), None)
    what = (render("explain.pin_day_off", lang, {}) if shift is None
            else render("explain.pin_shift", lang,
                        {"shift": shift_text(model.instance.shift[shift])}))
    change = render("explain.remove_pin", lang, {"employee": pin.employee, "date": date,
                                                 "what": what})
    return Repair(PINNED, pin.employee, change, 1, "pin", sek_to_ore(PIN_PRICE_SEK),
                  status == "FEASIBLE")


def _change(relaxed: Relaxed) -> str:
    """The rule's own repair wording from the rule table, else "accept N <units>" with the
    first breach the checker found, in the relaxation's language."""
    spec = rule(relaxed.rule_id)
    if spec.repair is not None:
        return cast(Callable[[Relaxed], str], resolve(spec.repair))(relaxed)
    mine = [v.text(relaxed.lang) for v in relaxed.report.soft_breaches
            if v.rule == relaxed.rule_id]
    first = f": {mine[0]}" if mine else ""
    noun = (spec.noun(relaxed.units) if relaxed.lang == "en" else relaxed.say(
        "breaches", units=relaxed.units, rule=relaxed.rule_id, name=spec.name_sv))
    return relaxed.say("accept", noun=noun, first=first)


def repairs_for(instance: Instance, model: GuardedModel, groups: list[Group],
                limit: float = RELAX_SECONDS, lang: Lang = "sv") -> list[Repair]:
    """Every repair option of one conflict (one employee's minimal core)."""
    found: list[Repair] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        if group.rule == PINNED:
            found.append(remove_pin(model, groups, group, lang))
            continue
        key = (group.rule, group.employee)
        if key not in seen:
            seen.add(key)
            found.append(relax_rule(instance, group.employee, group.rule, limit, lang))
    return found


def ranked(repairs: list[Repair]) -> list[Repair]:
    return sorted(repairs, key=lambda r: (not r.enough_alone, r.cost_ore, r.rule, r.employee))
