"""report.html: one self-contained page that opens offline, in Swedish or English.

Inline CSS, inline SVG charts drawn in Python (`bemanna.report.svg`) and a few lines of inline
script (the week selector of the coverage curves). A Content-Security-Policy forbids every
load from outside the file. Every string from the instance or the roster is escaped. The
words and number formats are `bemanna.labels`' in the language asked for (`lang`, Swedish by
default); `<html lang>` says which.

Stable hooks for tests and readers: `#kpis` (tiles `.kpi-tile[data-kpi]`), `#costs`,
`#coverage`, `#resurstid`, `#rohs` (`#rohs-table`, one `tr[data-employee]` per request and
`tr.total`), `#roster-grid` (one `tr.employee-row[data-employee]` per employee),
`#employee-hours`, `#check`; every chart is a `figure.chart[data-chart]` holding one `<svg>`.
The sections after the costs are drawn in `html_sections`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from bemanna.labels import (
    BUDGET_LINES,
    KPIS,
    SIMULATED,
    STATUS,
    UNITS,
    Lang,
    count,
    label,
    money,
    money_whole,
    number_or_dash,
    say,
)
from bemanna.report import unpriced
from bemanna.report.data import ReportData
from bemanna.report.html_sections import (
    check_section,
    coverage_section,
    e,
    hours_section,
    resurstid_section,
    rohs_section,
    roster_section,
)
from bemanna.report.page_assets import CSP, CSS, SCRIPT
from bemanna.report.simulation import SimulationFigures, Spread
from bemanna.report.svg import cost_budget_chart

NAV = ("kpis", "costs", "coverage", "resurstid", "rohs", "roster", "hours", "check")
"""The page's sections in order; their titles are `report.nav`."""


def money_cell(value: object, lang: Lang = "sv") -> str:
    """An öre column value (possibly <NA>) as kronor text."""
    return money(None if pd.isna(value) else int(value), lang)  # type: ignore[call-overload]


def _tile(kpi: str, title: str, value: str, unit: str, interval: str = "") -> str:
    tail = f'<div class="interval">{e(interval)}</div>' if interval else ""
    return (f'<div class="kpi-tile" data-kpi="{e(kpi)}"><div class="label">{e(title)}</div>'
            f'<div class="value">{e(value)}<span class="unit">{e(unit)}</span></div>'
            f"{tail}</div>")


def _interval(spread: Spread, show: Callable[[float | None], str], lang: Lang) -> str:
    if spread.low is None or spread.high is None:
        return ""
    return say("report.interval", lang, low=show(spread.low), high=show(spread.high))


def simulated_tiles(sim: SimulationFigures | None, lang: Lang = "sv") -> list[str]:
    """Resurstid utilisation, absence cost per year and overtime share of the simulation
    (mean and 90 % interval); 'ej simulerad' / 'not simulated' without one."""
    kpis = ("resurstid_utilisation", "absence_cost_annual", "simulated_overtime_share")
    titles = [label(SIMULATED, k, lang) for k in kpis]
    if sim is None:
        return [_tile(k, t, say("report.not_simulated", lang), "") for k, t in zip(
            kpis, titles, strict=True)]

    def pct(value: float | None) -> str:
        return number_or_dash(value, 1, lang)

    def kronor(value: float | None) -> str:
        return money_whole(None if value is None else round(value), lang)

    utilisation = sim.utilisation_pct
    no_resurspass = say("report.no_resurspass", lang) if not sim.resurspass_minutes else ""
    return [
        _tile(kpis[0], titles[0], pct(utilisation.mean), "%",
              _interval(utilisation, pct, lang) or no_resurspass),
        _tile(kpis[1], titles[1], kronor(sim.absence_annual_ore.mean), "",
              _interval(sim.absence_annual_ore, kronor, lang)),
        _tile(kpis[2], titles[2], pct(sim.overtime_share_pct.mean), "%",
              _interval(sim.overtime_share_pct, pct, lang)),
    ]


def absence_cover_tile(data: ReportData, lang: Lang = "sv") -> str:
    """The objective term expected_absence_cover (a credit, ≤ 0) as the positive amount of
    expected absence the roster's resurspass cover, per period."""
    cover = data.absence_cover_ore
    value = money_whole(None if cover is None else -cover, lang)
    return _tile("expected_absence_cover", say("report.absence_cover", lang), value, "",
                 say("report.per_period", lang, weeks=count(data.weeks, "week", lang)))


def kpi_tiles(data: ReportData, lang: Lang = "sv") -> str:
    totals = data.pricing.budget.set_index("line").loc["total"]
    weeks = count(data.weeks, "week", lang)
    tiles = [] if data.pricing.unpriced else [
        _tile("forecast", say("report.forecast", lang, weeks=weeks),
              money_whole(int(totals.forecast_ore), lang), ""),
        _tile("annual_forecast", say("report.annual_forecast", lang),
              money_whole(int(totals.annual_forecast_ore), lang), ""),
    ]
    if not pd.isna(totals.deviation_ore):
        pct = ("" if pd.isna(totals.deviation_pct)
               else f" ({number_or_dash(float(totals.deviation_pct), 1, lang)} %)")
        tiles.append(_tile("deviation", say("report.deviation", lang),
                           money_whole(int(totals.deviation_ore), lang) + pct, ""))
    for r in data.pricing.kpis.itertuples():
        value = None if pd.isna(r.value) else float(r.value)
        places = 0 if r.unit in ("weekends", "nights") else 1 if r.unit != "FTE" else 2
        tiles.append(_tile(str(r.kpi), label(KPIS, str(r.kpi), lang),
                           number_or_dash(value, places, lang), label(UNITS, str(r.unit), lang)))
    tiles.append(absence_cover_tile(data, lang))
    tiles.extend(simulated_tiles(data.simulation, lang))
    return ('<div id="kpis">' + "".join(tiles) + "</div>"
            + simulation_note(data.simulation, lang))


def simulation_note(sim: SimulationFigures | None, lang: Lang = "sv") -> str:
    if sim is None:
        command = "<code>bemanna report … --simulate 1000</code>"
        return (f'<p class="note" id="simulation-note">'
                f'{say("report.simulation_none", lang, command=command)}</p>')
    drawn = (say("report.seed", lang, seed=sim.seed) if sim.seed >= 0
             else say("report.given_absences", lang))
    return (f'<p class="note" id="simulation-note">'
            f'{e(say("report.simulation", lang, runs=sim.runs, drawn=drawn))}</p>')


def cost_section(data: ReportData, lang: Lang = "sv") -> str:
    if data.pricing.unpriced:
        return unpriced.cost_section(data, lang)
    rows = []
    for r in data.pricing.budget.itertuples():
        pct = None if pd.isna(r.deviation_pct) else float(r.deviation_pct)
        cls = ' class="total"' if r.line == "total" else ""
        amounts = "".join(f'<td class="num">{money_cell(v, lang)}</td>' for v in (
            r.forecast_ore, r.budget_ore, r.deviation_ore))
        annual = "".join(f'<td class="num">{money_cell(v, lang)}</td>' for v in (
            r.annual_forecast_ore, r.annual_budget_ore, r.annual_deviation_ore))
        rows.append(f"<tr{cls} data-line=\"{e(r.line)}\"><td>"
                    f"{e(label(BUDGET_LINES, r.line, lang))}</td>{amounts}"
                    f'<td class="num">{number_or_dash(pct, 1, lang)}</td>{annual}</tr>')
    head = "<tr>" + "".join(f"<th>{e(h)}</th>" for h in say(
        "report.cost_columns", lang).split("|")) + "</tr>"
    note = say("report.cost_note", lang, weeks=count(data.weeks, "week", lang),
               count=data.weeks)
    return (
        f'<section id="costs"><h2>{e(say("report.costs_heading", lang))}</h2>'
        '<figure class="chart" data-chart="cost-budget">'
        + cost_budget_chart(data.pricing.budget, lang)
        + f'<figcaption>{e(say("report.cost_chart", lang))}</figcaption></figure>'
        f'<table id="cost-table">{head}{"".join(rows)}</table>'
        f'<p class="note">{e(note)}</p></section>')


def page(data: ReportData, lang: Lang = "sv") -> str:
    """The whole page in `lang` ('sv' or 'en')."""
    inst, roster = data.instance, data.roster
    violations = len(data.check.violations)
    verdict = (f'<span class="ok">{e(say("report.all_rules_hold", lang))}</span>'
               if data.check.ok else
               f'<span class="bad">{e(say("report.violations", lang, count=violations))}</span>')
    meta = say("report.meta", lang, start=e(inst.horizon.start.isoformat()),
               end=e(data.dates[-1].isoformat()), weeks=count(data.weeks, "week", lang),
               cyclic=say("report.cyclic", lang) if inst.horizon.cyclic else "",
               employees=len(inst.employees), status=e(label(STATUS, roster.status, lang)),
               verdict=verdict)
    titles = say("report.nav", lang).split("|")
    nav = ("<nav>" + "".join(f'<a href="#{i}">{e(t)}</a>' for i, t in zip(NAV, titles,
                                                                            strict=True))
           + "</nav>")
    body = (f'<header><h1>{e(say("report.heading", lang, name=inst.name))}</h1>'
            f'<p class="meta">{meta}</p>{nav}</header>'
            f'<section id="key-figures"><h2>{e(say("report.key_figures", lang))}</h2>'
            + kpi_tiles(data, lang) + "</section>"
            + cost_section(data, lang) + coverage_section(data, lang)
            + resurstid_section(data, lang) + rohs_section(data, lang)
            + roster_section(data, lang) + hours_section(data, lang)
            + check_section(data, lang))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f'<title>{e(say("report.title", lang, name=inst.name))}</title>'
            f"<style>{CSS}</style></head><body>{body}<script>{SCRIPT}</script></body></html>\n")
