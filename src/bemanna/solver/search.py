"""The search: a constructive first roster (a greedy, its doubtful lines mended with CP-SAT;
`construct.py`, `first.py`), then large-neighbourhood search (LNS) that frees a block of the
roster and lets CP-SAT re-solve it with everything else pinned (`lns.py`), then a last solve of
the full model from the best roster, which also proves a lower bound.

Why this works: every hard rule in bemanna is a rule about one employee's own passes; the
employees meet only in coverage, which is priced, not hard. So each employee's line can be
made legal alone (and an employee whose own rules cannot hold is named), and every
neighbourhood model holds all rules and prices exactly: its objective is the roster's.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.roster.model import Roster
from bemanna.solver import tuning
from bemanna.solver.assignment import (
    Assignment,
    add_hint,
    fixed_model,
    hint_all,
    read_assignment,
)
from bemanna.solver.construct import construct, ejection_seconds
from bemanna.solver.context import Context
from bemanna.solver.first import (
    assignment_from_roster,
    infeasible_alone,
    mend,
    most_constrained_first,
)
from bemanna.solver.index import Index
from bemanna.solver.lns import LargeNeighbourhoodSearch
from bemanna.solver.lp_bound import LpBoundThread
from bemanna.solver.model import build_model
from bemanna.solver.params import Progress, SolverParams
from bemanna.solver.watch import Recorder, StallWatch


@dataclass
class Outcome:
    """What the search hands back: the solved model the roster is read from, and why."""

    status: str
    ctx: Context | None = None
    solver: cp_model.CpSolver | None = None
    objective: int | None = None
    bound: int | None = None
    infeasible_employees: list[str] = field(default_factory=list)


class Search:
    """Runs in a worker thread; `stop()` (from a signal handler) ends it early but keeps the
    best roster found."""

    def __init__(self, instance: Instance, params: SolverParams,
                 on_progress: Callable[[Progress], None] | None = None,
                 start: Assignment | None = None, hint: Roster | None = None) -> None:
        self.instance = instance
        self.start = start
        """A roster to start from (a repair's old roster): the full model is solved from it
        as a hint and never returns worse."""
        self.params = params
        self.on_progress = on_progress
        self.progress: list[Progress] = []
        self.started = time.monotonic()
        self.deadline = self.started + params.time_limit
        self.stopped = threading.Event()
        self._running: set[cp_model.CpSolver] = set()
        self._best_bound = 0
        self.rng = random.Random(params.seed)
        self.need_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.build_time = 0.0
        self.iterations = 0
        self.improvements = 0
        self.lns_blocks: dict[str, dict[str, float]] = {}
        self.probe_seconds: float | None = None
        self.hint = hint
        self.hint_dropped: int | None = None
        self.hint_objective: int | None = None
        """The price of the caller's roster once made legal (öre), when one was given."""
        self.lp: LpBoundThread | None = None
        """The linear relaxation's bound, proved beside the search (`params.lp_bound`)."""
        self.construct_seconds = 0.0
        self.mended = 0
        """Lines of the greedy first roster that CP-SAT had to mend."""

    # -- control ---------------------------------------------------------------------------
    def stop(self) -> None:
        self.stopped.set()
        for solver in list(self._running):
            solver.stop_search()

    def _left(self) -> float:
        return self.deadline - time.monotonic()

    def _record(self, objective: int, bound: int) -> None:
        self._best_bound = max(self._best_bound, bound)
        if self.progress and objective >= self.progress[-1].objective:
            return
        step = Progress(time.monotonic() - self.started, objective, self._best_bound)
        self.progress.append(step)
        if self.on_progress is not None:
            self.on_progress(step)

    def _solve(self, model: cp_model.CpModel, limit: float, *, workers: int | None = None,
               seed: int | None = None, callback: cp_model.CpSolverSolutionCallback | None = None,
               log: bool = False, essential: bool = False, lp_level: int | None = None,
               light: bool = False, stall: float | None = None
               ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        """Solve with the search's parameters; once stopped, only `essential` solves (pricing
        the roster to keep) still run. An essential solve prices one fixed roster on one
        worker (deterministic by itself): the search's deterministic time budget is not its
        limit, or a reproducible run would return a price with slack in it."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, limit)
        solver.parameters.num_workers = workers or self.params.workers
        solver.parameters.random_seed = self.params.seed if seed is None else seed
        solver.parameters.log_search_progress = log
        # Signals are ours: solve.py stops the search and keeps the best roster.
        solver.parameters.catch_sigint_signal = False
        if lp_level is not None:
            solver.parameters.linearization_level = lp_level
        if light:
            for name, value in tuning.LIGHT_PRESOLVE:
                setattr(solver.parameters, name, value)
        for name, value in self.params.cp_sat_parameters():
            if essential and name in ("max_deterministic_time", "interleave_search"):
                continue
            setattr(solver.parameters, name, value)
        if self.stopped.is_set() and not essential:
            return cp_model.UNKNOWN, solver
        self._running.add(solver)
        watch = None
        if stall is not None and isinstance(callback, Recorder):
            callback.last = time.monotonic()
            watch = StallWatch(solver, stall, callback)
        try:
            status = solver.solve(model, callback)
        finally:
            self._running.discard(solver)
            if watch is not None:
                watch.close()
        return status, solver

    def _model(self, index: Index | None = None, prices: bool = True) -> Context:
        return build_model(self.instance, index, self.need_cache, prices)

    # -- phases ----------------------------------------------------------------------------
    def run(self) -> Outcome:
        t = time.monotonic()
        full = self._model()
        self.build_time = time.monotonic() - t
        if self.params.strategy == "cpsat":
            self._start_lp(full)
            if self.hint is not None:
                reading = assignment_from_roster(full.index, self.hint)
                self.hint_dropped = reading.dropped
                add_hint(full, reading.assignment)
            return self._solve_full(full, None, self._left())
        if self.start is not None:
            self._start_lp(full)
            start = {k: v for k, v in self.start.items() if k in full.work}
            evaluated = self._evaluate(full, start)
            if evaluated is not None:  # a complete hint: CP-SAT starts from it at once
                self._record(evaluated[0], 0)
                hint_all(full.model, list(evaluated[1].response_proto.solution))
            return self._solve_full(full, start, self._left())
        first = self._first_roster(full)
        self._start_lp(full)  # after the first roster, whose Python it would slow
        if isinstance(first, Outcome):
            if first.status == "UNKNOWN" and self._left() > tuning.EVALUATION_RESERVE \
                    and not self.stopped.is_set():
                return self._solve_full(full, None, self._left())  # no legal start found
            return first
        _, objective, solver = first
        if len(full.work) <= tuning.SMALL_MODEL_LITERALS:
            hint_all(full.model, list(solver.response_proto.solution))
            limit = tuning.SMALL_FIRST_SHARE * self.params.time_limit
            status, small = self._solve(full.model, limit, callback=Recorder(self._record))
            if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
                return self._finish_status(full, status, small)
            if status == cp_model.FEASIBLE:
                self._best_bound = max(self._best_bound, round(small.best_objective_bound))
                evaluated = self._evaluate(full, read_assignment(full, small))
                if evaluated is not None and evaluated[0] < objective:
                    objective, solver = evaluated
        strategy = self.params.strategy
        if strategy == "auto" and self.params.is_reproducible:
            strategy = "hinted"  # blocks run on wall time, in parallel: not reproducible
        if strategy in ("lns", "auto"):
            polish_at = self.deadline - tuning.POLISH_SHARE * self.params.time_limit
            lns = LargeNeighbourhoodSearch(full, self.rng, self._solve_block)
            if strategy == "lns" or self._blocks_pay(lns, solver, polish_at):
                if len(full.work) > tuning.SMALL_MODEL_LITERALS:
                    status, opened = self._open(full, solver)
                    if status == cp_model.OPTIMAL:
                        return self._finish_status(full, status, opened)
                    if status == cp_model.FEASIBLE and opened.objective_value < objective:
                        solver, objective = opened, round(opened.objective_value)
                solver, objective = self._improve(lns, solver, objective, polish_at)
                if lns.proven:
                    return Outcome("OPTIMAL", full, solver, objective, objective)
        hint_all(full.model, list(solver.response_proto.solution))
        return self._solve_full(full, read_assignment(full, solver), self._left())

    def _start_lp(self, full: Context) -> None:
        if self.params.lp_bound and self.lp is None and not self.stopped.is_set():
            self.lp = LpBoundThread(full.model, self._left())

    def _open(self, full: Context, solver: cp_model.CpSolver
              ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        """The full model from the first roster for a share of the time: CP-SAT's own
        search makes the large early gains faster than blocks do (measured on Curtois
        Instance13 and Instance20, benchmarks/RESULTS.md); it ends early once it stalls."""
        hint_all(full.model, list(solver.response_proto.solution))
        return self._solve(full.model, tuning.OPENING_SHARE * self.params.time_limit,
                           callback=Recorder(self._record), lp_level=0,
                           stall=tuning.OPENING_STALL_SECONDS if tuning.OPENING_STALL else None)

    def _blocks_pay(self, lns: LargeNeighbourhoodSearch, solver: cp_model.CpSolver,
                    until: float) -> bool:
        """Whether neighbourhood search can run enough blocks before `until`: the time of the
        smallest block (one employee, one day) times `tuning.MIN_BLOCKS` must fit. Measured:
        0.01 s on the LSS group home and nurse group (LNS: 11–17 % cheaper rosters at 20 s),
        0.06 s on Curtois Instance13, 0.07–0.2 s on the care home, whose many priced segments
        make every block's presolve slow."""
        budget = until - time.monotonic()
        seconds = lns.probe(list(solver.response_proto.solution),
                            min(5.0, max(0.05, 2 * budget / tuning.MIN_BLOCKS)))
        self.probe_seconds = seconds
        return seconds * tuning.MIN_BLOCKS <= until - time.monotonic()

    def _finish_status(self, full: Context, status: cp_model.CpSolverStatus,
                       solver: cp_model.CpSolver) -> Outcome:
        if status == cp_model.INFEASIBLE:
            return Outcome("INFEASIBLE", infeasible_employees=infeasible_alone(
                full.index, [e.id for e in self.instance.employees],
                lambda scoped: self._model(scoped, prices=False), self._solve))
        objective = round(solver.objective_value)
        return Outcome("OPTIMAL", full, solver, objective, objective)

    def _solve_full(self, full: Context, hint: Assignment | None, limit: float) -> Outcome:
        """Solve the full model from the hint; never return worse than it.

        A roster found before the end of search may carry slack in its cost variables (a
        shortfall variable above the true shortfall), so unless it is proven optimal its
        decisions are priced again on the fixed model: the objective then equals the
        checker's total to the öre.
        """
        if hint is not None and not full.model.proto.solution_hint.vars:
            add_hint(full, hint)
        large = len(full.work) > tuning.SMALL_MODEL_LITERALS
        status, solver = self._solve(full.model, limit - tuning.EVALUATION_RESERVE,
                                     callback=Recorder(self._record), log=self.params.log,
                                     lp_level=0 if large else None)
        if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
            return self._finish_status(full, status, solver)
        candidates: list[Assignment] = []
        if status == cp_model.FEASIBLE:
            self._best_bound = max(self._best_bound, round(solver.best_objective_bound))
            candidates.append(read_assignment(full, solver))
        if hint is not None:
            candidates.append(hint)
        best = Outcome(solver.status_name(status))
        for assignment in candidates:
            evaluated = self._evaluate(full, assignment)
            if evaluated is not None and (best.objective is None
                                          or evaluated[0] < best.objective):
                proven = evaluated[0] <= self._best_bound
                best = Outcome("OPTIMAL" if proven else "FEASIBLE", full, evaluated[1],
                               evaluated[0], self._best_bound)
        return best

    def _evaluate(self, ctx: Context, assignment: Assignment
                  ) -> tuple[int, cp_model.CpSolver] | None:
        """The exact objective of `assignment` (every decision fixed): with the full LP (care
        home: 0.7 s, no proof in 30 s at the default level), then at the default level when
        that proof runs long (one roster: none in 60 s); only a proven price is the checker's
        to the öre, so it waits for a proof (60 s at most, as before)."""
        model = fixed_model(ctx, assignment)
        status, solver = self._solve(model, tuning.EVALUATION_FIRST_SECONDS, workers=1,
                                     essential=True, lp_level=2)
        if status == cp_model.FEASIBLE:
            again, other = self._solve(model, 60.0 - tuning.EVALUATION_FIRST_SECONDS, workers=1,
                                       essential=True)
            if again == cp_model.OPTIMAL or (
                    again == cp_model.FEASIBLE
                    and other.objective_value < solver.objective_value):
                status, solver = again, other
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return round(solver.objective_value), solver

    def _first_roster(self, full: Context
                      ) -> tuple[Assignment, int, cp_model.CpSolver] | Outcome:
        """The constructive roster (lines the greedy leaves in doubt mended with CP-SAT) and
        the caller's hint made legal; the cheaper one, priced on the full model."""
        started = time.monotonic()
        eject = ejection_seconds(self.params.time_limit)
        reproducible = any(name == "max_deterministic_time" for name, _ in self.params.cp_sat)
        if self.stopped.is_set():
            return Outcome("UNKNOWN")  # interrupted before any roster: nothing to keep
        greedy = construct(full.index, full.need_cache, self.params.seed, eject,
                           None if reproducible else self._first_roster_late)
        if self.stopped.is_set():
            return Outcome("UNKNOWN")
        self.construct_seconds = time.monotonic() - started
        self.mended = len(greedy.doubtful)
        candidates = []
        made = self._legal(full, greedy.assignment, sorted(greedy.doubtful))
        if isinstance(made, Outcome):
            return made
        if made is not None:
            candidates.append(made)
        if self.hint is not None:
            reading = assignment_from_roster(full.index, self.hint)
            self.hint_dropped = reading.dropped
            hinted = self._legal(full, reading.assignment, None)
            if isinstance(hinted, Outcome):
                return hinted
            if hinted is not None:
                self.hint_objective = hinted[1]
                candidates.append(hinted)
        if not candidates:
            return Outcome("UNKNOWN")
        best = min(candidates, key=lambda c: c[1])
        self._record(best[1], 0)
        return best

    def _first_roster_late(self) -> bool:  # interrupted, or half the time is gone
        return self.stopped.is_set() or self._left() < 0.5 * self.params.time_limit

    def _legal(self, full: Context, target: Assignment, doubtful: list[str] | None
               ) -> tuple[Assignment, int, cp_model.CpSolver] | Outcome | None:
        """`target` made legal and priced: the `doubtful` lines mended first (None: the
        roster is tried as it is), every line when that is not enough."""
        index = full.index
        assignment = dict(target)
        if doubtful:
            mended = self._mend(index, doubtful, target)
            if not isinstance(mended, dict):
                return mended
            assignment = {k: v for k, v in target.items() if k[0] not in set(doubtful)}
            assignment.update(mended)
        evaluated = self._evaluate(full, assignment)
        if evaluated is None:
            mended = self._mend(index, most_constrained_first(index), target)
            if not isinstance(mended, dict):
                return mended
            assignment = mended
            evaluated = self._evaluate(full, assignment)
        if evaluated is None:
            return None
        return assignment, evaluated[0], evaluated[1]

    def _mend(self, index: Index, employees: list[str], target: Assignment
              ) -> Assignment | Outcome:
        mended = mend(index, employees, target, lambda scoped: self._model(scoped, False),
                      self._solve, self._left, self.params.seed)
        if mended.infeasible:
            return Outcome("INFEASIBLE", infeasible_employees=mended.infeasible)
        if mended.unknown:
            return Outcome("UNKNOWN")
        return mended.assignment

    # -- large-neighbourhood search --------------------------------------------------------
    def _improve(self, lns: LargeNeighbourhoodSearch, solver: cp_model.CpSolver,
                 objective: int, until: float) -> tuple[cp_model.CpSolver, int]:
        """Neighbourhood search from the roster `solver` holds (a solve of the full model or
        of a copy of it); returns the solver of the best roster found and its objective."""
        _, objective, better = lns.run(
            list(solver.response_proto.solution), objective, until, tuning.NEIGHBOURHOOD_SECONDS,
            self.params.seed, self.params.workers, self.stopped,
            lambda found: self._record(found, 0))
        self.iterations, self.improvements = lns.iterations, lns.improvements
        self.lns_blocks = lns.summary()
        return better or solver, objective

    def _solve_block(self, model: cp_model.CpModel, limit: float, seed: int
                     ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        """One block: one CP-SAT worker with the full LP relaxation."""
        return self._solve(model, limit, seed=seed, workers=1, lp_level=2,
                           light=tuning.BLOCK_LIGHT)

