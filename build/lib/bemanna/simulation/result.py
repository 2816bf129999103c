"""What a simulation reports: per run figures, their mean and 90 % interval, per year.

Money is integer öre per run (each line's cost is rounded once per skill, pay and OB category);
the summary turns it into SEK for display. A year is 52 / weeks horizons (`annualise`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from bemanna.pricing.budget import WEEKS_PER_YEAR

SUMMARY_COLUMNS = ["metric", "unit", "planned", "mean", "p5", "p95", "annual_planned",
                   "annual_mean", "annual_p5", "annual_p95"]

METRICS: tuple[tuple[str, str, str, str | None, bool], ...] = (
    # metric, unit, per-run column, planned key, annualised
    ("total_cost", "SEK", "total_ore", "total", True),
    ("absence_cost", "SEK", "absence_ore", None, True),
    ("hourly_temps", "SEK", "hourly_temps_ore", "hourly_temps", True),
    ("overtime", "SEK", "overtime_ore", "overtime", True),
    ("agency", "SEK", "agency_ore", "agency", True),
    ("absent_hours", "h", "absent_minutes", None, True),
    ("absence_gap_hours", "h", "gap_minutes", None, True),
    ("booked_resurspass_hours", "h", "booked_minutes", None, True),
    ("hourly_temp_hours", "h", "hourly_temp_minutes", "hourly_temp_minutes", True),
    ("overtime_hours", "h", "overtime_minutes", "overtime_minutes", True),
    ("agency_hours", "h", "agency_minutes", "agency_minutes", True),
    ("resurstid_utilisation", "%", "resurstid_utilisation_pct", None, False),
    ("overtime_share_of_personnel_cost", "%", "overtime_share_pct",
     "overtime_share_pct", False),
)
"""The summary's rows. Source lines (temps, overtime, agency) are the planned roster's own
uncovered need plus what absence adds; absence figures are absence only."""

LABELS: dict[str, str] = {
    "total_cost": "Total cost",
    "absence_cost": "  of which absence",
    "hourly_temps": "Hourly temps",
    "overtime": "Overtime / extra hours",
    "agency": "Agency",
    "absent_hours": "Absent",
    "absence_gap_hours": "Gap opened by absence",
    "booked_resurspass_hours": "Resurspass booked",
    "hourly_temp_hours": "Hourly temps",
    "overtime_hours": "Overtime / extra hours",
    "agency_hours": "Agency",
    "resurstid_utilisation": "Resurstid utilisation",
    "overtime_share_of_personnel_cost": "Overtime share of pers. cost",
}


@dataclass(frozen=True)
class SimulationResult:
    """The runs of one simulation of absences over a roster."""

    instance: str
    runs: int
    seed: int
    weeks: int
    planned: dict[str, Any]
    """The roster as priced, no absence: budget lines in öre ('personnel', 'ob', 'overtime',
    'hourly_temps', 'agency', 'total'), source minutes and the overtime share."""
    per_run: pd.DataFrame
    """One row per run: minutes, öre per line, total, utilisation and overtime share."""
    booked_cells: pd.DataFrame
    """Per skill × weekday × band: planned resurspass minutes and the mean booked minutes."""
    resurspass_minutes: int
    """Resurspass minutes in the roster (the utilisation's denominator)."""
    seconds: float
    """Wall-clock seconds of the simulation, pricing the planned roster included."""

    @property
    def years_per_horizon(self) -> float:
        return WEEKS_PER_YEAR / self.weeks

    def summary(self) -> pd.DataFrame:
        """Per metric: planned (no absence), mean, 5th and 95th percentile over the runs, for
        the horizon and per year. SEK and hours as floats; percentages not annualised."""
        rows = []
        year = self.years_per_horizon
        for metric, unit, column, planned_key, annual in METRICS:
            values = self.per_run[column].to_numpy(dtype=np.float64)
            scale = 100.0 if unit == "SEK" else 60.0 if unit == "h" else 1.0
            values = values / scale
            planned = self.planned.get(planned_key) if planned_key is not None else 0.0
            planned_value = None if planned is None else float(planned) / scale
            if unit == "%" and planned_key is None:
                planned_value = None
            finite = values[np.isfinite(values)]
            if len(finite):
                mean = float(finite.mean())
                low, high = (float(v) for v in np.percentile(finite, [5, 95]))
            else:
                mean = low = high = float("nan")
            factor = year if annual else 1.0
            rows.append((metric, unit, planned_value, mean, low, high,
                         None if planned_value is None else planned_value * factor,
                         mean * factor, low * factor, high * factor))
        return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)

    def figures(self) -> dict[str, float | None]:
        """The headline figures (per year; utilisation and overtime share in %), e.g. for a
        planned-versus-simulated table or a scenario comparison."""
        table = self.summary().set_index("metric")

        def value(metric: str, column: str) -> float | None:
            found = table.loc[metric, column]
            return None if found is None or pd.isna(found) else float(found)

        return {
            "planned_annual_sek": value("total_cost", "annual_planned"),
            "simulated_annual_sek": value("total_cost", "annual_mean"),
            "simulated_annual_p5_sek": value("total_cost", "annual_p5"),
            "simulated_annual_p95_sek": value("total_cost", "annual_p95"),
            "absence_annual_sek": value("absence_cost", "annual_mean"),
            "resurstid_utilisation_pct": value("resurstid_utilisation", "mean"),
            "overtime_share_pct": value("overtime_share_of_personnel_cost", "mean"),
            "agency_annual_hours": value("agency_hours", "annual_mean"),
        }

    def to_json(self) -> dict[str, Any]:
        """Plain values for a JSON file: settings, planned figures, summary and booked cells."""
        summary = self.summary().astype(object).where(self.summary().notna(), None)
        return {
            "instance": self.instance,
            "runs": self.runs,
            "seed": self.seed,
            "weeks": self.weeks,
            "seconds": round(self.seconds, 3),
            "resurspass_minutes": self.resurspass_minutes,
            "planned": self.planned,
            "summary": summary.to_dict(orient="records"),
            "figures": self.figures(),
            "booked_cells": self.booked_cells.to_dict(orient="records"),
        }
