"""A comparison as a workbook (compare.xlsx) and a page (compare.html); the terminal table is
bemanna.cli.compare's.

All show the same figures: the base's value, then per scenario its value and the delta
against the base, annualised (figures.py). Written atomically (temporary file, then rename).
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from bemanna.comparison.run import Comparison, start_text
from bemanna.labels import COLUMNS, Lang, label, number, number_or_dash, say
from bemanna.labels.report_words import RUN_STATUS
from bemanna.pricing.figures import FIGURE, display_value, label_of, unit_of
from bemanna.spreadsheet import text_cells


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- workbook --------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="DDE5F0")


def workbook_bytes(comparison: Comparison, lang: Lang = "sv") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    names = say("compare.sheets", lang).split("|")
    sheet.title = names[0]
    header = [label(COLUMNS, "figure", lang), label(COLUMNS, "unit", lang),
              comparison.base.name]
    for column in comparison.scenarios:
        header += [column.name, f"Δ {column.name}"]
    sheet.append(header)
    money_unit = unit_of("total_ore", lang)
    for key, base, values in comparison.rows():
        unit = money_unit if FIGURE[key].kind == "ore" else unit_of(key, lang)
        row: list[object] = [label_of(key, lang), unit, display_value(key, base)]
        for value, change in values:
            row += [display_value(key, value), display_value(key, change)]
        sheet.append(row)
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _HEAD
        cell.alignment = Alignment(horizontal="center")
    for row_number in range(2, sheet.max_row + 1):
        money = sheet.cell(row=row_number, column=2).value == money_unit
        for index in range(3, len(header) + 1):
            sheet.cell(row=row_number, column=index).number_format = "#,##0" if money else "0.00"
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 10
    for index in range(3, len(header) + 1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 16
    sheet.freeze_panes = "C2"
    runs = book.create_sheet(names[1])
    runs.append(say("compare.run_sheet_columns", lang).split("|"))
    for column in [comparison.base, *comparison.scenarios]:
        o = column.outcome
        runs.append([column.name, column.description, label(RUN_STATUS, o.status, lang),
                     start_text(column, comparison.base.name, lang), o.error or "",
                     o.solver_status,
                     None if o.objective_ore is None else round(o.objective_ore / 100, 2),
                     o.job_seconds, str(column.roster_path or "")])
    for cell in runs[1]:
        cell.font, cell.fill = _BOLD, _HEAD
    about = book.create_sheet(names[2])
    instance, file, weeks, annualised, start = say("compare.about", lang).split("|")
    for line in ((instance, comparison.instance), (file, str(comparison.instance_path)),
                 (weeks, comparison.weeks), *((k, v) for k, v in comparison.params.items()),
                 (annualised, say("compare.annualised", lang)),
                 (start, say("warm.on" if comparison.warm_start
                             else "warm.off", lang)), *_paired_lines(comparison, lang)):
        about.append(list(line))
    buffer = io.BytesIO()
    text_cells(book).save(buffer)  # scenario names and descriptions never become formulas
    return buffer.getvalue()


def _paired_lines(comparison: Comparison, lang: Lang) -> list[tuple[str, str]]:
    """The about sheet's lines on the continued base (none when the base was not continued):
    why the deltas are paired, and the first roster every warm solve started from."""
    first = comparison.first
    if not comparison.paired or first is None:
        return []
    base, first_roster = say("compare.about_paired", lang).split("|")
    objective = number_or_dash(None if first.objective_ore is None
                               else first.objective_ore / 100, 2, lang)
    return [(base, say("compare.paired", lang)),
            (first_roster, say("compare.first_roster", lang, objective=objective,
                               seconds=number(first.job_seconds, 1, lang)))]


def write_outputs(comparison: Comparison, out: Path, lang: Lang = "sv") -> tuple[Path, Path]:
    """compare.xlsx and compare.html in `lang` (sheet names, heads, figures' words and units;
    the page's numbers in the language's format, the workbook's as numbers)."""
    from bemanna.comparison.html import page

    xlsx, html_path = out / "compare.xlsx", out / "compare.html"
    write_bytes_atomic(xlsx, workbook_bytes(comparison, lang))
    write_bytes_atomic(html_path, page(comparison, lang).encode())
    return xlsx, html_path
