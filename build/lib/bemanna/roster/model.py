"""The roster: the solver's output and the checker's input (format "bemanna-roster/1").

Parts carry absolute local date-times, so the checker can read rules off the clock
without knowing how the solver indexes days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

ROSTER_FORMAT = "bemanna-roster/1"
Kind = Literal["ordinary", "resurs"]


@dataclass(frozen=True)
class Part:
    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds()) // 60


@dataclass(frozen=True)
class Assignment:
    employee: str
    date: dt.date
    shift: str
    kind: Kind
    skill: str
    parts: tuple[Part, ...]
    paid_minutes: int

    @property
    def start(self) -> dt.datetime:
        return self.parts[0].start

    @property
    def end(self) -> dt.datetime:
        return self.parts[-1].end


@dataclass(frozen=True)
class EmployeeSummary:
    id: str
    contract_minutes: int
    scheduled_minutes: int
    resurs_minutes: int
    employment_rate: Decimal | None = None
    """The employment rate (%) this roster gives the employee: a granted RÖHS request, or the
    instance's rate. None (older rosters): the instance's rate."""


@dataclass
class Roster:
    instance: str
    start: dt.date
    days: int
    cyclic: bool
    status: str
    objective: int | None
    bound: int | None
    employees: list[EmployeeSummary]
    assignments: list[Assignment]
    objective_by_term: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    def employment_rates(self) -> dict[str, Decimal]:
        """The rates the roster records, by employee (RÖHS grants included)."""
        return {e.id: e.employment_rate for e in self.employees if e.employment_rate is not None}

    def to_frame(self) -> pd.DataFrame:
        """One row per pass (employee, date, shift, kind, skill, start, end, paid_minutes,
        parts), sorted by employee and start.

        >>> roster.to_frame().groupby("employee").paid_minutes.sum()  # doctest: +SKIP
        """
        from bemanna.roster.frames import roster_frame

        return roster_frame(self)

    def by_employee(self) -> dict[str, list[Assignment]]:
        result: dict[str, list[Assignment]] = {e.id: [] for e in self.employees}
        for a in self.assignments:
            result.setdefault(a.employee, []).append(a)
        for passes in result.values():
            passes.sort(key=lambda a: a.start)
        return result
