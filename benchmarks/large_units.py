"""Large generated care-home units: the engine against the plain CP-SAT model at short limits.

    python benchmarks/large_units.py --places 200 280 --limits 10 60 --workers 2 --seed 0
        [--csv benchmarks/results/large_units.csv]

Each unit is `bemanna generate`'s care home with that many places (about 105 staff at 200
places, 4 weeks, generator seed 1). Each (unit, limit) is solved by the engine (strategy
`auto`) and by the plain model (strategy `cpsat`: CP-SAT on the full model alone, no first
roster), same workers and seed. Every roster is checked by the independent checker; the
row gives the uncovered need in hours (minutes where the minimum need is not met, summed
over skills) and the roster's price. Prints a markdown table; raw rows go to the CSV.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
from pathlib import Path

from bemanna.checker import check_roster
from bemanna.checker.coverage import uncovered_minutes
from bemanna.checker.passes import read_roster
from bemanna.generate.care_home import CareHomeParams, care_home_unit
from bemanna.instance import Instance, instance_from_data
from bemanna.solver import SolverParams, solve

START = dt.date(2025, 3, 3)


def unit(places: int, weeks: int) -> Instance:
    return instance_from_data(care_home_unit(CareHomeParams(
        name=f"care_home_{places}", places=places, weeks=weeks, start=START, seed=1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, nargs="+", default=[200, 280])
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--limits", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--csv", type=Path, default=None)
    args = parser.parse_args()
    rows = []
    for places in args.places:
        inst = unit(places, args.weeks)
        for limit in args.limits:
            for model in ("auto", "cpsat"):
                params = SolverParams(time_limit=limit, workers=args.workers, seed=args.seed,
                                      strategy=model)
                result = solve(inst, params)
                row: dict[str, object] = {
                    "places": places, "staff": len(inst.employees), "limit_s": limit,
                    "model": "engine" if model == "auto" else "plain CP-SAT",
                    "status": result.status, "uncovered_h": None, "cost_sek": None,
                    "first_roster_s": result.first_solution_time,
                    "wall_s": round(result.wall_time, 1), "load": round(os.getloadavg()[0], 1)}
                if result.roster is not None:
                    report = check_roster(inst, result.roster)
                    assert report.ok and report.total == result.objective
                    missing = uncovered_minutes(read_roster(inst, result.roster))
                    row["uncovered_h"] = round(sum(missing.values()) / 60)
                    row["cost_sek"] = round(report.total / 100)
                rows.append(row)
                print(row, file=sys.stderr, flush=True)
    if args.csv is not None:
        args.csv.parent.mkdir(parents=True, exist_ok=True)
        new = not args.csv.exists()
        with args.csv.open("a", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            if new:
                writer.writeheader()
            writer.writerows(rows)
    print("| places | staff | limit s | model | status | uncovered h | cost SEK | first roster s "
          "| wall s | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        cost = "–" if r["cost_sek"] is None else f"{r['cost_sek']:,}".replace(",", " ")
        first = "–" if r["first_roster_s"] is None else f"{float(r['first_roster_s']):.1f}"
        print(f"| {r['places']} | {r['staff']} | {r['limit_s']:g} | {r['model']} | {r['status']} "
              f"| {r['uncovered_h'] if r['uncovered_h'] is not None else '–'} | {cost} | {first} "
              f"| {r['wall_s']} | {r['load']} |")


if __name__ == "__main__":
    main()
