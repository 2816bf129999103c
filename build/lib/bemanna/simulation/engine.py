"""`simulate(instance, roster, runs, seed)`: Monte Carlo of absences over a roster.

Per run: draw who is absent on which day (`draws`); every ordinary pass of an absent employee
is lost; where the headcount left falls below the minimum need, the absence opens a gap (the
roster's own surplus absorbs the rest); the gap is refilled in cost order — bookable
resurspass (`booking`), then the skill's gap-fill policy: hourly temps, extra hours of own
staff inside the rules, agency (`refill`). The roster's planned cost (pricing) is the base;
each run adds what its absences cost. Everything random comes from one seeded PCG64 generator.
"""

from __future__ import annotations

import time
from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pandas as pd

from bemanna.checker.passes import RosterView, read_pass, read_roster
from bemanna.instance import Instance, InstanceError
from bemanna.instance.references import cost_model_problems
from bemanna.pricing import price_roster
from bemanna.pricing.bands import CELLS
from bemanna.pricing.ob import ObClock, ob_clock
from bemanna.pricing.wages import agency_rate, overtime_rate, skill_wage, temp_rate
from bemanna.roster import Roster, RosterError
from bemanna.simulation.booking import Resurspass, book, planned_minutes, resurspass_of
from bemanna.simulation.draws import draw_absent_days
from bemanna.simulation.overtime import OvertimeCaps, StaffCalendar
from bemanna.simulation.profile import day_rates
from bemanna.simulation.refill import (
    AGENCY,
    ENKEL,
    KVALIFICERAD,
    PAYS,
    TEMP,
    Refill,
    gap_chunks,
    policies,
)
from bemanna.simulation.result import SimulationResult
from bemanna.simulation.timeline import Timeline, build_timeline
from bemanna.units import MINUTES_PER_HOUR

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

MAX_RUNS = 1_000_000


def roster_problems(instance: Instance, roster: Roster) -> list[str]:
    """What keeps the roster from being read against the instance (one line each)."""
    horizon = instance.horizon
    problems = []
    if (roster.start, roster.days, roster.cyclic) != (horizon.start, horizon.days,
                                                       horizon.cyclic):
        problems.append(f"horizon: the roster's (start {roster.start}, {roster.days} days, "
                        f"cyclic {roster.cyclic}) is not the instance's (start {horizon.start}, "
                        f"{horizon.days} days, cyclic {horizon.cyclic})")
    unread = [a for a in roster.assignments if read_pass(instance, a) is None]
    for a in unread[:10]:
        problems.append(f"assignments: {a.employee} {a.shift} on {a.date} is not a pass of "
                        f"instance {instance.name!r} (unknown employee or shift, or outside the "
                        "horizon)")
    if len(unread) > 10:
        problems.append(f"assignments: ... and {len(unread) - 10} more")
    return problems


def ob_cumulative(clock: ObClock, horizon: int) -> IntArray:
    """[minute + 1, OB category + 1]: minutes per category before each minute (prefix sums)."""
    width = len(clock.categories) + 1
    onehot = np.zeros((horizon + 1, width), dtype=np.int64)
    onehot[np.arange(1, horizon + 1), clock.index[:horizon] + 1] = 1
    cumulative: IntArray = np.cumsum(onehot, axis=0)
    return cumulative


def rate_table(instance: Instance, timeline: Timeline, clock: ObClock) -> FloatArray:
    """Öre per hour [skill, pay, OB category + 1] at the pricing's rates (NaN: no rate)."""
    cm = instance.cost_model
    width = len(clock.categories) + 1
    table = np.full((len(timeline.skills), len(PAYS), width), np.nan)
    for k, skill in enumerate(timeline.skills):
        ob = [clock.rate(i) for i in range(-1, width - 1)]
        if cm.skill_salary(skill) is not None:
            wage = skill_wage(cm, skill)
            table[k, TEMP] = [float(temp_rate(cm, wage, rate)) for rate in ob]
            table[k, ENKEL] = float(overtime_rate(cm, wage, kvalificerad=False))
            table[k, KVALIFICERAD] = float(overtime_rate(cm, wage, kvalificerad=True))
        try:
            base: Fraction = agency_rate(cm, skill)
        except KeyError:  # no agency price, or a factor on a salary the skill lacks
            continue
        table[k, AGENCY] = [float(base + rate) for rate in ob]
    return table


def _absent_passes(view: RosterView, timeline: Timeline, absent_days: npt.NDArray[np.bool_],
                   ) -> tuple[IntArray, IntArray]:
    """Absent headcount [run, skill, segment] and absent minutes per run (ordinary passes)."""
    runs = absent_days.shape[0]
    skill_index = {k: i for i, k in enumerate(timeline.skills)}
    employee_index = {e.id: i for i, e in enumerate(view.instance.employees)}
    absent = np.zeros((runs, len(timeline.skills), timeline.size), dtype=np.int64)
    absent_minutes = np.zeros(runs, dtype=np.int64)
    length = timeline.length
    for p in view.all_passes():
        if p.kind != "ordinary" or p.skill not in skill_index:
            continue
        hit = np.flatnonzero(absent_days[:, employee_index[p.employee], p.day])
        if len(hit) == 0:
            continue
        k = skill_index[p.skill]
        for first, end in timeline.segment_ranges(p.parts):
            absent[hit, k, first:end] += 1
            absent_minutes[hit] += int(length[first:end].sum())
    return absent, absent_minutes


def _bought(pieces: list[tuple[int, int, int, int, int]], runs: int, skills: int,
            cumulative: IntArray) -> IntArray:
    """Minutes [run, skill, pay, OB category + 1] of the bought pieces (run, skill, pay,
    start, end), counted per OB category with the prefix sums."""
    bought = np.zeros((runs, skills, len(PAYS), cumulative.shape[1]), dtype=np.int64)
    if pieces:
        run, skill, pay, start, end = np.array(pieces, dtype=np.int64).T
        np.add.at(bought, (run, skill, pay), cumulative[end] - cumulative[start])
    return bought


def _planned(instance: Instance, roster: Roster) -> tuple[dict[str, object],
                                                          dict[tuple[str, str], int]]:
    pricing = price_roster(instance, roster)
    totals = dict(pricing.totals)
    by_source = pricing.gap_fill.groupby(["skill", "source"])["minutes"].sum()
    minutes = {(str(k), str(s)): int(v) for (k, s), v in by_source.items()}
    planned: dict[str, object] = {**totals}
    for source in ("hourly_temp", "overtime", "agency"):
        planned[f"{source}_minutes"] = sum(v for (_, s), v in minutes.items() if s == source)
    personnel = sum(totals[line] for line in ("personnel", "ob", "overtime", "hourly_temps"))
    planned["overtime_share_pct"] = 100 * totals["overtime"] / personnel if personnel else None
    return planned, minutes


def _validate(instance: Instance, roster: Roster) -> None:
    problems = cost_model_problems(instance)
    if problems:
        raise InstanceError(instance.name, problems)
    problems = roster_problems(instance, roster)
    if problems:
        raise RosterError(roster.instance, problems)


def simulate(instance: Instance, roster: Roster, runs: int = 1000, seed: int = 0,
             caps: OvertimeCaps | None = None) -> SimulationResult:
    """Simulate `runs` periods of absence over the roster (see the module docstring).

    Raises InstanceError when the cost model lacks a rate the pricing needs, RosterError when
    the roster does not belong to the instance, ValueError for a bad number of runs.
    """
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be 1..{MAX_RUNS}, got {runs}")
    _validate(instance, roster)
    began = time.perf_counter()
    rng = np.random.Generator(np.random.PCG64(seed))
    view = read_roster(instance, roster)
    absent_days = draw_absent_days(day_rates(view), instance.absence.spell_continue, runs, rng)
    return _run(instance, view, absent_days, caps, seed, began)


def simulate_absences(instance: Instance, roster: Roster, absent_days: npt.NDArray[np.bool_],
                      caps: OvertimeCaps | None = None) -> SimulationResult:
    """The simulation for given absent days [run, employee (instance order), day] (seed -1).

    For hand-made cases, and for comparing two rosters of one instance on the same draws
    (common random numbers: the difference then carries less noise than two seeds would).
    """
    began = time.perf_counter()
    _validate(instance, roster)
    expected = (len(instance.employees), instance.horizon.days)
    if absent_days.ndim != 3 or absent_days.shape[1:] != expected:
        raise ValueError(f"absent_days must have the shape (runs, {expected[0]}, "
                         f"{expected[1]}), got {absent_days.shape}")
    return _run(instance, read_roster(instance, roster), absent_days, caps, -1, began)


def _run(instance: Instance, view: RosterView, absent_days: npt.NDArray[np.bool_],
         caps: OvertimeCaps | None, seed: int, began: float) -> SimulationResult:
    roster = view.roster
    runs = absent_days.shape[0]
    planned, planned_minutes_by_source = _planned(instance, roster)
    clock = ob_clock(instance)
    timeline = build_timeline(view, clock)

    absent, absent_minutes = _absent_passes(view, timeline, absent_days)
    gap = np.maximum(0, absent - timeline.slack[None, :, :])
    length = timeline.length
    gap_minutes = (gap * length[None, None, :]).sum(axis=(1, 2))
    resurspass = resurspass_of(view, timeline)
    booked, booked_by_segment = book(gap, absent_days, resurspass, timeline)

    chunks = gap_chunks(gap, timeline)
    refill = Refill(timeline, StaffCalendar(view, caps or OvertimeCaps()),
                    policies(instance, timeline, planned_minutes_by_source))
    fallback = np.zeros(runs, dtype=np.int64)
    pieces: list[tuple[int, int, int, int, int]] = []
    for run in np.unique(chunks.run).tolist():
        found, fallback[run] = refill.run(chunks, run, absent_days[run])
        pieces.extend((run, *piece) for piece in found)
    bought = _bought(pieces, runs, len(timeline.skills), ob_cumulative(clock, timeline.horizon))

    rates = rate_table(instance, timeline, clock)
    exact = bought * np.nan_to_num(rates)[None] / MINUTES_PER_HOUR
    cost = np.floor(exact + 0.5).astype(np.int64).sum(axis=(1, 3))  # [run, pay]
    pay_minutes = bought.sum(axis=(1, 3))
    resurspass_total = int(planned_minutes(resurspass, timeline).sum())
    per_run = _per_run(planned, absent_minutes, gap_minutes, booked, pay_minutes, cost,
                       fallback, resurspass_total)
    return SimulationResult(
        instance=instance.name, runs=runs, seed=seed,
        weeks=instance.horizon.weeks, planned=planned, per_run=per_run,
        booked_cells=_booked_cells(timeline, resurspass, booked_by_segment, runs),
        resurspass_minutes=resurspass_total, seconds=time.perf_counter() - began,
    )


def _per_run(planned: dict[str, object], absent_minutes: IntArray, gap_minutes: IntArray,
             booked: IntArray, pay_minutes: IntArray, cost: IntArray, fallback: IntArray,
             resurspass_total: int) -> pd.DataFrame:
    def line(key: str) -> int:
        value = planned[key]
        assert isinstance(value, int)
        return value

    temps = cost[:, TEMP]
    overtime = cost[:, ENKEL] + cost[:, KVALIFICERAD]
    agency = cost[:, AGENCY]
    extra = temps + overtime + agency
    frame = pd.DataFrame({
        "run": np.arange(len(absent_minutes)),
        "absent_minutes": absent_minutes,
        "gap_minutes": gap_minutes,
        "booked_minutes": booked,
        "absence_hourly_temp_minutes": pay_minutes[:, TEMP],
        "absence_enkel_minutes": pay_minutes[:, ENKEL],
        "absence_kvalificerad_minutes": pay_minutes[:, KVALIFICERAD],
        "absence_agency_minutes": pay_minutes[:, AGENCY],
        "fallback_minutes": fallback,
        "absence_hourly_temps_ore": temps,
        "absence_overtime_ore": overtime,
        "absence_agency_ore": agency,
        "absence_ore": extra,
    })
    frame["hourly_temp_minutes"] = line("hourly_temp_minutes") + pay_minutes[:, TEMP]
    frame["overtime_minutes"] = (line("overtime_minutes") + pay_minutes[:, ENKEL]
                                 + pay_minutes[:, KVALIFICERAD])
    frame["agency_minutes"] = line("agency_minutes") + pay_minutes[:, AGENCY]
    frame["hourly_temps_ore"] = line("hourly_temps") + temps
    frame["overtime_ore"] = line("overtime") + overtime
    frame["agency_ore"] = line("agency") + agency
    frame["total_ore"] = line("total") + extra
    personnel = line("personnel") + line("ob") + frame["overtime_ore"] + frame["hourly_temps_ore"]
    frame["overtime_share_pct"] = 100 * frame["overtime_ore"] / personnel.where(personnel > 0)
    frame["resurstid_utilisation_pct"] = (100 * booked / resurspass_total if resurspass_total
                                          else np.nan)
    return frame


def _booked_cells(timeline: Timeline, resurspass: list[Resurspass], booked: IntArray,
                  runs: int) -> pd.DataFrame:
    planned = planned_minutes(resurspass, timeline)
    rows = []
    for k, skill in enumerate(timeline.skills):
        plan = np.bincount(timeline.cell, weights=planned[k], minlength=len(CELLS))
        got = np.bincount(timeline.cell, weights=booked[k], minlength=len(CELLS)) / runs
        for cell, (weekday, band) in enumerate(CELLS):
            if plan[cell] or got[cell]:
                rows.append((skill, weekday, band, round(plan[cell]), float(got[cell])))
    return pd.DataFrame(rows, columns=["skill", "weekday", "band", "resurspass_minutes",
                                       "expected_booked_minutes"]).astype(
        {"resurspass_minutes": "int64", "expected_booked_minutes": "float64"})
