"""report.html: one self-contained page that opens offline.

Inline CSS, inline SVG charts drawn in Python (`bemanna.report.svg`) and a few lines of inline
script (the week selector of the coverage curves). A Content-Security-Policy forbids every
load from outside the file. Every string from the instance or the roster is escaped.

Stable hooks for tests and readers: `#kpis` (tiles `.kpi-tile[data-kpi]`), `#costs`,
`#coverage`, `#resurstid`, `#rohs` (`#rohs-table`, one `tr[data-employee]` per request and
`tr.total`), `#roster-grid` (one `tr.employee-row[data-employee]` per employee),
`#employee-hours`, `#check`; every chart is a `figure.chart[data-chart]` holding one `<svg>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

import pandas as pd

from bemanna.report import labels as sv
from bemanna.report.data import ReportData
from bemanna.report.page_assets import CSP, CSS, SCRIPT
from bemanna.report.rohs import rohs_totals
from bemanna.report.simulation import SimulationFigures, Spread
from bemanna.report.svg import (
    booked_heatmap,
    cost_budget_chart,
    coverage_chart,
    resurstid_heatmap,
)

KIND_COLOURS = {"day": "#fff2cc", "evening": "#f8cbad", "night": "#9dc3e6", "split": "#d9c3e9"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def money(value: object) -> str:
    """An öre column value (possibly <NA>) as kronor text."""
    return sv.sek(None if pd.isna(value) else int(value))  # type: ignore[call-overload]


def _tile(kpi: str, label: str, value: str, unit: str, interval: str = "") -> str:
    tail = f'<div class="interval">{_e(interval)}</div>' if interval else ""
    return (f'<div class="kpi-tile" data-kpi="{_e(kpi)}"><div class="label">{_e(label)}</div>'
            f'<div class="value">{_e(value)}<span class="unit">{_e(unit)}</span></div>'
            f"{tail}</div>")


def _interval(spread: Spread, show: Callable[[float | None], str]) -> str:
    if spread.low is None or spread.high is None:
        return ""
    return f"90 %-intervall {show(spread.low)} – {show(spread.high)}"


def _percent(value: float | None) -> str:
    return sv.decimal(value)


def _money(value: float | None) -> str:
    return sv.sek_whole(None if value is None else round(value))


def simulated_tiles(sim: SimulationFigures | None) -> list[str]:
    """Resurstid utilisation, absence cost per year and overtime share of the simulation
    (mean and 90 % interval); 'ej simulerad' without one."""
    kpis = ("resurstid_utilisation", "absence_cost_annual", "simulated_overtime_share")
    if sim is None:
        return [_tile(k, sv.SIMULATED[k], sv.NOT_SIMULATED, "") for k in kpis]
    utilisation = sim.utilisation_pct
    no_resurspass = "inga resurspass i schemat" if not sim.resurspass_minutes else ""
    return [
        _tile(kpis[0], sv.SIMULATED[kpis[0]], _percent(utilisation.mean), "%",
              _interval(utilisation, _percent) or no_resurspass),
        _tile(kpis[1], sv.SIMULATED[kpis[1]], _money(sim.absence_annual_ore.mean), "",
              _interval(sim.absence_annual_ore, _money)),
        _tile(kpis[2], sv.SIMULATED[kpis[2]], _percent(sim.overtime_share_pct.mean), "%",
              _interval(sim.overtime_share_pct, _percent)),
    ]


def absence_cover_tile(data: ReportData) -> str:
    """The objective term expected_absence_cover (a credit, ≤ 0) as the positive amount of
    expected absence the roster's resurspass cover, per period."""
    cover = data.absence_cover_ore
    value = "–" if cover is None else sv.sek_whole(-cover)
    return _tile("expected_absence_cover", sv.ABSENCE_COVER, value, "",
                 f"per period ({sv.weeks(data.weeks)})")


def kpi_tiles(data: ReportData) -> str:
    totals = data.pricing.budget.set_index("line").loc["total"]
    tiles = [
        _tile("forecast", f"Prognos, {sv.weeks(data.weeks)}",
              sv.sek_whole(int(totals.forecast_ore)), ""),
        _tile("annual_forecast", "Prognos helår", sv.sek_whole(int(totals.annual_forecast_ore)),
              ""),
    ]
    if not pd.isna(totals.deviation_ore):
        pct = "" if pd.isna(totals.deviation_pct) else f" ({sv.decimal(totals.deviation_pct)} %)"
        tiles.append(_tile("deviation", "Avvikelse mot budget",
                           sv.sek_whole(int(totals.deviation_ore)) + pct, ""))
    for r in data.pricing.kpis.itertuples():
        value = None if pd.isna(r.value) else float(r.value)
        places = 0 if r.unit in ("weekends", "nights") else 1 if r.unit != "FTE" else 2
        tiles.append(_tile(str(r.kpi), sv.label(sv.KPIS, str(r.kpi)), sv.decimal(value, places),
                           sv.label(sv.UNITS, str(r.unit))))
    tiles.append(absence_cover_tile(data))
    tiles.extend(simulated_tiles(data.simulation))
    return '<div id="kpis">' + "".join(tiles) + "</div>" + simulation_note(data.simulation)


def simulation_note(sim: SimulationFigures | None) -> str:
    if sim is None:
        return ('<p class="note" id="simulation-note">Frånvaron är ej simulerad: '
                "<code>bemanna report … --simulate 1000</code> simulerar sjukfrånvaro över "
                "schemat (docs/resurstid.md).</p>")
    drawn = f"frö {sim.seed}" if sim.seed >= 0 else "given frånvaro"
    return (f'<p class="note" id="simulation-note">Simulerad sjukfrånvaro: {sim.runs} körningar '
            f"({drawn}); medelvärde och 90 %-intervall (5:e–95:e percentilen). Helår = × 52 / "
            "antal veckor. Utnyttjandegrad = bokade resurspasstimmar / alla resurspasstimmar."
            "</p>")


def cost_section(data: ReportData) -> str:
    rows = []
    for r in data.pricing.budget.itertuples():
        pct = None if pd.isna(r.deviation_pct) else float(r.deviation_pct)
        cls = ' class="total"' if r.line == "total" else ""
        rows.append(
            f"<tr{cls} data-line=\"{_e(r.line)}\"><td>{_e(sv.label(sv.BUDGET_LINES, r.line))}"
            f'</td><td class="num">{money(r.forecast_ore)}</td>'
            f'<td class="num">{money(r.budget_ore)}</td>'
            f'<td class="num">{money(r.deviation_ore)}</td>'
            f'<td class="num">{sv.decimal(pct)}</td>'
            f'<td class="num">{money(r.annual_forecast_ore)}</td>'
            f'<td class="num">{money(r.annual_budget_ore)}</td>'
            f'<td class="num">{money(r.annual_deviation_ore)}</td></tr>')
    head = ("<tr><th>Budgetpost</th><th>Prognos</th><th>Budget</th><th>Avvikelse</th>"
            "<th>Avvikelse %</th><th>Prognos helår</th><th>Budget helår</th>"
            "<th>Avvikelse helår</th></tr>")
    return (
        '<section id="costs"><h2>Kostnader mot budget</h2>'
        '<figure class="chart" data-chart="cost-budget">'
        + cost_budget_chart(data.pricing.budget)
        + "<figcaption>Rader med budget har sin egen skala: stapel = prognos (grön inom "
        "budget, röd över), svart streck och grått fält = budget. Rader utan budget: blå stapel "
        "= andel av total prognos.</figcaption></figure>"
        f'<table id="cost-table">{head}{"".join(rows)}</table>'
        f'<p class="note">Period {sv.weeks(data.weeks)}. Avvikelse = budget − prognos (negativ = '
        f"över budget). Helår = belopp × 52 / {data.weeks}. Otäckt behov prissätts som det "
        "köps enligt kompensationsordningen (timvikarier, övertid, bemanningsföretag).</p>"
        "</section>")


def coverage_section(data: ReportData) -> str:
    picker = ""
    if data.weeks > 1:
        options = "".join(f'<option value="{w}">vecka {w}</option>'
                          for w in range(1, data.weeks + 1))
        picker = (f'<p><label for="week-select">Visa schemavecka </label>'
                  f'<select id="week-select">{options}</select></p>')
    legend = ('<p class="legend">'
              '<span><i class="swatch" style="background:#a9cce3"></i>bemannat (ordinarie pass)'
              '</span><span><i class="swatch" style="background:#c0392b"></i>minimibehov</span>'
              '<span><i class="swatch" style="background:#e08e0b"></i>önskat behov</span>'
              '<span><i class="swatch" style="background:#e74c3c;opacity:.5"></i>otäckt '
              "minimibehov</span></p>")
    names = {s.id: s.name for s in data.instance.skills}
    charts = []
    for skill, weeks in data.curves.items():
        title = skill + (f" – {names[skill]}" if names.get(skill) else "")
        charts.append(f'<h3>{_e(title)}</h3><figure class="chart" '
                      f'data-chart="coverage-{_e(skill)}">{coverage_chart(skill, weeks)}'
                      "<figcaption>Antal personer per minut, måndag–söndag.</figcaption>"
                      "</figure>")
    return ('<section id="coverage"><h2>Behov och bemanning per kompetens</h2>'
            + picker + legend + "".join(charts) + "</section>")


def resurstid_section(data: ReportData) -> str:
    bookable, stranded = int(data.bookable.sum()), int(data.stranded.sum())
    return (
        '<section id="resurstid"><h2>Resurstid per veckodag och timme</h2>'
        f'<p class="note">Timmar summerade över perioden ({sv.weeks(data.weeks)}): bokningsbar '
        f"resurstid (resurspass) {sv.hours(bookable)} h + outnyttjad resurstid (bemanning över "
        f"behovet i ordinarie pass) {sv.hours(stranded)} h = {sv.hours(bookable + stranded)} h."
        " Håll muspekaren över en ruta för fördelningen.</p>"
        '<figure class="chart" data-chart="resurstid-heatmap">'
        + resurstid_heatmap(data.bookable, data.stranded)
        + "<figcaption>Mörkare = fler timmar resurstid.</figcaption></figure>"
        + booked_section(data.simulation) + "</section>")


def booked_section(sim: SimulationFigures | None) -> str:
    """Planned versus expected-booked resurspass per weekday × band (with --simulate)."""
    if sim is None:
        return ('<p class="note">Planerade mot förväntat bokade resurspass: ej simulerad '
                "(<code>--simulate N</code>).</p>")
    planned, booked = int(sim.planned.sum()), float(sim.booked.sum())
    used = f" = {sv.decimal(100 * booked / planned)} %" if planned else ""
    return (
        "<h3>Resurspass: planerat mot förväntat bokat</h3>"
        f'<p class="note">Timmar summerade över perioden: resurspass i schemat {sv.hours(planned)}'
        f" h, förväntat bokade på frånvaro {sv.decimal(booked / 60)} h{used} (medel över "
        f"{sim.runs} simulerade perioder). Per veckodag och tidsband: simuleringen bokar per "
        "tidsband, inte per timme.</p>"
        '<figure class="chart" data-chart="resurspass-booked">'
        + booked_heatmap(sim.planned, sim.booked)
        + "<figcaption>Samma färgskala i båda: mörkare = fler timmar. Håll muspekaren över en "
        "ruta för planerat, bokat och utnyttjandegrad.</figcaption></figure>")


def _rate(value: float) -> str:
    return sv.decimal(value, 0 if value == int(value) else 2)


def rohs_section(data: ReportData) -> str:
    """Per employee with a RÖHS request: rates, extra contract hours and annual cost."""
    policy = data.instance.rohs
    head_line = (f"Policy: {_e(sv.label(sv.ROHS_POLICY, policy.policy))} · steg "
                 f"{_rate(float(policy.step_percent))} procentenheter · minsta andel "
                 f"{_rate(float(policy.min_share) * 100)} % av begärda procentenheter")
    title = '<section id="rohs"><h2>RÖHS – önskad högre sysselsättningsgrad</h2>'
    if data.rohs.empty:
        return (title + f'<p class="note">{head_line}</p><p id="rohs-none">Ingen anställd har '
                "begärt högre sysselsättningsgrad (RÖHS).</p></section>")
    rows = []
    for r in data.rohs.itertuples():
        rows.append(
            f'<tr data-employee="{_e(r.employee)}"><td>{_e(r.employee)}'
            + (f" <small>{_e(r.name)}</small>" if r.name else "") + "</td>"
            f'<td class="num">{_rate(r.current_rate)}</td>'
            f'<td class="num">{_rate(r.requested_rate)}</td>'
            f'<td class="num">{_rate(r.granted_rate)}</td>'
            f'<td class="num">{sv.hours(r.extra_contract_minutes, 2)}</td>'
            f'<td class="num">{sv.hours(r.annual_extra_contract_minutes, 2)}</td>'
            f'<td class="num">{sv.sek(r.cost_ore)}</td>'
            f'<td class="num">{sv.sek(r.annual_cost_ore)}</td></tr>')
    total = rohs_totals(data.rohs, data.weeks)
    rows.append(
        '<tr class="total"><td>Totalt</td><td></td><td></td><td></td>'
        f'<td class="num">{sv.hours(total["extra"], 2)}</td>'
        f'<td class="num">{sv.hours(total["annual_extra"], 2)}</td>'
        f'<td class="num">{sv.sek(total["cost"])}</td>'
        f'<td class="num">{sv.sek(total["annual_cost"])}</td></tr>')
    head = ("<tr><th>Anställd</th><th>Nuvarande syss.grad %</th><th>Önskad syss.grad %</th>"
            "<th>Beviljad syss.grad %</th><th>Extra kontraktstimmar</th>"
            "<th>Extra kontraktstimmar per år</th><th>Lönekostnad inkl. PO</th>"
            "<th>Årskostnad inkl. PO</th></tr>")
    term = data.check.costs.get("rohs")
    return (
        title + f'<p class="note">{head_line}</p><div class="scroll">'
        f'<table id="rohs-table">{head}{"".join(rows)}</table></div>'
        f'<p class="note">{_e(rohs_footnote(data.weeks, term))}</p></section>')


def rohs_footnote(weeks: int, term: int | None) -> str:
    objective = "" if term is None else f" (målfunktionens term rohs: {sv.sek(term)})"
    return (f"Period {sv.weeks(weeks)}; per år = × 52 / {weeks}. Kostnad = kontraktsminuterna "
            "vid beviljad minus vid nuvarande sysselsättningsgrad, till den anställdas lön "
            f"inkl. PO; summan är beviljandenas lönekostnad{objective}. Vad ett enskilt "
            "beviljande sparar (köpt täckning, övertid, bemanningsföretag) räknas inte fram här: "
            "det kräver en ny lösning per anställd. Policyerna jämförs i benchmarks/RESULTS.md, "
            "avsnittet \"RÖHS policies\".")


def _day_head(date: dt.date) -> str:
    cls = ' class="weekend"' if date.weekday() >= 5 else ""
    return (f"<th{cls}>{sv.WEEKDAY_SHORT[date.weekday()]}<br>{date.day}/{date.month}</th>")


def roster_section(data: ReportData) -> str:
    weeks_row = ['<tr><th class="emp"></th>']
    for w in range(data.weeks):
        monday = data.dates[7 * w]
        weeks_row.append(f'<th colspan="7">Vecka {monday.isocalendar().week} '
                         f"(schemavecka {w + 1})</th>")
    weeks_row.append("</tr>")
    head = ('<tr><th class="emp">Anställd</th>' + "".join(_day_head(d) for d in data.dates)
            + "</tr>")
    rows = []
    for row in data.grid:
        cells = []
        for cell in row.cells:
            classes = []
            if cell.kind is not None:
                classes.append(f"pass-{cell.kind}")
            if cell.absent:
                classes.append("absent")
            if cell.resurs:
                classes.append("resurs")
            text = cell.text.replace(" R", "") if cell.resurs else cell.text
            text = text or ("–" if cell.absent else "")
            cls = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f'<td{cls} title="{_e(cell.title)}">{_e(text)}</td>')
        who = _e(row.employee) + (f" <small>{_e(row.name)}</small>" if row.name else "")
        rows.append(f'<tr class="employee-row" data-employee="{_e(row.employee)}">'
                    f'<td class="emp">{who}</td>{"".join(cells)}</tr>')
    legend = ('<p class="legend">' + "".join(
        f'<span><i class="swatch" style="background:{colour}"></i>{_e(sv.SHIFT_KINDS[k])}</span>'
        for k, colour in KIND_COLOURS.items())
        + '<span><b><i>dag<sup>R</sup></i></b> = resurspass</span>'
        '<span><i class="swatch" style="background:#d9d9d9"></i>ej tillgänglig</span></p>')
    return ('<section id="roster"><h2>Schema</h2>' + legend
            + '<div class="scroll"><table id="roster-grid">' + "".join(weeks_row) + head
            + "".join(rows) + "</table></div></section>")


def hours_section(data: ReportData) -> str:
    head = ("<tr><th>Anställd</th><th>Syss.grad %</th><th>Kontrakt h</th><th>Schemalagt h</th>"
            "<th>Differens h</th><th>varav resurspass h</th><th>Pass</th><th>Delade turer</th>"
            "<th>Nattpass</th><th>Helger</th><th>Önskemål uppfyllda</th></tr>")
    rows = []
    for r in data.hours.itertuples():
        rows.append(
            f'<tr data-employee="{_e(r.employee)}"><td>{_e(r.employee)}</td>'
            f'<td class="num">{sv.decimal(r.employment_rate, 0)}</td>'
            f'<td class="num">{sv.hours(r.contract_minutes)}</td>'
            f'<td class="num">{sv.hours(r.scheduled_minutes)}</td>'
            f'<td class="num">{sv.hours(r.scheduled_minutes - r.contract_minutes)}</td>'
            f'<td class="num">{sv.hours(r.resurs_minutes)}</td>'
            f'<td class="num">{r.passes}</td><td class="num">{r.split_shifts}</td>'
            f'<td class="num">{r.nights}</td><td class="num">{r.weekends}</td>'
            f'<td class="num">{r.wishes_met} av {r.wishes}</td></tr>')
    return ('<section id="hours"><h2>Timmar per anställd</h2><div class="scroll">'
            f'<table id="employee-hours">{head}{"".join(rows)}</table></div></section>')


def check_section(data: ReportData) -> str:
    if data.check.ok:
        verdict = ('<p class="ok">Alla hårda regler hålls (oberoende kontroll av schemat).</p>')
        return f'<section id="check"><h2>Regelkontroll</h2>{verdict}</section>'
    items = "".join(f"<li>{_e(v.rule)}: {_e(v.message)}</li>" for v in data.check.violations[:50])
    more = len(data.check.violations) - 50
    tail = f"<li>… och {more} till</li>" if more > 0 else ""
    return (f'<section id="check"><h2>Regelkontroll</h2><p class="bad">'
            f"{len(data.check.violations)} regelbrott</p><ul>{items}{tail}</ul></section>")


def page(data: ReportData) -> str:
    inst, roster = data.instance, data.roster
    last = data.dates[-1]
    status = sv.label(sv.STATUS, roster.status)
    verdict = ('<span class="ok">alla regler hålls</span>' if data.check.ok
               else f'<span class="bad">{len(data.check.violations)} regelbrott</span>')
    meta = (f"{_e(inst.horizon.start.isoformat())} – {_e(last.isoformat())}, "
            f"{sv.weeks(data.weeks)}{' (rullande grundschema)' if inst.horizon.cyclic else ''}, "
            f"{len(inst.employees)} anställda · lösning: {_e(status)} · kontroll: {verdict}")
    nav = ("<nav>" + "".join(f'<a href="#{i}">{t}</a>' for i, t in (
        ("kpis", "Nyckeltal"), ("costs", "Kostnader"), ("coverage", "Bemanning"),
        ("resurstid", "Resurstid"), ("rohs", "RÖHS"), ("roster", "Schema"),
        ("hours", "Timmar"),
        ("check", "Regelkontroll"))) + "</nav>")
    body = (f"<header><h1>Schemarapport: {_e(inst.name)}</h1><p class=\"meta\">{meta}</p>"
            f"{nav}</header>"
            '<section id="key-figures"><h2>Nyckeltal</h2>' + kpi_tiles(data) + "</section>"
            + cost_section(data) + coverage_section(data) + resurstid_section(data)
            + rohs_section(data) + roster_section(data) + hours_section(data) + check_section(data))
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f"<title>Schemarapport {_e(inst.name)}</title><style>{CSS}</style></head>"
            f"<body>{body}<script>{SCRIPT}</script></body></html>\n")
