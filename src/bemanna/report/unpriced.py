"""The reports' cost part for an instance without a cost model (`Pricing.unpriced`).

An imported benchmark (Curtois & Qu: one skill 'N', weights as its only prices) or an instance
whose skills the built-in cost model does not know has no money: its costs are the terms of
its own objective. The reports then show that, once, instead of budget lines of zeros.
"""

from __future__ import annotations

from html import escape

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.labels import Lang, number, say
from bemanna.report.data import ReportData


def note(data: ReportData, lang: Lang = "sv") -> str:
    """One sentence: why there is no money and where the costs are instead."""
    return say("report.unpriced", lang, lacking="; ".join(data.pricing.unpriced[:3]))


def objective_terms(data: ReportData) -> list[tuple[str, float]]:
    """(term, value in the objective's own units) for every term the checker priced."""
    return [(term, round(ore / 100, 2)) for term, ore in sorted(data.check.costs.items())]


def cost_sheet(ws: Worksheet, data: ReportData, lang: Lang = "sv") -> None:
    """The costs sheet without money: the note and the objective by term."""
    term, units, total = say("report.unpriced_columns", lang).split("|")
    ws.cell(row=1, column=1, value=note(data, lang)).font = Font(bold=True)
    ws.cell(row=3, column=1, value=term).font = Font(bold=True)
    ws.cell(row=3, column=2, value=units).font = Font(bold=True)
    row = 4
    for name, value in objective_terms(data):
        ws.cell(row=row, column=1, value=name)
        ws.cell(row=row, column=2, value=value).number_format = "#,##0.00"
        row += 1
    ws.cell(row=row, column=1, value=total).font = Font(bold=True)
    ws.cell(row=row, column=2, value=round(data.check.total / 100, 2)).font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 24


def cost_section(data: ReportData, lang: Lang = "sv") -> str:
    """The page's cost section without money."""
    term, units, total = say("report.unpriced_columns", lang).split("|")
    rows = "".join(f'<tr><td>{escape(name)}</td><td class="num">{number(value, 2, lang)}'
                   "</td></tr>" for name, value in objective_terms(data))
    total_row = (f'<tr class="total"><td>{escape(total)}</td><td class="num">'
                 f"{number(data.check.total / 100, 2, lang)}</td></tr>")
    return (f'<section id="costs"><h2>{escape(say("report.nav", lang).split("|")[1])}</h2>'
            f'<p class="note" id="unpriced">{escape(note(data, lang))}</p>'
            f'<table id="objective-table"><tr><th>{escape(term)}</th><th>{escape(units)}</th>'
            f"</tr>{rows}{total_row}</table></section>")
