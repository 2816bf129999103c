"""report.xlsx: the roster grid, coverage, costs vs budget, key figures, hours, resurstid.

Sheets (Swedish names): Schema (employees × days, cells coloured by shift kind, resurspass in
italics with ' R' after the shift id, unavailable days grey), Bemanning (need vs staffed vs
uncovered hours per skill × weekday × time band), Kostnader (forecast / budget / deviation
per budget line, period and annualised, and the bought cover per skill and source),
Nyckeltal (the pricing's key figures, the expected absence cover and, with `--simulate`, the
simulated ones with their 90 % interval), Timmar per anställd, Resurstid (weekday × hour; with
`--simulate` also planned versus expected-booked resurspass per weekday × band), RÖHS (per
employee with a request: rates, extra contract hours, cost incl. PO). Money cells are numbers
in SEK: the pricing's integer öre / 100 (the one rounding is the pricing's, per row), shown
with two decimals.
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
from bemanna.report.rohs import rohs_totals
from bemanna.report.simulation import SimulationFigures, Spread
from bemanna.units import MINUTES_PER_HOUR

SHEETS = ("Schema", "Bemanning", "Kostnader", "Nyckeltal", "Timmar per anställd", "Resurstid",
          "RÖHS")

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


def _spread_row(kpi: str, spread: Spread, unit: str, scale: float = 1.0
                ) -> tuple[object, ...]:
    def value(v: float | None) -> float | None:
        return None if v is None else round(v * scale, 2)

    return (sv.SIMULATED[kpi], value(spread.mean), unit, kpi, value(spread.low),
            value(spread.high))


def simulated_rows(sim: SimulationFigures | None) -> list[tuple[object, ...]]:
    """The simulation's key figures (mean, 90 % interval), or 'ej simulerad'."""
    if sim is None:
        return [(sv.SIMULATED[k], sv.NOT_SIMULATED, None, k, None, None) for k in sv.SIMULATED]
    return [
        _spread_row("resurstid_utilisation", sim.utilisation_pct, "%"),
        _spread_row("absence_cost_annual", sim.absence_annual_ore, "kr per år", 0.01),
        _spread_row("simulated_overtime_share", sim.overtime_share_pct, "%"),
    ]


def kpi_sheet(ws: Worksheet, data: ReportData) -> None:
    _header(ws, 1, ["Nyckeltal", "Värde", "Enhet", "Id", "90 %-intervall från",
                    "90 %-intervall till"])
    rows: list[tuple[object, ...]] = [
        (sv.label(sv.KPIS, str(r.kpi)), None if pd.isna(r.value) else float(r.value),
         sv.label(sv.UNITS, str(r.unit)), str(r.kpi)) for r in data.pricing.kpis.itertuples()]
    cover = data.absence_cover_ore
    rows.append((sv.ABSENCE_COVER, None if cover is None else -cover / 100,
                 f"kr per period ({sv.weeks(data.weeks)})", "expected_absence_cover"))
    rows.extend(simulated_rows(data.simulation))
    row = _rows(ws, 2, rows, {2: "#,##0.00", 5: "#,##0.00", 6: "#,##0.00"})
    sim = data.simulation
    note = (f"Simulerad sjukfrånvaro: {sim.runs} körningar"
            + (f", frö {sim.seed}" if sim.seed >= 0 else ", given frånvaro")
            + "; medelvärde och 90 %-intervall (5:e–95:e percentilen)." if sim is not None
            else "Frånvaron är ej simulerad (bemanna report … --simulate N).")
    ws.cell(row=row + 1, column=1, value=note)
    ws.cell(row=row + 2, column=1, value=(
        "Förväntad täckning av frånvaro: målfunktionens term expected_absence_cover med "
        "omvänt tecken — resurspassens minuter upp till den förväntade frånvaron per "
        "kompetens, veckodag och tidsband, till priset för första ersättningskällan."))
    _widths(ws, [46, 14, 22, 30, 18, 18])
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
    booked_block(ws, row, data.simulation)
    _widths(ws, [30, *([6] * 24), 9])
    ws.freeze_panes = "B3"


def booked_block(ws: Worksheet, row: int, sim: SimulationFigures | None) -> None:
    """Planned versus expected-booked resurspass hours per weekday × band (--simulate)."""
    title = "Resurspass per veckodag och tidsband: planerat och förväntat bokat (h)"
    if sim is None:
        ws.cell(row=row, column=1, value=f"{title}: ej simulerad (--simulate N)").font = BOLD
        return
    ws.cell(row=row, column=1, value=f"{title}, medel över {sim.runs} simulerade "
            "perioder").font = BOLD
    bands = list(sv.BANDS.values())
    _header(ws, row + 1, ["Veckodag", *(f"Planerat {b}" for b in bands),
                          *(f"Bokat {b}" for b in bands), "Planerat", "Bokat",
                          "Utnyttjandegrad (%)"])
    rows = []
    for d in range(7):
        plan, got = int(sim.planned[d].sum()), float(sim.booked[d].sum())
        rows.append((sv.WEEKDAY_SHORT[d], *(_hours(int(m)) for m in sim.planned[d]),
                     *(round(m / MINUTES_PER_HOUR, 2) for m in sim.booked[d]),
                     _hours(plan), round(got / MINUTES_PER_HOUR, 2),
                     round(100 * got / plan, 1) if plan else None))
    plan, got = int(sim.planned.sum()), float(sim.booked.sum())
    rows.append(("Summa", *(_hours(int(m)) for m in sim.planned.sum(axis=0)),
                 *(round(m / MINUTES_PER_HOUR, 2) for m in sim.booked.sum(axis=0)),
                 _hours(plan), round(got / MINUTES_PER_HOUR, 2),
                 round(100 * got / plan, 1) if plan else None))
    _rows(ws, row + 2, rows, {**{c: HOURS for c in range(2, 12)}, 12: PERCENT})


def rohs_sheet(ws: Worksheet, data: ReportData) -> None:
    """Per employee with a RÖHS request: rates, extra contract hours, cost incl. PO."""
    policy = data.instance.rohs
    ws.cell(row=1, column=1, value=(
        f"RÖHS-policy: {sv.label(sv.ROHS_POLICY, policy.policy)}; steg "
        f"{float(policy.step_percent):g} procentenheter; minsta andel "
        f"{float(policy.min_share) * 100:g} % av begärda procentenheter")).font = BOLD
    if data.rohs.empty:
        ws.cell(row=2, column=1, value="Ingen anställd har begärt högre sysselsättningsgrad "
                "(RÖHS).")
        _widths(ws, [60])
        return
    weeks = data.weeks
    _header(ws, 2, ["Anställd", "Namn", "Nuvarande syss.grad (%)", "Önskad syss.grad (%)",
                    "Beviljad syss.grad (%)", f"Extra kontraktstimmar ({weeks} v)",
                    "Extra kontraktstimmar per år", f"Lönekostnad inkl. PO {weeks} v (kr)",
                    "Årskostnad inkl. PO (kr)"])
    rows: list[tuple[object, ...]] = [
        (r.employee, r.name, r.current_rate, r.requested_rate, r.granted_rate,
         _hours(r.extra_contract_minutes), _hours(r.annual_extra_contract_minutes),
         sek(r.cost_ore), sek(r.annual_cost_ore)) for r in data.rohs.itertuples()]
    total = rohs_totals(data.rohs, weeks)
    rows.append(("Totalt", None, None, None, None, _hours(total["extra"]),
                 _hours(total["annual_extra"]), sek(total["cost"]), sek(total["annual_cost"])))
    row = _rows(ws, 3, rows, {3: "0.##", 4: "0.##", 5: "0.##", 6: HOURS, 7: HOURS, 8: MONEY,
                              9: MONEY})
    for col in range(1, 10):
        ws.cell(row=row - 1, column=col).font = BOLD
    term = data.check.costs.get("rohs")
    notes = (
        f"Per år = × 52 / {weeks}; totalraden räknas om till helår en gång (kan skilja några "
        "öre från summan av raderna).",
        "Kostnad = kontraktsminuterna vid beviljad minus vid nuvarande sysselsättningsgrad, "
        "till den anställdas lön inkl. PO (kontrollens prissättning av RÖHS per anställd)."
        + ("" if term is None else f" Målfunktionens term rohs: {term / 100:.2f} kr."),
        "Vad ett enskilt beviljande sparar räknas inte fram (det kräver en ny lösning per "
        "anställd); policyerna jämförs i benchmarks/RESULTS.md, avsnittet \"RÖHS policies\".",
    )
    for i, note in enumerate(notes):
        ws.cell(row=row + 1 + i, column=1, value=note)
    _widths(ws, [10, 22, 14, 14, 14, 16, 16, 18, 18])
    ws.freeze_panes = "A3"


def workbook(data: ReportData) -> Workbook:
    book = Workbook()
    roster_sheet(book.active, data)
    coverage_sheet(book.create_sheet("Bemanning"), data)
    cost_sheet(book.create_sheet("Kostnader"), data)
    kpi_sheet(book.create_sheet("Nyckeltal"), data)
    hours_sheet(book.create_sheet("Timmar per anställd"), data)
    resurstid_sheet(book.create_sheet("Resurstid"), data)
    rohs_sheet(book.create_sheet("RÖHS"), data)
    book.properties.title = f"Schemarapport {data.instance.name}"
    book.properties.creator = "bemanna"
    return book


def xlsx_bytes(data: ReportData) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook(data).save(buffer)
    return buffer.getvalue()
