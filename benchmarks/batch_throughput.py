"""Batch throughput on this machine, and the per-job overhead of Dask against local processes.

    python benchmarks/batch_throughput.py --units 20 --weeks 2 --time-limit 10 --workers 2

1. A 20-unit care-home portfolio (`bemanna generate`, seed 0), one job per unit (scenario
   base), each CP-SAT solve on 1 worker for the fixed time limit, `--workers` jobs at once:
   jobs per minute with local processes and with a Dask LocalCluster of as many
   single-thread workers (the cluster is started before the clock runs; its start-up is
   reported on its own).
2. Per job: slot seconds = the batch's wall time × job slots / jobs (what a job costs end to
   end), and overhead = slot seconds − the time spent inside the job (JobOutcome.started →
   finished: solve, check, price). That is dispatch, moving
   the job and its result (the roster) between processes, writing the roster and the
   database row. Measured on the portfolio and on 40 tiny jobs (3 staff, 1 week, solved in
   about a second) where it is a larger share.

Writes benchmarks/RESULTS.md between `<!-- batch:start -->` and `<!-- batch:end -->` (with
--write-results).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from bemanna.batch.backends import DaskBackend, LocalBackend
from bemanna.batch.runner import Backend, plan_batch, run_batch
from bemanna.batch.store import Store
from bemanna.generate.portfolio import PortfolioParams, generate_portfolio, write_portfolio
from bemanna.solver.params import SolverParams
from dygnsvila_cost import RESULTS, machine  # this folder: the script's own
from results_md import write_section

ROOT = Path(__file__).resolve().parents[1]


def tiny_unit(name: str) -> dict[str, Any]:
    """Three staff, one week, a day and a night need (as in tests/test_batch.py)."""
    shift = [("D", "07:00", "15:30", 30), ("K", "13:30", "21:00", 30)]
    return {
        "name": name,
        "horizon": {"start": "2025-03-03", "weeks": 1, "cyclic": True},
        "skills": [{"id": "usk"}],
        "shift_types": [
            *({"id": i, "parts": [{"start": a, "end": b}], "break_minutes": m,
               "skills": ["usk"]} for i, a, b, m in shift),
            {"id": "N", "parts": [{"start": "21:00", "end": "07:00"}], "paid_meal_break": True,
             "skills": ["usk"]}],
        "employees": [
            {"id": "a", "skills": ["usk"]},
            {"id": "b", "skills": ["usk"], "employment_rate": 75},
            {"id": "c", "skills": ["usk"], "employment_rate": 50, "allowed_shifts": ["N"],
             "full_time": "night"}],
        "demand": [
            {"skill": "usk", "bands": [{"start": "07:00", "end": "21:00", "min": 1}]},
            {"skill": "usk", "bands": [{"start": "21:00", "end": "07:00", "min": 1}]}],
    }


def measure(name: str, folder: Path, db: Path, backend: Backend, slots: int,
            time_limit: float, deterministic: float | None) -> dict[str, Any]:
    db.unlink(missing_ok=True)
    jobs = plan_batch([folder], [], params=SolverParams(
        time_limit=time_limit, workers=1, seed=0, deterministic_time=deterministic))
    with Store(db) as store:
        started = time.monotonic()
        report = run_batch(jobs, store, backend, db.parent / f"{db.stem}_rosters")
        wall = time.monotonic() - started
        frame = store.jobs()
    inside = float(frame["job_seconds"].sum())
    row = {"batch": name, "jobs": len(frame), "failed": report.failed, "wall_s": wall,
           "jobs_per_min": len(frame) / wall * 60, "slot_s_per_job": wall * slots / len(frame),
           "mean_job_s": inside / len(frame),
           "overhead_per_job_s": (wall * slots - inside) / len(frame)}
    print(row, flush=True)
    return row


def run_all(args: argparse.Namespace) -> tuple[pd.DataFrame, float]:
    from distributed import Client, LocalCluster

    portfolio, tiny = args.out / "units", args.out / "tiny"
    write_portfolio(generate_portfolio(PortfolioParams(care_homes=args.units, weeks=args.weeks,
                                                       seed=0)), portfolio)
    tiny.mkdir(parents=True, exist_ok=True)
    for i in range(40):
        (tiny / f"tiny{i:02d}.yaml").write_text(yaml.safe_dump(tiny_unit(f"tiny{i:02d}")),
                                                encoding="utf-8")
    limit = 3 * args.time_limit + 120
    rows = [measure("portfolio, local", portfolio, args.out / "local.sqlite",
                    LocalBackend(args.workers, limit), args.workers, args.time_limit, None),
            measure("tiny, local", tiny, args.out / "tiny_local.sqlite",
                    LocalBackend(args.workers, limit), args.workers, 20.0, 0.05)]
    started = time.monotonic()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        startup = time.monotonic() - started
        rows.append(measure("portfolio, Dask", portfolio, args.out / "dask.sqlite",
                            DaskBackend(limit, client=client), args.workers, args.time_limit,
                            None))
        rows.append(measure("tiny, Dask", tiny, args.out / "tiny_dask.sqlite",
                            DaskBackend(limit, client=client), args.workers, 20.0, 0.05))
    return pd.DataFrame(rows), startup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--weeks", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "benchmarks" / "batch",
                        help="generated units, databases and rosters (git-ignored)")
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    frame, startup = run_all(args)
    minutes = (time.monotonic() - started) / 60
    lines = [
        f"Machine: {machine()}. Took {minutes:.0f} min.",
        "",
        f"Command: `python benchmarks/batch_throughput.py --units {args.units} --weeks "
        f"{args.weeks} --time-limit {args.time_limit:g} --workers {args.workers} "
        "--write-results`",
        "",
        "| batch | jobs | failed | wall s | jobs / min | slot s / job | mean job s | "
        "overhead / job s |",
        "|---|---|---|---|---|---|---|---|",
        *(f"| {r.batch} | {r.jobs} | {r.failed} | {r.wall_s:.1f} | {r.jobs_per_min:.1f} | "
          f"{r.slot_s_per_job:.2f} | {r.mean_job_s:.2f} | {r.overhead_per_job_s:.2f} |"
          for r in frame.itertuples()),
        "",
        f"Dask LocalCluster start-up ({args.workers} worker processes): {startup:.1f} s, not "
        "in the table. Local worker processes start inside the measured time (spawn: a "
        "fresh interpreter imports bemanna and OR-Tools, about a second each).",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write_results:
        write_section("batch", text, "Batch throughput", RESULTS)
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
