"""report.xlsx: the roster grid, coverage, costs vs budget, key figures, hours, resurstid.

Sheets (Swedish names): Schema (employees × days, cells coloured by shift kind, resurspass in
italics with ' R' after the shift id, unavailable days grey), Bemanning (need vs staffed vs
uncovered hours per skill × weekday × time band), Kostnader (forecast / budget / deviation
per budget line, period and annualised, and the bought cover per skill and source),
Nyckeltal, Timmar per anställd, Resurstid (weekday × hour). Money cells are numbers in SEK:
the pricing's integer öre / 100 (the one rounding is the pricing's, per row), shown with two
decimals.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.report import labels as sv
from bemanna.report.data import ReportData
from bemanna.units import MINUTES_PER_HOUR

SHEETS = ("Schema", "Bemanning", "Kostnader", "Nyckeltal", "Timmar per anställd", "Resurstid")

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


def roster_sheet(ws: Worksheet, data: ReportData) -> None:
    ws.title = "Schema"
    ws.cell(row=1, column=1, value="Anställd").font = BOLD
    ws.cell(row=1, column=2, value="Namn").font = BOLD
    ws.cell(row=2, column=1, value=data.instance.name)
    for d, date in enumerate(data.dates):
        col = 3 + d
        weekday = sv.WEEKDAY_SHORT[date.weekday()]
        if date.weekday() == 0:
            ws.cell(row=1, column=col, value=f"v.{date.isocalendar().week}").font = BOLD
        head = ws.cell(row=2, column=col, value=f"{weekday} {date.day}/{date.month}")
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
    ws.cell(row=legend, column=1, value="Förklaring").font = BOLD
    for i, (kind, colour) in enumerate(KIND_FILL.items()):
        cell = ws.cell(row=legend + 1 + i, column=1, value=sv.SHIFT_KINDS[kind])
        cell.fill = PatternFill("solid", fgColor=colour)
    notes = ("R efter passets id (kursiv) = resurspass", "grå = ej tillgänglig (frånvaro)")
    for i, note in enumerate(notes):
        ws.cell(row=legend + 1 + len(KIND_FILL) + i, column=1, value=note)
    ws.freeze_panes = "C3"


def coverage_sheet(ws: Worksheet, data: ReportData) -> None:
    _header(ws, 1, ["Kompetens", "Veckodag", "Tidsband", "Minimibehov (h)", "Önskat behov (h)",
                    "Bemannat (h)", "Otäckt behov (h)", "Över behov (h)"])
    frame = data.coverage_bands
    rows = [(r.skill, sv.label(sv.WEEKDAYS, r.weekday), sv.label(sv.BANDS, r.band),
             _hours(r.need_min), _hours(r.need_desired), _hours(r.staffed), _hours(r.uncovered),
             _hours(r.above_need)) for r in frame.itertuples()]
    row = _rows(ws, 2, rows, {c: HOURS for c in range(4, 9)})
    row += 1
    ws.cell(row=row, column=1, value="Summa per kompetens").font = BOLD
    totals = frame.groupby("skill", sort=False)[["need_min", "need_desired", "staffed",
                                                 "uncovered", "above_need"]].sum()
    _rows(ws, row + 1, [(skill, "alla", "alla", *(_hours(int(v)) for v in values))
                        for skill, values in totals.iterrows()], {c: HOURS for c in range(4, 9)})
    _widths(ws, [12, 10, 20, 16, 16, 14, 16, 14])
    ws.freeze_panes = "A2"


def cost_sheet(ws: Worksheet, data: ReportData) -> None:
    weeks = data.weeks
    _header(ws, 1, ["Budgetpost", f"Prognos {weeks} v (kr)", f"Budget {weeks} v (kr)",
                    "Avvikelse (kr)", "Avvikelse (%)", "Prognos helår (kr)", "Budget helår (kr)",
                    "Avvikelse helår (kr)"])
    rows = []
    for r in data.pricing.budget.itertuples():
        pct = None if pd.isna(r.deviation_pct) else float(r.deviation_pct)
        rows.append((sv.label(sv.BUDGET_LINES, str(r.line)), sek(r.forecast_ore),
                     sek(r.budget_ore), sek(r.deviation_ore), pct, sek(r.annual_forecast_ore),
                     sek(r.annual_budget_ore), sek(r.annual_deviation_ore)))
    formats = {2: MONEY, 3: MONEY, 4: MONEY, 5: PERCENT, 6: MONEY, 7: MONEY, 8: MONEY}
    row = _rows(ws, 2, rows, formats)
    for col in range(1, 9):
        ws.cell(row=row - 1, column=col).font = BOLD
    notes = (f"Avvikelse = budget − prognos (negativ = över budget). Helår = belopp × 52 / "
             f"{weeks} veckor. Tomt = ingen budget angiven.")
    ws.cell(row=row, column=1, value=notes)
    row += 2
    ws.cell(row=row, column=1, value="Köpt täckning av otäckt behov").font = BOLD
    _header(ws, row + 1, ["Kompetens", "Källa", "Ersättning", "Timmar", "Kostnad (kr)"])
    bought = data.pricing.gap_fill.groupby(["skill", "source", "pay"], sort=False)[
        ["minutes", "cost_ore"]].sum()
    _rows(ws, row + 2, [(skill, sv.label(sv.SOURCES, source), sv.label(sv.PAY, pay),
                         _hours(int(v["minutes"])), sek(int(v["cost_ore"])))
                        for (skill, source, pay), v in bought.iterrows()],
          {4: HOURS, 5: MONEY})
    _widths(ws, [30, 18, 18, 18, 14, 18, 18, 20])
    ws.freeze_panes = "B2"


def kpi_sheet(ws: Worksheet, data: ReportData) -> None:
    _header(ws, 1, ["Nyckeltal", "Värde", "Enhet", "Id"])
    rows = [(sv.label(sv.KPIS, str(r.kpi)), None if pd.isna(r.value) else float(r.value),
             sv.label(sv.UNITS, str(r.unit)), str(r.kpi)) for r in data.pricing.kpis.itertuples()]
    _rows(ws, 2, rows, {2: "0.00"})
    _widths(ws, [42, 12, 16, 34])
    ws.freeze_panes = "A2"


def hours_sheet(ws: Worksheet, data: ReportData) -> None:
    _header(ws, 1, ["Anställd", "Namn", "Sysselsättningsgrad (%)", "Kontrakt (h)",
                    "Schemalagt (h)", "Differens (h)", "varav resurspass (h)", "Pass",
                    "Resurspass", "Delade turer", "Nattpass", "Helger", "Önskemål",
                    "Uppfyllda önskemål"])
    rows = [(r.employee, r.name, r.employment_rate, _hours(r.contract_minutes),
             _hours(r.scheduled_minutes), _hours(r.scheduled_minutes - r.contract_minutes),
             _hours(r.resurs_minutes), r.passes, r.resurspass, r.split_shifts, r.nights,
             r.weekends, r.wishes, r.wishes_met) for r in data.hours.itertuples()]
    _rows(ws, 2, rows, {3: "0.00", 4: HOURS, 5: HOURS, 6: HOURS, 7: HOURS})
    _widths(ws, [10, 22, 14, 12, 14, 12, 14, 8, 11, 11, 10, 8, 10, 12])
    ws.freeze_panes = "C2"


def resurstid_sheet(ws: Worksheet, data: ReportData) -> None:
    ws.cell(row=1, column=1, value="Resurstid per veckodag och timme (h, summa över perioden): "
            "bokningsbar (resurspass) + outnyttjad (överskott i pass)").font = BOLD
    row = 2
    for title, minutes in (("Totalt", data.bookable + data.stranded),
                           ("Bokningsbar (resurspass)", data.bookable),
                           ("Outnyttjad (överskott i pass)", data.stranded)):
        _header(ws, row, [title, *(f"{h:02d}" for h in range(24)), "Summa"])
        values = [(sv.WEEKDAY_SHORT[d], *(_hours(int(m)) for m in minutes[d]),
                   _hours(int(minutes[d].sum()))) for d in range(7)]
        row = _rows(ws, row + 1, values, {c: HOURS for c in range(2, 27)}) + 1
    _widths(ws, [30, *([6] * 24), 9])
    ws.freeze_panes = "B3"


def workbook(data: ReportData) -> Workbook:
    book = Workbook()
    roster_sheet(book.active, data)
    coverage_sheet(book.create_sheet("Bemanning"), data)
    cost_sheet(book.create_sheet("Kostnader"), data)
    kpi_sheet(book.create_sheet("Nyckeltal"), data)
    hours_sheet(book.create_sheet("Timmar per anställd"), data)
    resurstid_sheet(book.create_sheet("Resurstid"), data)
    book.properties.title = f"Schemarapport {data.instance.name}"
    book.properties.creator = "bemanna"
    return book


def xlsx_bytes(data: ReportData) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook(data).save(buffer)
    return buffer.getvalue()
