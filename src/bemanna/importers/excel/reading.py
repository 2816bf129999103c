"""The state of one reading: the problems found so far and where each field came from.

`where` maps a field path of the instance data (`employees[3].employment_rate`,
`cost_model.monthly_salary.USK`) to the cell it was read from, so that a problem the
instance's validation reports by field path can be shown at its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from bemanna.importers.excel.cells import CellError, Column, blank, read_cell
from bemanna.importers.excel.tables import FIRST_ROW, Table


@dataclass(frozen=True)
class Where:
    ref: str
    """'Personal!C7'."""
    name: str
    """What the value is called in a message ('sysselsättningsgrad')."""


@dataclass
class Reading:
    problems: list[str] = field(default_factory=list)
    where: dict[str, Where] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)
    """Cells with a problem of their own: validation problems there are not repeated."""
    missing: set[str] = field(default_factory=set)
    """Sheets left out: validation problems of their fields are not repeated either."""

    def problem(self, ref: str, text: str) -> None:
        self.problems.append(f"{ref}: {text}")
        self.bad.add(ref)

    def note(self, path: str, line: Line, col: Column) -> None:
        """Field `path` came from this line's cell of `col` (or its heading when the column
        is missing)."""
        ref = line.ref(col.key) if col.key in line.letters else f"{line.sheet}!1"
        self.where[path] = Where(ref, col.name)

    def take(self, line: Line, col: Column, path: str | None = None) -> Any:
        """The value of a cell (None when blank or unreadable), noting where `path` came from.

        An unreadable code (id) is returned as its text, so that the rows naming it do not
        report it missing as well; its problem is reported once, here.
        """
        ref = line.ref(col.key)
        if col.key not in line.letters:  # the column is missing: said once, at the heading
            ref = f"{line.sheet}!1"
            self.bad.add(ref)
        if path is not None:
            self.where[path] = Where(ref, col.name)
        if col.key not in line.letters:
            return None
        raw = line.raw.get(col.key)
        if blank(raw):
            if col.required:
                self.problem(ref, f"{col.name} saknas")
            return None
        try:
            return read_cell(col, raw)
        except CellError as exc:
            self.problem(ref, str(exc))
            if col.kind == "id":
                return str(raw).strip()
            if col.kind == "ids":
                return [p.strip() for p in str(raw).split(",") if p.strip()]
            return None


@dataclass(frozen=True)
class Line:
    """One data row of a table sheet: its raw values and column letters by column key."""

    sheet: str
    number: int
    raw: dict[str, Any]
    letters: dict[str, str]

    def ref(self, key: str) -> str:
        return f"{self.sheet}!{self.letters.get(key, 'A')}{self.number}"


def _heading(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def table_lines(rows: list[tuple[int, tuple[Any, ...]]], table: Table,
                reading: Reading) -> list[Line]:
    """The data rows of a table sheet, columns found by their Swedish or English heading."""
    heads = {number: values for number, values in rows if number < FIRST_ROW}
    index: dict[str, int] = {}
    for col in table.columns:
        names = {_heading(col.sv), _heading(col.english)}
        for number in sorted(heads):
            found = [i for i, v in enumerate(heads[number]) if _heading(v) in names]
            if found:
                index[col.key] = found[0]
                break
        if col.key not in index and col.required:
            reading.problem(f"{table.title}!1", f"kolumnen '{col.sv}' saknas")
    letters = {key: get_column_letter(i + 1) for key, i in index.items()}
    return [Line(table.title, number, {k: values[i] if i < len(values) else None
                                       for k, i in index.items()}, letters)
            for number, values in rows if number >= FIRST_ROW]
