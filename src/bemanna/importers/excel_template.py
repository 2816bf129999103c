"""The planner's Excel template (issue 14): `write_template` and `read_template`.

The implementation lives in `bemanna.importers.excel` (one small module per concern); this
module is the entry point the web app and the CLI import.
"""

from bemanna.importers.excel import build_workbook, read_template, write_template

__all__ = ["build_workbook", "read_template", "write_template"]
