"""Large-neighbourhood search (LNS) on the full model: free a block of the roster, pin every
other decision to the incumbent, let CP-SAT re-solve the block.

The full model is built once. A neighbourhood is a copy of its proto in which the domain of
every decision literal outside the block is cut to its incumbent value; CP-SAT's presolve then
removes the pinned part, so a neighbourhood costs a proto copy and a few thousand domain
writes, not a model build. Every neighbourhood model holds every rule and every price, so its
objective is the roster's (an upper bound when the solve stops early, since cost variables may
still carry slack; the last solve prices the roster exactly).

Blocks (each kind with its own adaptive size, counted in free decision literals):
- `days`: every employee over a window of consecutive days (moves passes between employees
  where the cover is), drawn where the incumbent misfits the need most (`guide.py`);
- `employees`: a few employees over the whole horizon (their totals, weekends and runs);
- `staff_window`: a random share of the staff over half the horizon (both at once).
A kind whose block was solved to optimality grows, one that ran out of time shrinks.
"""

from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from bemanna.solver.assignment import hint_all
from bemanna.solver.context import Context
from bemanna.solver.guide import DayMisfit

Key = tuple[str, int]
"""(employee, day): the unit a block frees."""

START_LITERALS = 600.0
"""A new kind of block starts with about this many free decision literals."""
MIN_LITERALS = 40.0
GROW, SHRINK = 1.1, 0.85
BLOCK_HINT = True
"""Hint each block with the incumbent. Measured without (care home, 30 s, strategy lns, seed
1): 44 blocks against 32, none improving either way, so the hint stays."""
GUIDED_DAYS = True
"""Day blocks start where the incumbent misfits the need most (`guide.py`), else anywhere."""
GUIDE_FLOOR = 0.2
"""Each start's weight is its window's misfit plus this share of the mean: every window stays
possible."""
MERGE_SECONDS = 2.0
"""Limit of pricing a merged roster (every decision fixed: presolve alone usually solves it)."""


@dataclass
class BlockKind:
    name: str
    literals: float = START_LITERALS
    calls: int = 0
    improved: int = 0
    seconds: float = 0.0
    rate: float = 0.0
    """Recent gain (öre) per second of solving, smoothed."""

    def adapt(self, solved_outright: bool, most: int) -> None:
        factor = GROW if solved_outright else SHRINK
        self.literals = min(float(most), max(MIN_LITERALS, self.literals * factor))


class Neighbourhoods:
    """Picks blocks of (employee, day) keys of one full model."""

    def __init__(self, ctx: Context, rng: random.Random) -> None:
        self.rng = rng
        self.days = ctx.index.days
        self.cyclic = ctx.index.cyclic
        self.indices: dict[Key, list[int]] = defaultdict(list)
        for (emp, day, _), lit in ctx.work.items():
            self.indices[(emp, day)].append(lit.index)
        for (emp, day, _, _), lit in ctx.cover.items():
            self.indices[(emp, day)].append(lit.index)
        for (emp, day, _), lit in ctx.resurs.items():
            self.indices[(emp, day)].append(lit.index)
        for key, found in self.indices.items():
            self.indices[key] = sorted(set(found))
        self.decisions = np.array(sorted({i for v in self.indices.values() for i in v}),
                                  dtype=np.int64)
        """Every decision literal's variable index, in one array."""
        position = {int(v): j for j, v in enumerate(self.decisions)}
        self.positions: dict[Key, np.ndarray] = {
            key: np.array([position[i] for i in found], dtype=np.int64)
            for key, found in self.indices.items()}
        """Per key: the positions of its literals in `decisions`."""
        self.employees = sorted({emp for emp, _ in self.indices})
        self.total = sum(len(v) for v in self.indices.values())
        per_employee: dict[str, int] = defaultdict(int)
        per_day: dict[int, int] = defaultdict(int)
        for (emp, day), found in self.indices.items():
            per_employee[emp] += len(found)
            per_day[day] += len(found)
        self.per_employee = max(1, round(self.total / max(1, len(per_employee))))
        self.per_day = max(1, round(self.total / max(1, len(per_day))))
        self.kinds = [BlockKind("days"), BlockKind("employees"), BlockKind("staff_window")]
        self.misfit: np.ndarray | None = None
        """Per day, the incumbent's misfit minutes (`guide.DayMisfit`); None: unguided."""

    def _window(self, width: int, guided: bool = False) -> set[int]:
        width = max(1, min(self.days, width))
        starts = self.days if self.cyclic else self.days - width + 1
        if guided and self.misfit is not None and self.misfit.any():
            days = np.concatenate([self.misfit, self.misfit]) if self.cyclic else self.misfit
            sums = np.convolve(days, np.ones(width, dtype=np.int64), "valid")[:starts]
            weights = sums + GUIDE_FLOOR * float(sums.mean())
            start = self.rng.choices(range(starts), weights.tolist())[0]
        else:
            start = self.rng.randrange(starts)
        return {(start + i) % self.days for i in range(width)}

    def pick(self, kind: BlockKind) -> set[Key]:
        if kind.name == "days":
            window = self._window(round(kind.literals / self.per_day), GUIDED_DAYS)
            return {key for key in self.indices if key[1] in window}
        if kind.name == "employees":
            count = max(1, min(len(self.employees), round(kind.literals / self.per_employee)))
            chosen = set(self.rng.sample(self.employees, count))
            return {key for key in self.indices if key[0] in chosen}
        # staff_window: half the days (at least two weeks) for as many employees as fit
        width = min(self.days, max(14, self.days // 2))
        window = self._window(width)
        per_employee = max(1, round(self.per_employee * width / self.days))
        count = max(1, min(len(self.employees), round(kind.literals / per_employee)))
        chosen = set(self.rng.sample(self.employees, count))
        return {key for key in self.indices if key[0] in chosen and key[1] in window}

    def free_mask(self, free: set[Key]) -> np.ndarray:
        mask = np.zeros(len(self.decisions), dtype=bool)
        for key in free:
            mask[self.positions[key]] = True
        return mask


class PinnedModel:
    """A private copy of the full model whose decision literals are pinned (domain cut to one
    value) or free. Moving it to the next block rewrites only the domains that change: the
    block's literals and those the incumbent changed since, not all of them (measured:
    rewriting all 56 000 of Instance13 took 0.09 s a block)."""

    def __init__(self, model: cp_model.CpModel, decisions: np.ndarray) -> None:
        self.model = model.clone()
        self.decisions = decisions
        variables = self.model.proto.variables
        for i in decisions.tolist():
            assert list(variables[i].domain) == [0, 1], "decision literals are booleans"
        self.low = np.zeros(len(decisions), dtype=np.int64)
        self.high = np.ones(len(decisions), dtype=np.int64)

    def pin(self, values: np.ndarray, free: np.ndarray) -> cp_model.CpModel:
        """Pin every decision to `values` (one per decision literal) except where `free`."""
        low = np.where(free, 0, values)
        high = np.where(free, 1, values)
        changed = np.flatnonzero((low != self.low) | (high != self.high))
        variables = self.model.proto.variables
        for j, i in zip(changed.tolist(), self.decisions[changed].tolist(), strict=True):
            domain = variables[i].domain
            domain[0] = int(low[j])
            domain[1] = int(high[j])
        self.low, self.high = low, high
        return self.model


@dataclass
class _Job:
    kind: BlockKind
    free: set[Key]
    version: int
    objective: int
    started: float
    slot: PinnedModel


Solve = Callable[[cp_model.CpModel, float, int], tuple[cp_model.CpSolverStatus, cp_model.CpSolver]]


class LargeNeighbourhoodSearch:
    """Improves an incumbent (the value of every variable of the full model) block by block,
    `workers` blocks at a time (one CP-SAT worker each: small blocks solve fastest alone,
    with the full LP relaxation, measured in benchmarks/RESULTS.md).

    `solve(model, limit, seed)` runs one CP-SAT solve with the search's parameters and returns
    (status, solver); the search's own stop signal stays with the caller.

    A block solved from an incumbent that has moved on meanwhile is merged: the current
    incumbent with the block's decisions, priced on the fixed model; kept only when it holds
    every rule and is cheaper.
    """

    def __init__(self, ctx: Context, rng: random.Random, solve: Solve) -> None:
        self.ctx = ctx
        self.rng = rng
        self.blocks = Neighbourhoods(ctx, rng)
        self.guide: DayMisfit | None = None
        """Built when blocks first run (`_guide`): a search whose blocks do not pay never
        needs it."""
        self.solve = solve
        self.iterations = 0
        self.improvements = 0
        self.proven = False
        """A block that freed every decision was solved to optimality: nothing is left to
        find."""

    def model_for(self, slot: PinnedModel, free: set[Key], values: list[int]
                  ) -> cp_model.CpModel:
        """The full model with every decision outside `free` pinned, hinted with `values`."""
        decisions = np.asarray(values, dtype=np.int64)[self.blocks.decisions]
        model = slot.pin(decisions, self.blocks.free_mask(free))
        if BLOCK_HINT:
            hint_all(model, values)
        else:
            model.clear_hints()
        return model

    def probe(self, values: list[int], limit: float = 5.0) -> float:
        """Seconds to solve the smallest block (one employee, one day): the fixed cost of a
        block on this model (at most `limit`)."""
        key = min(self.blocks.indices, key=lambda k: (len(self.blocks.indices[k]), k))
        slot = PinnedModel(self.ctx.model, self.blocks.decisions)
        started = time.monotonic()
        self.solve(self.model_for(slot, {key}, values), limit, 0)
        return time.monotonic() - started

    def _choose(self) -> BlockKind:
        """Each kind once, then by roulette on the recent gain per second (a floor keeps
        every kind in play)."""
        kinds = self.blocks.kinds
        if self.iterations < len(kinds):
            return kinds[self.iterations]
        top = max(k.rate for k in kinds)
        weights = [k.rate + 0.1 * top + 1e-9 for k in kinds]
        return self.rng.choices(kinds, weights)[0]

    def run(self, values: list[int], objective: int, until: float, limit: float,
            seed: int, workers: int, stopped: threading.Event,
            on_better: Callable[[int], None]) -> tuple[list[int], int, cp_model.CpSolver | None]:
        """Search until `until` (monotonic clock) or `stopped`; returns the best values, their
        objective and the solver holding them (None when nothing better was found)."""
        best: cp_model.CpSolver | None = None
        version = 0
        self._guide(values)
        pending: dict[Future[tuple[cp_model.CpSolverStatus, cp_model.CpSolver]], _Job] = {}
        slots = [PinnedModel(self.ctx.model, self.blocks.decisions)
                 for _ in range(max(1, workers))]
        with ThreadPoolExecutor(max_workers=len(slots)) as pool:
            while True:
                while (slots and not stopped.is_set() and not self.proven
                       and until - time.monotonic() >= 0.1):
                    kind = self._choose()
                    free = self.blocks.pick(kind)
                    slot = slots.pop()
                    model = self.model_for(slot, free, values)
                    self.iterations += 1
                    budget = min(limit, until - time.monotonic())
                    job = _Job(kind, free, version, objective, time.monotonic(), slot)
                    pending[pool.submit(self.solve, model, budget,
                                        seed + self.iterations)] = job
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    job = pending.pop(future)
                    status, solver = future.result()
                    kept = self._take(job, status, solver, values, version)
                    slots.append(job.slot)
                    if kept is None:
                        continue
                    found, solver = kept
                    if found > objective:
                        continue
                    if found < objective:
                        self.improvements += 1
                        job.kind.improved += 1
                        on_better(found)
                    values, objective, best = list(solver.response_proto.solution), found, solver
                    version += 1
                    self._guide(values)
        return values, objective, best

    def _guide(self, values: list[int]) -> None:
        if not GUIDED_DAYS:
            return
        if self.guide is None:
            self.guide = DayMisfit(self.ctx)
        self.blocks.misfit = self.guide.per_day(values)

    def _take(self, job: _Job, status: cp_model.CpSolverStatus, solver: cp_model.CpSolver,
              values: list[int], version: int) -> tuple[int, cp_model.CpSolver] | None:
        """Book a finished block; its (objective, solver) on the current incumbent, if any."""
        seconds = time.monotonic() - job.started
        kind = job.kind
        kind.calls += 1
        kind.seconds += seconds
        kind.adapt(status in (cp_model.OPTIMAL, cp_model.INFEASIBLE), self.blocks.total)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            kind.rate *= 0.7
            return None
        found = round(solver.objective_value)
        gain = max(0, job.objective - found)
        kind.rate = 0.7 * kind.rate + 0.3 * gain / max(seconds, 1e-3)
        if job.version == version or found >= job.objective:
            if status == cp_model.OPTIMAL and len(job.free) == len(self.blocks.indices):
                self.proven = True
            return found, solver
        merged = list(values)
        solution = solver.response_proto.solution
        for key in job.free:
            for i in self.blocks.indices[key]:
                merged[i] = solution[i]
        status, solver = self.solve(self.model_for(job.slot, set(), merged), MERGE_SECONDS, 0)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return round(solver.objective_value), solver

    def summary(self) -> dict[str, dict[str, float]]:
        """Per kind of block: calls, improving calls, seconds, current size (literals)."""
        return {k.name: {"calls": k.calls, "improved": k.improved,
                         "seconds": round(k.seconds, 2), "literals": round(k.literals)}
                for k in self.blocks.kinds}
