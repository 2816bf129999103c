"""Cost and key figures of the shipped instances: solve, check, price (docs/costs.md).

    python benchmarks/shipped_costs.py --time-limit 60 --workers 2 --seed 0 [instances...]

Each instance is solved once with the same limit, workers and seed; the roster must pass the
independent checker, then `price_roster` prices it. The table goes to benchmarks/RESULTS.md
between `<!-- costs:start -->` and `<!-- costs:end -->` (the section is added at the end
when the markers are missing), the raw rows to benchmarks/results/shipped_costs.csv. An
instance whose cost model cannot price it gets a row naming the problem instead of figures.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from bemanna.checker import check_roster
from bemanna.instance import InstanceError, load_instance
from bemanna.pricing import Pricing, price_roster
from bemanna.solver import SolverParams, solve
from results_md import machine_line, write_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LINES = ("personnel", "ob", "overtime", "hourly_temps", "agency")
KPIS = ("full_time_share", "overtime_share_of_personnel_cost", "bookable_resurstid_fte",
        "stranded_resurstid_fte", "split_shifts_per_100_passes", "wishes_met")

Row = dict[str, Any]


def _sek(ore: int) -> int:
    """Whole kronor, half up (display)."""
    return (ore + 50) // 100 if ore >= 0 else -((-ore + 50) // 100)


def figures(pricing: Pricing, fte: float) -> Row:
    budget = pricing.budget.set_index("line")
    kpis = pricing.kpis.set_index("kpi")["value"]
    total = budget.loc["total"]
    agency = pricing.gap_fill.loc[pricing.gap_fill["source"] == "agency", "minutes"].sum()
    row: Row = {"total_sek": _sek(pricing.totals["total"])}
    row.update({f"{line}_sek": _sek(pricing.totals[line]) for line in LINES})
    row["deviation_pct"] = None if pd.isna(total["deviation_pct"]) else float(total.deviation_pct)
    row["annual_total_sek"] = _sek(int(total.annual_forecast_ore))
    row["fte"] = round(fte, 2)
    row["agency_hours"] = round(int(agency) / 60, 1)
    for kpi in KPIS:
        value = kpis.get(kpi)
        row[kpi] = None if value is None or str(value) == "<NA>" else float(value)
    return row


def run(paths: list[Path], limit: float, workers: int, seed: int) -> list[Row]:
    rows = []
    for path in paths:
        inst = load_instance(path)
        result = solve(inst, SolverParams(time_limit=limit, workers=workers, seed=seed))
        row: Row = {"instance": path.stem, "employees": len(inst.employees),
                    "weeks": inst.horizon.weeks, "limit_s": limit, "workers": workers,
                    "seed": seed, "status": result.status, "problem": ""}
        if result.roster is None:
            row["problem"] = f"no roster ({result.status})"
        else:
            check = check_roster(inst, result.roster)
            assert check.ok, (path, [v.message for v in check.violations[:5]])
            fte = sum(float(e.employment_rate) for e in inst.employees) / 100
            try:
                row.update(figures(price_roster(inst, result.roster), fte))
            except InstanceError as exc:
                row["problem"] = "; ".join(exc.problems)
        rows.append(row)
        print(row, file=sys.stderr)
    return rows


def _money(value: object) -> str:
    return "–" if value is None else f"{int(value):,}".replace(",", " ")  # type: ignore[call-overload]


def _num(value: object, places: int = 1) -> str:
    return "–" if value is None else f"{float(value):.{places}f}"  # type: ignore[arg-type]


def table(rows: list[Row], command: str) -> str:
    head = ("| instance | staff | weeks | status | total SEK | personnel | OB | overtime | "
            "hourly temps | agency | budget dev. % | total SEK / year | FTE | full-time % | "
            "overtime % of personnel | agency h | resurstid FTE bookable / stranded | "
            "split / 100 passes | wishes met % |\n" + "|---" * 19 + "|\n")
    body = []
    for r in rows:
        lead = f"| {r['instance']} | {r['employees']} | {r['weeks']} | {r['status']} "
        if r["problem"]:
            body.append(lead + f"| {r['problem']} |" + " |" * 14 + "\n")
            continue
        body.append(
            lead + f"| {_money(r['total_sek'])} | "
            + " | ".join(_money(r[f"{line}_sek"]) for line in LINES)
            + f" | {_num(r['deviation_pct'])} | {_money(r['annual_total_sek'])} "
            f"| {_num(r['fte'], 2)} | {_num(r['full_time_share'])} "
            f"| {_num(r['overtime_share_of_personnel_cost'], 2)} | {_num(r['agency_hours'])} "
            f"| {_num(r['bookable_resurstid_fte'], 2)} / {_num(r['stranded_resurstid_fte'], 2)} "
            f"| {_num(r['split_shifts_per_100_passes'])} | {_num(r['wishes_met'])} |\n")
    foot = (f"\nMoney in whole SEK over the horizon (total / year = × 52 / weeks); budget "
            f"deviation = (budget − forecast) / budget, – where the instance has no budget. "
            f"{machine_line()}  \nCommand: `{command}`\n")
    return head + "".join(body) + foot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instances", nargs="*", type=Path)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = args.instances or sorted((ROOT / "instances").glob("*.yaml"))
    rows = run(paths, args.time_limit, args.workers, args.seed)
    out = HERE / "results" / "shipped_costs.csv"
    out.parent.mkdir(exist_ok=True)
    fields = list(dict.fromkeys(k for r in rows for k in r))
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    command = "python benchmarks/shipped_costs.py " + " ".join(sys.argv[1:])
    write_section("costs", table(rows, command.strip()),
                  "Shipped instances: costs and key figures")


if __name__ == "__main__":
    main()
