"""Watching a CP-SAT solve: its rosters reported as they come, and a stop once they stop
coming."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model


class Recorder(cp_model.CpSolverSolutionCallback):
    """Passes each roster's (objective, bound) on to `report` and notes when it came."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        super().__init__()
        self.report = report
        self.last = time.monotonic()
        """When the last roster came (or the recorder was made)."""

    def on_solution_callback(self) -> None:
        self.last = time.monotonic()
        self.report(round(self.objective_value), round(self.best_objective_bound))


class StallWatch:
    """Stops a solve once its recorder saw no better roster for `seconds`, or for as long as
    the solve had been finding better ones before its last (a search that improved for 6 s
    may pause 6 s); a daemon thread that looks every 50 ms; `close()` when the solve is
    over."""

    def __init__(self, solver: cp_model.CpSolver, seconds: float, recorder: Recorder) -> None:
        self.solver = solver
        self.seconds = seconds
        self.recorder = recorder
        self.started = time.monotonic()
        self.done = threading.Event()
        threading.Thread(target=self._run, daemon=True, name="bemanna-stall").start()

    def _run(self) -> None:
        while not self.done.wait(0.05):
            last = self.recorder.last
            if time.monotonic() - last > max(self.seconds, last - self.started):
                self.solver.stop_search()
                return

    def close(self) -> None:
        self.done.set()
