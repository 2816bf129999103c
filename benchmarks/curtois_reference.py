"""A plain textbook CP-SAT model of the Curtois & Qu benchmark: the side-by-side reference.

Written directly from the format, with none of bemanna's machinery: one boolean per
employee/day/shift, sliding-window sums for the longest run, pattern clauses for the shortest
runs (runs touching day 0 or the last day exempt), a weekend literal as the max of Saturday and
Sunday, cover with under/over slack variables. No hints, no symmetry breaking, no search
tuning: it shows what a straightforward model gets with the same time, workers and seed.

    python benchmarks/curtois_reference.py Instance1.txt --time-limit 10
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path

from ortools.sat.python import cp_model

from bemanna.importers.curtois import CurtoisData, parse_curtois


@dataclass
class ReferenceResult:
    status: str
    objective: int | None
    bound: int | None
    time_to_best: float | None
    """Seconds from the start of the search to the last improving solution."""
    wall_time: float
    progress: list[tuple[float, float]] = field(default_factory=list)
    """(seconds, objective) of every improving solution."""
    assignments: list[tuple[str, int, str]] = field(default_factory=list)
    """(employee, day, shift) of the best solution."""


class _Recorder(cp_model.CpSolverSolutionCallback):
    def __init__(self) -> None:
        super().__init__()
        self.start = time.monotonic()
        self.progress: list[tuple[float, float]] = []

    def on_solution_callback(self) -> None:
        self.progress.append((time.monotonic() - self.start, round(self.objective_value)))


Shifts = dict[tuple[str, int, str], cp_model.IntVar]


def build(data: CurtoisData) -> tuple[cp_model.CpModel, Shifts]:
    """The model and its x[employee, day, shift] literals."""
    model = cp_model.CpModel()
    days = range(data.days)
    length = {s.id: s.minutes for s in data.shifts}
    x = {(e.id, d, s): model.new_bool_var(f"x_{e.id}_{d}_{s}")
         for e in data.staff for d in days for s in length}
    objective = []
    for e in data.staff:
        work = []
        for d in days:
            w = model.new_bool_var(f"w_{e.id}_{d}")
            model.add(sum(x[e.id, d, s] for s in length) == w)  # at most one shift a day
            work.append(w)
        for d in data.days_off.get(e.id, []):
            if 0 <= d < data.days:
                model.add(work[d] == 0)
        for shift in data.shifts:  # cannot follow
            for then in shift.cannot_follow:
                for d in range(data.days - 1):
                    model.add_bool_or([x[e.id, d, shift.id].Not(), x[e.id, d + 1, then].Not()])
        for sid, limit in e.max_shifts.items():
            model.add(sum(x[e.id, d, sid] for d in days) <= limit)
        minutes = sum(length[s] * x[e.id, d, s] for d in days for s in length)
        model.add(minutes >= e.min_total_minutes)
        model.add(minutes <= e.max_total_minutes)
        most = e.max_consecutive_shifts
        for d in range(data.days - most):
            model.add(sum(work[d: d + most + 1]) <= most)
        for minimum, on in ((e.min_consecutive_shifts, True), (e.min_consecutive_days_off, False)):
            for run in range(1, minimum):
                # a run of `run` days d..d+run-1, the days either side of the other kind;
                # only runs with both neighbours inside the horizon (border runs are exempt)
                for d in range(1, data.days - run):
                    inner = work[d: d + run]
                    before, after = work[d - 1], work[d + run]
                    if on:
                        model.add_bool_or([before, after, *(v.Not() for v in inner)])
                    else:
                        model.add_bool_or([before.Not(), after.Not(), *inner])
        weekends = []
        for week in range(data.days // 7):
            worked = model.new_bool_var(f"we_{e.id}_{week}")
            model.add_max_equality(worked, [work[7 * week + 5], work[7 * week + 6]])
            weekends.append(worked)
        model.add(sum(weekends) <= e.max_weekends)
    for r in data.shift_on:
        objective.append(r.weight * (1 - x[r.employee, r.day, r.shift]))
    for r in data.shift_off:
        objective.append(r.weight * x[r.employee, r.day, r.shift])
    for c in data.cover:
        n = sum(x[e.id, c.day, c.shift] for e in data.staff)
        under = model.new_int_var(0, c.requirement, f"under_{c.day}_{c.shift}")
        over = model.new_int_var(0, len(data.staff), f"over_{c.day}_{c.shift}")
        model.add(n + under - over == c.requirement)
        objective += [c.weight_under * under, c.weight_over * over]
    model.minimize(sum(objective))
    return model, x


def solve_reference(data: CurtoisData, time_limit: float, workers: int,
                    seed: int) -> ReferenceResult:
    started = time.monotonic()
    model, x = build(data)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    recorder = _Recorder()
    status = solver.solve(model, recorder)
    wall = time.monotonic() - started
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ReferenceResult(name, None, None, None, wall, recorder.progress)
    assignments = [key for key, var in x.items() if solver.boolean_value(var)]
    return ReferenceResult(name, round(solver.objective_value),
                           round(solver.best_objective_bound),
                           recorder.progress[-1][0] if recorder.progress else None,
                           wall, recorder.progress, assignments)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = parse_curtois(args.instance.read_text(encoding="utf-8"))
    result = solve_reference(data, args.time_limit, args.workers, args.seed)
    best = "—" if result.time_to_best is None else f"{result.time_to_best:.2f} s"
    print(f"{args.instance.stem}: {result.status} objective {result.objective} "
          f"bound {result.bound} time to best {best}")


if __name__ == "__main__":
    main()
