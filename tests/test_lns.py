"""Block search (`bemanna.solver.lns`): pinned copies of the full model, blocks that prove the
optimum, and merged blocks that still keep every rule."""

from __future__ import annotations

import random
import threading
import time

import numpy as np
from ortools.sat.python import cp_model

from bemanna.solver.lns import LargeNeighbourhoodSearch, PinnedModel
from bemanna.solver.search import build_model
from solver_cases import D, K, band, build, employee, need


def _instance(staff: int = 4, weeks: int = 1):
    demand = [need(band("07:00", "15:30", 2), band("13:30", "21:30", 1))]
    return build([D, K], employees=[employee(f"E{i}") for i in range(staff)], demand=demand,
                 weeks=weeks, rules={"max_consecutive_days": {"enabled": True, "max": 5}})


def _solve(model: cp_model.CpModel, limit: float, seed: int
           ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.linearization_level = 2
    return solver.solve(model), solver


def _nobody_works(ctx) -> list[int]:
    """A feasible roster of the test instance: nobody works (every rule holds, the whole
    need is uncovered); solved on the model with every decision fixed to 0."""
    clone = ctx.model.clone()
    for lit in ctx.work.values():
        clone.add(lit == 0)
    status, solver = _solve(clone, 10.0, 0)
    assert status == cp_model.OPTIMAL
    return list(solver.response_proto.solution)


def _domains(model: cp_model.CpModel, indices: np.ndarray) -> list[tuple[int, int]]:
    variables = model.proto.variables
    return [(variables[i].domain[0], variables[i].domain[1]) for i in indices.tolist()]


def test_a_pinned_copy_holds_exactly_the_domains_asked_for_after_each_move() -> None:
    """Pinning rewrites only the domains that change between blocks, so after any sequence
    of blocks each decision must be [v, v] where pinned and [0, 1] where free — checked
    against the domains worked out from the values and the mask alone."""
    ctx = build_model(_instance())
    blocks = LargeNeighbourhoodSearch(ctx, random.Random(0), _solve).blocks
    slot = PinnedModel(ctx.model, blocks.decisions)
    rng = np.random.default_rng(0)
    for _ in range(5):
        values = rng.integers(0, 2, len(blocks.decisions))
        free = rng.random(len(blocks.decisions)) < 0.3
        model = slot.pin(values, free)
        expected = [(0, 1) if f else (int(v), int(v)) for v, f in zip(values, free, strict=True)]
        assert _domains(model, blocks.decisions) == expected
    # the full model itself is never touched
    assert set(_domains(ctx.model, blocks.decisions)) == {(0, 1)}


def test_a_block_that_frees_everything_proves_the_optimum() -> None:
    """On a one-week, four-employee instance block sizes grow to the whole roster within a
    few blocks; a block that frees every decision and is solved to optimality is the full
    model's optimum, so the search stops there with CP-SAT's optimum of the full model."""
    ctx = build_model(_instance())
    status, direct = _solve(ctx.model, 30.0, 0)
    assert status == cp_model.OPTIMAL
    lns = LargeNeighbourhoodSearch(ctx, random.Random(0), _solve)
    start = _nobody_works(ctx)
    start_objective = round(sum(c * v for c, v in _objective(ctx, start)))
    _, objective, best = lns.run(start, start_objective, time.monotonic() + 30.0, 5.0,
                                 0, 1, threading.Event(), lambda found: None)
    assert lns.proven
    assert best is not None
    assert objective == round(direct.objective_value) < start_objective


def test_two_blocks_at_a_time_return_a_roster_priced_as_the_full_model_prices_it() -> None:
    """Two blocks run at once and stale ones are merged: whatever comes back must be a
    solution of the full model (every rule holds) whose objective is what the full model
    with every decision fixed to it says."""
    ctx = build_model(_instance(staff=8, weeks=2))
    lns = LargeNeighbourhoodSearch(ctx, random.Random(1), _solve)
    start = _nobody_works(ctx)
    start_objective = round(sum(c * v for c, v in _objective(ctx, start)))
    values, objective, _ = lns.run(start, start_objective, time.monotonic() + 3.0, 0.5, 0, 2,
                                   threading.Event(), lambda found: None)
    assert objective < start_objective
    fixed = lns.model_for(PinnedModel(ctx.model, lns.blocks.decisions), set(), values)
    status, solver = _solve(fixed, 10.0, 0)
    assert status == cp_model.OPTIMAL
    assert round(solver.objective_value) <= objective


def _objective(ctx, values: list[int]) -> list[tuple[int, int]]:
    """(coefficient, value) of every objective term of the model's proto, plus its offset."""
    proto = ctx.model.proto.objective
    pairs = [(c, values[v]) for v, c in zip(proto.vars, proto.coeffs, strict=True)]
    return [*pairs, (1, round(proto.offset))]
