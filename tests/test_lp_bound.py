"""The LP bound (solver/lp_bound.py): a lower bound on every roster's cost, from the model's
linear relaxation.

- Need that nobody may cover costs the same in every roster: the model holds it as a constant
  (the objective's offset), so the relaxation's optimum is exactly that price. Monday
  07:00–15:30 unstaffed: 510 minutes × 833 öre = 424 830 öre.
- A bound never exceeds a proven optimum, on cases where the relaxation is tight and where
  it is not (solver_cases: flat prices, 833 öre an uncovered minute).
- `SolverParams(lp_bound=True)` reports it beside CP-SAT's bound: `Result.lp_bound`, the
  roster's stats, and `bound` the higher of the two.
"""

from __future__ import annotations

from bemanna.solver import SolverParams, build_model, solve
from bemanna.solver.lp_bound import lp_bound
from solver_cases import UNCOVERED, D, K, N, band, build, employee, need, optimum


def test_need_nobody_may_cover_is_the_whole_bound() -> None:
    inst = build([D], employees=[employee(allowed_shifts=["D"], unavailable=[
        {"start": "2025-03-03", "end": "2025-03-03"}])],
        demand=[need(band("07:00", "15:30"), weekdays=["mon"])])
    found = lp_bound(build_model(inst).model, 30.0)
    assert found.bound == 510 * UNCOVERED
    assert optimum(inst) == 510 * UNCOVERED


def test_the_bound_is_at_most_the_optimum() -> None:
    cases = [
        # one employee, day and evening need on Monday: one pass covers one of them
        build([D, K], demand=[need(band("07:00", "21:30"), weekdays=["mon"])]),
        # nights and days over a week, two employees, rest rules between them
        build([D, K, N], employees=[employee("E1"), employee("E2")],
              demand=[need(band("07:00", "21:30")), need(band("21:00", "07:00"))]),
    ]
    for inst in cases:
        found = lp_bound(build_model(inst).model, 30.0)
        assert found.bound is not None and 0 < found.bound <= optimum(inst)


def test_solve_reports_the_lp_bound_beside_cp_sat() -> None:
    inst = build([D, K, N], employees=[employee("E1"), employee("E2")],
                 demand=[need(band("07:00", "21:30")), need(band("21:00", "07:00"))])
    result = solve(inst, SolverParams(time_limit=10.0, workers=2, lp_bound=True))
    assert result.roster is not None and result.objective is not None
    assert result.lp_bound is not None and 0 < result.lp_bound <= result.objective
    assert result.bound is not None and result.bound >= result.lp_bound
    stats = result.roster.stats
    assert stats["lp_bound"] == result.lp_bound and stats["lp_rows"] > 0
    assert stats["cp_sat_bound"] <= result.objective
