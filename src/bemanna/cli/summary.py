"""The terminal summary of a solved roster: the verdict first, then the search and the
independent check, then a short table of key figures; the long tables (per employee, uncovered
need by time of day, the objective by term, costs against budget) only with --details.

Every figure comes from the pricing and the checker (the same source as report.xlsx and
report.html), in the bands of `bemanna.pricing.bands`, in one language (`bemanna.labels`).
"""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from bemanna.checker import CheckReport
from bemanna.instance.model import Instance
from bemanna.labels import (
    BANDS,
    BUDGET_LINES,
    COLUMNS,
    KPIS,
    STATUS,
    UNITS,
    Lang,
    hours,
    label,
    money,
    number,
    say,
    term_label,
)
from bemanna.pricing import Pricing
from bemanna.pricing.bands import BAND_NAMES
from bemanna.pricing.verdict import Verdict, useful_bound
from bemanna.roster.model import Roster
from bemanna.units import plural


def _table(title: str, columns: list[str], lang: Lang) -> Table:
    table = Table(title=title)
    for i, column in enumerate(columns):
        table.add_column(label(COLUMNS, column, lang), justify="left" if i == 0 else "right",
                         no_wrap=i == 0)
    return table


def employee_name(instance: Instance, employee: str) -> str:
    """'d05 Petra Axelsson' (the id alone when the instance names nobody)."""
    emp = instance.employee.get(employee)
    return f"{employee} {emp.name}" if emp is not None and emp.name else employee


def employee_table(instance: Instance, roster: Roster, lang: Lang) -> Table:
    """Contract against scheduled hours, resurspass, passes, split passes and nights."""
    table = _table(say("table.employees", lang), ["employee", "contract", "scheduled", "diff",
                                                  "resurspass", "passes", "split", "nights"],
                   lang)
    passes = roster.by_employee()
    for emp in roster.employees:
        own = passes.get(emp.id, [])
        split = sum(1 for a in own if len(a.parts) > 1)
        nights = sum(1 for a in own if a.end.date() > a.date)
        table.add_row(employee_name(instance, emp.id), hours(emp.contract_minutes, lang),
                      hours(emp.scheduled_minutes, lang),
                      hours(emp.scheduled_minutes - emp.contract_minutes, lang),
                      hours(emp.resurs_minutes, lang), str(len(own)), str(split), str(nights))
    return table


def uncovered_by_band(pricing: Pricing) -> dict[str, dict[str, int]]:
    """Uncovered minutes (minimum need) per skill and band of the day, from the pricing's
    `uncovered` table (the report's source and bands)."""
    frame = pricing.uncovered
    if frame.empty:
        return {}
    sums = frame.groupby(["skill", "band"])["minutes"].sum()
    return {str(skill): {band: int(sums.get((skill, band), 0)) for band in BAND_NAMES}
            for skill in sorted(frame["skill"].unique())}


def coverage_table(pricing: Pricing, lang: Lang) -> Table:
    table = Table(title=say("table.uncovered", lang))
    table.add_column(label(COLUMNS, "skill", lang))
    for band in BAND_NAMES:
        table.add_column(label(BANDS, band, lang), justify="right")
    table.add_column(label(COLUMNS, "total", lang), justify="right")
    for skill, bands in uncovered_by_band(pricing).items():
        table.add_row(skill, *(hours(v, lang) for v in bands.values()),
                      hours(sum(bands.values()), lang))
    return table


def terms_table(roster: Roster, report: CheckReport, lang: Lang) -> Table:
    """The objective per term, as the solver reported it and as the checker recomputes it."""
    table = _table(say("table.terms", lang), ["term", "solver", "checker"], lang)
    for term in sorted(set(roster.objective_by_term) | set(report.costs)):
        table.add_row(f"{term_label(term, lang)} ({term})",
                      money(roster.objective_by_term.get(term, 0), lang, unit=False),
                      money(report.costs.get(term, 0), lang, unit=False))
    return table


def key_figures_table(pricing: Pricing, lang: Lang) -> Table:
    """The budget's total (forecast, budget, deviation) and the pricing's key figures."""
    table = _table(say("table.key_figures", lang), ["figure", "value", "unit"], lang)
    total = pricing.budget.set_index("line").loc["total"]
    for column in ("forecast_ore", "budget_ore", "deviation_ore"):
        value = total[column]
        name = column.removesuffix("_ore")
        table.add_row(f"{label(BUDGET_LINES, 'total', lang)}: {label(COLUMNS, name, lang)}",
                      "–" if pd.isna(value) else money(int(value), lang, unit=False),
                      "kr" if lang == "sv" else "SEK")
    for row in pricing.kpis.itertuples():
        places = 0 if row.unit in ("weekends", "nights") else 1
        value = "–" if pd.isna(row.value) else number(float(row.value), places, lang)
        table.add_row(label(KPIS, str(row.kpi), lang), value, label(UNITS, str(row.unit), lang))
    return table


def search_line(roster: Roster, lang: Lang) -> str:
    bound = useful_bound(roster.bound)
    bound_text = (say("bound", lang, bound=money(bound, lang)) if bound is not None
                  else say("verdict.no_bound", lang))
    return say("search", lang, status=label(STATUS, roster.status, lang),
               objective=money(roster.objective, lang), bound=bound_text)


def print_check(console: Console, report: CheckReport, lang: Lang) -> None:
    if report.ok:
        console.print(f"[green]{say('check.ok', lang)}[/]", highlight=False)
        return
    count = len(report.violations)
    shown = str(count) if lang == "sv" else plural(count, "violation")
    console.print(f"[red]{say('check.broken', lang, count=shown)}[/]", highlight=False)
    for v in report.violations[:20]:
        console.print(f"  {v.rule}: {v.text(lang)}", markup=False, highlight=False)


def print_summary(console: Console, instance: Instance, roster: Roster, report: CheckReport,
                  pricing: Pricing | None, verdict: Verdict | None, lang: Lang,
                  details: bool = False, command: str = "") -> None:
    """Verdict, search, check and key figures; with `details` the long tables as well."""
    if verdict is not None:
        console.print(f"[bold]{verdict.text(lang, command)}[/]", highlight=False)
    console.print(search_line(roster, lang), highlight=False)
    print_check(console, report, lang)
    if pricing is not None and pricing.unpriced:
        console.print(say("costs.unpriced", lang, missing="; ".join(pricing.unpriced[:3])),
                      highlight=False, markup=False)
    elif pricing is not None:
        console.print(key_figures_table(pricing, lang))
    if not details:
        console.print(say("details.hint", lang), highlight=False)
        return
    console.print(employee_table(instance, roster, lang))
    if pricing is not None:
        resurstid = pricing.resurstid
        console.print(say("resurstid.note", lang, bookable=hours(int(
            resurstid.loc[resurstid["kind"] == "bookable", "minutes"].sum()), lang),
            stranded=hours(int(resurstid.loc[resurstid["kind"] == "stranded",
                                             "minutes"].sum()), lang)), highlight=False)
        console.print(coverage_table(pricing, lang))
    console.print(terms_table(roster, report, lang))
