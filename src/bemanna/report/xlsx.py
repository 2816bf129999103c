"""report.xlsx: the roster grid, coverage, costs vs budget, key figures, hours, resurstid.

Sheets (Swedish names; English ones with `lang="en"`, `bemanna.labels.SHEET_NAMES`):
Schema (employees × days, cells coloured by shift kind, resurspass in
italics with ' R' after the shift id, unavailable days grey), Bemanning (need vs staffed vs
uncovered hours per skill × weekday × time band), Kostnader (forecast / budget / deviation
per budget line, period and annualised, and the bought cover per skill and source),
Nyckeltal (the pricing's key figures, the expected absence cover and, with `--simulate`, the
simulated ones with their 90 % interval), Timmar per anställd, Resurstid (weekday × hour; with
`--simulate` also planned versus expected-booked resurspass per weekday × band), RÖHS (per
employee with a request: rates, extra contract hours, cost incl. PO). Money cells are numbers
in SEK: the pricing's integer öre / 100 (the one rounding is the pricing's, per row), shown
with two decimals; a number cell is a number (Excel shows it in the reader's locale), the
text cells are in the language asked for.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.labels import (
    BANDS,
    BUDGET_LINES,
    KPIS,
    PAY,
    ROHS_POLICY,
    SHEET_NAMES,
    SHIFT_KINDS,
    SIMULATED,
    SOURCES,
    UNITS,
    Lang,
    count,
    label,
    money,
    say,
    short_day,
    weekday,
)
from bemanna.labels.dates import WEEKDAYS
from bemanna.report import unpriced
from bemanna.report.data import ReportData
from bemanna.report.rohs import rohs_totals
from bemanna.report.simulation import SimulationFigures, Spread
from bemanna.spreadsheet import text_cells
from bemanna.units import MINUTES_PER_HOUR


def sheet_names(lang: Lang = "sv") -> tuple[str, ...]:
    """The sheets' names in order, in `lang`."""
    return tuple(label(SHEET_NAMES, key, lang) for key in SHEET_NAMES)


SHEETS = sheet_names("sv")

KIND_FILL = {"day": "FFF2CC", "evening": "F8CBAD", "night": "9DC3E6", "split": "D9C3E9"}
"""Fill colour per shift kind: day yellow, evening orange, night blue, split violet."""
ABSENT_FILL = "D9D9D9"
WEEKEND_HEAD_FILL = "E2EFDA"
HEAD_FILL = "DDEBF7"

MONEY = "#,##0.00"
HOURS = "#,##0.0"
PERCENT = "0.0"

BOLD = Font(bold=True)
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def sek(ore: object) -> float | None:
    """Öre -> SEK for a money cell (None stays empty)."""
    if ore is None or pd.isna(ore):  # type: ignore[call-overload]
        return None
    return int(ore) / 100  # type: ignore[call-overload]


def _hours(minutes: int) -> float:
    return round(minutes / MINUTES_PER_HOUR, 2)


def _heads(key: str, lang: Lang, **fields: object) -> list[str]:
    """The '|'-joined column heads `key` in `lang`."""
    return say(key, lang, **fields).split("|")


def _header(ws: Worksheet, row: int, titles: Sequence[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=col, value=title)
        cell.font = BOLD
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _rows(ws: Worksheet, first: int, rows: Iterable[Sequence[object]],
          formats: dict[int, str]) -> int:
    """Write rows from row `first`; `formats` maps a 1-based column to a number format.
    Returns the next free row."""
    row = first
    for values in rows:
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if col in formats:
                cell.number_format = formats[col]
        row += 1
    return row


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def roster_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    ws.title = label(SHEET_NAMES, "roster", lang)
    ws.cell(row=1, column=1, value=say("report.employee", lang)).font = BOLD
    ws.cell(row=1, column=2, value=say("sheet.name", lang)).font = BOLD
    ws.cell(row=2, column=1, value=data.instance.name)
    for d, date in enumerate(data.dates):
        col = 3 + d
        if date.weekday() == 0:
            week = say("sheet.iso_week", lang, week=date.isocalendar().week)
            ws.cell(row=1, column=col, value=week).font = BOLD
        head = ws.cell(row=2, column=col, value=short_day(date, lang))
        head.font = BOLD
        head.alignment = Alignment(horizontal="center", text_rotation=90)
        if date.weekday() >= 5:
            head.fill = PatternFill("solid", fgColor=WEEKEND_HEAD_FILL)
        ws.column_dimensions[get_column_letter(col)].width = 7
    for r, grid_row in enumerate(data.grid, start=3):
        ws.cell(row=r, column=1, value=grid_row.employee)
        ws.cell(row=r, column=2, value=grid_row.name)
        for d, cell in enumerate(grid_row.cells):
            target = ws.cell(row=r, column=3 + d, value=cell.text or None)
            target.alignment = Alignment(horizontal="center")
            target.border = BOX
            if cell.kind is not None:
                target.fill = PatternFill("solid", fgColor=KIND_FILL[cell.kind])
            elif cell.absent:
                target.fill = PatternFill("solid", fgColor=ABSENT_FILL)
            if cell.resurs:
                target.font = Font(italic=True, bold=True)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 22
    ws.row_dimensions[2].height = 60
    legend = 3 + len(data.grid) + 1
    ws.cell(row=legend, column=1, value=say("sheet.legend", lang)).font = BOLD
    for i, (kind, colour) in enumerate(KIND_FILL.items()):
        cell = ws.cell(row=legend + 1 + i, column=1, value=label(SHIFT_KINDS, kind, lang))
        cell.fill = PatternFill("solid", fgColor=colour)
    for i, note in enumerate(_heads("sheet.legend_notes", lang)):
        ws.cell(row=legend + 1 + len(KIND_FILL) + i, column=1, value=note)
    ws.freeze_panes = "C3"


def coverage_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    _header(ws, 1, _heads("sheet.coverage_columns", lang))
    frame = data.coverage_bands
    rows = [(r.skill, label(WEEKDAYS, r.weekday, lang), label(BANDS, r.band, lang),
             _hours(r.need_min), _hours(r.need_desired), _hours(r.staffed), _hours(r.uncovered),
             _hours(r.above_need)) for r in frame.itertuples()]
    row = _rows(ws, 2, rows, {c: HOURS for c in range(4, 9)})
    row += 1
    ws.cell(row=row, column=1, value=say("sheet.sum_per_skill", lang)).font = BOLD
    totals = frame.groupby("skill", sort=False)[["need_min", "need_desired", "staffed",
                                                 "uncovered", "above_need"]].sum()
    every = say("sheet.all", lang)
    _rows(ws, row + 1, [(skill, every, every, *(_hours(int(v)) for v in values))
                        for skill, values in totals.iterrows()], {c: HOURS for c in range(4, 9)})
    _widths(ws, [12, 10, 20, 16, 16, 14, 16, 14])
    ws.freeze_panes = "A2"


def cost_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    if data.pricing.unpriced:
        return unpriced.cost_sheet(ws, data, lang)
    _header(ws, 1, _heads("sheet.cost_columns", lang, weeks=data.weeks))
    rows = []
    for r in data.pricing.budget.itertuples():
        pct = None if pd.isna(r.deviation_pct) else float(r.deviation_pct)
        rows.append((label(BUDGET_LINES, str(r.line), lang), sek(r.forecast_ore),
                     sek(r.budget_ore), sek(r.deviation_ore), pct, sek(r.annual_forecast_ore),
                     sek(r.annual_budget_ore), sek(r.annual_deviation_ore)))
    formats = {2: MONEY, 3: MONEY, 4: MONEY, 5: PERCENT, 6: MONEY, 7: MONEY, 8: MONEY}
    row = _rows(ws, 2, rows, formats)
    for col in range(1, 9):
        ws.cell(row=row - 1, column=col).font = BOLD
    notes = say("sheet.cost_note", lang, weeks=count(data.weeks, "week", lang))
    ws.cell(row=row, column=1, value=notes)
    row += 2
    ws.cell(row=row, column=1, value=say("sheet.bought", lang)).font = BOLD
    _header(ws, row + 1, _heads("sheet.bought_columns", lang))
    bought = data.pricing.gap_fill.groupby(["skill", "source", "pay"], sort=False)[
        ["minutes", "cost_ore"]].sum()
    _rows(ws, row + 2, [(skill, label(SOURCES, source, lang), label(PAY, pay, lang),
                         _hours(int(v["minutes"])), sek(int(v["cost_ore"])))
                        for (skill, source, pay), v in bought.iterrows()],
          {4: HOURS, 5: MONEY})
    _widths(ws, [30, 18, 18, 18, 14, 18, 18, 20])
    ws.freeze_panes = "B2"


def _spread_row(kpi: str, spread: Spread, unit: str, lang: Lang, scale: float = 1.0
                ) -> tuple[object, ...]:
    def value(v: float | None) -> float | None:
        return None if v is None else round(v * scale, 2)

    return (label(SIMULATED, kpi, lang), value(spread.mean), unit, kpi, value(spread.low),
            value(spread.high))


def simulated_rows(sim: SimulationFigures | None, lang: Lang = "sv"
                   ) -> list[tuple[object, ...]]:
    """The simulation's key figures (mean, 90 % interval), or 'ej simulerad'."""
    if sim is None:
        return [(label(SIMULATED, k, lang), say("report.not_simulated", lang), None, k, None,
                 None) for k in SIMULATED]
    return [
        _spread_row("resurstid_utilisation", sim.utilisation_pct, "%", lang),
        _spread_row("absence_cost_annual", sim.absence_annual_ore, say("sheet.per_year", lang),
                    lang, 0.01),
        _spread_row("simulated_overtime_share", sim.overtime_share_pct, "%", lang),
    ]


def kpi_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    _header(ws, 1, _heads("sheet.kpi_columns", lang))
    rows: list[tuple[object, ...]] = [
        (label(KPIS, str(r.kpi), lang), None if pd.isna(r.value) else float(r.value),
         label(UNITS, str(r.unit), lang), str(r.kpi)) for r in data.pricing.kpis.itertuples()]
    cover = data.absence_cover_ore
    rows.append((say("report.absence_cover", lang), None if cover is None else -cover / 100,
                 say("sheet.per_period", lang, weeks=count(data.weeks, "week", lang)),
                 "expected_absence_cover"))
    rows.extend(simulated_rows(data.simulation, lang))
    row = _rows(ws, 2, rows, {2: "#,##0.00", 5: "#,##0.00", 6: "#,##0.00"})
    sim = data.simulation
    if sim is None:
        note = say("sheet.simulation_none", lang)
    else:
        drawn = (say("report.seed", lang, seed=sim.seed) if sim.seed >= 0
                 else say("report.given_absences", lang))
        note = say("sheet.simulation", lang, runs=sim.runs, drawn=drawn)
    ws.cell(row=row + 1, column=1, value=note)
    ws.cell(row=row + 2, column=1, value=say("sheet.absence_cover", lang))
    _widths(ws, [46, 14, 22, 30, 18, 18])
    ws.freeze_panes = "A2"


def hours_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    _header(ws, 1, _heads("sheet.hours_columns", lang))
    rows = [(r.employee, r.name, r.employment_rate, _hours(r.contract_minutes),
             _hours(r.scheduled_minutes), _hours(r.scheduled_minutes - r.contract_minutes),
             _hours(r.resurs_minutes), r.passes, r.resurspass, r.split_shifts, r.nights,
             r.weekends, r.wishes, r.wishes_met) for r in data.hours.itertuples()]
    _rows(ws, 2, rows, {3: "0.00", 4: HOURS, 5: HOURS, 6: HOURS, 7: HOURS})
    _widths(ws, [10, 22, 14, 12, 14, 12, 14, 8, 11, 11, 10, 8, 10, 12])
    ws.freeze_panes = "C2"


def resurstid_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    ws.cell(row=1, column=1, value=say("sheet.resurstid", lang)).font = BOLD
    row = 2
    blocks = (data.bookable + data.stranded, data.bookable, data.stranded)
    for title, minutes in zip(_heads("sheet.resurstid_blocks", lang), blocks, strict=True):
        _header(ws, row, [title, *(f"{h:02d}" for h in range(24)), say("sheet.sum", lang)])
        values = [(weekday(d, lang), *(_hours(int(m)) for m in minutes[d]),
                   _hours(int(minutes[d].sum()))) for d in range(7)]
        row = _rows(ws, row + 1, values, {c: HOURS for c in range(2, 27)}) + 1
    booked_block(ws, row, data.simulation, lang)
    _widths(ws, [30, *([6] * 24), 9])
    ws.freeze_panes = "B3"


def booked_block(ws: Worksheet, row: int, sim: SimulationFigures | None,
                 lang: Lang = "sv") -> None:
    """Planned versus expected-booked resurspass hours per weekday × band (--simulate)."""
    title = say("sheet.booked", lang)
    if sim is None:
        ws.cell(row=row, column=1, value=say("sheet.booked_none", lang, title=title)).font = BOLD
        return
    ws.cell(row=row, column=1, value=say("sheet.booked_runs", lang, title=title,
                                         runs=sim.runs)).font = BOLD
    day, planned, booked, *totals = say("sheet.booked_columns", lang, band="{band}").split("|")
    bands = [label(BANDS, b, lang) for b in BANDS]
    _header(ws, row + 1, [day, *(planned.format(band=b) for b in bands),
                          *(booked.format(band=b) for b in bands), *totals])
    rows = []
    for d in range(7):
        plan, got = int(sim.planned[d].sum()), float(sim.booked[d].sum())
        rows.append((weekday(d, lang), *(_hours(int(m)) for m in sim.planned[d]),
                     *(round(m / MINUTES_PER_HOUR, 2) for m in sim.booked[d]),
                     _hours(plan), round(got / MINUTES_PER_HOUR, 2),
                     round(100 * got / plan, 1) if plan else None))
    plan, got = int(sim.planned.sum()), float(sim.booked.sum())
    rows.append((say("sheet.sum", lang), *(_hours(int(m)) for m in sim.planned.sum(axis=0)),
                 *(round(m / MINUTES_PER_HOUR, 2) for m in sim.booked.sum(axis=0)),
                 _hours(plan), round(got / MINUTES_PER_HOUR, 2),
                 round(100 * got / plan, 1) if plan else None))
    _rows(ws, row + 2, rows, {**{c: HOURS for c in range(2, 12)}, 12: PERCENT})


def rohs_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    """Per employee with a RÖHS request: rates, extra contract hours, cost incl. PO."""
    policy = data.instance.rohs
    ws.cell(row=1, column=1, value=say(
        "sheet.rohs_policy", lang, policy=label(ROHS_POLICY, policy.policy, lang),
        step=_rate(float(policy.step_percent), lang),
        share=_rate(float(policy.min_share) * 100, lang))).font = BOLD
    if data.rohs.empty:
        ws.cell(row=2, column=1, value=say("report.rohs_none", lang))
        _widths(ws, [60])
        return
    weeks = data.weeks
    _header(ws, 2, _heads("sheet.rohs_columns", lang, weeks=weeks))
    rows: list[tuple[object, ...]] = [
        (r.employee, r.name, r.current_rate, r.requested_rate, r.granted_rate,
         _hours(r.extra_contract_minutes), _hours(r.annual_extra_contract_minutes),
         sek(r.cost_ore), sek(r.annual_cost_ore)) for r in data.rohs.itertuples()]
    total = rohs_totals(data.rohs, weeks)
    rows.append((say("sheet.total", lang), None, None, None, None, _hours(total["extra"]),
                 _hours(total["annual_extra"]), sek(total["cost"]), sek(total["annual_cost"])))
    row = _rows(ws, 3, rows, {3: "0.##", 4: "0.##", 5: "0.##", 6: HOURS, 7: HOURS, 8: MONEY,
                              9: MONEY})
    for col in range(1, 10):
        ws.cell(row=row - 1, column=col).font = BOLD
    term = data.check.costs.get("rohs")
    objective = "" if term is None else say("sheet.rohs_term", lang, amount=money(term, lang))
    for i, note in enumerate(_heads("sheet.rohs_notes", lang, weeks=weeks, term=objective)):
        ws.cell(row=row + 1 + i, column=1, value=note)
    _widths(ws, [10, 22, 14, 14, 14, 16, 16, 18, 18])
    ws.freeze_panes = "A3"


def _rate(value: float, lang: Lang) -> str:
    """A rate or step in %: '50', '2,5' (sv) / '2.5' (en)."""
    return f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")


def workbook(data: ReportData, lang: Lang = "sv") -> Workbook:
    """The seven sheets in `lang`."""
    book = Workbook()
    name = dict(zip(SHEET_NAMES, sheet_names(lang), strict=True))
    roster_sheet(book.active, data, lang)
    coverage_sheet(book.create_sheet(name["coverage"]), data, lang)
    cost_sheet(book.create_sheet(name["costs"]), data, lang)
    kpi_sheet(book.create_sheet(name["kpis"]), data, lang)
    hours_sheet(book.create_sheet(name["hours"]), data, lang)
    resurstid_sheet(book.create_sheet(name["resurstid"]), data, lang)
    rohs_sheet(book.create_sheet(name["rohs"]), data, lang)
    book.properties.title = say("report.title", lang, name=data.instance.name)
    book.properties.creator = "bemanna"
    book.properties.language = lang
    return book


def xlsx_bytes(data: ReportData, lang: Lang = "sv") -> bytes:
    """The workbook in `lang` as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    text_cells(workbook(data, lang)).save(buffer)  # input text never becomes a formula
    return buffer.getvalue()
