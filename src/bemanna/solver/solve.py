"""solve(): instance -> search -> roster, with progress and a clean stop on Ctrl-C/SIGTERM."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bemanna.instance.model import Instance
from bemanna.roster.model import Roster
from bemanna.solver.assignment import RESURS, Assignment
from bemanna.solver.extract import extract_roster
from bemanna.solver.params import SolverParams
from bemanna.solver.search import Outcome, Progress, Search

LP_GRACE_SECONDS = 0.5
"""How long a finished search waits for the LP bound past the time limit."""


@dataclass
class Result:
    status: str
    objective: int | None
    bound: int | None
    gap: float | None
    wall_time: float
    build_time: float
    first_solution_time: float | None
    roster: Roster | None
    objective_by_term: dict[str, int]
    progress: list[Progress] = field(default_factory=list)
    interrupted: bool = False
    infeasible_employees: list[str] = field(default_factory=list)
    """When INFEASIBLE: employees whose own rules cannot hold (if the search found them)."""
    lp_bound: int | None = None
    """The linear relaxation's lower bound (öre) when asked for (`SolverParams.lp_bound`) and
    proved in time; `bound` is the higher of it and CP-SAT's."""


def _run_interruptibly(search: Search, stop_event: threading.Event | None = None
                       ) -> tuple[Outcome, bool]:
    """Run the search in a worker thread so that Ctrl-C / SIGTERM (in the main thread) or
    `stop_event` (from any thread: a web app's Stop button) stop it gracefully and the best
    roster so far is kept. Returns (outcome, interrupted)."""
    box: dict[str, Outcome | BaseException] = {}
    interrupted = threading.Event()

    def work() -> None:
        try:
            box["outcome"] = search.run()
        except BaseException as exc:  # re-raised in the calling thread
            box["error"] = exc

    def stop(signum: int, frame: object) -> None:
        interrupted.set()
        search.stop()

    thread = threading.Thread(target=work, name="bemanna-search", daemon=True)
    previous: dict[signal.Signals, object] = {}
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, stop)
    try:
        thread.start()
        while thread.is_alive():
            thread.join(timeout=0.1)
            if stop_event is not None and stop_event.is_set() and not interrupted.is_set():
                stop(signal.SIGTERM, None)
    finally:
        if in_main:
            for sig, handler in previous.items():
                signal.signal(sig, handler)  # type: ignore[arg-type]
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    outcome = box["outcome"]
    assert isinstance(outcome, Outcome)
    return outcome, interrupted.is_set()


def start_assignment(instance: Instance, roster: Roster | None) -> Assignment | None:
    """A roster as the search's decisions: (employee, day, shift) -> skill or RESURS."""
    if roster is None:
        return None
    found: Assignment = {}
    for a in roster.assignments:
        day = instance.horizon.day_of(a.date)
        if day is not None:
            found[(a.employee, day, a.shift)] = RESURS if a.kind == "resurs" else a.skill
    return found


def solve(instance: Instance, params: SolverParams | None = None,
          on_progress: Callable[[Progress], None] | None = None,
          stop: threading.Event | None = None, start: Roster | None = None,
          hint: Roster | None = None) -> Result:
    """Search for the cheapest roster; it comes back whenever the hard rules can hold.
    Setting `stop` ends the search early with the best roster so far (`interrupted`).
    `start`: a roster of the instance to search from (a repair starts from the old roster);
    the result is never worse than it when it keeps the hard rules.

    `hint`: a roster to warm-start from (e.g. last period's or a planner's edit), beside the
    constructive first roster. Its passes that this instance no longer allows are dropped
    (counted in the roster's stats as `hint_dropped`), lines that break a rule are mended
    with CP-SAT, and the cheaper of it and the constructive roster is the first incumbent;
    the returned roster is never dearer than the hint made legal (`hint_objective`).
    """
    params = params or SolverParams()
    started = time.monotonic()
    search = Search(instance, params, on_progress, start_assignment(instance, start), hint)
    outcome, interrupted = _run_interruptibly(search, stop)
    wall = time.monotonic() - started
    first = search.progress[0].seconds if search.progress else None
    if outcome.ctx is None or outcome.solver is None or outcome.objective is None:
        return Result(outcome.status, None, None, None, wall, search.build_time, first, None,
                      {}, search.progress, interrupted, outcome.infeasible_employees)
    ctx, solver = outcome.ctx, outcome.solver
    stats = {"lns_iterations": search.iterations, "lns_improvements": search.improvements,
             "lns_blocks": search.lns_blocks, "lns_probe_seconds": search.probe_seconds,
             "construct_seconds": round(search.construct_seconds, 3),
             "construct_mended_lines": search.mended}
    if hint is not None:
        stats.update({"hint_dropped": search.hint_dropped,
                      "hint_objective": search.hint_objective})
    by_term = {
        term: sum(t.coef * solver.value(t.expr) for t in terms) + ctx.constants.get(term, 0)
        for term, terms in ctx.terms.items()
    }
    objective = outcome.objective
    cp_sat_bound = outcome.bound if outcome.bound is not None else 0
    lp = None if search.lp is None else search.lp.wait(
        0.0 if outcome.status == "OPTIMAL" else max(LP_GRACE_SECONDS, search.deadline
                                                    - time.monotonic()))
    lp_value = None if lp is None else lp.bound
    bound = max(cp_sat_bound, lp_value or 0)
    if lp is not None:
        stats.update({"cp_sat_bound": cp_sat_bound, "lp_bound": lp_value,
                      "lp_bound_seconds": round(lp.seconds, 2), "lp_rows": lp.rows})
    gap = 0.0 if objective <= bound else (objective - bound) / max(1, abs(objective))
    roster = extract_roster(ctx, solver, outcome.status, objective, bound, by_term)
    roster.stats.update({
        "wall_seconds": round(wall, 3), "build_seconds": round(search.build_time, 3),
        "first_roster_seconds": None if first is None else round(first, 3),
        "workers": params.workers, "seed": params.seed, "time_limit": params.time_limit,
        "strategy": params.strategy,
        "interrupted": interrupted, **stats})
    return Result(outcome.status, objective, bound, gap, wall, search.build_time, first, roster,
                  by_term, search.progress, interrupted, lp_bound=lp_value)
