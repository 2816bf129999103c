"""Benchmark the shipped instances: build time, first roster, objective/bound/gap at fixed limits.

    python benchmarks/shipped.py [--limits 10 60] [--workers 2] [--seed 0]
        [--strategies auto hinted] [instances...]

Each (instance, limit) is a separate solve with the same workers and seed. Every roster is
checked by the independent checker; the table goes to benchmarks/RESULTS.md between the
markers, the raw rows to benchmarks/results/shipped.csv.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from bemanna.checker import check_roster
from bemanna.instance import load_instance
from bemanna.solver import SolverParams, solve
from results_md import machine_line, write_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(paths: list[Path], limits: list[float], workers: int, seed: int,
        strategies: list[str]) -> list[dict[str, object]]:
    rows = []
    for path in paths:
        inst = load_instance(path)
        for limit, strategy in [(li, st) for li in limits for st in strategies]:
            result = solve(inst, SolverParams(time_limit=limit, workers=workers, seed=seed,
                                              strategy=strategy))
            violations = None
            if result.roster is not None:
                report = check_roster(inst, result.roster)
                violations = len(report.violations)
                assert report.total == result.objective, (path, report.total, result.objective)
            rows.append({
                "instance": path.stem, "employees": len(inst.employees),
                "days": inst.horizon.days, "limit_s": limit, "strategy": strategy,
                "workers": workers, "seed": seed,
                "status": result.status, "build_s": round(result.build_time, 2),
                "first_roster_s": None if result.first_solution_time is None
                else round(result.first_solution_time, 2),
                "objective_sek": None if result.objective is None else result.objective / 100,
                "bound_sek": None if result.bound is None else result.bound / 100,
                "gap_pct": None if result.gap is None else round(100 * result.gap, 2),
                "violations": violations,
            })
            print(rows[-1], file=sys.stderr)
    return rows


def table(rows: list[dict[str, object]], command: str) -> str:
    head = ("| instance | staff | days | limit s | strategy | status | build s | first roster s | "
            "objective SEK | bound SEK | gap % | check violations |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    body = "".join(
        f"| {r['instance']} | {r['employees']} | {r['days']} | {r['limit_s']:g} "
        f"| {r['strategy']} | {r['status']} "
        f"| {r['build_s']} | {r['first_roster_s']} | {_money(r['objective_sek'])} "
        f"| {_money(r['bound_sek'])} | {r['gap_pct']} | {r['violations']} |\n"
        for r in rows)
    foot = f"\n{machine_line()}  \nCommand: `{command}`\n"
    return head + body + foot


def _money(value: object) -> str:
    return "–" if value is None else f"{float(value):,.0f}".replace(",", " ")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("instances", nargs="*", type=Path)
    parser.add_argument("--limits", nargs="+", type=float, default=[10.0, 60.0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--strategies", nargs="+", default=["auto"],
                        choices=["auto", "lns", "hinted", "cpsat"],
                        help="search strategies to run side by side (SolverParams.strategy)")
    args = parser.parse_args()
    paths = args.instances or sorted((ROOT / "instances").glob("*.yaml"))
    rows = run(paths, args.limits, args.workers, args.seed, args.strategies)
    out = HERE / "results" / "shipped.csv"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    command = "python benchmarks/shipped.py " + " ".join(sys.argv[1:])
    write_section("shipped", table(rows, command.strip()), "Shipped instances")


if __name__ == "__main__":
    main()
