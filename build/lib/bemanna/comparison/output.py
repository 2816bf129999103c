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

from bemanna.comparison.run import Comparison
from bemanna.pricing.figures import FIGURE, display_value


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


def workbook_bytes(comparison: Comparison) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "compare"
    header = ["figure", "unit", comparison.base.name]
    for column in comparison.scenarios:
        header += [column.name, f"Δ {column.name}"]
    sheet.append(header)
    for key, base, values in comparison.rows():
        unit = "kr/year" if FIGURE[key].kind == "ore" else FIGURE[key].unit
        row: list[object] = [FIGURE[key].label, unit, display_value(key, base)]
        for value, change in values:
            row += [display_value(key, value), display_value(key, change)]
        sheet.append(row)
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _HEAD
        cell.alignment = Alignment(horizontal="center")
    for number in range(2, sheet.max_row + 1):
        money = sheet.cell(row=number, column=2).value == "kr/year"
        for index in range(3, len(header) + 1):
            sheet.cell(row=number, column=index).number_format = "#,##0" if money else "0.00"
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 10
    for index in range(3, len(header) + 1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 16
    sheet.freeze_panes = "C2"
    runs = book.create_sheet("runs")
    runs.append(["scenario", "description", "status", "error", "solver status",
                 "objective (kr, horizon)", "seconds", "roster"])
    for column in [comparison.base, *comparison.scenarios]:
        o = column.outcome
        runs.append([column.name, column.description, o.status, o.error or "", o.solver_status,
                     None if o.objective_ore is None else round(o.objective_ore / 100, 2),
                     o.job_seconds, str(column.roster_path or "")])
    for cell in runs[1]:
        cell.font, cell.fill = _BOLD, _HEAD
    about = book.create_sheet("about")
    for line in (("instance", comparison.instance), ("file", str(comparison.instance_path)),
                 ("horizon weeks", comparison.weeks),
                 *((k, v) for k, v in comparison.params.items()),
                 ("annualised", "× 52 / horizon weeks; money in kronor per year")):
        about.append(list(line))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_outputs(comparison: Comparison, out: Path) -> tuple[Path, Path]:
    from bemanna.comparison.html import page

    xlsx, html_path = out / "compare.xlsx", out / "compare.html"
    write_bytes_atomic(xlsx, workbook_bytes(comparison))
    write_bytes_atomic(html_path, page(comparison).encode())
    return xlsx, html_path
