"""Absence simulation: what a roster costs once staff are off sick (docs/resurstid.md).

Reads an instance (its `absence` profile and `cost_model`) and a roster; never the solver
(this package imports neither `bemanna.solver` nor OR-Tools). Vectorised with numpy across
runs; reproducible from a seed (PCG64).

    result = simulate(instance, roster, runs=1000, seed=0)
    result.summary(), result.figures(), result.per_run, result.booked_cells

`simulate_absences(instance, roster, absent_days)` runs given absences (hand-made cases, or
two rosters of one instance on the same draws). Expected absence without simulating:
`expected_need_absence(instance)` (per skill and minute, before a roster exists),
`expected_absence_table(instance)` (per weekday × band) and `expected_absent_headcount(view)`
(for a roster).

The names load on first use, so that `bemanna --help` does not import numpy and pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bemanna.simulation.engine import roster_problems, simulate, simulate_absences
    from bemanna.simulation.overtime import OvertimeCaps
    from bemanna.simulation.profile import (
        expected_absence_table,
        expected_absent_headcount,
        expected_need_absence,
        minute_rates,
        pass_rate,
    )
    from bemanna.simulation.result import SimulationResult

_WHERE = {
    "roster_problems": "engine",
    "simulate": "engine",
    "simulate_absences": "engine",
    "OvertimeCaps": "overtime",
    "expected_absence_table": "profile",
    "expected_absent_headcount": "profile",
    "expected_need_absence": "profile",
    "minute_rates": "profile",
    "pass_rate": "profile",
    "SimulationResult": "result",
}

__all__ = [
    "OvertimeCaps",
    "SimulationResult",
    "expected_absence_table",
    "expected_absent_headcount",
    "expected_need_absence",
    "minute_rates",
    "pass_rate",
    "roster_problems",
    "simulate",
    "simulate_absences",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'bemanna.simulation' has no attribute {name!r}")
    return getattr(importlib.import_module(f"bemanna.simulation.{module}"), name)
