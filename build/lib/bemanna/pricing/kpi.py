"""Key figures of a priced roster (domain.md §1 and §6; formulas in docs/costs.md).

Computed exactly (fractions) and rounded once, to two decimals, for the table. A figure with
no denominator (no passes, no wishes, no personnel cost) is <NA>, never 0 and never NaN.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd

from bemanna.instance import Instance

KPI_COLUMNS = ["kpi", "value", "unit"]


def rounded(value: Fraction | None) -> float | None:
    """Two decimals, half up (display)."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def ratio(part: int | Fraction, whole: int | Fraction, scale: int = 1) -> Fraction | None:
    return None if whole == 0 else Fraction(part) * scale / Fraction(whole)


def spread(counts: list[int]) -> int | None:
    """Most minus fewest, or None for nobody."""
    return max(counts) - min(counts) if counts else None


def kpi_table(inst: Instance, forecast: dict[str, int], resurstid: pd.DataFrame,
              gap_fill: pd.DataFrame, staff: pd.DataFrame, fte_minutes: int) -> pd.DataFrame:
    """One row per key figure: kpi, value, unit."""
    rates = [Fraction(e.employment_rate) for e in inst.employees]
    own_staff_cost = sum(forecast[k] for k in ("personnel", "ob", "overtime", "hourly_temps"))
    agency = int(gap_fill.loc[gap_fill["source"] == "agency", "minutes"].sum())
    bookable = int(resurstid.loc[resurstid["kind"] == "bookable", "minutes"].sum())
    stranded = int(resurstid.loc[resurstid["kind"] == "stranded", "minutes"].sum())
    passes = int(staff["passes"].sum())
    working = staff[staff["passes"] > 0]
    night_workers = staff[staff["nights"] > 0]
    figures: list[tuple[str, Fraction | int | None, str]] = [
        ("full_time_share", ratio(sum(1 for r in rates if r == 100), len(rates), 100), "%"),
        ("average_employment_rate", ratio(sum(rates), len(rates)), "%"),
        ("overtime_share_of_personnel_cost", ratio(forecast["overtime"], own_staff_cost, 100),
         "%"),
        ("agency_fte", ratio(agency, fte_minutes), "FTE"),
        ("resurstid_fte", ratio(bookable + stranded, fte_minutes), "FTE"),
        ("bookable_resurstid_fte", ratio(bookable, fte_minutes), "FTE"),
        ("stranded_resurstid_fte", ratio(stranded, fte_minutes), "FTE"),
        ("split_shifts_per_100_passes", ratio(int(staff["split_shifts"].sum()), passes, 100),
         "per 100 passes"),
        ("wishes_met", ratio(int(staff["wishes_met"].sum()), int(staff["wishes"].sum()), 100),
         "%"),
        ("weekend_spread", spread([int(n) for n in working["weekends"]]), "weekends"),
        ("night_spread", spread([int(n) for n in night_workers["nights"]]), "nights"),
    ]
    rows = [(name, rounded(Fraction(value)) if value is not None else None, unit)
            for name, value, unit in figures]
    return pd.DataFrame(rows, columns=KPI_COLUMNS).astype({"value": "Float64"})
