"""The planner's Excel template: write an instance as a workbook, read a filled one back.

Sheets: Instruktioner, Enhet, Kompetenser, Personal, Passtyper, Bemanning, Regler, Frånvaro,
Önskemål, Låsta pass, and a hidden `_bemanna` sheet with the fields no sheet shows
(docs/excel.md). `read_template` reports every problem at once, per cell, in Swedish.
"""

from bemanna.importers.excel.read import read_template
from bemanna.importers.excel.write import build_workbook, write_template

__all__ = ["build_workbook", "read_template", "write_template"]
