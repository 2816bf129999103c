"""Forecast against budget, per budget line and in total, for the period and annualised.

forecast: the priced roster's cost of each line (öre). deviation = budget − forecast, as in
the municipal reports: negative means over budget. deviation % = deviation / budget × 100.
Annualised = amount × 52 / weeks of the horizon, rounded half up to whole öre per line; the
total row sums the lines (so the annual total is the sum of the annual lines). A line with no
budget has <NA> budget and deviation (never 0, never NaN); the total has a budget only when
every line has one.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd

from bemanna.instance.cost_model import BUDGET_LINES, Budget
from bemanna.units import round_half_up, sek_to_ore

WEEKS_PER_YEAR = 52

BUDGET_COLUMNS = ["line", "forecast_ore", "budget_ore", "deviation_ore", "deviation_pct",
                  "annual_forecast_ore", "annual_budget_ore", "annual_deviation_ore"]


def annualise(ore: int, weeks: int) -> int:
    """An amount of a `weeks`-week period as a year: ore × 52 / weeks, rounded half up."""
    return round_half_up(Fraction(ore * WEEKS_PER_YEAR, weeks))


def percent(part: int, whole: int) -> float | None:
    """part / whole × 100 with one decimal (None when whole is 0)."""
    if whole == 0:
        return None
    value = Decimal(part * 100) / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _row(line: str, forecast: int, budget: int | None, annual_forecast: int,
         annual_budget: int | None) -> tuple[object, ...]:
    if budget is None or annual_budget is None:
        return (line, forecast, None, None, None, annual_forecast, None, None)
    return (line, forecast, budget, budget - forecast, percent(budget - forecast, budget),
            annual_forecast, annual_budget, annual_budget - annual_forecast)


def budget_table(forecast: dict[str, int], budget: Budget, weeks: int) -> pd.DataFrame:
    """One row per budget line (BUDGET_LINES) and a 'total' row."""
    rows = []
    budgets: list[int | None] = []
    annual_forecasts: list[int] = []
    annual_budgets: list[int | None] = []
    for line in BUDGET_LINES:
        given = budget.line(line)
        amount = None if given is None else sek_to_ore(given)
        annual_forecast = annualise(forecast[line], weeks)
        annual_budget = None if amount is None else annualise(amount, weeks)
        rows.append(_row(line, forecast[line], amount, annual_forecast, annual_budget))
        budgets.append(amount)
        annual_forecasts.append(annual_forecast)
        annual_budgets.append(annual_budget)
    complete = all(b is not None for b in budgets)
    rows.append(_row(
        "total",
        sum(forecast[line] for line in BUDGET_LINES),
        sum(b for b in budgets if b is not None) if complete else None,
        sum(annual_forecasts),
        sum(b for b in annual_budgets if b is not None) if complete else None,
    ))
    frame = pd.DataFrame(rows, columns=BUDGET_COLUMNS)
    return frame.astype({
        "forecast_ore": "int64", "budget_ore": "Int64", "deviation_ore": "Int64",
        "deviation_pct": "Float64", "annual_forecast_ore": "int64",
        "annual_budget_ore": "Int64", "annual_deviation_ore": "Int64",
    })
