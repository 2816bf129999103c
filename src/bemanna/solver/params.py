"""The search's parameters and its progress records (plain data, no OR-Tools)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SolverParams:
    time_limit: float = 30.0
    workers: int = 2
    seed: int = 0
    log: bool = False
    """Print CP-SAT's own search log (final full-model phase)."""
    cp_sat: tuple[tuple[str, object], ...] = ()
    """Extra CP-SAT parameters as (name, value) pairs, e.g. (("linearization_level", 0),)."""
    strategy: str = "auto"
    """'auto' (default): a first roster, CP-SAT on the full model from it for a share of the
    time (large models), then neighbourhood search over blocks of the roster when a block
    re-solves fast enough on this model (`Search._blocks_pay`), and a last full-model solve;
    'lns': the same, always with neighbourhood search; 'hinted': the first roster, then
    CP-SAT on the full model from it (what 'auto' does under a deterministic time limit, for
    reproducible rosters); 'cpsat': CP-SAT on the full model only."""


@dataclass
class Progress:
    """One improving roster found during search (objective: an upper bound, öre)."""

    seconds: float
    objective: int
    bound: int
