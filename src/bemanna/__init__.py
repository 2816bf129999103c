"""bemanna: staff rosters for Swedish municipal care, built with CP-SAT.

The public API (docs/api.md):

    import bemanna
    instance = bemanna.load("instances/care_home.yaml")
    result = bemanna.solve(instance, bemanna.SolverParams(time_limit=30))
    result.cost(), result.check().ok, result.to_frame()

The names load on first use, so that `bemanna --help` does not import the solver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from bemanna.api import (
        Cost,
        Instance,
        Result,
        Roster,
        Scenario,
        SolverParams,
        check,
        compare,
        load,
        load_roster,
        load_scenario,
        price,
        replan,
        simulate,
        solve,
    )

__all__ = [
    "Cost",
    "Instance",
    "Result",
    "Roster",
    "Scenario",
    "SolverParams",
    "__version__",
    "check",
    "compare",
    "load",
    "load_roster",
    "load_scenario",
    "price",
    "replan",
    "simulate",
    "solve",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("bemanna.api"), name)
    raise AttributeError(f"module 'bemanna' has no attribute {name!r}")
