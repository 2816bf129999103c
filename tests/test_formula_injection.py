"""Issue 17, item 6: text from the input never becomes a live spreadsheet formula.

An employee named `=HYPERLINK("http://evil.example","Klicka")` was written into report.xlsx
as a formula (Schema!B6, "Timmar per anställd"!B5); a scenario description likewise into
compare.xlsx. Every text cell is now written as text (openpyxl data_type 's', with Excel's
quote prefix when it starts like a formula), and CSV cells starting with =, +, -, @, tab or
CR get a leading apostrophe (OWASP's advice for CSV injection). Read back with openpyxl and
csv, the way a spreadsheet program would see them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from bemanna.spreadsheet import csv_cell
from test_cli import bemanna, tiny_data, write_instance

EVIL = '=HYPERLINK("http://evil.example","Klicka")'
NAMES = {"anna": EVIL, "bo": "@SUM(1+1)"}


def test_csv_cell() -> None:
    """Text that a spreadsheet would evaluate gets an apostrophe; numbers and plain text are
    kept (a negative number is a number, not text)."""
    assert csv_cell(EVIL) == "'" + EVIL
    for lead in ("+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{lead}1") == f"'{lead}1"
    assert csv_cell("anna") == "anna"
    assert csv_cell(-5) == -5
    assert csv_cell("") == ""


def formula_cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [f"{ws.title}!{c.coordinate}" for ws in book.worksheets for row in ws.iter_rows()
            for c in row if c.data_type == "f"]


def text_cells_with(path: Path, text: str) -> list[tuple[str, str]]:
    book = load_workbook(path)
    return [(f"{ws.title}!{c.coordinate}", c.data_type) for ws in book.worksheets
            for row in ws.iter_rows() for c in row if c.value == text]


def test_report_and_roster_csv_hold_no_formulas(tmp_path: Path) -> None:
    data = tiny_data()
    data["employees"][0]["id"] = "-anna"  # an identifier may start with '-'
    for employee in data["employees"]:
        employee["name"] = NAMES[employee["id"].lstrip("-")]
    instance = write_instance(tmp_path / "tiny.yaml", data)
    out = tmp_path / "out"
    proc = bemanna("solve", instance, "--time-limit", "2", "--report", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = out / "report.xlsx"
    assert formula_cells(report) == []
    for name in NAMES.values():
        found = text_cells_with(report, name)
        # the grid (Schema) and the hours sheet name every employee
        assert {where.split("!")[0] for where, _ in found} >= {"Schema", "Timmar per anställd"}
        assert all(kind == "s" for _, kind in found), found
    rows = list(csv.reader(io.StringIO((out / "roster.csv").read_text(encoding="utf-8"))))
    employees = {row[0] for row in rows[1:]}
    assert employees <= {"'-anna", "bo"} and "'-anna" in employees, employees


def test_compare_xlsx_holds_no_formulas(tmp_path: Path) -> None:
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data())
    scenario = tmp_path / "more.yaml"
    scenario.write_text(f"name: more\ndescription: '{EVIL}'\nset:\n"
                        "  employees.anna.employment_rate: 60\n", encoding="utf-8")
    proc = bemanna("compare", instance, scenario, "--time-limit", "1", "--out", tmp_path / "c")
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    book = tmp_path / "c" / "compare.xlsx"
    assert formula_cells(book) == []
    # The runs sheet, Swedish by default ('runs' with --lang en).
    assert text_cells_with(book, EVIL) == [("körningar!B3", "s")]
