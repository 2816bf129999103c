"""Text from the input stays text in spreadsheets (CSV and xlsx): no formula injection.

An employee's name, a scenario's description or an identifier starting with `=`, `+`, `-`,
`@`, a tab or a carriage return is evaluated as a formula by Excel and LibreOffice when the
file is opened (`=HYPERLINK("http://…","Klicka")` becomes a live link). So:

- CSV: such a text cell gets a leading apostrophe (`csv_cell`), OWASP's advice for CSV
  injection; numbers are left alone.
- xlsx: every text cell is stored as a string, never as a formula, and one that starts like a
  formula also gets Excel's quote prefix, so that editing the cell keeps it text
  (`text_cells`, called on a workbook before it is saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from openpyxl import Workbook

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a cell as a formula."""

V = TypeVar("V")


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_LEADS)


def csv_cell(value: V) -> V | str:
    """value for a CSV cell: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value
    return value


def text_cells(book: Workbook) -> Workbook:
    """Store every text cell of every sheet as text (openpyxl reads a string starting with
    '=' as a formula); quote-prefix those that start like one. Returns the workbook."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if starts_like_formula(cell.value):
                        cell.quotePrefix = True
    return book
