"""Result: one solve's outcome, able to check and price itself through the independent checker
and the pricing (never through the solver that made it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bemanna.units import format_sek

if TYPE_CHECKING:
    import pandas as pd

    from bemanna.checker import CheckReport
    from bemanna.instance import Instance
    from bemanna.pricing import Pricing
    from bemanna.roster import Roster
    from bemanna.solver import Progress, SolverParams


@dataclass(frozen=True)
class Cost:
    """A roster's objective as the independent checker recomputes it, in öre: the kronor
    terms (wages outside need, OB, gap-fill of uncovered need, ...) plus the soft rules'
    prices, per term. `str()` gives SEK.

    >>> str(Cost(60_297_150, {}))
    '602 971.50 SEK'
    """

    total: int
    by_term: dict[str, int] = field(default_factory=dict)

    @property
    def sek(self) -> float:
        """For display: the total in SEK."""
        return self.total / 100

    def __str__(self) -> str:
        return f"{format_sek(self.total)} SEK"


@dataclass
class Result:
    """What `bemanna.solve` hands back.

    status: CP-SAT's word for the search's end (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN);
    roster: the best roster (None when none was found: infeasible or out of time);
    objective and bound in öre (the bound is the solver's proven lower bound; 0 means none
    was proved); times in seconds.
    """

    instance: Instance
    params: SolverParams
    status: str
    roster: Roster | None
    objective: int | None
    bound: int | None
    wall_time: float
    build_time: float
    first_solution_time: float | None
    objective_by_term: dict[str, int] = field(default_factory=dict)
    progress: list[Progress] = field(default_factory=list)
    interrupted: bool = False
    infeasible_employees: list[str] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        """A roster was found (it keeps every hard rule; `check()` confirms it)."""
        return self.roster is not None

    @property
    def gap(self) -> float | None:
        """(objective − bound) / objective; None without a roster or a useful bound."""
        if self.objective is None or not self.bound or self.bound <= 0:
            return None
        return max(0.0, (self.objective - self.bound) / max(1, abs(self.objective)))

    def _roster(self) -> Roster:
        if self.roster is None:
            raise ValueError(f"no roster: the solve ended {self.status}")
        return self.roster

    def check(self) -> CheckReport:
        """The independent checker's verdict: `.ok`, `.violations`, `.costs`, `.total`."""
        from bemanna.checker import check_roster

        return check_roster(self.instance, self._roster())

    def cost(self) -> Cost:
        """The objective recomputed by the checker (equal to `objective` to the öre for every
        roster the solver writes)."""
        report = self.check()
        return Cost(report.total, dict(report.costs))

    def price(self) -> Pricing:
        """The kronor model: wages, OB, gap fill, resurstid, budget and key figures
        (needs the instance's cost model; InstanceError names what is missing)."""
        from bemanna.pricing import price_roster

        return price_roster(self.instance, self._roster())

    def to_frame(self) -> pd.DataFrame:
        """The roster, one row per pass (see `Roster.to_frame`)."""
        return self._roster().to_frame()

    def __repr__(self) -> str:
        cost = "no roster" if self.objective is None else f"{format_sek(self.objective)} SEK"
        return (f"Result({self.instance.name}: {self.status}, {cost}, "
                f"{self.wall_time:.1f} s)")
