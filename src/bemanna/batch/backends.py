"""Where jobs run: local worker processes or a Dask cluster. Same jobs, same outcomes.

Both backends keep at most `slots` jobs in flight (so a job in flight is a job running, and
its start time is known), hand each outcome to `on_outcome` in this process as soon as it
comes back (the jobs it returns join the queue: a base's scenarios, warm-started from its
roster), and enforce a job limit: a job still running `job_timeout` seconds after it
started is recorded as failed. On KeyboardInterrupt (Ctrl-C, or SIGTERM turned into one by
the caller) they stop at once: jobs in flight are dropped (the batch runs them again next
time) and nothing more is handed over.

- **local** (`concurrent.futures.ProcessPoolExecutor`): each worker process runs one job at a
  time. Worker processes ignore Ctrl-C themselves (the batch decides; a solve under way still
  stops on it and comes back `interrupted`) and die with the batch process, even after
  `kill -9` (a watchdog thread polls the parent id; PR_SET_PDEATHSIG on Linux too). A worker
  that dies (crash, out of memory) breaks the pool: the jobs in flight are re-run one at a
  time in a new pool, and the one that kills a pool on its own is recorded as failed. A job
  past its limit: the pool's processes are ended and a new pool started; the other jobs in
  flight run again.
- **dask** (`distributed.Client`): jobs are Dask tasks (`pure=False`); Dask reschedules a task
  whose worker dies and gives up with `KilledWorker`, which is recorded as the job's error.
  A job past its limit is cancelled and recorded as failed.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from bemanna.batch.job import JobOutcome, JobSpec, run_job

OnOutcome = Callable[[JobSpec, JobOutcome], list[JobSpec] | None]
"""Takes a job's outcome; returns the jobs it makes ready (None or [] for none)."""
Job = Callable[[JobSpec], JobOutcome]
"""The job function (run_job; tests pass their own to make a job crash or hang)."""
POLL_SECONDS = 0.25


def failed(spec: JobSpec, reason: str, started: float) -> JobOutcome:
    return JobOutcome(spec.instance, spec.scenario, spec.fingerprint, "failed", error=reason,
                      started=started, finished=time.time(), host="-")


PARENT_POLL_SECONDS = 0.5
"""How often a worker looks whether the batch process still lives."""


def _exit_when_orphaned(parent: int) -> None:
    """Watchdog thread of a worker: end the whole process once the batch process is gone
    (the worker is re-parented, so its parent id changes). os._exit also ends a CP-SAT solve
    under way; nobody is left to receive its result."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _worker_init() -> None:
    """In each local worker: leave Ctrl-C to the batch, die with it.

    PR_SET_PDEATHSIG (Linux) sends SIGTERM when the batch dies, but a solve under way takes
    SIGTERM as "stop and keep the best roster", and the worker would then wait on its job
    queue for ever (issue 17.7: still running 70 s after `kill -9` of the batch). The
    watchdog thread ends the worker at once, on every platform."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PDEATHSIG
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True,
                     name="bemanna-parent-watch").start()


def _handing(on_outcome: OnOutcome, queue: deque[JobSpec]
             ) -> Callable[[JobSpec, JobOutcome], None]:
    """`on_outcome`, with the jobs it makes ready put at the end of the queue."""
    def hand(spec: JobSpec, outcome: JobOutcome) -> None:
        queue.extend(on_outcome(spec, outcome) or ())
    return hand


@dataclass
class _InFlight:
    spec: JobSpec
    started: float
    wall: float
    alone: bool


class LocalBackend:
    name = "local"

    def __init__(self, workers: int, job_timeout: float, job: Job = run_job) -> None:
        self.slots = workers
        self.job_timeout = job_timeout
        self.job = job

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        self._others = set(multiprocessing.active_children())
        return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init,
                                   mp_context=multiprocessing.get_context("spawn"))

    def run(self, specs: Iterable[JobSpec], on_outcome: OnOutcome) -> None:
        queue: deque[JobSpec] = deque(specs)
        hand = _handing(on_outcome, queue)
        suspects: deque[JobSpec] = deque()  # were in flight when a worker died
        pool = self._pool(self.slots)
        flight: dict[Future[JobOutcome], _InFlight] = {}
        finished = False
        try:
            while queue or suspects or flight:
                # Suspects run alone, so that the job that kills a worker is found.
                while suspects and not flight:
                    spec = suspects.popleft()
                    flight[pool.submit(self.job, spec)] = _InFlight(spec, time.time(),
                                                                   time.monotonic(), True)
                while not suspects and queue and len(flight) < self.slots:
                    spec = queue.popleft()
                    flight[pool.submit(self.job, spec)] = _InFlight(spec, time.time(),
                                                                   time.monotonic(), False)
                done, _ = wait(list(flight), timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    item = flight.pop(future)
                    try:
                        hand(item.spec, future.result())
                    except BrokenProcessPool:
                        broken = True
                        if item.alone:
                            hand(item.spec, failed(
                                item.spec, "the worker process died (crash or out of memory)",
                                item.started))
                        else:
                            suspects.append(item.spec)
                now = time.monotonic()
                late = [f for f, i in flight.items() if now - i.wall > self.job_timeout]
                if late or broken:
                    for future in late:
                        item = flight.pop(future)
                        hand(item.spec, failed(
                            item.spec, f"exceeded the job limit of {self.job_timeout:g} s",
                            item.started))
                    # The pool is (or must be) broken: the others in flight run again.
                    rerun = [i.spec for i in flight.values()]
                    if broken:
                        suspects.extend(rerun)
                    else:
                        queue.extendleft(reversed(rerun))
                    flight.clear()
                    self._end(pool)
                    pool = self._pool(self.slots)
            finished = True
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:
                self._end(pool)

    def _end(self, pool: ProcessPoolExecutor) -> None:
        """Stop a pool now: cancel what waits, end its worker processes (only this pool's)."""
        pool.shutdown(wait=False, cancel_futures=True)
        mine = [c for c in multiprocessing.active_children() if c not in self._others]
        for child in mine:
            child.terminate()
        for child in mine:
            child.join(timeout=5)


class DaskBackend:
    name = "dask"

    def __init__(self, job_timeout: float, scheduler: str | None = None,
                 local_workers: int | None = None, client: Any = None,
                 job: Job = run_job) -> None:
        self.job_timeout = job_timeout
        self.job = job
        self.scheduler = scheduler
        self.local_workers = local_workers
        self.client = client
        self.slots = 1

    def run(self, specs: Iterable[JobSpec], on_outcome: OnOutcome) -> None:
        from distributed import Client, LocalCluster

        with contextlib.ExitStack() as stack:
            client = self.client
            if client is None and self.local_workers is not None:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=self.local_workers, threads_per_worker=1, processes=True,
                    dashboard_address=None))
                client = stack.enter_context(Client(cluster))
            elif client is None:
                client = stack.enter_context(Client(self.scheduler))
            self._run(client, specs, on_outcome)

    def _run(self, client: Any, specs: Iterable[JobSpec], on_outcome: OnOutcome) -> None:
        from distributed import wait as dask_wait

        queue = deque(specs)
        hand = _handing(on_outcome, queue)
        flight: dict[Any, _InFlight] = {}
        try:
            while queue or flight:
                threads = sum(client.nthreads().values()) or 1
                self.slots = threads
                while queue and len(flight) < threads:
                    spec = queue.popleft()
                    future = client.submit(self.job, spec, pure=False,
                                           key=f"bemanna-{spec.instance}-{spec.scenario}-"
                                               f"{spec.fingerprint}-{time.monotonic_ns()}")
                    flight[future] = _InFlight(spec, time.time(), time.monotonic(), False)
                try:
                    done, _ = dask_wait(list(flight), timeout=POLL_SECONDS,
                                        return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    item = flight.pop(future)
                    try:
                        outcome = future.result()
                    except Exception as exc:  # KilledWorker, lost scheduler, ...
                        outcome = failed(item.spec, f"{type(exc).__name__}: {exc}", item.started)
                    hand(item.spec, outcome)
                now = time.monotonic()
                for future in [f for f, i in flight.items() if now - i.wall > self.job_timeout]:
                    item = flight.pop(future)
                    future.cancel()
                    hand(item.spec, failed(
                        item.spec, f"exceeded the job limit of {self.job_timeout:g} s",
                        item.started))
        finally:
            for future in flight:
                future.cancel()
