"""The roster page's view model, read off the report's figures (`bemanna.report.report_data`:
grid, coverage steps, hours; `bemanna.price`: budget and key figures), computed once per
stored roster and kept in a small in-process cache (the roster rows never change)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import pandas as pd

import bemanna
from bemanna.checker import CheckReport
from bemanna.instance import Instance, instance_from_data
from bemanna.labels import BUDGET_LINES, KPIS, label, weekday
from bemanna.pricing import Pricing
from bemanna.report.data import ReportData, report_data
from bemanna.roster import Roster, roster_from_dict
from bemanna.tariff.holidays import swedish_holidays
from bemanna.web.outcome import whole
from bemanna.web.store import Store, StoredRoster, Version

Priced = tuple[CheckReport, Pricing]
CACHE_SIZE = 16


@dataclass(frozen=True)
class DayHead:
    date: dt.date
    weekday: str
    weekend: bool
    holiday: str


@dataclass
class RosterPage:
    stored: StoredRoster
    version: Version
    instance: Instance
    roster: Roster
    data: ReportData
    days: list[DayHead]
    pins: dict[tuple[str, dt.date], str | None]
    """(employee, date) -> pinned shift id, or None for a pinned day off."""
    hours: list[dict[str, Any]]
    budget: list[dict[str, Any]]
    kpis: list[dict[str, Any]]
    coverage: dict[str, list[list[list[int]]]]
    """Per skill, per week: [start, end, need_min, need_desired, staffed] steps."""
    shift_ids: list[str]


def _days(instance: Instance) -> list[DayHead]:
    start = instance.horizon.start
    dates = [start + dt.timedelta(days=d) for d in range(instance.horizon.days)]
    holidays = swedish_holidays(dates[0].year, dates[-1].year)
    return [DayHead(d, weekday(d.weekday(), "sv"), d.weekday() >= 5,
                    ", ".join(holidays.get(d, ()))) for d in dates]


def _budget(data: ReportData) -> list[dict[str, Any]]:
    rows = []
    for row in data.pricing.budget.to_dict("records"):
        rows.append({"label": label(BUDGET_LINES, row["line"], "sv"), "line": row["line"],
                     "forecast_ore": whole(row["forecast_ore"]),
                     "budget_ore": whole(row["budget_ore"]),
                     "deviation_ore": whole(row["deviation_ore"]),
                     "deviation_pct": None if pd.isna(row["deviation_pct"])
                     else row["deviation_pct"]})
    return rows


def _hours(data: ReportData) -> list[dict[str, Any]]:
    rows = []
    for row in data.hours.to_dict("records"):
        rows.append({**row, "delta_minutes": row["scheduled_minutes"] - row["contract_minutes"]})
    return rows


def build_page(stored: StoredRoster, version: Version, priced: Priced | None = None
               ) -> RosterPage:
    """The page of a stored roster; `priced`: its check report and pricing when the caller
    has them already (the solve worker), else computed here."""
    instance = instance_from_data(version.data, f"version {version.number}")
    roster = roster_from_dict(stored.data)
    if priced is None:
        priced = (bemanna.check(instance, roster), bemanna.price(instance, roster))
    check, pricing = priced
    data = report_data(instance, roster, check, pricing)
    pins = {(e.id, p.date): p.shift for e in instance.employees for p in e.pinned}
    kpis = [{"label": label(KPIS, k, "sv"), "value": v, "unit": u}
            for k, v, u in zip(pricing.kpis.kpi, pricing.kpis.value, pricing.kpis.unit,
                               strict=True)]
    coverage = {skill: [[[s.start, s.end, s.need_min, s.need_desired, s.staffed] for s in week]
                        for week in weeks] for skill, weeks in data.curves.items()}
    return RosterPage(stored, version, instance, roster, data, _days(instance), pins,
                      _hours(data), _budget(data), kpis, coverage,
                      [s.id for s in instance.shift_types])


class PageCache:
    """The last few roster pages, by roster id (a stored roster never changes)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._pages: OrderedDict[int, RosterPage] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, store: Store, roster_id: int, priced: Priced | None = None
             ) -> RosterPage | None:
        with self._lock:
            if roster_id in self._pages:
                self._pages.move_to_end(roster_id)
                return self._pages[roster_id]
        stored = store.roster(roster_id)
        if stored is None:
            return None
        version = store.version_by_id(stored.version_id)
        assert version is not None
        page = build_page(stored, version, priced)
        with self._lock:
            self._pages[roster_id] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return page

    def warm(self, store: Store) -> None:
        """Build the pages of each plan's latest roster (at start, in the background), so
        the first click after a restart finds them ready."""
        for summary in list(store.roster_summaries().values())[: self.size]:
            self.page(store, summary["roster_id"])
