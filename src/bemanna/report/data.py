"""What the reports show, computed once from (instance, roster, check report, pricing).

Both report.xlsx and report.html draw from one `ReportData`, so they never disagree. Money
comes from the pricing (integer öre); minutes come from the roster read by the checker
(`bemanna.checker.read_roster`) and its per-minute coverage arrays (`bemanna.checker.coverage`),
never from the solver's own summary.

- **grid**: employees × days, each cell the shift names (ids when unnamed) that start that date;
- **coverage_bands**: per skill × weekday × time band: minimum need, desired need, staffed,
  uncovered and above-need minutes, summed over the horizon;
- **curves**: per skill and horizon week, the step functions of minimum need, desired need and
  staffed headcount (ordinary passes), exact to the minute;
- **heatmap**: resurstid per weekday × hour of the day, summed over the horizon: bookable
  (minutes of resurspass) and stranded (headcount above max(min need, desired need)), the
  same minutes as `Pricing.resurstid`, at hourly detail;
- **hours**: per employee contract, scheduled, resurstid, passes, split shifts, nights,
  weekends, wishes;
- **rohs**: per employee with a RÖHS request: current, requested and granted rate, extra
  contract minutes and their salary incl. PO (`bemanna.report.rohs`);
- **absence_cover_ore**: the checker's `expected_absence_cover` term (öre, ≤ 0);
- **simulation**: with `--simulate`, the absence simulation's figures
  (`bemanna.report.simulation`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from bemanna.checker import CheckReport, Pass, RosterView, read_roster
from bemanna.checker.coverage import Coverage, MinuteCounter, coverage
from bemanna.instance import Instance, ShiftType, contract_minutes
from bemanna.labels import SHIFT_KINDS, Lang, label, say
from bemanna.pricing import Pricing
from bemanna.pricing.bands import CELLS, per_cell
from bemanna.report.rohs import rohs_table
from bemanna.report.simulation import SimulationFigures, simulation_figures
from bemanna.roster import Roster
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK, format_clock

if TYPE_CHECKING:
    from bemanna.simulation.result import SimulationResult

NIGHT_FROM, NIGHT_TO = 22 * 60, 6 * 60
NIGHT_PASS_MINUTES = 3 * 60
"""A night pass has at least 3 h of work between 22:00 and 06:00 (as `pricing.staff`)."""
EVENING_FROM, EVENING_AFTER = 12 * 60, 19 * 60
"""An evening pass starts at 12:00 or later and ends after 19:00."""


def shift_kind(shift: ShiftType) -> str:
    """day, evening, night or split: the colour class of a shift type in the grid.

    split: two parts (delad tur); night: ≥ 3 h of work between 22:00 and 06:00; evening:
    starts at 12:00 or later and ends after 19:00 (kväll 13:30–21:00); else day (dag 07–15:30,
    lång dag 08–20).
    """
    if shift.is_split:
        return "split"
    night = 0
    for start, end in shift.offsets:
        for day in (-1, 0, 1):
            low = day * MINUTES_PER_DAY + NIGHT_FROM
            high = (day + 1) * MINUTES_PER_DAY + NIGHT_TO
            night += max(0, min(end, high) - max(start, low))
    if night >= NIGHT_PASS_MINUTES:
        return "night"
    first, last = shift.offsets[0][0], shift.offsets[-1][1]
    if first >= EVENING_FROM and last > EVENING_AFTER:
        return "evening"
    return "day"


@dataclass(frozen=True)
class PassNote:
    """One pass of a grid cell, for the cell's tooltip."""

    name: str
    shift_id: str
    times: str
    kind: str
    skill: str
    resurs: bool


@dataclass(frozen=True)
class GridCell:
    text: str
    """The shift name(s) (the id when unnamed) starting that date; a resurspass gets ' R'."""
    kind: str | None
    """day / evening / night / split of the (first) pass; None on a free day."""
    resurs: bool
    absent: bool
    """The employee is unavailable that date (vacation, leave)."""
    notes: tuple[PassNote, ...] = ()
    reason: str | None = None
    """Why the employee is unavailable, when the instance says."""

    @property
    def title(self) -> str:
        """The tooltip in Swedish (the workbench's grid)."""
        return self.title_in("sv")

    def title_in(self, lang: Lang) -> str:
        """A tooltip: shift, times, kind, skill, resurspass; or free / unavailable (reason)."""
        if not self.notes:
            if not self.absent:
                return say("report.free", lang)
            return say("report.unavailable", lang) + (f": {self.reason}" if self.reason else "")
        return "; ".join(f"{n.name} ({n.shift_id}) {n.times} ({label(SHIFT_KINDS, n.kind, lang)}, "
                         f"{n.skill})" + (", resurspass" if n.resurs else "") for n in self.notes)


@dataclass(frozen=True)
class GridRow:
    employee: str
    name: str
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class Step:
    """A stretch of a week where need and headcount stay the same."""

    start: int
    """Minutes after Monday 00:00 of the week."""
    end: int
    need_min: int
    need_desired: int
    staffed: int


@dataclass(frozen=True)
class ReportData:
    instance: Instance
    roster: Roster
    check: CheckReport
    pricing: Pricing
    dates: tuple[dt.date, ...]
    grid: tuple[GridRow, ...]
    coverage_bands: pd.DataFrame
    """skill, weekday, band, need_min, need_desired, staffed, uncovered, above_need (minutes)."""
    curves: dict[str, tuple[tuple[Step, ...], ...]]
    """Per skill: per horizon week, the steps of that week."""
    bookable: np.ndarray
    """7 × 24 minutes of resurspass per weekday × hour."""
    stranded: np.ndarray
    """7 × 24 stranded resurstid minutes per weekday × hour."""
    hours: pd.DataFrame
    """Per employee: see HOURS_COLUMNS."""
    rohs: pd.DataFrame
    """Per employee with a RÖHS request: see `bemanna.report.rohs.ROHS_COLUMNS`."""
    absence_cover_ore: int | None
    """The checker's `expected_absence_cover` (öre, ≤ 0: a credit); None when the check
    report does not price it."""
    simulation: SimulationFigures | None = None
    """The absence simulation's figures (`--simulate`); None: not simulated."""

    @property
    def weeks(self) -> int:
        return self.instance.horizon.weeks


def _cell(view: RosterView, emp_id: str, date: dt.date, day_passes: list[Pass]) -> GridCell:
    emp = view.instance.employee[emp_id]
    absence = next((r for r in emp.unavailable if r.contains(date)), None)
    reason = absence.reason if absence and absence.reason else None
    if not day_passes:
        return GridCell("", None, False, absence is not None, reason=reason)
    texts, notes = [], []
    for p in day_passes:
        resurs = p.kind == "resurs"
        # The shift's name ("Kväll 14-21"), not its id ("kvall_sen"); the id stays in the title.
        texts.append((p.shift.name or p.shift_id) + (" R" if resurs else ""))
        times = " + ".join(f"{format_clock(a)}–{format_clock(b)}" for a, b in p.shift.offsets)
        notes.append(PassNote(p.shift.name or p.shift_id, p.shift_id, times,
                              shift_kind(p.shift), p.skill, resurs))
    first = day_passes[0]
    return GridCell(" + ".join(texts), shift_kind(first.shift),
                    any(p.kind == "resurs" for p in day_passes), absence is not None,
                    tuple(notes), reason)


def roster_grid(view: RosterView) -> tuple[GridRow, ...]:
    dates = [view.date(d) for d in range(view.days)]
    rows = []
    for emp in view.instance.employees:
        by_day: dict[int, list[Pass]] = {}
        for p in view.passes[emp.id]:
            by_day.setdefault(p.day, []).append(p)
        cells = tuple(_cell(view, emp.id, date, by_day.get(d, [])) for d, date in enumerate(dates))
        rows.append(GridRow(emp.id, emp.name, cells))
    return tuple(rows)


BAND_COLUMNS = ["skill", "weekday", "band", "need_min", "need_desired", "staffed", "uncovered",
                "above_need"]


def coverage_bands(cov: Coverage) -> pd.DataFrame:
    """Minutes per skill × weekday × band (every cell, also empty ones)."""
    rows = []
    for skill, heads in cov.headcount.items():
        low, wanted = cov.need_min[skill], cov.need_desired[skill]
        columns = [low, wanted, heads, np.maximum(0, low - heads),
                   np.maximum(0, heads - np.maximum(low, wanted))]
        sums = [per_cell(c) for c in columns]
        for cell, (weekday, band) in enumerate(CELLS):
            rows.append((skill, weekday, band, *(int(s[cell]) for s in sums)))
    return pd.DataFrame(rows, columns=BAND_COLUMNS)


def steps(low: np.ndarray, wanted: np.ndarray, heads: np.ndarray) -> tuple[Step, ...]:
    """Runs of equal (min need, desired need, headcount) over one week of minutes."""
    stacked = np.vstack([low, wanted, heads])
    change = np.flatnonzero(np.any(stacked[:, 1:] != stacked[:, :-1], axis=0)) + 1
    bounds = [0, *change.tolist(), stacked.shape[1]]
    return tuple(Step(a, b, int(low[a]), int(wanted[a]), int(heads[a]))
                 for a, b in itertools.pairwise(bounds))


def week_curves(cov: Coverage, weeks: int) -> dict[str, tuple[tuple[Step, ...], ...]]:
    curves = {}
    for skill, heads in cov.headcount.items():
        per_week = []
        for w in range(weeks):
            week = slice(w * MINUTES_PER_WEEK, (w + 1) * MINUTES_PER_WEEK)
            per_week.append(steps(cov.need_min[skill][week], cov.need_desired[skill][week],
                                  heads[week]))
        curves[skill] = tuple(per_week)
    return curves


def per_weekday_hour(minutes: np.ndarray) -> np.ndarray:
    """A per-minute array of a horizon starting Monday 00:00 summed per weekday × hour."""
    days = len(minutes) // MINUTES_PER_DAY
    hourly = minutes.reshape(days, 24, MINUTES_PER_HOUR).sum(axis=2)
    weekly = hourly.reshape(days // 7, 7, 24).sum(axis=0)
    return weekly.astype(np.int64)


def resurstid_heatmap(view: RosterView, cov: Coverage) -> tuple[np.ndarray, np.ndarray]:
    """(bookable, stranded) minutes per weekday × hour, summed over the horizon and skills."""
    counter = MinuteCounter(view.horizon_minutes, view.cyclic)
    for p in view.all_passes():
        if p.kind == "resurs":
            for start, end in p.parts:
                counter.add(start, end)
    stranded = np.zeros(view.horizon_minutes, dtype=np.int64)
    for skill, heads in cov.headcount.items():
        top = np.maximum(cov.need_min[skill], cov.need_desired[skill])
        stranded += np.maximum(0, heads - top)
    return per_weekday_hour(counter.counts()), per_weekday_hour(stranded)


HOURS_COLUMNS = ["employee", "name", "employment_rate", "contract_minutes", "scheduled_minutes",
                 "resurs_minutes", "passes", "resurspass", "split_shifts", "nights", "weekends",
                 "wishes", "wishes_met"]


def employee_hours(view: RosterView, pricing: Pricing) -> pd.DataFrame:
    """Per employee: contract and scheduled paid minutes (from the passes' clock times less
    unpaid breaks), resurspass minutes, and the counts of `Pricing.staff`."""
    staff = pricing.staff.set_index("employee")
    rows = []
    for emp in view.instance.employees:
        own = view.passes[emp.id]
        counts = staff.loc[emp.id]
        rows.append((
            emp.id, emp.name, float(emp.employment_rate), contract_minutes(view.instance, emp),
            sum(p.paid_minutes for p in own),
            sum(p.paid_minutes for p in own if p.kind == "resurs"),
            int(counts["passes"]), int(counts["resurspass"]), int(counts["split_shifts"]),
            int(counts["nights"]), int(counts["weekends"]), int(counts["wishes"]),
            int(counts["wishes_met"]),
        ))
    return pd.DataFrame(rows, columns=HOURS_COLUMNS)


def report_data(instance: Instance, roster: Roster, check: CheckReport, pricing: Pricing,
                simulation: SimulationResult | None = None) -> ReportData:
    """Everything both reports show; `simulation` is `simulate(instance, roster, ...)`."""
    view = read_roster(instance, roster)
    cov = coverage(view)
    bookable, stranded = resurstid_heatmap(view, cov)
    return ReportData(
        instance=instance,
        roster=roster,
        check=check,
        pricing=pricing,
        dates=tuple(view.date(d) for d in range(view.days)),
        grid=roster_grid(view),
        coverage_bands=coverage_bands(cov),
        curves=week_curves(cov, instance.horizon.weeks),
        bookable=bookable,
        stranded=stranded,
        hours=employee_hours(view, pricing),
        rohs=rohs_table(view),
        absence_cover_ore=check.costs.get("expected_absence_cover"),
        simulation=None if simulation is None else simulation_figures(simulation),
    )
