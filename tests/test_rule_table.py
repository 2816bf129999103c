"""A rule added to the rule table alone is modelled, checked, priced, pre-solved and explained.

The toy rule "max_night_passes" (at most `max` N passes per employee) is written here: its
parameters, its builder, its check. It is added to `bemanna.rules.RULES` (monkeypatched, so no
other test sees it) and nothing else changes: no dict of builders, checks, names or units is
touched. Its parameters ride on the instance in a rule set with one more field (as the real
`Rules` would get one).

Instance (solver_cases): one week from Monday 2025-03-03, one employee, shift N 21:00–07:00
(paid 600) every day, and night need 21:00–07:00 of one person every day, at 500 SEK/h when
uncovered. Without the toy rule the employee works 4 nights: the average-weekly-hours rule
(ATL 48 h) stops a fifth (5 × 600 minutes = 50 h), and every night is worth 5 000 SEK of
cover.
"""

from __future__ import annotations

import pytest
from pydantic import Field

from bemanna.checker import RuleResult, Violation, check_roster
from bemanna.checker.passes import RosterView
from bemanna.explain.infeasible import explain_infeasible
from bemanna.instance import Instance, Rules
from bemanna.instance.rules import RuleBase
from bemanna.presolve.pins import pin_findings
from bemanna.rules import RULES, RuleSpec
from bemanna.solver.builders.days import _at_most
from bemanna.solver.context import Context
from bemanna.units import sek_to_ore
from solver_cases import N, band, build, day, employee, need, solved, worked
from test_check_builders import make_pass, make_roster

TOY = "max_night_passes"


class MaxNightPasses(RuleBase):
    """`max_night_passes`: N passes per employee over the horizon <= max. Unit: night pass."""

    max: int = Field(default=2, ge=0)


class ToyRules(Rules):
    max_night_passes: MaxNightPasses = Field(default_factory=MaxNightPasses)


def build_max_night_passes(ctx: Context) -> None:
    """At most `max` work literals of shift N per employee (the shared at-most helper of the
    day rules: hard under the explain guard, soft with one unit per pass above)."""
    rule = ctx.instance.rules.max_night_passes  # type: ignore[attr-defined]
    if not rule.enabled:
        return
    for emp in ctx.employees:
        nights = [ctx.work[key] for d in range(ctx.index.days)
                  if (key := (emp.id, d, "N")) in ctx.work]
        _at_most(ctx, TOY, rule, nights, rule.max, f"nights_{emp.id}", emp.id)


def max_night_passes(view: RosterView) -> RuleResult:
    """Read off the roster: each employee's N passes, one unit per pass above max."""
    rule = view.instance.rules.max_night_passes  # type: ignore[attr-defined]
    if not rule.enabled:
        return RuleResult([], 0)
    found, units = [], 0
    for emp, passes in view.passes.items():
        nights = [p for p in passes if p.shift_id == "N"]
        if len(nights) > rule.max:
            units += len(nights) - rule.max
            found.append(Violation(TOY, emp, nights[rule.max].date,
                                   f"{emp}: {len(nights)} night passes (maximum {rule.max})"))
    return RuleResult(found, units)


@pytest.fixture
def toy_rule(monkeypatch: pytest.MonkeyPatch) -> RuleSpec:
    """The one row; the builder and check are named by reference, like every other row."""
    spec = RuleSpec(TOY, MaxNightPasses, f"{__name__}:build_max_night_passes",
                    f"{__name__}:max_night_passes", "night pass", "night passes",
                    "nattpass", "night passes", monotone=True)
    monkeypatch.setitem(RULES, TOY, spec)
    return spec


def nights(**toy: object) -> Instance:
    inst = build([N], demand=[need(band("21:00", "07:00"))])
    fields = {name: getattr(inst.rules, name) for name in Rules.model_fields}
    return inst.replaced(rules=ToyRules(**fields, max_night_passes=MaxNightPasses(**toy)))


def test_without_the_row_the_employee_works_four_nights() -> None:
    """The instance's extra parameters do nothing until the table has the row."""
    result, _ = solved(nights(max=2))
    assert sorted(worked(result).values()) == ["N"] * 4


def test_the_solver_obeys_the_row_and_the_checker_agrees(toy_rule: RuleSpec) -> None:
    """Hard, max 2: two nights. The need is 6 whole nights of 600 minutes plus Sunday's
    21:00–24:00 (the horizon ends at midnight), so 6 × 600 + 180 − 2 × 600 = 2 580 minutes
    stay uncovered at 833 öre. `solved` asserts the checker finds no violation and prices
    the roster at the solver's objective."""
    result, _ = solved(nights(max=2))
    assert sorted(worked(result).values()) == ["N", "N"]
    assert result.objective == 2580 * 833


def test_soft_the_row_prices_each_night_above_the_limit(toy_rule: RuleSpec) -> None:
    """Soft at 100 SEK a night: a night above the limit (100 SEK) is far cheaper than 600
    uncovered minutes (5 000 SEK), so four nights again, two of them priced: 2 × 10 000 öre
    under the rule's own id, by the solver and by the checker alike."""
    result, report = solved(nights(max=2, mode="soft", weight_sek=100))
    assert len(worked(result)) == 4
    assert report.units[TOY] == 2
    assert report.costs[TOY] == 2 * sek_to_ore(100) == result.objective_by_term[TOY]


def test_the_checker_catches_a_hand_built_breach(toy_rule: RuleSpec) -> None:
    """Three nights against a limit of two: one violation under the toy id, dated the third."""
    inst = nights(max=2)
    roster = make_roster(inst, [make_pass(inst, "E1", d, "N") for d in (0, 2, 4)])
    report = check_roster(inst, roster)
    assert [(v.rule, v.employee, str(v.date)) for v in report.violations] == [
        (TOY, "E1", day(4))]


def test_presolve_and_explain_name_the_rule(toy_rule: RuleSpec) -> None:
    """Three nights pinned against a limit of two. Pre-solve asks the monotone rows on the
    pins alone and finds the breach; explain's minimal conflict is the rule and the three
    pins, worded with the row's Swedish name, and its repair accepts one night pass more
    (100 SEK at the rule's weight)."""
    pins = [{"date": day(d), "shift": "N"} for d in (0, 2, 4)]
    base = build([N], employees=[employee(pinned=pins)])
    fields = {name: getattr(base.rules, name) for name in Rules.model_fields}
    inst = base.replaced(rules=ToyRules(**fields, max_night_passes=MaxNightPasses(
        max=2, weight_sek=100)))
    assert [f.rule for f in pin_findings(inst)] == [TOY]
    # English: the repair's generic wording names the row's own unit ("night pass"), which the
    # rule table has in English only; the Swedish wording counts breaches of the rule id.
    explanation = explain_infeasible(inst, budget=30, lang="en")
    [conflict] = explanation.conflicts
    assert sorted(g.rule for g in conflict.core.groups) == [TOY] + ["pinned"] * 3
    assert any(text.startswith(f"{TOY} (nattpass): E1") for text in conflict.texts)
    repair = next(r for r in explanation.repairs if r.rule == TOY)
    assert repair.unit == "night pass" and repair.units == 1
    assert repair.change.startswith("accept 1 night pass for E1: E1: 3 night passes")
    assert repair.cost_ore == sek_to_ore(100)
