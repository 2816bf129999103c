"""One solve job: instance data -> solve -> check -> price -> figures, never raising.

A job travels as plain data (`JobSpec`: the scenario-changed instance data, JSON-ready, the
solver parameters and, for a warm start, the roster to start from as a `bemanna-roster/1` dict)
and comes back as plain data (`JobOutcome`: status, figures, the roster as
`bemanna-roster/1` dict), so it runs the same in this process, in a local worker process or on
a Dask worker on another machine; files are written by the caller.

Statuses: `done` (a roster that keeps every hard rule, priced); `failed` (no roster in time,
infeasible, the checker found violations, bad data or a crash; `error` says which);
`interrupted` (the solve was stopped by a signal: not a result, the batch runs it again).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Literal

from bemanna.solver.params import SolverParams

Status = Literal["done", "failed", "interrupted"]


def json_ready(data: Any) -> Any:
    """Dates and decimals as text: the data as a JSON file would hold it."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


def hint_passes(roster: dict[str, Any]) -> str:
    """A digest of what a hint gives the search: its passes (employee, date, shift, kind,
    skill), in a fixed order. The roster's stats and prices are left out, so the roster
    written to disk and read back has the digest of the one handed over."""
    passes = sorted(json.dumps([a.get("employee"), a.get("date"), a.get("shift"),
                                a.get("kind"), a.get("skill")], default=str)
                    for a in roster.get("assignments", []))
    return hashlib.sha256("\n".join(passes).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class JobSpec:
    instance: str
    """The unit: the instance's name."""
    scenario: str
    data: dict[str, Any]
    params: SolverParams = field(default_factory=SolverParams)
    """The whole solver setting (time limit, workers, seed, strategy, deterministic time)."""
    hint: dict[str, Any] | None = None
    """A roster to start the solve from (`bemanna-roster/1` dict): the base scenario's, for a
    warm-started scenario (`bemanna.batch.warm`). None: a cold solve."""
    hinted_from: str | None = None
    """The scenario whose roster `hint` is ('base')."""

    @property
    def time_limit(self) -> float:
        return self.params.time_limit

    @property
    def fingerprint(self) -> str:
        """What the result depends on: the changed data, the solver parameters (all but the
        log switch, which changes nothing in the roster) and, for a warm start, the hint's
        passes. A cold job's fingerprint is what it was before warm starts existed."""
        settings = self.params.to_dict()
        settings.pop("log")
        if not settings["lp_bound"]:
            settings.pop("lp_bound")  # fingerprints from before the switch stay the same
        body: dict[str, Any] = {"data": self.data, **settings}
        if self.hint is not None:
            body["hint"] = {"from": self.hinted_from, "passes": hint_passes(self.hint)}
        text = json.dumps(body, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class JobOutcome:
    instance: str
    scenario: str
    fingerprint: str
    status: Status
    error: str | None = None
    solver_status: str | None = None
    objective_ore: int | None = None
    figures: dict[str, Any] | None = None
    roster: dict[str, Any] | None = None
    started: float = 0.0
    finished: float = 0.0
    solve_seconds: float | None = None
    hinted_from: str | None = None
    """The scenario whose roster the solve started from (a warm start), else None."""
    host: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")

    @property
    def job_seconds(self) -> float:
        return round(self.finished - self.started, 3)


def run_job(spec: JobSpec) -> JobOutcome:
    """Run one job to its outcome. Exceptions become `failed` with the reason."""
    outcome = JobOutcome(spec.instance, spec.scenario, spec.fingerprint, "failed",
                         started=time.time(), hinted_from=spec.hinted_from)
    try:
        _solve_and_price(spec, outcome)
    except Exception as exc:  # a job's crash is its own result, never the batch's
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
        outcome.status, outcome.error = "failed", f"{type(exc).__name__}: {exc}{where}"
    outcome.finished = time.time()
    return outcome


def _solve_and_price(spec: JobSpec, outcome: JobOutcome) -> None:
    from bemanna.checker import check_roster
    from bemanna.instance import InstanceError, instance_from_data
    from bemanna.pricing import price_roster
    from bemanna.pricing.figures import compute_figures
    from bemanna.roster import roster_from_dict, roster_to_dict
    from bemanna.solver import solve

    try:
        inst = instance_from_data(spec.data, f"{spec.instance} × {spec.scenario}")
    except InstanceError as exc:
        outcome.error = "bad instance data: " + "; ".join(exc.problems[:5])
        return
    hint = None if spec.hint is None else roster_from_dict(spec.hint, f"hint {spec.hinted_from}")
    result = solve(inst, spec.params, hint=hint)
    outcome.solver_status = result.status
    outcome.solve_seconds = round(result.wall_time, 3)
    if result.interrupted:
        outcome.status, outcome.error = "interrupted", "stopped by a signal"
        return
    if result.roster is None:
        outcome.error = (f"no roster: the hard rules cannot all hold ({result.status})"
                         if result.status == "INFEASIBLE" else
                         f"no roster within {spec.time_limit:g} s ({result.status})")
        return
    outcome.objective_ore = result.objective
    outcome.roster = roster_to_dict(result.roster)
    report = check_roster(inst, result.roster)
    outcome.figures = compute_figures(inst, price_roster(inst, result.roster), report)
    if report.ok:
        outcome.status = "done"
    else:
        first = report.violations[0]
        outcome.error = (f"the checker found {len(report.violations)} rule violations "
                         f"(first: {first.rule}: {first.message})")
