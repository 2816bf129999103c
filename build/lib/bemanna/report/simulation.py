"""What the reports show of an absence simulation (`bemanna report --simulate N`).

Read from a `bemanna.simulation.SimulationResult` (docs/resurstid.md § The simulation): the
resurstid utilisation (% of resurspass minutes booked onto absences), the absence cost per
year and the overtime share of personnel cost, each as the mean over the runs with its 90 %
interval (5th to 95th percentile); and per weekday × time band the planned resurspass minutes
beside the expected booked minutes (mean over the runs), summed over skills.

The simulation reports booking per weekday × band (förmiddag, eftermiddag, kväll, natt), not per
hour, so the planned-versus-booked heatmap has that resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.pricing.bands import BAND_NAMES

if TYPE_CHECKING:
    import pandas as pd

    from bemanna.simulation.result import SimulationResult


@dataclass(frozen=True)
class Spread:
    """A simulated figure: mean over the runs and the 90 % interval (None: not defined, e.g.
    a utilisation without resurspass)."""

    mean: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class SimulationFigures:
    runs: int
    seed: int
    """-1: the absences were given, not drawn (`simulate_absences`)."""
    utilisation_pct: Spread
    absence_annual_ore: Spread
    """Öre per year (whole öre; the simulation's SEK × 100)."""
    overtime_share_pct: Spread
    planned_overtime_share_pct: float | None
    resurspass_minutes: int
    planned: npt.NDArray[np.int64]
    """7 × 4: resurspass minutes per weekday × band (the roster's, summed over skills)."""
    booked: npt.NDArray[np.float64]
    """7 × 4: expected booked resurspass minutes per weekday × band (mean over the runs)."""


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _spread(row: pd.Series, prefix: str = "", scale: float = 1.0) -> Spread:
    def value(column: str) -> float | None:
        found = _number(row[prefix + column])
        return None if found is None else found * scale

    return Spread(value("mean"), value("p5"), value("p95"))


def cell_arrays(booked_cells: pd.DataFrame) -> tuple[npt.NDArray[np.int64],
                                                      npt.NDArray[np.float64]]:
    """(planned, expected booked) minutes per weekday × band from `booked_cells`."""
    planned = np.zeros((len(WEEKDAY_NAMES), len(BAND_NAMES)), dtype=np.int64)
    booked = np.zeros((len(WEEKDAY_NAMES), len(BAND_NAMES)), dtype=np.float64)
    for r in booked_cells.itertuples():
        d, b = WEEKDAY_NAMES.index(str(r.weekday)), BAND_NAMES.index(str(r.band))
        planned[d, b] += int(r.resurspass_minutes)
        booked[d, b] += float(r.expected_booked_minutes)
    return planned, booked


def simulation_figures(result: SimulationResult) -> SimulationFigures:
    table = result.summary().set_index("metric")
    absence = _spread(table.loc["absence_cost"], "annual_", 100.0)
    planned, booked = cell_arrays(result.booked_cells)
    overtime = table.loc["overtime_share_of_personnel_cost"]
    return SimulationFigures(
        runs=result.runs,
        seed=result.seed,
        utilisation_pct=_spread(table.loc["resurstid_utilisation"]),
        absence_annual_ore=Spread(*(None if v is None else float(round(v)) for v in (
            absence.mean, absence.low, absence.high))),
        overtime_share_pct=_spread(overtime),
        planned_overtime_share_pct=_number(overtime["planned"]),
        resurspass_minutes=result.resurspass_minutes,
        planned=planned,
        booked=booked,
    )
