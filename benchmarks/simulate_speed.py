"""Benchmark the absence simulation: runs per second on the care-home roster.

    python benchmarks/simulate_speed.py [--time-limit 30] [--workers 2] [--seed 0]
        [--runs 1000] [--repeats 3] [--roster DIR | --save-roster DIR] [--write]

Solves instances/care_home.yaml once (fixed time limit, workers and seed; the roster is checked
by the independent checker; --save-roster keeps it for reuse with --roster), then times
`simulate(instance, roster, runs)` `repeats` times and reports the median. The fixed part
(pricing the planned roster, reading it, building the timeline) is timed as a 1-run
simulation; runs/s of the rest is (runs − 1) / (t(runs) − t(1)). With --write the table goes
to benchmarks/RESULTS.md between the simulate markers.

`planned_vs_simulated(instance, roster, runs, seed)` gives one row of a planned-versus-
simulated table (annual cost, interval, resurstid utilisation); call it per policy or scenario.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bemanna.checker import check_roster
from bemanna.instance import Instance, load_instance
from bemanna.roster import Roster, load_roster, save_roster
from bemanna.simulation import simulate
from results_md import machine_line, write_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def solved_roster(inst: Instance, time_limit: float, workers: int, seed: int,
                  save: Path | None) -> Roster:
    from bemanna.solver import SolverParams, solve

    result = solve(inst, SolverParams(time_limit=time_limit, workers=workers, seed=seed))
    if result.roster is None:
        sys.exit(f"no roster: {result.status}")
    report = check_roster(inst, result.roster)
    assert report.ok, [v.message for v in report.violations[:5]]
    if save is not None:
        save_roster(result.roster, save)
    return result.roster


def planned_vs_simulated(inst: Instance, roster: Roster, runs: int = 1000,
                         seed: int = 0) -> dict[str, Any]:
    """One row: planned and simulated annual cost (mean, 90 % interval), the absence's part,
    resurstid utilisation and overtime share (SEK, %)."""
    figures = simulate(inst, roster, runs=runs, seed=seed).figures()
    return {key: None if value is None else round(value, 2) for key, value in figures.items()}


def timed(inst: Instance, roster: Roster, runs: int, seed: int, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        simulate(inst, roster, runs=runs, seed=seed)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


READING = (
    "Reading: the fixed part prices the planned roster once and cuts the horizon into "
    "segments; then all runs at once draw who is absent (employee × day), count the gaps per "
    "segment and book resurspass (numpy, vectorised over runs), and each run fills its "
    "remaining gaps in Python (temps, overtime inside the rules, agency). The 30 s roster "
    "differs between runs of this script (a wall-clock limit on shared cores), so the headline "
    "figures move with it; for planned versus simulated cost per policy, save one roster per "
    "policy and call `planned_vs_simulated()`."
)


def sek(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


def markdown(rows: list[dict[str, Any]], figures: dict[str, Any], command: str,
             roster_note: str) -> str:
    lines = [
        "| instance | staff | days | resurspass h | runs | median s | fixed s (1 run) "
        "| runs/s (total) | runs/s (per run part) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['instance']} | {r['staff']} | {r['days']} | {r['resurspass_h']} "
                     f"| {r['runs']} | {r['seconds']:.2f} | {r['fixed']:.2f} "
                     f"| {r['runs_per_s']:.0f} | {r['marginal_runs_per_s']:.0f} |")
    lines += [
        "",
        f"The same simulation's headline figures (default absence profile 9.7 %, "
        f"{rows[0]['runs']} runs, seed {rows[0]['seed']}): planned "
        f"{sek(figures['planned_annual_sek'])} SEK/year, simulated "
        f"{sek(figures['simulated_annual_sek'])} SEK/year (90 %: "
        f"{sek(figures['simulated_annual_p5_sek'])} – {sek(figures['simulated_annual_p95_sek'])}),"
        f" of which absence {sek(figures['absence_annual_sek'])}; resurstid utilisation "
        f"{figures['resurstid_utilisation_pct']:.1f} %.",
        "",
        READING,
        "",
        f"{machine_line(f'numpy {np.__version__}')} {roster_note}  ",
        f"Command: `{command}`",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instance", type=Path, default=ROOT / "instances" / "care_home.yaml")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--roster", type=Path, help="Reuse a solved roster folder.")
    parser.add_argument("--save-roster", type=Path, help="Keep the solved roster here.")
    parser.add_argument("--write", action="store_true", help="Update benchmarks/RESULTS.md.")
    args = parser.parse_args()

    inst = load_instance(args.instance)
    if args.roster is not None:
        roster = load_roster(args.roster)
        roster_note = f"Roster: {args.roster}."
    else:
        roster = solved_roster(inst, args.time_limit, args.workers, args.seed,
                               args.save_roster)
        roster_note = (f"Roster: solved {args.time_limit:g} s, {args.workers} workers, seed "
                       f"{args.seed} (status {roster.status}, checker: every hard rule holds).")
    simulate(inst, roster, runs=1, seed=args.seed)  # warm caches (cell map, imports)
    fixed = timed(inst, roster, 1, args.seed, args.repeats)
    seconds = timed(inst, roster, args.runs, args.seed, args.repeats)
    result = simulate(inst, roster, runs=args.runs, seed=args.seed)
    row = {
        "instance": inst.name, "staff": len(inst.employees), "days": inst.horizon.days,
        "resurspass_h": round(result.resurspass_minutes / 60), "runs": args.runs,
        "seed": args.seed, "seconds": seconds, "fixed": fixed,
        "runs_per_s": args.runs / seconds,
        "marginal_runs_per_s": (args.runs - 1) / max(seconds - fixed, 1e-9),
    }
    command = "python benchmarks/simulate_speed.py " + " ".join(sys.argv[1:])
    text = markdown([row], result.figures(), command.strip(), roster_note)
    print(text)
    if args.write:
        write_section("simulate", text, "Absence simulation speed")


if __name__ == "__main__":
    main()
