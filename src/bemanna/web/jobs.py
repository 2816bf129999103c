"""The solve queue: one worker thread runs the queued solve jobs one at a time.

Jobs live in the store (`jobs` table), not in memory: the queue is "the oldest queued row",
progress is written to the row at every improving roster (the page's server-sent events read
it from there), and a server that stops mid-solve leaves a row the next start marks as
interrupted. On a clean shutdown (`JobRunner.close`, from the app's lifespan) the running
solve is stopped through its `stop` event, its best roster is priced and stored, and the job
is marked interrupted with that roster kept.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

import bemanna
from bemanna.instance import Instance, InstanceError, instance_from_data
from bemanna.roster import Roster, roster_from_dict, roster_to_dict
from bemanna.web import outcome
from bemanna.web.store import (
    JOB_DONE,
    JOB_FAILED,
    JOB_INTERRUPTED,
    JOB_QUEUED,
    JOB_RUNNING,
    JOB_STOPPED,
    Job,
    Store,
    now,
)

SOLVER_WORKERS = 2
"""CP-SAT workers per solve (the default machine of a planner: a laptop)."""
TIME_LIMITS = (5, 15, 30, 60, 120, 300)
"""The time-limit choices on the page, seconds."""


def run_solve(instance: Instance, params: bemanna.SolverParams, on_progress: Any,
              stop: threading.Event, hint: Roster | None) -> bemanna.Result:
    """The single call site of `bemanna.solve` for the workbench. "Re-solve keeping pins"
    passes the previous roster as `hint=`, so the rest of the roster changes little."""
    return bemanna.solve(instance, params, on_progress=on_progress, stop=stop, hint=hint)


class JobRunner:
    """Owns the worker thread and the stop events of running solves."""

    def __init__(self, store: Store, workers: int = SOLVER_WORKERS,
                 on_roster: Callable[[int, Any], object] | None = None) -> None:
        self.store = store
        self.workers = workers
        self.on_roster = on_roster
        """Called with each stored roster's id and its (check report, pricing): the app builds
        its page before the job shows as done, so the browser's first request finds it."""
        self._priced: dict[int, Any] = {}
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._stops: dict[int, threading.Event] = {}
        self._user_stopped: set[int] = set()
        self._lock = threading.Lock()
        self.solving = threading.Lock()
        """Held during every solve of the queue; other solves (compare) take it too, so
        one solve runs at a time."""
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.store.interrupt_running()
        self._thread = threading.Thread(target=self._loop, name="bemanna-solve", daemon=True)
        self._thread.start()
        self._wake.set()

    def close(self, timeout: float = 30.0) -> None:
        """Stop the running solve (its best roster is kept) and end the worker."""
        self._closing.set()
        with self._lock:
            for event in self._stops.values():
                event.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def submit(self, plan_id: int, version_id: int, time_limit: float,
               hint_roster_id: int | None = None) -> int:
        job_id = self.store.add_job(plan_id, version_id, time_limit, hint_roster_id)
        self._wake.set()
        return job_id

    def stop(self, job_id: int) -> None:
        """Stop a running job (keeping its best roster) or take a queued one off the queue."""
        job = self.store.job(job_id)
        if job is None:
            return
        if job.status == JOB_QUEUED:
            self.store.update_job(job_id, status=JOB_STOPPED, finished=now(),
                                  message="stopped before it started")
            return
        with self._lock:
            event = self._stops.get(job_id)
            if event is not None:
                self._user_stopped.add(job_id)
                event.set()

    def _loop(self) -> None:
        while not self._closing.is_set():
            self._wake.wait(1.0)
            self._wake.clear()
            while not self._closing.is_set():
                queued = self.store.jobs(statuses=(JOB_QUEUED,))
                if not queued:
                    break
                self._run(queued[0])

    def _run(self, job: Job) -> None:
        stop = threading.Event()
        with self._lock:
            self._stops[job.id] = stop
        self.store.update_job(job.id, status=JOB_RUNNING, started=now())
        try:
            status, message, roster_id, result = self._solve(job, stop)
        except Exception as exc:  # a bug must not kill the queue: the job says what failed
            status, message, roster_id, result = JOB_FAILED, f"{type(exc).__name__}: {exc}", \
                None, {}
        with self._lock:
            self._stops.pop(job.id, None)
            if job.id in self._user_stopped:
                self._user_stopped.discard(job.id)
                status = JOB_STOPPED if status == JOB_DONE else status
        if self._closing.is_set() and status in (JOB_DONE, JOB_STOPPED):
            status, message = JOB_INTERRUPTED, "the server stopped during the solve; " \
                "the best roster found is kept"
        if roster_id is not None and self.on_roster is not None:
            with contextlib.suppress(Exception):  # the page is built again on the click
                self.on_roster(roster_id, self._priced.pop(job.id, None))
        self.store.update_job(job.id, status=status, finished=now(), message=message,
                              roster_id=roster_id, outcome=result)

    def _solve(self, job: Job, stop: threading.Event
               ) -> tuple[str, str, int | None, dict[str, Any]]:
        version = self.store.version_by_id(job.version_id)
        assert version is not None
        try:
            instance = instance_from_data(version.data, f"version {version.number}")
        except InstanceError as exc:
            return JOB_FAILED, "; ".join(exc.problems), None, {}
        blocked = outcome.presolve_errors(instance)
        if blocked:
            return JOB_DONE, "INFEASIBLE: found before solving", None, \
                {"status": "INFEASIBLE", "findings": blocked}
        hint = None
        if job.hint_roster_id is not None:
            stored = self.store.roster(job.hint_roster_id)
            hint = None if stored is None else roster_from_dict(stored.data)
        progress: list[list[float]] = []

        def on_progress(p: Any) -> None:
            # [search seconds, objective öre, bound öre, wall-clock time of the report]
            progress.append([round(p.seconds, 2), p.objective, p.bound, round(time.time(), 3)])
            self.store.update_job(job.id, progress=progress)

        params = bemanna.SolverParams(time_limit=job.time_limit, workers=self.workers, seed=0)
        with self.solving:
            result = run_solve(instance, params, on_progress, stop, hint)
        if result.roster is None:
            return JOB_DONE, result.status, None, {
                "status": result.status, "employees": list(result.infeasible_employees)}
        try:
            roster = result.roster
            priced = (bemanna.check(instance, roster), bemanna.price(instance, roster))
            summary = outcome.roster_summary(result, hint, *priced)
            self._priced[job.id] = priced
        except Exception as exc:  # the roster is kept even when its figures fail
            summary = {"status": result.status, "figures_error": f"{type(exc).__name__}: {exc}"}
        roster_id = self.store.add_roster(job.plan_id, version.id, job.id,
                                          roster_to_dict(result.roster), summary)
        return JOB_DONE, result.status, roster_id, {"status": result.status}
