"""The public API at the package root: the names, the one-line solve of the issue, Result's
own check and cost, the DataFrames, SolverParams' round trip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import bemanna
from bemanna import SolverParams

ROOT = Path(__file__).resolve().parents[1]


def test_root_exports_the_small_api() -> None:
    for name in ("load", "solve", "check", "price", "simulate", "compare", "Instance",
                 "Roster", "SolverParams", "Result", "Scenario"):
        assert hasattr(bemanna, name), name
    with pytest.raises(AttributeError):
        bemanna.no_such_name  # noqa: B018


def test_import_bemanna_does_not_load_the_solver() -> None:
    """`import bemanna` (and `bemanna --help`) stay light: OR-Tools loads on first solve."""
    code = "import sys, bemanna; print('ortools' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_solve_result_checks_and_prices_itself() -> None:
    """The issue's one-liner on the nurse group: the checker passes and recomputes the
    solver's objective to the öre (the invariant every roster keeps)."""
    instance = bemanna.load(ROOT / "instances" / "nurse_group.yaml")
    result = bemanna.solve(instance, SolverParams(time_limit=4, workers=1))
    assert result.feasible and result.roster is not None
    assert result.check().ok
    assert result.cost().total == result.objective
    assert str(result.cost()).endswith(" SEK")
    frame = result.to_frame()
    assert len(frame) == len(result.roster.assignments)
    # paid minutes per employee in the frame are the roster's own scheduled minutes
    per_employee = frame.groupby("employee").paid_minutes.sum().to_dict()
    for summary in result.roster.employees:
        assert per_employee.get(summary.id, 0) == summary.scheduled_minutes
    assert bemanna.check(instance, result.roster).total == result.objective
    assert bemanna.price(instance, result.roster).totals["total"] > 0


def test_instance_frames() -> None:
    """staff_frame: one row per employee; demand_frame: the need per band and date — its
    minimum headcount-hours on a Monday equal the weekday bands' sum by hand."""
    instance = bemanna.load(ROOT / "instances" / "nurse_group.yaml")
    staff = instance.staff_frame()
    assert list(staff.employee) == [e.id for e in instance.employees]
    need = instance.demand_frame()
    monday = instance.horizon.date(0)
    by_hand = sum((b.offsets[1] - b.offsets[0]) * b.min for d in instance.demand
                  if d.dates is None and "mon" in d.weekdays for b in d.bands)
    day = need[need.date == monday]
    assert int((day.minutes * day["min"]).sum()) == by_hand


def test_solver_params_reproducible_and_round_trip() -> None:
    params = SolverParams.reproducible(0.5, workers=1, strategy="hinted")
    assert params.is_reproducible and params.strategy == "hinted"
    assert SolverParams.from_dict(params.to_dict()) == params
    with pytest.raises(ValueError, match="strategy"):
        SolverParams(strategy="fastest")


def test_stop_event_ends_the_solve_with_the_best_roster() -> None:
    """A web app's Stop button: set from another thread once the first roster is in, the
    60 s solve comes back early, interrupted, with a roster the checker passes."""
    import threading

    instance = bemanna.load(ROOT / "instances" / "nurse_group.yaml")
    stop = threading.Event()
    result = bemanna.solve(instance, SolverParams(time_limit=60, workers=1),
                           on_progress=lambda step: stop.set(), stop=stop)
    assert result.interrupted and result.roster is not None
    assert result.wall_time < 60
    assert result.check().ok


def test_the_api_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every docstring example of bemanna.api is a doctest that passes; the examples after
    `solve` reuse a nurse-group roster solved here, as the module docstring says."""
    import doctest

    import bemanna.api

    monkeypatch.chdir(ROOT)
    instance = bemanna.load("instances/nurse_group.yaml")
    result = bemanna.solve(instance, SolverParams(time_limit=3, workers=1))
    outcome = doctest.testmod(bemanna.api, extraglobs={"bemanna": bemanna, "instance": instance,
                                                       "result": result})
    assert outcome.attempted >= 12 and outcome.failed == 0
