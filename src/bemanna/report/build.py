"""Build both reports of a priced roster and write them atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bemanna.checker import CheckReport
from bemanna.instance import Instance
from bemanna.labels import Lang
from bemanna.pricing import Pricing
from bemanna.report.data import ReportData, report_data, shift_kind
from bemanna.report.files import write_bytes_atomic
from bemanna.report.html import page
from bemanna.report.xlsx import SHEETS, sheet_names, workbook, xlsx_bytes
from bemanna.roster import Roster, write_atomic

if TYPE_CHECKING:
    from bemanna.simulation.result import SimulationResult

XLSX_NAME = "report.xlsx"
HTML_NAME = "report.html"

__all__ = ["HTML_NAME", "SHEETS", "XLSX_NAME", "ReportData", "page", "report_data",
           "sheet_names", "shift_kind", "workbook", "write_reports", "xlsx_bytes"]


def write_reports(out_dir: Path, instance: Instance, roster: Roster, check: CheckReport,
                  pricing: Pricing, simulation: SimulationResult | None = None,
                  lang: Lang = "sv") -> tuple[Path, Path]:
    """Write OUT/report.xlsx and OUT/report.html in `lang` (Swedish by default); return their
    paths. With `simulation` (`bemanna.simulation.simulate` of this roster) they show its
    figures too."""
    data = report_data(instance, roster, check, pricing, simulation)
    xlsx_path, html_path = out_dir / XLSX_NAME, out_dir / HTML_NAME
    write_bytes_atomic(xlsx_path, xlsx_bytes(data, lang))
    write_atomic(html_path, page(data, lang))
    return xlsx_path, html_path
