"""Data validation and input help of a template column (what openpyxl can give Excel).

Lists for skills, staff, shifts, weekdays, yes/no and choices; number ranges; a Swedish input
message from the column's help. Lists that name codes point at the code column of their sheet,
so a new skill typed into Kompetenser is offered at once.
"""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation

from bemanna.importers.excel.cells import ALL_DAYS, NO, SV_WEEKDAYS, YES, Column, show
from bemanna.importers.excel.tables import FIRST_ROW

LIST_ROWS = 2000
"""Rows of a code column that a list offers."""
_CODE_LISTS = {"skill": "Kompetenser", "employee": "Personal", "shift": "Passtyper"}
_DAY_CHOICES = [ALL_DAYS, "mån-fre", "lör-sön", *SV_WEEKDAYS]


def _source(col: Column) -> tuple[str, bool] | None:
    """(list formula, strict) of a column that offers a list."""
    if col.key in _CODE_LISTS:
        return f"={_CODE_LISTS[col.key]}!$A${FIRST_ROW}:$A${FIRST_ROW + LIST_ROWS}", True
    if col.kind == "bool":
        return f'"{YES},{NO}"', True
    if col.kind == "choice":
        return '"' + ",".join(s for s, _ in col.choices) + '"', True
    if col.kind == "days":
        return '"' + ",".join(_DAY_CHOICES) + '"', False
    if col.key == "full_time":
        return '"rullande,natt"', False
    return None


def validation_for(col: Column) -> DataValidation | None:
    """The validation of a column's cells (None: help text only, when there is any)."""
    listed = _source(col)
    dv: DataValidation | None = None
    if listed is not None:
        formula, strict = listed
        dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                            errorStyle="stop" if strict else "warning")
        dv.error = ("Välj ett värde ur listan." if strict
                    else "Inte ett av förslagen: kontrollera stavningen.")
    elif col.kind in ("int", "decimal") and (col.low is not None or col.high is not None):
        dv = DataValidation(type="whole" if col.kind == "int" else "decimal", allow_blank=True)
        if col.low is not None and col.high is not None and not col.low_open:
            dv.operator, dv.formula1, dv.formula2 = "between", show(col.low), show(col.high)
            dv.error = f"Ett tal från {show(col.low)} till {show(col.high)}."
        elif col.low is not None:
            dv.operator = "greaterThan" if col.low_open else "greaterThanOrEqual"
            dv.formula1 = show(col.low)
            dv.error = f"Ett tal {'över' if col.low_open else 'minst'} {show(col.low)}" + (
                f", högst {show(col.high)}." if col.high is not None else ".")
            if col.high is not None:  # above low and at most high: Excel has no such operator
                dv.operator, dv.formula2 = "between", show(col.high)
        else:
            dv.operator, dv.formula1 = "lessThanOrEqual", show(col.high)
            dv.error = f"Ett tal högst {show(col.high)}."
    elif col.help:
        dv = DataValidation(type=None, allow_blank=True)
    if dv is None:
        return None
    dv.errorTitle = col.sv[:32]
    dv.showErrorMessage = True
    if col.help:
        dv.promptTitle, dv.prompt = col.sv[:32], col.help[:255]
        dv.showInputMessage = True
    return dv
