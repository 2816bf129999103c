"""Which `bemanna explain --time-limit` answers every wish? (issue 17 item 2)

For each shipped instance: a roster (solved here with a fixed limit, workers and seed, or read
from a folder given with --roster NAME=DIR), then every unmet wish of every employee with
wishes is priced with the candidate limits in rising order until it gets an answer (priced,
proved impossible, or blocked by a pin/absence); "not_found" (no roster within the limit,
nothing proved) is no answer. Prints one row per wish and the smallest candidate that answered
every wish; writes benchmarks/results/explain_default.md.

    PYTHONPATH=src python benchmarks/explain_default.py [--roster care_home=out/ch] ...
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import bemanna
from bemanna.checker import read_roster
from bemanna.checker.wishes import wish_granted
from bemanna.explain.wishes import price_wish

ROOT = Path(__file__).resolve().parents[1]
INSTANCES = ("lss_group_home", "nurse_group", "care_home")
CANDIDATES = (3.0, 5.0, 8.0, 10.0, 15.0, 20.0)
SOLVE = {"lss_group_home": 20.0, "nurse_group": 20.0, "care_home": 90.0}
"""Seconds of the roster's own solve (2 workers, seed 0)."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roster", action="append", default=[],
                        help="NAME=DIR: use this roster instead of solving")
    parser.add_argument("--only", action="append", default=[], help="instance names")
    args = parser.parse_args()
    given = dict(item.split("=", 1) for item in args.roster)
    rows: list[str] = []
    needed = 0.0
    for name in args.only or INSTANCES:
        inst = bemanna.load(ROOT / "instances" / f"{name}.yaml")
        if name in given:
            roster = bemanna.load_roster(Path(given[name]))
        else:
            result = bemanna.solve(inst, bemanna.SolverParams(time_limit=SOLVE[name], workers=2))
            assert result.roster is not None, f"{name}: no roster in {SOLVE[name]} s"
            roster = result.roster
        view = read_roster(inst, roster)
        for emp in inst.employees:
            for wish in emp.wishes:
                if wish_granted(view, emp, wish):
                    continue
                answered = None
                for limit in CANDIDATES:
                    started = time.perf_counter()
                    outcome = price_wish(inst, roster, emp.id, wish, limit, workers=1, seed=0)
                    took = time.perf_counter() - started
                    if outcome.answer != "not_found":
                        answered = limit
                        break
                needed = max(needed, answered if answered is not None else float("inf"))
                row = (f"| {name} | {emp.id} | {wish.kind} {wish.date} | "
                       f"{answered if answered is not None else 'none'} | {outcome.answer} | "
                       f"{took:.1f} |")
                print(row, flush=True)
                rows.append(row)
    table = ["| instance | employee | wish | smallest limit answering (s) | answer | "
             "wall s of that re-solve |", "| --- | --- | --- | --- | --- | --- |", *rows]
    summary = f"Smallest candidate answering every wish: {needed:g} s (candidates {CANDIDATES})"
    print(summary)
    out = ROOT / "benchmarks" / "results" / "explain_default.md"
    out.write_text("# bemanna explain: time limit per wish re-solve\n\n" + "\n".join(table)
                   + f"\n\n{summary}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
