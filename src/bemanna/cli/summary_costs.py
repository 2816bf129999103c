"""The terminal's cost table: forecast, budget and deviation per budget line and in total,
for the period and annualised (× 52 / weeks), from the pricing's integer öre, in the
language's words and number format (`bemanna.labels`)."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from bemanna.labels import BUDGET_LINES, COLUMNS, DASH, Lang, label, money, percent, say
from bemanna.pricing import Pricing


def _sek(value: object, lang: Lang) -> str:
    """Öre (possibly <NA>: no budget given) as kronor text."""
    return DASH if pd.isna(value) else money(int(value), lang, unit=False)  # type: ignore[call-overload]


def _pct(value: object, lang: Lang) -> str:
    return DASH if pd.isna(value) else percent(float(value), lang)  # type: ignore[arg-type]


def cost_tables(pricing: Pricing, lang: Lang = "sv") -> tuple[Table, Table]:
    """(period table, annualised table); deviation = budget − forecast, negative = over."""
    weeks = pricing.weeks
    period = Table(title=say("table.costs", lang, weeks=weeks))
    year = Table(title=say("table.annual", lang, weeks=weeks))
    for table, columns in ((period, ("forecast", "budget", "deviation", "deviation_pct")),
                           (year, ("forecast_year", "budget_year", "deviation_year"))):
        table.add_column(label(COLUMNS, "budget_line", lang))
        for column in columns:
            table.add_column(label(COLUMNS, column, lang), justify="right")
    for r in pricing.budget.itertuples():
        style = "bold" if r.line == "total" else None
        name = label(BUDGET_LINES, str(r.line), lang)
        period.add_row(name, _sek(r.forecast_ore, lang), _sek(r.budget_ore, lang),
                       _sek(r.deviation_ore, lang), _pct(r.deviation_pct, lang), style=style)
        year.add_row(name, _sek(r.annual_forecast_ore, lang), _sek(r.annual_budget_ore, lang),
                     _sek(r.annual_deviation_ore, lang), style=style)
    return period, year


def print_costs(console: Console, pricing: Pricing, lang: Lang = "sv") -> None:
    if pricing.unpriced:
        console.print(say("costs.unpriced", lang, missing="; ".join(pricing.unpriced[:3])),
                      highlight=False, markup=False)
        return
    for table in cost_tables(pricing, lang):
        console.print(table)
