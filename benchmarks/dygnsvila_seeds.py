"""The dygnsvila delta's spread over solver seeds, warm and cold (issue 16: stable what-ifs).

    python benchmarks/dygnsvila_seeds.py [--units 6] [--weeks 2] [--time-limit 20]
        [--seeds 1 2 3 4 5] [--modes warm cold] [--write]

One generated care-home portfolio (`bemanna generate`, seed 0); for each solver seed and each
mode, `bemanna batch run` solves every unit under the default rules (AB 2023) and under
scenarios/pre_2023_rest_rules.yaml, 2 CP-SAT workers, one job at a time. `cold` (`--cold`):
both solved from nothing, delta = base − pre-2023. `warm` (batch's default): the pre-2023
scenario starts from the unit's AB 2023 roster, and so does the continued base batch adds in
warm mode (`base_continued`): the base searched on for the same time, so that both sides of
the delta had the same search (without it the delta would count the scenario's extra search
time as an effect of the rules); delta = base_continued − pre-2023. Per seed: the portfolio's
mean delta (mkr per unit and year, `total_ore`, as benchmarks/dygnsvila_cost.py). Spread =
(max − min) over the seeds, against the median delta (the issue's target: < 10 %). With
--write the table goes to benchmarks/RESULTS.md between the dygnsvila-seeds markers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

import pandas as pd

from bemanna.batch.backends import LocalBackend
from bemanna.batch.runner import plan_batch, run_batch
from bemanna.batch.store import Store
from bemanna.generate.portfolio import PortfolioParams, generate_portfolio, write_portfolio
from bemanna.solver.params import SolverParams
from dygnsvila_cost import PRE_2023, per_unit
from results_md import machine_line, write_section

ROOT = Path(__file__).resolve().parents[1]


def portfolio_delta(units: Path, out: Path, seed: int, time_limit: float, warm: bool,
                    reuse: bool = False) -> dict[str, Any]:
    db = out / f"{'warm' if warm else 'cold'}_seed{seed}.sqlite"
    if reuse and db.exists():  # the figures of an earlier run of the same settings
        with Store(db) as store:
            frame = store.jobs()
            took = (pd.to_datetime(frame["finished_at"]).max()
                    - pd.to_datetime(frame["started_at"]).min()).total_seconds() / 60
            return summary(frame, warm, seed, int((frame["status"] == "failed").sum()), took)
    if db.exists():
        db.unlink()
    jobs = plan_batch([units], [PRE_2023],
                      params=SolverParams(time_limit=time_limit, workers=2, seed=seed))
    began = time.monotonic()
    with Store(db) as store:
        report = run_batch(jobs, store, LocalBackend(1, 3 * time_limit + 120),
                           db.parent / f"{db.stem}_rosters", warm_start=warm)
        frame = store.jobs()
    return summary(frame, warm, seed, report.failed, (time.monotonic() - began) / 60)


def summary(frame: Any, warm: bool, seed: int, failed: int, minutes: float) -> dict[str, Any]:
    """The portfolio's mean delta per unit: money (`total_ore`, per year) and the solver's
    objective (`objective_ore`, the horizon; what the search minimises)."""
    found = per_unit(frame)  # against base_continued when the batch ran warm, else base
    mkr = list(found["total_ore"] / 1e8)
    objective = list(found["objective_ore"] / 1e8)
    return {"mode": "warm" if warm else "cold", "seed": seed, "units": len(mkr),
            "failed": failed, "mean_mkr": statistics.mean(mkr),
            "mean_objective_kkr": 1000 * statistics.mean(objective),
            "cheaper_under_stricter": sum(1 for v in mkr if v < 0),
            "objective_lower_under_stricter": sum(1 for v in objective if v < 0),
            "minutes": minutes}


def markdown(rows: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        f"`python benchmarks/dygnsvila_seeds.py --units {args.units} --weeks {args.weeks} "
        f"--time-limit {args.time_limit:g} --seeds {' '.join(map(str, args.seeds))} --modes "
        f"{' '.join(args.modes)} --write`: one generated portfolio (seed 0), every unit solved "
        "under AB 2023 and under the pre-2023 rest rules, 2 CP-SAT workers, one job at a time. "
        f"{machine_line()} Load average at the end {os.getloadavg()[0]:.1f}.",
        "",
        "| mode | seed | units | money delta, mkr per unit and year | units cheaper under the "
        "stricter rules | objective delta, kSEK per unit (horizon) | units with a lower "
        "objective under the stricter rules | minutes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [f"| {r['mode']} | {r['seed']} | {r['units']} | {r['mean_mkr']:.3f} | "
              f"{r['cheaper_under_stricter']} | {r['mean_objective_kkr']:.1f} | "
              f"{r['objective_lower_under_stricter']} | {r['minutes']:.1f} |" for r in rows]
    lines += ["", "| mode | figure | median delta | min | max | spread (max − min) | "
              "spread / median |", "|---|---|---|---|---|---|---|"]
    for mode in args.modes:
        for key, label in (("mean_mkr", "money, mkr/year"),
                           ("mean_objective_kkr", "objective, kSEK")):
            means = [r[key] for r in rows if r["mode"] == mode]
            if not means:
                continue
            median = statistics.median(means)
            spread = max(means) - min(means)
            share = f"{100 * spread / median:.0f} %" if median > 0 else "n/a (median ≤ 0)"
            lines.append(f"| {mode} | {label} | {median:.3f} | {min(means):.3f} | "
                         f"{max(means):.3f} | {spread:.3f} | {share} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=6)
    parser.add_argument("--weeks", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--modes", nargs="+", choices=["warm", "cold"], default=["warm", "cold"])
    parser.add_argument("--out", type=Path,
                        default=ROOT / "out" / "benchmarks" / "dygnsvila_seeds")
    parser.add_argument("--reuse", action="store_true",
                        help="read the figures of databases an earlier run left in --out")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    units = args.out / "units"
    write_portfolio(generate_portfolio(PortfolioParams(care_homes=args.units, weeks=args.weeks,
                                                       seed=0)), units)
    rows = []
    for mode in args.modes:
        for seed in args.seeds:
            rows.append(portfolio_delta(units, args.out, seed, args.time_limit, mode == "warm",
                                        args.reuse))
            print(rows[-1], flush=True)
    text = markdown(rows, args)
    print(text)
    if args.write:
        write_section("dygnsvila-seeds", text,
                      "The dygnsvila delta over solver seeds, warm and cold (issue 16)")


if __name__ == "__main__":
    main()
