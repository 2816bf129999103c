"""Issue 17, item 8: an imported instance solves, checks and reports cleanly (exit 0).

A Curtois & Qu instance has one skill, N, and no `cost_model`: the built-in cost model knows
salaries for USK, VB and SSK only, so pricing failed after the optimum was found ("no monthly
salary for skill 'N'", exit 2). An instance without a `cost_model` section that the built-in
one cannot price is now priced in the objective's own units: every money amount is 0, the
terminal and the reports say so once and show the objective by term instead.
A file that *has* a cost_model lacking a salary stays bad input (tests/test_cli.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from bemanna.importers import import_curtois
from bemanna.instance import instance_from_data
from bemanna.pricing import price_roster
from bemanna.solver import SolverParams, solve
from test_cli import CURTOIS, bemanna, flat

NOTE = "no cost model"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("curtois")
    path = base / "i1.json"
    proc = bemanna("import", "curtois", CURTOIS / "Instance1.txt", "-o", path)
    assert proc.returncode == 0, proc.stderr
    return path


def test_pricing_without_a_cost_model_is_in_objective_units() -> None:
    """Instance1's optimum is 607 (the benchmark's published value): 600 of cover, 7 of
    wishes; the pricing has no money at all and says what the cost model lacks."""
    inst = instance_from_data(import_curtois(CURTOIS / "Instance1.txt"))
    result = solve(inst, SolverParams(time_limit=5, workers=1))
    assert result.roster is not None
    pricing = price_roster(inst, result.roster)
    assert pricing.unpriced and "monthly_salary.N" in pricing.unpriced[0]
    assert pricing.totals["total"] == 0
    assert result.roster.objective == 60_700  # öre: the benchmark's 607, weights as SEK


def test_solve_check_report_exit_0(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = bemanna("solve", imported, "--time-limit", "5", "--report", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert NOTE in flat(proc.stdout).lower()
    assert "Traceback" not in proc.stderr
    assert bemanna("check", imported, out).returncode == 0
    simulated = bemanna("simulate", out, "-i", imported, "--runs", "5")
    assert simulated.returncode == 0, simulated.stdout + simulated.stderr  # bookings, no money
    proc = bemanna("report", out, "-i", imported, "--out", tmp_path / "rep")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    book = load_workbook(tmp_path / "rep" / "report.xlsx")
    texts = [str(c.value) for row in book["Kostnader"].iter_rows() for c in row if c.value]
    assert any(NOTE in t.lower() or "ingen kostnadsmodell" in t.lower() for t in texts), texts
    assert "shift_cover" in texts  # the objective by term, in the instance's own units
    html = (tmp_path / "rep" / "report.html").read_text(encoding="utf-8")
    assert "Ingen kostnadsmodell" in html
