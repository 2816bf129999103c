"""Short runs against long ones: several seeds × time limits × worker counts on one instance.

    python benchmarks/short_runs.py instances/care_home.yaml --seeds 1 2 3 --limits 10 60
        --workers 2 1 [--label engine] [--csv benchmarks/results/short_runs.csv]
        [--lever tuning.MIN_BLOCKS=100 --lever construct.ABSENCE_VALUE=False]

Each cell is one solve with that limit, worker count and seed; every roster is checked by the
independent checker (no violation, the checker's total equal to the objective). Prints one
markdown row per (limit, workers) with the median objective, the median time to the first
roster (model building included) and each short limit's median over the longest limit's
median; the raw rows are appended to the CSV. Run it with PYTHONPATH pointing at another
checkout to measure that code the same way (the `--label` names it in the table). `--lever
MODULE.NAME=VALUE` sets one of the search's settings (a module of `bemanna.solver`, e.g.
`tuning.MIN_BLOCKS=100`) for the run: each lever measured alone, beside the rest.
"""

from __future__ import annotations

import argparse
import ast
import csv
import importlib
import os
import statistics
import sys
from pathlib import Path

from bemanna.checker import check_roster
from bemanna.instance import load_instance
from bemanna.solver import SolverParams, build_model, solve
from bemanna.solver.lp_bound import lp_bound


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--limits", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--label", default="engine")
    parser.add_argument("--csv", type=Path, default=None)
    parser.add_argument("--lp-bound", action="store_true",
                        help="also prove the LP bound once (solver/lp_bound.py) and print "
                             "each median's gap to it")
    parser.add_argument("--lever", action="append", default=[],
                        help="MODULE.NAME=VALUE, a setting of bemanna.solver.MODULE")
    args = parser.parse_args()
    for lever in args.lever:
        set_lever(lever)
    inst = load_instance(args.instance)
    rows = []
    for workers in args.workers:
        for limit in args.limits:
            for seed in args.seeds:
                result = solve(inst, SolverParams(time_limit=limit, workers=workers, seed=seed))
                assert result.roster is not None and result.objective is not None
                report = check_roster(inst, result.roster)
                assert report.violations == [] and report.total == result.objective
                rows.append({"label": args.label, "instance": args.instance.stem,
                             "limit_s": limit, "workers": workers, "seed": seed,
                             "objective_sek": result.objective / 100,
                             "bound_sek": (result.bound or 0) / 100,
                             "first_roster_s": round(result.first_solution_time or -1, 2),
                             "wall_s": round(result.wall_time, 2),
                             "load": round(os.getloadavg()[0], 1)})
                print(rows[-1], file=sys.stderr, flush=True)
    if args.csv is not None:
        new = not args.csv.exists()
        args.csv.parent.mkdir(parents=True, exist_ok=True)
        with args.csv.open("a", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            if new:
                writer.writeheader()
            writer.writerows(rows)
    longest = max(args.limits)
    for workers in args.workers:
        base = statistics.median(r["objective_sek"] for r in rows
                                 if r["workers"] == workers and r["limit_s"] == longest)
        for limit in args.limits:
            cell = [r for r in rows if r["workers"] == workers and r["limit_s"] == limit]
            median = statistics.median(float(r["objective_sek"]) for r in cell)
            first = statistics.median(float(r["first_roster_s"]) for r in cell)
            values = " / ".join(f"{float(r['objective_sek']):,.0f}".replace(",", " ")
                                for r in cell)
            print(f"| {args.label} | {limit:g} | {workers} | {values} | "
                  f"{median:,.0f} | {first:.2f} | {median / base:.2f} |".replace(",", " "))
    if args.lp_bound:
        found = lp_bound(build_model(inst).model, 600.0)
        assert found.bound is not None, "the LP bound was not proved in 600 s"
        sek = found.bound / 100
        print(f"LP bound {sek:,.0f} SEK ({found.rows} rows, {found.seconds:.1f} s)"
              .replace(",", " "))
        for workers in args.workers:
            for limit in args.limits:
                cell = [float(r["objective_sek"]) for r in rows
                        if r["workers"] == workers and r["limit_s"] == limit]
                median = statistics.median(cell)
                print(f"  {workers} workers, {limit:g} s: median {median:,.0f} SEK, gap to the "
                      f"LP bound {(median - sek) / median:.1%}".replace(",", " "))


def set_lever(text: str) -> None:
    """Set `MODULE.NAME=VALUE` in bemanna.solver.MODULE (the setting must exist)."""
    name, _, value = text.partition("=")
    module_name, _, attr = name.rpartition(".")
    module = importlib.import_module(f"bemanna.solver.{module_name}")
    if not hasattr(module, attr):
        raise SystemExit(f"--lever: bemanna.solver.{module_name} has no setting {attr}")
    setattr(module, attr, ast.literal_eval(value))


if __name__ == "__main__":
    main()
