"""The explanation machinery: guards, the minimal core, repairs, and 'why this roster'.

Instances are the tiny ones of solver_cases (Monday 2025-03-03, D 07:00–15:30 paid 480,
K 13:30–21:30 paid 450, N 21:00–07:00 paid 600, S split paid 540; contract_hours off unless
switched on; a 100 % contract is 2 295 minutes a week, ± 240).
"""

from __future__ import annotations

from bemanna.checker import check_roster, read_roster
from bemanna.explain.core import PINNED, Group, GuardedModel, explaining_index, find_cores
from bemanna.explain.infeasible import explain_infeasible
from bemanna.explain.repairs import relax_rule
from bemanna.explain.why import bindings, explain_employee, price_wish
from bemanna.instance.model import Wish
from bemanna.solver import SolverParams, solve
from bemanna.solver.context import Context, create_variables
from bemanna.solver.index import build_index
from bemanna.units import ore_per_minute
from solver_cases import D, K, N, S, band, build, day, employee, need
from test_check_builders import make_instance, make_pass, make_roster

SHORT_REST_PINS = [{"date": day(0), "shift": "K"}, {"date": day(1), "shift": "D"}]


def test_guard_is_empty_when_solving() -> None:
    """Solving builds no guard literals: hard constraints carry no enforcement (the model is
    the one the solver always built)."""
    inst = build([D, K])
    ctx = Context.fresh(inst, build_index(inst))
    create_variables(ctx)
    assert ctx.guard("daily_rest", "E1", 3) == []
    assert ctx.guards is None


def test_guard_groups_by_rule_employee_and_week() -> None:
    """Days 2 and 6 lie in week 0, day 7 in week 1 (two weeks): two groups, one literal each;
    a cyclic unwrapped day -1 is the last day, week 1."""
    inst = build([D], weeks=2, cyclic=True)
    ctx = Context.fresh(inst, build_index(inst), explaining=True)
    first, same, other = (ctx.guard("weekly_rest", "E1", d) for d in (2, 6, 7))
    assert first == same and first != other
    assert ctx.guard("weekly_rest", "E1", -1) == other
    assert set(ctx.guards or {}) == {("weekly_rest", "E1", 0, ""), ("weekly_rest", "E1", 1, "")}


def test_core_of_pinned_short_rest_is_both_pins_and_the_rule() -> None:
    """K pinned Monday (ends 21:30), D pinned Tuesday (starts 07:00): 9 h 30 min rest. Drop
    either pin or the daily rest and the rest holds, so all three are in the minimal core;
    nothing else is (E2 has no conflict)."""
    inst = build([D, K], employees=[employee(pinned=SHORT_REST_PINS), employee("E2")])
    [core] = find_cores(inst)
    assert core.employee == "E1" and core.proven_minimal
    assert core.groups == [Group("daily_rest", "E1", 0),
                           Group(PINNED, "E1", 0, day(0)), Group(PINNED, "E1", 0, day(1))]


def test_a_feasible_instance_has_no_core() -> None:
    assert find_cores(build([D, K], employees=[employee(), employee("E2")])) == []


def test_guarded_model_holds_every_hard_rule_group() -> None:
    """With every group enforced the guarded model is the solver's model: feasible here, and
    infeasible with the short-rest pins (same verdict as the solver)."""
    ok = build([D, K], rules={"contract_hours": {"enabled": True}})
    model = GuardedModel.build(ok, explaining_index(ok), {"E1"})
    assert model.solve(sorted(model.groups))[0] == "FEASIBLE"
    bad = build([D, K], employees=[employee(pinned=SHORT_REST_PINS)])
    model = GuardedModel.build(bad, explaining_index(bad), {"E1"})
    assert model.solve(sorted(model.groups))[0] == "INFEASIBLE"
    assert solve(bad, SolverParams(time_limit=3, workers=1)).status == "INFEASIBLE"


def test_contract_repair_lowers_the_contract_by_the_shortfall() -> None:
    """E1 full time on D only, pinned off Monday to Thursday: 3 D (1 440 min) fit, at least
    2 055 are needed: the contract must drop by 615 min = 10 h 15 min, which at the rule's
    1 000 SEK/h costs 615 × ore_per_minute(1000) öre."""
    pins = [{"date": day(d), "shift": None} for d in range(4)]
    inst = build([D], employees=[employee(pinned=pins)],
                 rules={"contract_hours": {"enabled": True}})
    # Worded in English: the English sentence is the one these figures were written against
    # (Swedish is the default; test_explain_language.py checks the Swedish wording).
    repair = relax_rule(inst, "E1", "contract_hours", lang="en")
    assert repair.enough_alone and repair.units == 615
    assert repair.cost_ore == 615 * ore_per_minute(1000)
    assert "lower E1's contract by 10 h 15 min to at most 28 h" in repair.change
    assert "employment rate 100 % → 73.2 %" in repair.change  # 100 × (1440 + 240) / 2295


def test_split_repair_counts_the_split_passes_above_the_limit() -> None:
    """Only S (540 paid) and at most 1 split pass, full time: 4 S (2 160 ≥ 2 055) are needed,
    so 3 more split passes: 3 units at 1 000 SEK."""
    inst = build([S, D], employees=[employee(allowed_shifts=["S"])],
                 rules={"contract_hours": {"enabled": True}, "max_split_shifts": {"max": 1}})
    explanation = explain_infeasible(inst, lang="en")  # the English wording (default Swedish)
    best = explanation.repairs[0]
    assert best.rule == "max_split_shifts" and best.units == 3
    assert best.cost_ore == 3 * 100_000
    assert "allow 3 split passes more for E1 (max_split_shifts.per_employee.E1: 4)" in best.change


def test_repairs_are_ranked_by_price_and_sufficiency() -> None:
    """Short-rest pins: accepting the one short rest (1 000 SEK at daily_rest's weight) and
    removing either pin (1 000 SEK each by convention) all suffice alone: equal price, so the
    order is by rule id (daily_rest before pinned)."""
    inst = build([D, K], employees=[employee(pinned=SHORT_REST_PINS)])
    repairs = explain_infeasible(inst, lang="en").repairs  # English wording, default Swedish
    assert [(r.rule, r.cost_ore, r.enough_alone) for r in repairs] == [
        ("daily_rest", 100_000, True), (PINNED, 100_000, True), (PINNED, 100_000, True)]
    assert "9 h 30 min rest between pass K ending 2025-03-03 21:30" in repairs[0].change


def test_explanation_lines_and_json_agree() -> None:
    inst = build([D, K], employees=[employee(pinned=SHORT_REST_PINS)])
    explanation = explain_infeasible(inst)
    data = explanation.to_dict()
    lines = "\n".join(explanation.lines())
    assert data["rules"] == ["daily_rest", PINNED] and data["employees"] == ["E1"]
    for group in data["conflicts"][0]["groups"]:
        assert group["text"] in lines
    assert data["conflicts"][0]["groups"][0]["week"] == 1  # weeks are 1-based in the file
    assert [r["cost_sek"] for r in data["repairs"]] == ["1000.00"] * 3


# --- why this roster -------------------------------------------------------------------------


def test_bindings_name_rest_at_the_minimum_and_runs_at_the_maximum() -> None:
    """S on Monday ends 20:00 and D on Tuesday starts 07:00: exactly the 11 h daily rest. S on
    Monday and D Tuesday to Saturday make 6 working days in a row, the maximum. (Weekly rest is
    off so that the run is allowed.) E2 works nothing: nothing binds."""
    inst = make_instance({"weekly_rest": {"enabled": False}})
    passes = [make_pass(inst, "E1", 0, "S")] + [make_pass(inst, "E1", d, "D") for d in range(1, 6)]
    view = read_roster(inst, make_roster(inst, passes))
    found = {(b.rule, b.text) for b in bindings(view, "E1")}
    assert ("daily_rest", "exactly 11 h rest between pass S ending 2025-03-03 20:00 and pass D "
            "starting 2025-03-04 07:00 (minimum 11 h)") in found
    assert ("max_consecutive_days", "6 working days in a row, 2025-03-03 – 2025-03-08 "
            "(maximum 6)") in found
    assert bindings(view, "E2") == []


def test_bindings_name_the_contract_edge() -> None:
    """E1 at 50 %: 1 148 ± 240, lower edge 908. D + K + ... : D (480) + K (450) = 930, 22 min
    above the lower edge, less than the shortest pass (K, 450): no pass can be taken away."""
    inst = make_instance({"contract_hours": {"enabled": True}},
                         employees=[{"id": "E1", "skills": ["usk"], "employment_rate": 50}])
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D"), make_pass(inst, "E1", 2, "K")])
    [found] = bindings(read_roster(inst, roster), "E1")
    assert found.rule == "contract_hours"
    assert "no pass can be taken away (22 min above the lower edge" in found.text


def test_a_wish_is_priced_by_the_optimum_with_it_granted() -> None:
    """One employee, one week, need only on Wednesday: the cheapest roster works Wednesday,
    so a day-off wish that date is not met. Re-solving with it granted (the employee's whole
    week is free) must cost exactly the optimum with Wednesday pinned off minus the optimum:
    both computed here by the solver on the full instance."""
    wish = {"kind": "day_off", "date": day(2), "weight_sek": 100}
    demand = [need(band("07:00", "15:30"), weekdays=["wed"])]
    inst = build([D, K], employees=[employee(employment_rate=50, wishes=[wish])],
                 demand=demand, rules={"contract_hours": {"enabled": True}})
    free = solve(inst, SolverParams(time_limit=5, workers=1))
    pinned = build([D, K], employees=[employee(employment_rate=50, wishes=[wish],
                                               pinned=[{"date": day(2), "shift": None}])],
                   demand=demand, rules={"contract_hours": {"enabled": True}})
    off = solve(pinned, SolverParams(time_limit=5, workers=1))
    assert free.status == off.status == "OPTIMAL"
    assert free.roster is not None and free.objective is not None and off.objective is not None
    assert any(a.date.isoformat() == day(2) for a in free.roster.assignments), "wish not met"
    outcome = price_wish(inst, free.roster, "E1", Wish.model_validate(wish), limit=5)
    assert outcome.granted_cost_ore == off.objective - free.objective
    assert outcome.granted_cost_ore > 10_000  # more than the wish's 100 SEK, or it were met
    assert "granting it costs about" in outcome.text


def test_explain_employee_lists_unmet_wishes_and_soft_breaches() -> None:
    wish = {"kind": "day_off", "date": day(2), "weight_sek": 100}
    demand = [need(band("07:00", "15:30"), weekdays=["wed"])]
    inst = build([D, K], employees=[employee(employment_rate=50, wishes=[wish])],
                 demand=demand, rules={"contract_hours": {"enabled": True}})
    result = solve(inst, SolverParams(time_limit=5, workers=1))
    assert result.roster is not None
    found = explain_employee(inst, result.roster, "E1", limit=2)
    assert [w.wish.date.isoformat() for w in found.wishes] == [day(2)]
    assert check_roster(inst, result.roster).ok
    assert found.to_dict()["wishes"][0]["estimate"] is True


def test_a_wish_against_a_pin_cannot_be_granted() -> None:
    wish = {"kind": "day_off", "date": day(1), "weight_sek": 100}
    inst = build([D, K, N], employees=[employee(wishes=[wish],
                                                pinned=[{"date": day(1), "shift": "D"}])])
    result = solve(inst, SolverParams(time_limit=3, workers=1))
    assert result.roster is not None
    outcome = price_wish(inst, result.roster, "E1", Wish.model_validate(wish))
    assert outcome.granted_cost_ore is None
    assert "cannot be granted, the day is pinned to pass D" in outcome.text
