"""Every shipped instance solves to a roster that keeps every hard rule.

The benchmark (benchmarks/shipped.py) does the same at 10 s and 60 s; here a short limit keeps
CI fast. Why the assertions hold: the first roster is built from each employee's own rules, so
a roster exists as soon as the instances are feasible per employee (their witness rosters
pass the checker, tests/test_instances.py), and the reported objective is the exact price of
the returned roster, which the independent checker recomputes to the öre. The objective is
in kronor (issue 3): the pricing of the roster — OB of own passes, uncovered need bought per
the gap-fill policy, stranded resurstid at the wage — equals the solver's terms to the öre,
because the returned roster is priced again with every decision fixed and that small model
is solved to optimality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bemanna.checker import check_roster
from bemanna.instance import load_instance
from bemanna.pricing import price_roster
from bemanna.solver import SolverParams, solve

INSTANCES = sorted((Path(__file__).resolve().parent.parent / "instances").glob("*.yaml"))


@pytest.mark.parametrize("path", INSTANCES, ids=[p.stem for p in INSTANCES])
def test_shipped_instance_solves_and_checks(path: Path) -> None:
    inst = load_instance(path)
    result = solve(inst, SolverParams(time_limit=12, workers=2, seed=0))
    assert result.roster is not None, result.status
    report = check_roster(inst, result.roster)
    assert report.violations == []
    assert report.total == result.objective
    assert result.first_solution_time is not None
    pricing = price_roster(inst, result.roster)
    terms, totals = result.objective_by_term, pricing.totals
    assert terms["ob"] == totals["ob"]
    assert terms["uncovered_demand"] == (
        totals["overtime"] + totals["hourly_temps"] + totals["agency"])
    stranded = pricing.resurstid[pricing.resurstid.kind == "stranded"]
    assert terms.get("stranded_resurstid", 0) == int(stranded.cost_ore.sum())
