"""The figures a scenario is judged by (domain.md §6), annualised, from a priced roster.

Money is integer öre per year (`annualise`: amount × 52 / weeks, half up). Hours are hours per
year (minutes × 52 / weeks / 60). FTE are full-time equivalents at 38.25 h/week (the
pricing's FTE, `bemanna.pricing.resurstid.full_time_minutes`), which need no annualising:
- `staff_fte`: Σ employment rate / 100 of the staff (contracted FTE, årsarbetare), at the
  rates the roster gives (RÖHS requests the solver grants included, as the pricing has them),
- `uncovered_fte`: the uncovered minimum need (bought as temps, overtime or agency) in FTE,
- `fte_needed`: the two together — what the unit needs to cover its need with this roster.
Percentages come from the pricing's key figures. `violations` counts the independent
checker's hard-rule violations and must be 0.

`total_ore` is the planned cost (the five budget lines). The solver also credits resurspass
placed where absence is expected (the checker's `expected_absence_cover` term, ≤ 0: refill
cost the resurspass will save, docs/resurstid.md); `absence_cover_ore` is that credit per
year and `net_ore` = total + credit, the money the solver weighs a roster by (besides its
soft-rule and service-level weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import pandas as pd

from bemanna.checker import CheckReport
from bemanna.instance import Instance
from bemanna.instance.cost_model import BUDGET_LINES
from bemanna.instance.model import FULL_TIME_ROTATING
from bemanna.pricing import Pricing, annualise
from bemanna.pricing.budget import WEEKS_PER_YEAR

Kind = Literal["ore", "hours", "fte", "pct", "count"]
Value = int | float | None


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    kind: Kind


FIGURES: tuple[Figure, ...] = (
    Figure("total_ore", "total cost", "kr/year", "ore"),
    Figure("personnel_ore", "personnel (contract wages + PO)", "kr/year", "ore"),
    Figure("ob_ore", "OB supplements", "kr/year", "ore"),
    Figure("overtime_ore", "overtime / extra hours", "kr/year", "ore"),
    Figure("hourly_temps_ore", "hourly temps", "kr/year", "ore"),
    Figure("agency_ore", "agency staff", "kr/year", "ore"),
    Figure("absence_cover_ore", "expected absence cover (credit)", "kr/year", "ore"),
    Figure("net_ore", "total less the expected absence cover", "kr/year", "ore"),
    Figure("staff_fte", "staff (Σ employment rate)", "FTE", "fte"),
    Figure("uncovered_fte", "uncovered need as FTE", "FTE", "fte"),
    Figure("fte_needed", "staff + uncovered need", "FTE", "fte"),
    Figure("bookable_resurstid_hours", "resurstid bookable (resurspass)", "h/year", "hours"),
    Figure("stranded_resurstid_hours", "resurstid stranded", "h/year", "hours"),
    Figure("uncovered_hours", "uncovered need", "h/year", "hours"),
    Figure("agency_hours", "agency hours", "h/year", "hours"),
    Figure("overtime_share_pct", "overtime share of own staff cost", "%", "pct"),
    Figure("full_time_share_pct", "full-time share", "%", "pct"),
    Figure("split_shifts", "split shifts", "per year", "count"),
    Figure("wishes_met_pct", "wishes met", "%", "pct"),
    Figure("violations", "rule violations (must be 0)", "count", "count"),
)
SIMULATED_FIGURES: tuple[Figure, ...] = (
    Figure("sim_total_ore", "total with sick leave (simulated mean)", "kr/year", "ore"),
    Figure("sim_total_p5_ore", "  5th percentile", "kr/year", "ore"),
    Figure("sim_total_p95_ore", "  95th percentile", "kr/year", "ore"),
    Figure("sim_absence_ore", "sick-leave refill cost (simulated mean)", "kr/year", "ore"),
    Figure("sim_utilisation_pct", "resurstid booked (simulated)", "%", "pct"),
    Figure("sim_overtime_share_pct", "overtime share with sick leave", "%", "pct"),
    Figure("sim_agency_hours", "agency hours with sick leave", "h/year", "hours"),
)
"""`compare --simulate N`: the roster under simulated sick leave (`bemanna.simulation`, the
same runs and seed for every scenario; docs/resurstid.md)."""
FIGURE = {f.key: f for f in (*FIGURES, *SIMULATED_FIGURES)}
LINE_KEYS = tuple(f"{line}_ore" for line in BUDGET_LINES)
"""The budget lines' figures, in report order."""


def per_year_hours(minutes: int, weeks: int) -> float:
    return round(minutes * WEEKS_PER_YEAR / weeks / 60, 1)


def fte(minutes: int | Fraction, weeks: int) -> float:
    return round(float(Fraction(minutes) / (FULL_TIME_ROTATING * weeks)), 3)


def _kpi(pricing: Pricing, name: str) -> float | None:
    rows = pricing.kpis.loc[pricing.kpis["kpi"] == name, "value"]
    if not len(rows) or pd.isna(rows.iloc[0]):
        return None
    return float(rows.iloc[0])


def compute_figures(instance: Instance, pricing: Pricing, report: CheckReport) -> dict[str, Value]:
    """Every figure of FIGURES for one priced and checked roster."""
    weeks = instance.horizon.weeks
    out: dict[str, Value] = {
        f"{line}_ore": annualise(pricing.totals[line], weeks) for line in BUDGET_LINES
    }
    total = sum(int(out[key] or 0) for key in LINE_KEYS)
    cover = annualise(report.costs.get("expected_absence_cover", 0), weeks)
    out["total_ore"], out["absence_cover_ore"], out["net_ore"] = total, cover, total + cover
    # At the rates the roster gives (a RÖHS request the solver grants counts), as priced.
    staff = sum(Fraction(str(r)) for r in pricing.wages["employment_rate"]) / 100
    uncovered = int(pricing.uncovered["minutes"].sum())
    fte_minutes = FULL_TIME_ROTATING * weeks
    out["staff_fte"] = round(float(staff), 3)
    out["uncovered_fte"] = fte(uncovered, weeks)
    out["fte_needed"] = round(float(staff + Fraction(uncovered, fte_minutes)), 3)
    resurstid = pricing.resurstid
    out["bookable_resurstid_hours"] = per_year_hours(
        int(resurstid.loc[resurstid["kind"] == "bookable", "minutes"].sum()), weeks)
    out["stranded_resurstid_hours"] = per_year_hours(
        int(resurstid.loc[resurstid["kind"] == "stranded", "minutes"].sum()), weeks)
    out["uncovered_hours"] = per_year_hours(uncovered, weeks)
    gap = pricing.gap_fill
    out["agency_hours"] = per_year_hours(int(gap.loc[gap["source"] == "agency", "minutes"].sum()),
                                         weeks)
    out["overtime_share_pct"] = _kpi(pricing, "overtime_share_of_personnel_cost")
    out["full_time_share_pct"] = _kpi(pricing, "full_time_share")
    out["split_shifts"] = round(int(pricing.staff["split_shifts"].sum()) * WEEKS_PER_YEAR / weeks,
                                1)
    out["wishes_met_pct"] = _kpi(pricing, "wishes_met")
    out["violations"] = len(report.violations)
    return {f.key: out[f.key] for f in FIGURES}


def delta(value: Value, base: Value) -> Value:
    """value − base (None when either is missing); money stays integer öre."""
    if value is None or base is None:
        return None
    if isinstance(value, int) and isinstance(base, int):
        return value - base
    return round(float(value) - float(base), 3)


def display(key: str, value: Value, signed: bool = False) -> str:
    """A figure for people: kronor with thin spaces, hours/FTE/% with their decimals."""
    if value is None:
        return "–"
    kind = FIGURE[key].kind
    sign = "+" if signed and value > 0 else ""
    if kind == "ore":
        return f"{sign}{round(value / 100):,}".replace(",", " ")
    if kind == "fte":
        return f"{sign}{value:.2f}"
    if kind in ("hours", "pct"):
        return f"{sign}{value:,.1f}".replace(",", " ")
    return f"{sign}{value:g}"


def display_value(key: str, value: Value) -> float | int | None:
    """A figure as a plain number for spreadsheets: kronor for money, else as is."""
    if value is None:
        return None
    return round(value / 100) if FIGURE[key].kind == "ore" else value


def simulated_figures(figures: dict[str, float | None]) -> dict[str, Value]:
    """SIMULATED_FIGURES from `SimulationResult.figures()` (SEK become öre)."""

    def ore(key: str) -> Value:
        value = figures.get(key)
        return None if value is None else round(value * 100)

    return {
        "sim_total_ore": ore("simulated_annual_sek"),
        "sim_total_p5_ore": ore("simulated_annual_p5_sek"),
        "sim_total_p95_ore": ore("simulated_annual_p95_sek"),
        "sim_absence_ore": ore("absence_annual_sek"),
        "sim_utilisation_pct": figures.get("resurstid_utilisation_pct"),
        "sim_overtime_share_pct": figures.get("overtime_share_pct"),
        "sim_agency_hours": figures.get("agency_annual_hours"),
    }
