"""SolverParams: everything that steers one solve, as one value (no OR-Tools import).

One object travels end to end — the API, the CLI, batch jobs, compare plans — so that no
setting (strategy, reproducibility) is lost on the way. It is plain data: `to_dict()` and
`from_dict()` carry it through JSON (batch jobs, results databases).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

STRATEGIES = ("auto", "lns", "hinted", "cpsat")


@dataclass(frozen=True)
class SolverParams:
    """How to search.

    >>> SolverParams(time_limit=5).workers
    2
    >>> SolverParams.reproducible(2.0).is_reproducible
    True
    """

    time_limit: float = 30.0
    """Wall-clock seconds for the whole solve (model build and exact pricing included)."""
    workers: int = 2
    """CP-SAT worker threads."""
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
    deterministic_time: float | None = None
    """Stop each CP-SAT solve after this deterministic time instead of wall time: the same
    instance, seed and workers give the same roster (docs/robustness.md). Keep `time_limit`
    generous; block search, which runs on wall time, is then left out."""
    lp_bound: bool = False
    """Also prove a lower bound from the model's linear relaxation (`lp_bound.py`), beside
    the search in a thread of its own: the gap then means something where CP-SAT's bound is
    0 (the care home: 211 572 SEK in 6.6 s of one core, which the search does not get)."""

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ValueError(f"strategy: {self.strategy!r} is not one of {', '.join(STRATEGIES)}")
        if self.time_limit <= 0:
            raise ValueError(f"time_limit: {self.time_limit} is not above 0 seconds")
        if self.workers < 1:
            raise ValueError(f"workers: {self.workers} is below 1")
        if self.deterministic_time is not None and self.deterministic_time <= 0:
            raise ValueError(f"deterministic_time: {self.deterministic_time} is not above 0")

    @classmethod
    def reproducible(cls, seconds: float, *, workers: int = 2, seed: int = 0,
                     time_limit: float | None = None, **other: Any) -> SolverParams:
        """Parameters for the same roster on every run: CP-SAT stops after `seconds` of
        deterministic time (about wall seconds on a quiet machine); the wall-clock limit is
        a generous safety net (ten times `seconds` plus a minute unless given)."""
        limit = time_limit if time_limit is not None else 10 * seconds + 60
        return cls(time_limit=limit, workers=workers, seed=seed, deterministic_time=seconds,
                   **other)

    @property
    def is_reproducible(self) -> bool:
        return self.deterministic_time is not None or any(
            name == "max_deterministic_time" for name, _ in self.cp_sat)

    def cp_sat_parameters(self) -> tuple[tuple[str, object], ...]:
        """Every CP-SAT parameter these settings ask for beyond time, workers and seed: a
        deterministic time limit (with several workers the interleaved search, whose
        portfolio runs in fixed batches) and the extra `cp_sat` pairs."""
        derived: list[tuple[str, object]] = []
        if self.deterministic_time is not None:
            derived.append(("max_deterministic_time", self.deterministic_time))
            if self.workers > 1:
                derived.append(("interleave_search", True))
        return (*derived, *self.cp_sat)

    def with_(self, **changes: Any) -> SolverParams:
        """A copy with some settings changed."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the cp_sat pairs become lists)."""
        data = asdict(self)
        data["cp_sat"] = [list(pair) for pair in self.cp_sat]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SolverParams:
        values = dict(data)
        values["cp_sat"] = tuple(tuple(pair) for pair in values.get("cp_sat", ()))
        return cls(**values)


@dataclass
class Progress:
    """One improving roster found during search (objective: an upper bound, öre)."""

    seconds: float
    objective: int
    bound: int
