"""The reports' cost part for an instance without a cost model (`Pricing.unpriced`).

An imported benchmark (Curtois & Qu: one skill 'N', weights as its only prices) or an instance
whose skills the built-in cost model does not know has no money: its costs are the terms of
its own objective. The reports then show that, once, instead of budget lines of zeros.
"""

from __future__ import annotations

from html import escape

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.report.data import ReportData

TITLE = "Ingen kostnadsmodell"
UNITS = "målfunktionens enheter"


def note(data: ReportData) -> str:
    """One sentence: why there is no money and where the costs are instead."""
    lacking = "; ".join(data.pricing.unpriced[:3])
    return (f"{TITLE}: instansen har ingen cost_model och den inbyggda räcker inte ({lacking}). "
            f"Inga belopp i kronor; kostnaderna är målfunktionens termer i instansens egna "
            f"enheter (vikterna / 100 per öre).")


def objective_terms(data: ReportData) -> list[tuple[str, float]]:
    """(term, value in the objective's own units) for every term the checker priced."""
    return [(term, round(ore / 100, 2)) for term, ore in sorted(data.check.costs.items())]


def cost_sheet(ws: Worksheet, data: ReportData) -> None:
    """The 'Kostnader' sheet without money: the note and the objective by term."""
    ws.cell(row=1, column=1, value=note(data)).font = Font(bold=True)
    ws.cell(row=3, column=1, value="Term").font = Font(bold=True)
    ws.cell(row=3, column=2, value=UNITS.capitalize()).font = Font(bold=True)
    row = 4
    for term, value in objective_terms(data):
        ws.cell(row=row, column=1, value=term)
        ws.cell(row=row, column=2, value=value).number_format = "#,##0.00"
        row += 1
    ws.cell(row=row, column=1, value="total").font = Font(bold=True)
    ws.cell(row=row, column=2, value=round(data.check.total / 100, 2)).font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 24


def cost_section(data: ReportData) -> str:
    """The page's cost section without money."""
    rows = "".join(f'<tr><td>{escape(term)}</td><td class="num">{value:,.2f}</td></tr>'
                   for term, value in objective_terms(data))
    total = (f'<tr class="total"><td>total</td><td class="num">{data.check.total / 100:,.2f}'
             "</td></tr>")
    return (f'<section id="costs"><h2>Kostnader</h2><p class="note" id="unpriced">'
            f"{escape(note(data))}</p><table id=\"objective-table\"><tr><th>Term</th>"
            f"<th>{escape(UNITS.capitalize())}</th></tr>{rows}{total}</table></section>")
