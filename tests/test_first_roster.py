"""The constructive first roster (solver/construct.py, solver/first.py) and warm starts.

- The greedy's lines that it does not flag as doubtful keep every hard rule: priced on the
  full model with every decision fixed they are feasible, and the roster read back passes the
  independent checker (shipped instances and generated units, which the greedy builds alone).
- The first roster (greedy + CP-SAT mending of the doubtful lines) passes the checker on
  every shipped instance, generated units and small Curtois instances, whose minimum runs
  and minimum totals the greedy cannot always meet alone.
- `solve(..., hint=roster)`: hinting the optimum of a tiny instance returns a roster no
  dearer than it; a stale hint with a pass the instance no longer allows is tolerated (the
  pass is dropped and counted).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from bemanna.checker import check_roster
from bemanna.generate.portfolio import PortfolioParams, generate_portfolio
from bemanna.importers.curtois import import_curtois
from bemanna.instance import Instance, instance_from_data, load_instance
from bemanna.roster import Roster
from bemanna.solver import SolverParams, build_model, solve
from bemanna.solver.assignment import RESURS, Assignment, fixed_model
from bemanna.solver.construct import Greedy, construct
from bemanna.solver.extract import extract_roster
from bemanna.solver.search import Search
from solver_cases import MONDAY, D, K, band, build, day, employee, need

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "instances").glob("*.yaml"))
CURTOIS = ROOT / "benchmarks" / "data" / "curtois"
D1 = MONDAY + dt.timedelta(days=1)


def _generated() -> list[Instance]:
    units = generate_portfolio(PortfolioParams(care_homes=2, lss_homes=1, nurse_groups=1,
                                               weeks=2, seed=3))
    return [instance_from_data(u) for u in units]


def _priced_roster(inst: Instance, assignment: Assignment) -> Roster | None:
    """The roster of `assignment` with every decision fixed on the full model, or None when
    the fixed model is infeasible (some hard rule broken)."""
    full = build_model(inst)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 60
    status = solver.solve(fixed_model(full, assignment))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    objective = round(solver.objective_value)
    by_term = {term: sum(t.coef * solver.value(t.expr) for t in terms)
               + full.constants.get(term, 0) for term, terms in full.terms.items()}
    return extract_roster(full, solver, "FEASIBLE", objective, 0, by_term)


def _assert_legal(inst: Instance, roster: Roster | None) -> None:
    assert roster is not None, "the fixed full model says a hard rule is broken"
    report = check_roster(inst, roster)
    assert report.violations == [], report.violations[:3]
    assert report.total == roster.objective


@pytest.mark.parametrize("inst", [load_instance(p) for p in SHIPPED], ids=lambda i: i.name)
def test_greedy_alone_builds_legal_rosters_for_shipped_instances(inst: Instance) -> None:
    """Shipped instances: the greedy alone builds the roster (no doubtful line) and that
    roster keeps every hard rule (the checker finds no violation and prices it as the model
    does)."""
    full = build_model(inst)
    built = construct(full.index, full.need_cache)
    assert built.doubtful == set()
    assert len(built.assignment) > 0
    _assert_legal(inst, _priced_roster(inst, built.assignment))


def _first_roster(inst: Instance) -> Roster | None:
    search = Search(inst, SolverParams(time_limit=30, workers=1, seed=0))
    full = build_model(inst)
    first = search._first_roster(full)
    assert isinstance(first, tuple), first
    return _priced_roster(inst, first[0])


def _curtois(name: str) -> Instance:
    return instance_from_data(import_curtois(CURTOIS / f"{name}.txt"))


@pytest.mark.parametrize(
    "inst", _generated() + [_curtois(n) for n in ("Instance1", "Instance2", "Instance5")],
    ids=lambda i: i.name)
def test_first_roster_is_legal_on_generated_and_curtois(inst: Instance) -> None:
    """Generated units (lines the greedy is unsure of: a night worker short of contract
    hours) and Curtois instances (hard minimum runs of days and days off, minimum totals):
    with the doubtful lines mended, the first roster keeps every rule."""
    _assert_legal(inst, _first_roster(inst))


def _tiny() -> Instance:
    """One week, two employees, day and evening need every day: an optimum is found at
    once (the small model is solved outright)."""
    return build([D, K], [employee("E1"), employee("E2")],
                 [need(band("07:00", "15:30")), need(band("13:30", "21:30"))])


def test_hint_of_the_optimum_returns_no_dearer_roster() -> None:
    """Solving with the optimum as hint gives a roster at most as dear (the hint is the
    first incumbent once priced), and the stats say nothing of it was dropped."""
    inst = _tiny()
    params = SolverParams(time_limit=5, workers=1, seed=0)
    best = solve(inst, params)
    assert best.status == "OPTIMAL" and best.roster is not None
    again = solve(inst, params, hint=best.roster)
    assert again.roster is not None and again.objective is not None
    assert again.objective <= best.objective
    assert again.roster.stats["hint_dropped"] == 0
    assert again.roster.stats["hint_objective"] == best.objective
    _assert_legal(inst, again.roster)


def test_stale_hint_with_an_impossible_pass_is_tolerated() -> None:
    """A hint from before E1 became unavailable for the week: each of E1's passes in it is
    dropped (counted), E2's are used, and the roster keeps every rule. E1 works in the old
    optimum: two people cover day and evening need every day, one alone cannot."""
    inst = _tiny()
    params = SolverParams(time_limit=5, workers=1, seed=0)
    old = solve(inst, params).roster
    assert old is not None
    e1_passes = sum(1 for a in old.assignments if a.employee == "E1")
    assert e1_passes > 0
    data = inst.model_dump(mode="json")
    end = inst.horizon.date(inst.horizon.days - 1)
    data["employees"][0]["unavailable"] = [{"start": inst.horizon.start.isoformat(),
                                            "end": end.isoformat()}]
    changed = instance_from_data(data)
    result = solve(changed, params, hint=old)
    assert result.roster is not None
    assert result.roster.stats["hint_dropped"] == e1_passes
    assert not any(a.employee == "E1" for a in result.roster.assignments)
    _assert_legal(changed, result.roster)


def test_a_pinned_resurspass_is_placed_by_the_greedy() -> None:
    """A pass pinned as a resurspass (role 'resurs', as a repair's frozen past pins one) has
    no skill role to choose from: the greedy places it as a resurspass instead of failing
    (it raised IndexError on `opt.roles[0]` before), and the roster keeps the pin."""
    inst = build([D, K], [employee("E1", pinned=[{"date": day(1), "shift": "D",
                                                  "role": "resurs"}]), employee("E2")],
                 [need(band("07:00", "15:30"))], resurspass=True)
    result = solve(inst, SolverParams(time_limit=5, workers=1, seed=0))
    assert result.roster is not None
    pinned = [a for a in result.roster.assignments if a.employee == "E1" and a.date == D1]
    assert [(a.shift, a.kind) for a in pinned] == [("D", "resurs")]
    _assert_legal(inst, result.roster)


def test_remembered_pass_values_equal_fresh_ones_after_moves() -> None:
    """The greedy remembers a pass's value per (role, day) version (value_memo.py): after the
    whole construction (sweep, top-ups, ejection and reshaping moves on the care home), every
    remembered value still read must equal the value computed afresh, or the greedy would
    choose on stale coverage."""
    inst = load_instance(ROOT / "instances" / "care_home.yaml")
    full = build_model(inst)
    greedy = Greedy(full.index, full.need_cache, seed=1, eject_seconds=0.3)
    greedy.run()
    checked = 0
    for options in full.index.options.values():
        for opt in options:
            for role in (*opt.roles, RESURS):
                assert greedy._memo_value(opt, role) == pytest.approx(greedy.value(opt, role))
                checked += 1
    assert checked > 10_000
