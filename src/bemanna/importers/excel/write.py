"""`write_template`: the planner's workbook, empty (with an example unit) or filled with an
instance, so that a plan can be downloaded, edited in Excel and uploaded again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.importers.excel import to_rows
from bemanna.importers.excel.cells import Column, write_cell
from bemanna.importers.excel.example import example_instance
from bemanna.importers.excel.fields import UNIT_FIELDS
from bemanna.importers.excel.instructions import INSTRUCTIONS
from bemanna.importers.excel.read_fields import (
    HIDDEN_MARK,
    HIDDEN_SHEET,
    RULES,
    UNIT,
    kept_fields,
)
from bemanna.importers.excel.rule_rows import RULE_ROWS
from bemanna.importers.excel.tables import (
    ABSENCES,
    DEMAND,
    FIRST_ROW,
    PINS,
    SHIFTS,
    SKILLS,
    STAFF,
    WISHES,
    Table,
)
from bemanna.importers.excel.validation import LIST_ROWS, validation_for
from bemanna.instance.model import Instance

HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
ENGLISH_FONT = Font(italic=True, color="666666", size=9)
CHUNK = 30_000
"""Characters of hidden JSON per cell (Excel holds at most 32 767 in one cell)."""
_FORMATS = {"date": "yyyy-mm-dd", "clock": "@", "ids": "@", "text": "@", "id": "@",
            "days": "@", "dates": "@"}


def put_value(cell: Cell, value: Any, kind: str = "text") -> None:
    """Write a value; text stays text (a name starting with '=' is no formula)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters: not allowed in xlsx
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True
    if kind in _FORMATS:
        cell.number_format = _FORMATS[kind]


def _headings(ws: Worksheet, table: Table) -> None:
    for i, col in enumerate(table.columns, start=1):
        head = ws.cell(row=1, column=i, value=col.sv)
        head.font, head.fill = Font(bold=True), HEAD_FILL
        head.alignment = Alignment(wrap_text=True, vertical="top")
        english = ws.cell(row=2, column=i, value=col.english)
        english.font = ENGLISH_FONT
        if col.help:
            head.comment = Comment(col.help, "bemanna", width=260, height=90)
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[1].height = 32


def _validate(ws: Worksheet, col: Column, cells: str) -> None:
    dv = validation_for(col)
    if dv is not None:
        ws.add_data_validation(dv)
        dv.add(cells)


def write_table(book: Workbook, table: Table, rows: list[dict[str, Any]]) -> None:
    ws = book.create_sheet(table.title)
    _headings(ws, table)
    for r, row in enumerate(rows, start=FIRST_ROW):
        for i, col in enumerate(table.columns, start=1):
            put_value(ws.cell(row=r, column=i), write_cell(col, row.get(col.key)), col.kind)
    last = FIRST_ROW + max(len(rows), LIST_ROWS) - 1
    for i, col in enumerate(table.columns, start=1):
        letter = get_column_letter(i)
        _validate(ws, col, f"{letter}{FIRST_ROW}:{letter}{last}")
        if col.kind in _FORMATS:
            for r in range(FIRST_ROW + len(rows), FIRST_ROW + 200):
                ws.cell(row=r, column=i).number_format = _FORMATS[col.kind]
    ws.freeze_panes = f"B{FIRST_ROW}"


def write_fields(book: Workbook, table: Table, rows: list[tuple[tuple[str, ...], Column]],
                 values: dict[str, Any]) -> None:
    """A field sheet: label columns, the value, the help/unit, the field key (last)."""
    ws = book.create_sheet(table.title)
    _headings(ws, table)
    value_col = [c.key for c in table.columns].index("value") + 1
    for r, (labels, spec) in enumerate(rows, start=FIRST_ROW):
        for i, text in enumerate(labels, start=1):
            put_value(ws.cell(row=r, column=i if i < value_col else i + 1), text)
        cell = ws.cell(row=r, column=value_col)
        put_value(cell, write_cell(spec, values.get(spec.key)), spec.kind)
        cell.alignment = Alignment(wrap_text=spec.key == "description", vertical="top")
        put_value(ws.cell(row=r, column=len(table.columns)), spec.key)
        _validate(ws, spec, cell.coordinate)
    ws.freeze_panes = f"A{FIRST_ROW}"


def _hidden(book: Workbook, inst: Instance) -> None:
    ws = book.create_sheet(HIDDEN_SHEET)
    ws.sheet_state = "hidden"
    text = json.dumps(kept_fields(inst.model_dump(mode="json", exclude_unset=True)),
                      ensure_ascii=False)
    put_value(ws.cell(row=1, column=1), HIDDEN_MARK)
    for i in range(0, len(text), CHUNK):
        put_value(ws.cell(row=2 + i // CHUNK, column=1), text[i:i + CHUNK])


def _instructions(ws: Worksheet) -> None:
    ws.title = "Instruktioner"
    ws.column_dimensions["A"].width = 110
    for r, line in enumerate(INSTRUCTIONS, start=1):
        put_value(ws.cell(row=r, column=1), line)
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)


def build_workbook(instance: Instance | None = None) -> Workbook:
    inst = instance if instance is not None else example_instance()
    book = Workbook()
    _instructions(book.active)
    write_fields(book, UNIT, [((c.sv, c.help), c) for c in UNIT_FIELDS],
                 to_rows.unit_values(inst))
    write_table(book, SKILLS, to_rows.skill_rows(inst))
    write_table(book, STAFF, to_rows.staff_rows(inst))
    write_table(book, SHIFTS, to_rows.shift_rows(inst))
    write_table(book, DEMAND, to_rows.demand_rows(inst))
    write_fields(book, RULES, [((rule, c.sv, c.help), c) for rule, c in RULE_ROWS],
                 to_rows.rule_values(inst))
    write_table(book, ABSENCES, to_rows.absence_rows(inst))
    write_table(book, WISHES, to_rows.wish_rows(inst))
    write_table(book, PINS, to_rows.pin_rows(inst))
    _hidden(book, inst)
    return book


def write_template(target: str | Path | BinaryIO, instance: Instance | None = None) -> None:
    """Write the planner's template (.xlsx) to a path or a binary file object.

    With `instance`, the sheets hold that instance (download, edit, upload again with
    `read_template`); without, they hold a small example unit marked as an example.
    """
    book = build_workbook(instance)
    book.save(target)  # type: ignore[arg-type]  # openpyxl takes paths and file objects
