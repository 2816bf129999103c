"""Pricing: what a roster costs and how it measures up (docs/costs.md).

Reads an instance (its `cost_model`) and a roster, never the solver: this package imports
neither `bemanna.solver` nor OR-Tools. Tables are tidy pandas DataFrames; money is integer öre
(`*_ore` columns) computed from exact fractions and rounded once per row, so totals are sums of
integers. Floats appear only in display columns (hours, FTE, %), and in `to_sek`.

    pricing = price_roster(instance, roster)
    pricing.totals["total"], pricing.budget, pricing.kpis, to_sek(pricing.gap_fill)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bemanna.checker.passes import read_roster
from bemanna.instance import Instance, InstanceError
from bemanna.instance.cost_model import BUDGET_LINES
from bemanna.instance.references import cost_model_problems
from bemanna.pricing.budget import annualise, budget_table
from bemanna.pricing.gapfill import gap_fill_table, uncovered_table
from bemanna.pricing.kpi import kpi_table
from bemanna.pricing.ob import ob_clock, ob_per_pass
from bemanna.pricing.resurstid import full_time_minutes, resurstid_table
from bemanna.pricing.staff import staff_table
from bemanna.pricing.wages import base_salaries
from bemanna.roster import Roster

__all__ = ["Pricing", "annualise", "price_roster", "to_sek"]


@dataclass(frozen=True)
class Pricing:
    """A priced roster. Every `*_ore` column and total is an integer number of öre."""

    weeks: int
    wages: pd.DataFrame
    """Per employee: contract minutes, base wage, PO and cost (budget line `personnel`)."""
    ob: pd.DataFrame
    """Per pass and OB category: minutes, OB, PO and cost (budget line `ob`)."""
    resurstid: pd.DataFrame
    """Bookable and stranded resurstid per skill × weekday × band: minutes, hours, FTE, SEK."""
    uncovered: pd.DataFrame
    """Uncovered need per skill × weekday × band."""
    gap_fill: pd.DataFrame
    """Uncovered need bought per source and pay kind (lines hourly_temps, overtime, agency)."""
    staff: pd.DataFrame
    """Per employee: passes, split shifts, weekends, nights, wishes met."""
    budget: pd.DataFrame
    """Forecast / budget / deviation per line and total, for the period and annualised."""
    kpis: pd.DataFrame
    """Key figures: kpi, value, unit."""
    totals: dict[str, int]
    """Öre per budget line and 'total' (the forecast)."""


def _sum(frame: pd.DataFrame, column: str = "cost_ore", **where: str) -> int:
    for key, value in where.items():
        frame = frame[frame[key] == value]
    return int(frame[column].sum())


def price_roster(instance: Instance, roster: Roster) -> Pricing:
    """Price a roster against its instance's cost model.

    Raises InstanceError (one line per problem, naming the field) when the cost model lacks a
    salary or a rate the pricing needs.
    """
    problems = cost_model_problems(instance)
    if problems:
        raise InstanceError(instance.name, problems)
    view = read_roster(instance, roster)
    instance = view.instance  # at the employment rates the roster grants (RÖHS)
    clock = ob_clock(instance)
    wages = base_salaries(instance)
    ob = ob_per_pass(view, clock)
    gap_fill = gap_fill_table(view, clock)
    totals = {
        "personnel": _sum(wages),
        "ob": _sum(ob),
        "overtime": _sum(gap_fill, source="overtime"),
        "hourly_temps": _sum(gap_fill, source="hourly_temp"),
        "agency": _sum(gap_fill, source="agency"),
    }
    totals["total"] = sum(totals[line] for line in BUDGET_LINES)
    resurstid = resurstid_table(view)
    staff = staff_table(view)
    weeks = instance.horizon.weeks
    return Pricing(
        weeks=weeks,
        wages=wages,
        ob=ob,
        resurstid=resurstid,
        uncovered=uncovered_table(view),
        gap_fill=gap_fill,
        staff=staff,
        budget=budget_table(totals, instance.cost_model.budget, weeks),
        kpis=kpi_table(instance, totals, resurstid, gap_fill, staff, full_time_minutes(view)),
        totals=totals,
    )


def to_sek(frame: pd.DataFrame) -> pd.DataFrame:
    """For display only: each `X_ore` column becomes `X_sek` (öre / 100, two decimals)."""
    out = frame.copy()
    for column in [c for c in frame.columns if c.endswith("_ore")]:
        sek = column.removesuffix("_ore") + "_sek"
        out[column] = out[column] / 100
        out = out.rename(columns={column: sek})
    return out
