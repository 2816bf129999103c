"""`bemanna batch summary DB`: per scenario, totals and per-unit deltas against the base.

For each scenario and figure (money in öre per year, FTE, hours per year):
- `units`: units with a done job in this scenario; `failed`: its failed jobs;
- `total`: the figure summed over those units;
- `paired`: units done in both this scenario and the base; `delta_total`: Σ over the paired
  units of (scenario − base); `delta_min/median/max`: the spread of the per-unit deltas
  (median of an even count: the mean of the middle two).
Only paired units enter the deltas, so a failed job never counts as a saving.

The reference unless one is named (`default_reference`) is `base_continued` when the
database holds it for every unit with a base (a warm batch: the base went on from its first
roster for as long as the scenarios did, so each delta is the scenario's effect, not its
extra search; `bemanna.batch.warm`), else `base`. Against `base_continued`, the row `base` is
the first solve less the continued one: what the extra search alone changed.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pandas as pd

from bemanna.batch.warm import CONTINUED
from bemanna.scenario import BASE_NAME

SUMMARY_COLUMNS = ["scenario", "figure", "units", "failed", "total", "paired", "delta_total",
                   "delta_min", "delta_median", "delta_max"]


@dataclass(frozen=True)
class Summary:
    base: str
    table: pd.DataFrame
    failures: pd.DataFrame
    """instance, scenario, error of every failed job."""


def default_reference(jobs: pd.DataFrame) -> str:
    """`base_continued` when every unit with a base job has a continued base job too, else
    `base`."""
    def units(scenario: str) -> set[str]:
        return set(jobs.loc[jobs["scenario"] == scenario, "instance"])

    continued = units(CONTINUED)
    return CONTINUED if continued and units(BASE_NAME) <= continued else BASE_NAME


def summarise(jobs: pd.DataFrame, base: str | None = None,
              figures: tuple[str, ...] = ("total_ore", "fte_needed")) -> Summary:
    """The summary of a batch's jobs table (Store.jobs()) against the scenario `base` (None:
    `default_reference`). KeyError if `base` has no jobs."""
    base = default_reference(jobs) if base is None else base
    if base not in set(jobs["scenario"]):
        raise KeyError(base)
    done = jobs[jobs["status"] == "done"]
    failed = jobs[jobs["status"] == "failed"]
    order = [base, *sorted(s for s in set(jobs["scenario"]) if s != base)]
    rows = []
    for scenario in order:
        own = done[done["scenario"] == scenario].set_index("instance")
        ref = done[done["scenario"] == base].set_index("instance")
        paired = sorted(set(own.index) & set(ref.index))
        for key in figures:
            values = own[key].dropna()
            changes = [own.at[i, key] - ref.at[i, key] for i in paired
                       if pd.notna(own.at[i, key]) and pd.notna(ref.at[i, key])]
            rows.append((
                scenario, key, len(own), int((failed["scenario"] == scenario).sum()),
                _number(values.sum()) if len(values) else None, len(changes),
                _number(sum(changes)) if changes else None,
                _number(min(changes)) if changes else None,
                _number(statistics.median(changes)) if changes else None,
                _number(max(changes)) if changes else None,
            ))
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    failures = failed[["instance", "scenario", "error"]].reset_index(drop=True)
    return Summary(base, table, failures)


def _number(value: object) -> float | int:
    """numpy scalars as plain numbers; integral money stays int."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else round(number, 4)
