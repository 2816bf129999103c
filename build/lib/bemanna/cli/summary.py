"""The terminal summary of a roster: per employee hours, coverage gaps by skill and time band,
and the verdict of the independent check. Figures come from the roster and the checker's
minute arrays, not from the solver."""

from __future__ import annotations

import numpy as np
from rich.console import Console
from rich.table import Table

from bemanna.checker import CheckReport, read_roster
from bemanna.checker.coverage import coverage
from bemanna.instance.model import Instance
from bemanna.roster.model import Roster
from bemanna.units import MINUTES_PER_DAY, format_sek

TIME_BANDS: tuple[tuple[str, int, int], ...] = (
    ("natt 00–07", 0, 7 * 60),
    ("dag 07–13", 7 * 60, 13 * 60),
    ("eftermiddag 13–17", 13 * 60, 17 * 60),
    ("kväll 17–21", 17 * 60, 21 * 60),
    ("natt 21–24", 21 * 60, 24 * 60),
)
"""Bands of the day for coverage gaps (the afternoon is where resurstid gathers)."""


def _hours(minutes: int) -> str:
    return f"{minutes / 60:,.1f}".replace(",", " ")


def employee_table(roster: Roster) -> Table:
    table = Table(title="Employees: contract vs scheduled (hours)", show_lines=False)
    for col in ("employee", "contract", "scheduled", "diff", "resurstid", "passes",
                "split", "nights"):
        table.add_column(col, justify="left" if col == "employee" else "right")
    passes = roster.by_employee()
    for emp in roster.employees:
        own = passes.get(emp.id, [])
        split = sum(1 for a in own if len(a.parts) > 1)
        nights = sum(1 for a in own if a.end.date() > a.date)
        table.add_row(emp.id, _hours(emp.contract_minutes), _hours(emp.scheduled_minutes),
                      _hours(emp.scheduled_minutes - emp.contract_minutes),
                      _hours(emp.resurs_minutes), str(len(own)), str(split), str(nights))
    return table


def uncovered_by_band(instance: Instance, roster: Roster) -> dict[str, dict[str, int]]:
    """Uncovered minutes (minimum need) per skill and time band of the day."""
    cov = coverage(read_roster(instance, roster))
    days = instance.horizon.days
    result: dict[str, dict[str, int]] = {}
    for skill, heads in cov.headcount.items():
        short = np.maximum(0, cov.need_min[skill] - heads).reshape(days, MINUTES_PER_DAY)
        result[skill] = {name: int(short[:, a:b].sum()) for name, a, b in TIME_BANDS}
    return result


def coverage_table(instance: Instance, roster: Roster) -> Table:
    table = Table(title="Uncovered need (hours over the horizon)")
    table.add_column("skill")
    for name, _, _ in TIME_BANDS:
        table.add_column(name, justify="right")
    table.add_column("total", justify="right")
    for skill, bands in uncovered_by_band(instance, roster).items():
        table.add_row(skill, *(_hours(v) for v in bands.values()), _hours(sum(bands.values())))
    return table


def print_summary(console: Console, instance: Instance, roster: Roster,
                  report: CheckReport) -> None:
    console.print(employee_table(roster))
    console.print(coverage_table(instance, roster))
    costs = Table(title="Objective by term (SEK)")
    costs.add_column("term")
    costs.add_column("solver", justify="right")
    costs.add_column("checker", justify="right")
    for term in sorted(set(roster.objective_by_term) | set(report.costs)):
        costs.add_row(term, format_sek(roster.objective_by_term.get(term, 0)),
                      format_sek(report.costs.get(term, 0)))
    console.print(costs)
    gap = "–"
    if roster.objective is not None and roster.bound is not None and roster.objective:
        gap = f"{100 * (roster.objective - roster.bound) / roster.objective:.1f} %"
    resurs = sum(e.resurs_minutes for e in roster.employees)
    console.print(
        f"status [bold]{roster.status}[/]  objective {format_sek(roster.objective or 0)} SEK  "
        f"bound {format_sek(roster.bound or 0)} SEK  gap {gap}  "
        f"resurspass {_hours(resurs)} h", highlight=False)
    if report.ok:
        console.print("check: [green]every hard rule holds[/] (independent checker)")
    else:
        console.print(f"check: [red]{len(report.violations)} violations[/]")
        for v in report.violations[:20]:
            console.print(f"  {v.rule}: {v.message}", markup=False, highlight=False)
