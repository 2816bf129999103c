"""What the workbench records about a solve: the pre-solve errors that stop it, and the
figures of a roster for the portfolio overview.

Every figure is read off the API's own results (`Result.check()`, `bemanna.price`), once,
when the roster is stored; the overview shows the stored figures.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import bemanna
from bemanna.checker import CheckReport
from bemanna.instance import Instance
from bemanna.pricing import Pricing
from bemanna.roster import Roster


def whole(value: Any) -> int | None:
    """An öre figure of a pricing table as int; None where it is missing (no budget)."""
    return None if pd.isna(value) else int(value)


def presolve_errors(instance: Instance) -> list[dict[str, Any]]:
    """The pre-solve findings that make every roster break a hard rule (as dicts)."""
    from bemanna.presolve import errors, presolve

    return [f.to_dict() for f in errors(presolve(instance))]


def cell_keys(roster: Roster) -> dict[tuple[str, str], str]:
    """(employee, date) -> the shift ids starting that date, for counting changed cells."""
    cells: dict[tuple[str, str], list[str]] = {}
    for a in roster.assignments:
        cells.setdefault((a.employee, a.date.isoformat()), []).append(a.shift)
    return {key: "+".join(sorted(shifts)) for key, shifts in cells.items()}


def changed_cells(before: Roster, after: Roster) -> int:
    """Cells (employee × date) whose passes differ between two rosters."""
    old, new = cell_keys(before), cell_keys(after)
    return sum(old.get(key) != new.get(key) for key in old.keys() | new.keys())


def figures(report: CheckReport, pricing: Pricing) -> dict[str, Any]:
    """The overview's figures of a roster: checker verdict, cost against budget, uncovered
    hours and resurstid, from its `bemanna.check` report and `bemanna.price` pricing."""
    total = pricing.budget.set_index("line").loc["total"]
    kpis = dict(zip(pricing.kpis.kpi, pricing.kpis.value, strict=True))
    return {
        "check_ok": report.ok,
        "violations": len(report.violations),
        "forecast_ore": whole(total.forecast_ore),
        "budget_ore": whole(total.budget_ore),
        "deviation_pct": None if pd.isna(total.deviation_pct) else float(total.deviation_pct),
        "uncovered_hours": round(float(pricing.uncovered.hours.sum()), 2),
        "resurstid_hours": round(float(pricing.resurstid.hours.sum()), 2),
        "resurstid_fte": float(kpis.get("resurstid_fte", 0.0)),
    }


def roster_summary(result: bemanna.Result, hint: Roster | None, report: CheckReport,
                   pricing: Pricing) -> dict[str, Any]:
    """The stored summary of a solved roster (figures plus the solve's own record)."""
    assert result.roster is not None
    summary = figures(report, pricing)
    summary.update(status=result.status, objective=result.objective, bound=result.bound,
                   interrupted=result.interrupted, wall_time=round(result.wall_time, 2),
                   first_solution_time=result.first_solution_time,
                   changed_cells=None if hint is None else changed_cells(hint, result.roster))
    return summary
