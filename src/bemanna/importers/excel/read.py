"""`read_template`: a filled template (.xlsx bytes) -> a validated `Instance`.

Every problem is collected, then raised at once as one `InstanceError` whose lines name the
sheet and cell in Swedish ("Personal!C7: sysselsättningsgrad 120 är över 100"). Problems of a
cell's own value are found while reading; the instance's validation then finds the rest
(cross-references, rules across fields) by field path, and `problems.cell_problems` shows
each at the cell its field was read from.
"""

from __future__ import annotations

from typing import Any

from openpyxl.workbook.workbook import Workbook

from bemanna.importers.excel.problems import cell_problems
from bemanna.importers.excel.read_fields import (
    HIDDEN_SHEET,
    RULES,
    UNIT,
    read_hidden,
    read_rules,
    read_unit,
)
from bemanna.importers.excel.read_tables import (
    Data,
    attach,
    read_demand,
    read_shifts,
    read_skills,
    read_staff,
)
from bemanna.importers.excel.reading import Line, Reading, table_lines
from bemanna.importers.excel.references import check_references
from bemanna.importers.excel.tables import (
    ABSENCES,
    DEMAND,
    PINS,
    SHIFTS,
    SKILLS,
    STAFF,
    WISHES,
    Table,
)
from bemanna.importers.excel.workbook import open_workbook, sheet_rows
from bemanna.instance.load import InstanceError, instance_from_data
from bemanna.instance.model import Instance

REQUIRED_SHEETS = (UNIT, SKILLS, STAFF, SHIFTS)
"""Without these there is no unit; the other sheets may be left out (no need, no rules
changed, no absences, wishes or pins)."""


def _lines(book: Workbook, table: Table, reading: Reading) -> list[Line]:
    if table.title not in book.sheetnames:
        if table in REQUIRED_SHEETS:
            reading.problems.append(f"{table.title}: bladet saknas")
            reading.missing.add(table.title)
        return []
    rows, problem = sheet_rows(book, table.title)
    if problem is not None:
        reading.problems.append(problem)
    return table_lines(rows, table, reading)


def _merge(into: Data, extra: Data) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def template_data(book: Workbook, reading: Reading) -> Data:
    """The instance data of a workbook (not yet validated), each field's cell in `reading`."""
    data: Data = {"format": "bemanna-instance/1"}
    extra: Data = {}
    read_unit(_lines(book, UNIT, reading), reading, data)
    data["skills"] = read_skills(_lines(book, SKILLS, reading), reading, extra)
    data["shift_types"] = read_shifts(_lines(book, SHIFTS, reading), reading)
    employees = read_staff(_lines(book, STAFF, reading), reading, extra)
    if STAFF.title not in reading.missing:  # else every row would name nobody
        attach([line for table in (ABSENCES, WISHES, PINS)
                for line in _lines(book, table, reading)], reading, employees)
    data["employees"] = employees
    data["demand"] = read_demand(_lines(book, DEMAND, reading), reading)
    read_rules(_lines(book, RULES, reading), reading, data)
    if HIDDEN_SHEET in book.sheetnames:
        rows, _ = sheet_rows(book, HIDDEN_SHEET)
        read_hidden(rows, reading, extra)
    _merge(data, extra)
    check_references(data, reading)
    return data


def read_template(data: bytes, source: str = "<xlsx>") -> Instance:
    """The instance in a filled template; InstanceError with one Swedish line per problem,
    each naming its sheet and cell."""
    book = open_workbook(data, source)
    reading = Reading()
    try:
        raw: dict[str, Any] = template_data(book, reading)
    finally:
        book.close()
    problems = list(reading.problems)
    try:
        instance = instance_from_data(raw, source)
    except InstanceError as exc:
        problems += cell_problems(exc.problems, reading)
        raise InstanceError(source, problems) from None
    if problems:
        raise InstanceError(source, problems)
    return instance
