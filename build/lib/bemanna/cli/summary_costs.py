"""The terminal's cost table: forecast, budget and deviation per budget line and in total,
for the period and annualised (× 52 / weeks), from the pricing's integer öre."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from bemanna.pricing import Pricing
from bemanna.units import format_sek


def _sek(value: object) -> str:
    """Öre (possibly <NA>: no budget given) as SEK text."""
    return "–" if pd.isna(value) else format_sek(int(value))  # type: ignore[call-overload]


def _pct(value: object) -> str:
    return "–" if pd.isna(value) else f"{float(value):.1f} %"  # type: ignore[arg-type]


def cost_tables(pricing: Pricing) -> tuple[Table, Table]:
    """(period table, annualised table); deviation = budget − forecast, negative = over."""
    weeks = pricing.weeks
    period = Table(title=f"Costs vs budget, {weeks} weeks (SEK; deviation = budget − forecast)")
    year = Table(title=f"Annualised (× 52 / {weeks}, SEK)")
    for table, columns in ((period, ("forecast", "budget", "deviation", "dev %")),
                           (year, ("forecast / year", "budget / year", "deviation / year"))):
        table.add_column("budget line")
        for column in columns:
            table.add_column(column, justify="right")
    for r in pricing.budget.itertuples():
        style = "bold" if r.line == "total" else None
        period.add_row(str(r.line), _sek(r.forecast_ore), _sek(r.budget_ore),
                       _sek(r.deviation_ore), _pct(r.deviation_pct), style=style)
        year.add_row(str(r.line), _sek(r.annual_forecast_ore), _sek(r.annual_budget_ore),
                     _sek(r.annual_deviation_ore), style=style)
    return period, year


def print_costs(console: Console, pricing: Pricing) -> None:
    for table in cost_tables(pricing):
        console.print(table)
