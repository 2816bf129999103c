"""Open an uploaded workbook within bounds and give each sheet's rows as plain values."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from bemanna.instance.load import InstanceError

MAX_BYTES = 20 * 2**20
"""An upload larger than this is refused before it is opened (the care home is ~60 kB)."""
MAX_UNPACKED = 200 * 2**20
"""An .xlsx is a zip: its unpacked parts may not exceed this (no zip bombs)."""
MAX_ROWS = 20_000
"""Rows with content per sheet (the instance limits: 2 000 staff, 5 000 need entries)."""
MAX_COLUMNS = 40


def open_workbook(data: bytes, source: str) -> Workbook:
    """The workbook in `data`, read-only with cached formula values; one clear line when it is
    too large or no .xlsx file."""
    if len(data) > MAX_BYTES:
        raise InstanceError(source, [f"(fil): {len(data) / 2**20:.1f} MB, högst "
                                     f"{MAX_BYTES // 2**20} MB stöds"])
    not_xlsx = [("(fil): ingen Excel-fil (.xlsx); ladda upp mallen sparad som "
                 "Excel-arbetsbok")]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InstanceError(source, not_xlsx) from None
    if unpacked > MAX_UNPACKED:
        raise InstanceError(source, [f"(fil): {unpacked / 2**20:.0f} MB uppackad, högst "
                                     f"{MAX_UNPACKED // 2**20} MB stöds"])
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a broken or foreign file
        raise InstanceError(source, not_xlsx) from None


def _filled(values: tuple[Any, ...]) -> bool:
    return any(v is not None and not (isinstance(v, str) and not v.strip()) for v in values)


def sheet_rows(book: Workbook, title: str) -> tuple[list[tuple[int, tuple[Any, ...]]], str | None]:
    """((row number, values) of each row with content, problem): at most MAX_ROWS such rows
    and MAX_COLUMNS columns; more rows, or a sheet that cannot be read, give a problem."""
    sheet = book[title]
    if not hasattr(sheet, "iter_rows"):
        return [], f"{title}: bladet är inget kalkylblad"
    rows: list[tuple[int, tuple[Any, ...]]] = []
    try:
        for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS,
                                                        values_only=True), start=1):
            if _filled(values):
                rows.append((number, tuple(values)))
                if len(rows) > MAX_ROWS + 2:
                    return [], f"{title}: mer än {MAX_ROWS} rader, fler stöds inte"
    except Exception:  # read-only sheets are parsed lazily: a broken part fails here
        return [], f"{title}: bladet kan inte läsas (filen är skadad)"
    return rows, None
