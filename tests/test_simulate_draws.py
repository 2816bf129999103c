"""Absence draws: seeded reproducibility and the expected share of absent time."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from bemanna.checker.passes import read_roster
from bemanna.instance import Instance
from bemanna.roster import Roster
from bemanna.simulation import expected_absent_headcount, simulate
from bemanna.simulation.draws import draw_absent_days, start_chance
from test_check_builders import make_instance, make_pass, make_roster

WORKDAYS = [d for w in range(2) for d in range(7 * w, 7 * w + 5)]


def weekday_roster(absence: dict[str, Any]) -> tuple[Instance, Roster]:
    """Three employees on day passes D (07:00–15:30, 510 worked minutes) every weekday of two
    weeks, need 2 by day, agency fills: 30 passes, 15 300 minutes."""
    inst = make_instance(
        weeks=2,
        employees=[{"id": e, "skills": ["usk"]} for e in ("A", "B", "C")],
        demand=[{"skill": "usk", "bands": [{"start": "07:00", "end": "15:30", "min": 2}]}],
        cost_model={"gap_fill": {"usk": [{"source": "agency"}]}},
        absence=absence,
    )
    roster = make_roster(inst, [make_pass(inst, e, d, "D") for e in ("A", "B", "C")
                                for d in WORKDAYS])
    return inst, roster


def test_same_seed_same_runs_and_runs_are_prefix_stable() -> None:
    """A seed fixes every run; run i is the same whatever the number of runs (one uniform
    array of shape (runs, 2, employees, days)); another seed gives other runs."""
    inst, roster = weekday_roster({"rate": 0.2, "spell_mean_days": 3})
    first = simulate(inst, roster, runs=40, seed=7).per_run
    again = simulate(inst, roster, runs=40, seed=7).per_run
    assert first.equals(again)
    prefix = simulate(inst, roster, runs=10, seed=7).per_run
    assert prefix.equals(first.iloc[:10].reset_index(drop=True))
    other = simulate(inst, roster, runs=40, seed=8).per_run
    assert not other["absent_minutes"].equals(first["absent_minutes"])


def test_mean_absent_time_is_the_rate_without_spells() -> None:
    """Rate r = 0.1 and single-day spells: each of the 30 passes (510 min) is lost on its own
    with chance r, so the absent minutes of a run have mean r × 15 300 = 1 530 and variance
    30 × r (1 − r) × 510² (standard deviation 838 min); over 2 000 runs the mean's standard
    error is 18.7 min. The seeded mean lies within 4 standard errors."""
    inst, roster = weekday_roster({"rate": 0.1})
    runs = 2000
    minutes = simulate(inst, roster, runs=runs, seed=3).per_run["absent_minutes"]
    expected = 0.1 * 30 * 510
    standard_error = math.sqrt(30 * 0.1 * 0.9 * 510**2 / runs)
    assert abs(minutes.mean() - expected) < 4 * standard_error


def test_spells_keep_the_rate() -> None:
    """With spells of mean 4 days the share of absent days stays r: p = r (1 − q) / (1 − r q)
    makes the chain's long-run share r, and day 0 starts in it. Checked on the draws of 5 000
    employee-periods of 28 days with r = 0.097: the share is within 4 standard errors of r,
    the error estimated from the spread between employee-periods (they are independent).
    The mean length of a run of absent days is close to the 4-day mean spell (back-to-back
    spells merge and runs are cut at the period's ends, so only roughly: 3–5)."""
    rng = np.random.Generator(np.random.PCG64(11))
    rates = np.full((5000, 28), 0.097)
    days = draw_absent_days(rates, 1 - 1 / 4, 1, rng)[0]
    share = days.mean(axis=1)
    standard_error = share.std() / math.sqrt(len(share))
    assert abs(share.mean() - 0.097) < 4 * standard_error
    starts = (days[:, 1:] & ~days[:, :-1]).sum() + days[:, 0].sum()
    assert 3 < days.sum() / starts < 5


def test_start_chance_without_spells_is_the_rate() -> None:
    """q = 0 (one-day spells): a spell starts with chance r itself."""
    rates = np.array([[0.0, 0.05, 0.5]])
    assert np.allclose(start_chance(rates, 0.0), rates)


def test_expected_absent_headcount_follows_the_roster() -> None:
    """Uniform rate 0.1: the expected absent headcount is 0.1 × the ordinary passes working a
    minute: 0.3 at Monday 08:00 (three day passes), 0 at Monday 20:00."""
    inst, roster = weekday_roster({"rate": 0.1})
    expected = expected_absent_headcount(read_roster(inst, roster))["usk"]
    assert abs(expected[8 * 60] - 0.3) < 1e-12
    assert expected[20 * 60] == 0
