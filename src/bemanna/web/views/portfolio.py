"""The start page: one row per plan with its latest roster's stored figures, worst first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bemanna.web.store import Store

COLUMNS = (("name", "Enhet"), ("period", "Period"), ("status", "Senaste schema"),
           ("uncovered_hours", "Ej täckt (h)"), ("resurstid_hours", "Resurstid (h)"),
           ("forecast_ore", "Kostnad (kr)"), ("budget_ore", "Budget (kr)"),
           ("deviation_pct", "Mot budget"))
SORT_KEYS = {key for key, _ in COLUMNS} | {"worst"}


def _period(data: dict[str, Any]) -> str:
    horizon = data["horizon"]
    start = dt.date.fromisoformat(horizon["start"])
    end = start + dt.timedelta(days=7 * horizon["weeks"] - 1)
    return f"{start} – {end} ({horizon['weeks']} v)"


def _status(summary: dict[str, Any] | None, open_job: str | None) -> str:
    if open_job:
        return {"queued": "i kö", "running": "löses"}.get(open_job, open_job)
    if summary is None:
        return "inget schema"
    verdict = "kontroll OK" if summary.get("check_ok") else "regelbrott"
    return f"{summary.get('status', '?')}, {verdict}"


def _worst(row: dict[str, Any]) -> tuple[float, float]:
    """Most uncovered hours first, then the largest overrun of the budget."""
    uncovered = row["uncovered_hours"] if row["uncovered_hours"] is not None else -1.0
    overrun = -row["deviation_pct"] if row["deviation_pct"] is not None else -1e9
    return uncovered, overrun


def portfolio_rows(store: Store, sort: str = "worst", desc: bool = True) -> list[dict[str, Any]]:
    summaries = store.roster_summaries()
    open_jobs = {j.plan_id: j.status for j in store.jobs(statuses=("queued", "running"))}
    rows = []
    for plan in store.plans():
        version = store.version(plan["id"])
        assert version is not None
        summary = summaries.get(plan["id"])
        fig = summary or {}
        rows.append({
            "id": plan["id"], "name": plan["name"], "period": _period(version.data),
            "status": _status(summary, open_jobs.get(plan["id"])),
            "uncovered_hours": fig.get("uncovered_hours"),
            "resurstid_hours": fig.get("resurstid_hours"),
            "forecast_ore": fig.get("forecast_ore"), "budget_ore": fig.get("budget_ore"),
            "deviation_pct": fig.get("deviation_pct"),
            "tone": "bad" if summary and (not summary.get("check_ok")
                                          or (summary.get("uncovered_hours") or 0) > 0)
            else "",
        })
    if sort == "worst" or sort not in SORT_KEYS:
        rows.sort(key=_worst, reverse=True)
    else:
        present = [r for r in rows if r[sort] is not None]
        missing = [r for r in rows if r[sort] is None]
        present.sort(key=lambda r: r[sort], reverse=desc)
        rows = present + missing
    return rows
