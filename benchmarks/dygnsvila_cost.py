"""What the 11-hour daily rest costs a Leanlink-like care-home portfolio (the headline run).

    python benchmarks/dygnsvila_cost.py --units 18 --weeks 2 --time-limit 20 --solver-workers 2

1. `bemanna generate`: a seeded portfolio of care-home units of ~30 places (domain.md §5);
2. `bemanna batch run`: every unit under the default rules (AB 2023: 11 h rest, 13 h span)
   and under `scenarios/pre_2023_rest_rules.yaml` (9 h rest, 15 h span), same limits; the
   pre-2023 job starts from the unit's base roster (batch's warm start) unless --cold, and is
   set against the continued base (base_continued: the base as long from the same roster);
3. the base scenario again with another seed, to measure the solver's own run-to-run spread;
4. per unit: the annual cost and FTE of the new rules = default − pre-2023, next to the
   reports' estimate (+0.6 FTE per unit, 7–8 mkr/year for 17–20 care-home units).

Writes benchmarks/RESULTS.md between `<!-- dygnsvila:start -->` and `<!-- dygnsvila:end -->`
(with --write-results). Jobs run one at a time by default, each CP-SAT solve on 2 workers: on 2
cores that finds far better rosters than two 1-worker jobs side by side.
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from bemanna.batch.backends import LocalBackend
from bemanna.batch.runner import plan_batch, run_batch
from bemanna.batch.store import Store
from bemanna.batch.warm import CONTINUED
from bemanna.generate.portfolio import PortfolioParams, generate_portfolio, write_portfolio
from bemanna.solver.params import SolverParams
from results_md import machine_line, write_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PRE_2023 = ROOT / "scenarios" / "pre_2023_rest_rules.yaml"
REPORT_FTE_PER_UNIT = 0.6
REPORT_MKR = (7.0, 8.0)


def machine() -> str:
    """The shared machine line's words (results_md.machine_line, without its label)."""
    return machine_line().removeprefix("Machine: ").rstrip(".")


def run(units: Path, db: Path, scenarios: list[Path], args: argparse.Namespace, seed: int,
        ) -> pd.DataFrame:
    jobs = plan_batch([units], scenarios, params=SolverParams(
        time_limit=args.time_limit, workers=args.solver_workers, seed=seed),
        warm_start=not args.cold)
    with Store(db) as store:
        report = run_batch(jobs, store, LocalBackend(args.jobs, 3 * args.time_limit + 120),
                           db.parent / f"{db.stem}_rosters", warm_start=not args.cold)
        print(f"{db.name}: {report.done} done, {report.failed} failed, {report.skipped} "
              f"skipped, {report.seconds:.0f} s", flush=True)
        return store.jobs()


def per_unit(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per unit done in both scenarios: the new rules' extra (default − pre-2023).
    Warm, the default rules' figure is the continued base's (base_continued: the same search
    as the warm-started pre-2023 job), so the extra search is not counted as the rules'."""
    done = frame[frame["status"] == "done"]
    reference = CONTINUED if (done["scenario"] == CONTINUED).any() else "base"
    new = done[done["scenario"] == reference].set_index("instance")
    old = done[done["scenario"] == "pre_2023_rest_rules"].set_index("instance")
    units = sorted(set(new.index) & set(old.index))
    keys = ["total_ore", "net_ore", "objective_ore", "fte_needed", "uncovered_hours",
            "stranded_resurstid_hours", "bookable_resurstid_hours", "split_shifts", "staff_fte"]
    rows = {k: [new.at[u, k] - old.at[u, k] for u in units] for k in keys}
    return pd.DataFrame(rows, index=units)


def old_rule_use(frame: pd.DataFrame, weeks: int) -> tuple[float, float]:
    """Per unit and year, in the pre-2023 rosters: passes followed by less than 11 h of rest
    before the employee's next pass (quick returns), and passes spanning more than 13 h —
    what the old rules allow and the new ones do not."""
    from bemanna.roster import load_roster

    old = frame[(frame["scenario"] == "pre_2023_rest_rules") & (frame["status"] == "done")]
    quick = long_span = 0
    for path in old["roster_path"]:
        roster = load_roster(path)
        for passes in roster.by_employee().values():
            ordered = sorted(passes, key=lambda a: a.start)
            quick += sum(1 for a, b in itertools.pairwise(ordered)
                         if (b.start - a.end).total_seconds() < 11 * 3600)
            long_span += sum(1 for a in ordered
                             if (a.end - a.start).total_seconds() > 13 * 3600)
    per_year = 52 / weeks / max(1, len(old))
    return quick * per_year, long_span * per_year


def describe(values: list[float]) -> tuple[float, float, float, float, float]:
    """mean, median, min, max, standard error of the mean."""
    se = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else math.nan
    return (statistics.mean(values), statistics.median(values), min(values), max(values), se)


def noise(first: pd.DataFrame, second: pd.DataFrame, key: str) -> float:
    """The solver's run-to-run spread on one unit: the standard deviation of one solve's
    figure, estimated from two seeds per unit as sqrt(mean((a − b)²) / 2)."""
    a = first[(first["scenario"] == "base") & (first["status"] == "done")].set_index("instance")
    b = second[(second["status"] == "done")].set_index("instance")
    units = sorted(set(a.index) & set(b.index))
    squares = [(a.at[u, key] - b.at[u, key]) ** 2 for u in units]
    return math.sqrt(statistics.mean(squares) / 2) if squares else math.nan


def table(deltas: pd.DataFrame, spread_cost: float, spread_fte: float,
          n_units: int) -> list[str]:
    mkr = [v / 1e8 for v in deltas["total_ore"]]
    fte = list(deltas["fte_needed"])
    m = describe(mkr)
    f = describe(fte)
    lines = [
        "| figure (AB 2023 − pre-2023, per unit and year) | mean | median | min | max | "
        "± s.e. of mean | solver spread of one solve |",
        "|---|---|---|---|---|---|---|",
        f"| extra cost, mkr | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} | {m[3]:.3f} | {m[4]:.3f} | "
        f"{spread_cost / 1e8:.3f} |",
        f"| extra FTE (staff + uncovered need) | {f[0]:.2f} | {f[1]:.2f} | {f[2]:.2f} | "
        f"{f[3]:.2f} | {f[4]:.2f} | {spread_fte:.2f} |",
    ]
    n = describe([v / 1e8 for v in deltas["net_ore"]])
    lines.append(f"| extra cost less expected absence cover, mkr | {n[0]:.3f} | {n[1]:.3f} | "
                 f"{n[2]:.3f} | {n[3]:.3f} | {n[4]:.3f} | |")
    for key, label in (("uncovered_hours", "uncovered need, h"),
                       ("stranded_resurstid_hours", "stranded resurstid, h"),
                       ("bookable_resurstid_hours", "bookable resurstid, h"),
                       ("split_shifts", "split shifts")):
        d = describe(list(deltas[key]))
        lines.append(f"| {label} | {d[0]:.0f} | {d[1]:.0f} | {d[2]:.0f} | {d[3]:.0f} | "
                     f"{d[4]:.0f} | |")
    total = sum(mkr)
    lines += [
        "",
        f"Portfolio of {n_units} units ({len(deltas)} with both solves done): the 11-hour rest "
        f"costs **{total:.1f} mkr/year** in this run (mean {m[0]:.2f} mkr and "
        f"{f[0]:+.2f} FTE per unit). The reports' estimate: **+{REPORT_FTE_PER_UNIT} FTE per "
        f"unit, {REPORT_MKR[0]:.0f}–{REPORT_MKR[1]:.0f} mkr/year** for the care homes "
        f"(≈ {REPORT_MKR[0] / 18:.2f}–{REPORT_MKR[1] / 18:.2f} mkr per unit for 18 units).",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=18)
    parser.add_argument("--weeks", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--solver-workers", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=1, help="jobs at once")
    parser.add_argument("--seed", type=int, default=0, help="portfolio and solver seed")
    parser.add_argument("--noise-seed", type=int, default=1,
                        help="second solver seed of the base scenario (spread); -1: skip")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "benchmarks" / "dygnsvila",
                        help="generated units, databases and rosters (git-ignored)")
    parser.add_argument("--cold", action="store_true",
                        help="solve the pre-2023 scenario from scratch, not from the base roster")
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    units_dir = args.out / "units"
    write_portfolio(generate_portfolio(PortfolioParams(
        care_homes=args.units, weeks=args.weeks, seed=args.seed)), units_dir)
    frame = run(units_dir, args.out / "dygnsvila.sqlite", [PRE_2023], args, args.seed)
    deltas = per_unit(frame)
    spread_cost = spread_fte = math.nan
    if args.noise_seed >= 0:
        second = run(units_dir, args.out / f"noise_seed{args.noise_seed}.sqlite", [], args,
                     args.noise_seed)
        spread_cost = noise(frame, second, "total_ore")
        spread_fte = noise(frame, second, "fte_needed")
    minutes = (time.monotonic() - started) / 60
    failed = int((frame["status"] == "failed").sum())
    body = [
        f"Machine: {machine()}. Took {minutes:.0f} min ({len(frame)} + "
        f"{args.units if args.noise_seed >= 0 else 0} jobs, {failed} failed).",
        "",
        "Command: `python benchmarks/dygnsvila_cost.py "
        f"--units {args.units} --weeks {args.weeks} --time-limit {args.time_limit:g} "
        f"--solver-workers {args.solver_workers} --jobs {args.jobs} --seed {args.seed} "
        f"--noise-seed {args.noise_seed}{' --cold' if args.cold else ''} --write-results` "
        "— the same as `bemanna generate "
        f"--care-homes {args.units} --weeks {args.weeks} --seed {args.seed} --out U`, then "
        f"`bemanna batch run U -s scenarios/pre_2023_rest_rules.yaml --time-limit "
        f"{args.time_limit:g} --solver-workers {args.solver_workers} --workers {args.jobs} "
        f"--seed {args.seed}{' --cold' if args.cold else ''} --db D` and "
        "`bemanna batch summary D --base "
        "pre_2023_rest_rules`.",
        "",
        *table(deltas, spread_cost, spread_fte, args.units),
        "",
        "What the old rules were used for, per unit and year in the pre-2023 rosters: "
        "{:.0f} passes followed by less than 11 h of rest, {:.0f} passes spanning more than "
        "13 h.".format(*old_rule_use(frame, args.weeks)),
    ]
    text = "\n".join(body)
    print(text)
    if args.write_results:
        write_section("dygnsvila", text, "The 11-hour daily rest across a portfolio", RESULTS)
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
