"""Which batch jobs run, and when: each instance's base first, then its other scenarios from
the base's roster (warm starts, `bemanna.batch.warm`).

A job is skipped when the database holds a row for it with the same fingerprint (done, or
failed unless `retry_failed`). A warm-started job's fingerprint includes the passes of the
base's roster, so it is known only once that roster is: read back from the database's roster
file when the base is skipped, else when the base's job comes back. Until then the job waits;
an instance's waiting jobs are released as its base's outcome arrives (started from its
roster, or cold when the base has none) and those the database already holds are skipped
then. Every base is ready at once, so instances run in parallel. An instance's continued base
(`bemanna.batch.warm.CONTINUED`) waits and is released like its scenarios: it starts from
the same roster; under `--cold` it is not run at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bemanna.batch.job import JobOutcome, JobSpec
from bemanna.batch.store import Store
from bemanna.batch.warm import CONTINUED, Start, warm
from bemanna.scenario import BASE_NAME

Key = tuple[str, str]


@dataclass(frozen=True)
class BatchJob:
    spec: JobSpec
    instance_path: str
    scenario_path: str | None
    reference: bool = False
    """The instance's base job: its other scenarios start from its roster."""

    @property
    def continued(self) -> bool:
        """The instance's continued base: the base again, from the base's roster."""
        return self.spec.scenario == CONTINUED


def key_of(spec: JobSpec) -> Key:
    return spec.instance, spec.scenario


def in_mode(jobs: Iterable[BatchJob], warm_start: bool) -> list[BatchJob]:
    """The jobs a batch runs: every planned job when warm, all but the continued bases when
    cold (with no warm scenario there is no search to pair)."""
    return [j for j in jobs if warm_start or not j.continued]


@dataclass
class Schedule:
    """`ready`: the jobs to run now (bases first); `waiting`: per instance, the jobs waiting
    for its base's roster; `start`: how each job planned so far starts; `skipped`: jobs the
    database already holds."""

    ready: list[JobSpec]
    waiting: dict[str, list[JobSpec]]
    start: dict[Key, Start]
    skipped: int
    held: dict[Key, tuple[str, str]]
    retry_failed: bool

    @property
    def expected(self) -> int:
        """Jobs to run as far as known now (a released job may yet turn out to be held)."""
        return len(self.ready) + sum(len(w) for w in self.waiting.values())

    def holds(self, spec: JobSpec) -> bool:
        """Whether the database has this job with its fingerprint (done, or failed unless
        retry_failed): then it is skipped."""
        row = self.held.get(key_of(spec))
        return row is not None and row[0] == spec.fingerprint and (
            row[1] == "done" or not self.retry_failed)

    def add(self, spec: JobSpec, start: Start) -> JobSpec | None:
        """Plan a job: the spec to run, or None when the database holds it."""
        self.start[key_of(spec)] = start
        if self.holds(spec):
            self.skipped += 1
            return None
        return spec

    def release(self, instance: str, base: JobOutcome) -> list[JobSpec]:
        """The instance's waiting jobs once its base's job is back: started from the base's
        roster (when it is done), each skipped when the database holds it."""
        roster = base.roster if base.status == "done" else None
        released = (self.add(*warm(spec, roster, BASE_NAME))
                    for spec in self.waiting.pop(instance, []))
        return [spec for spec in released if spec is not None]


def schedule(jobs: Iterable[BatchJob], store: Store, retry_failed: bool = False,
             warm_start: bool = True) -> Schedule:
    """Plan the batch against the database (see the module's docstring)."""
    jobs = in_mode(jobs, warm_start)
    plan = Schedule([], {}, {}, 0, store.finished(), retry_failed)
    bases = {j.spec.instance: j.spec for j in jobs if j.reference}
    base_rosters: dict[str, dict[str, Any] | None] = {}
    for spec in bases.values():
        plan.start[key_of(spec)] = "reference"
        if plan.holds(spec):
            done = plan.held[key_of(spec)][1] == "done"  # a failed base gives no roster
            roster = _held_roster(store, spec) if warm_start and done else None
            lost = warm_start and done and roster is None
            if not lost:  # skipped; a done base whose roster file is gone runs again
                plan.skipped += 1
                base_rosters[spec.instance] = roster
                continue
        plan.ready.append(spec)
        if warm_start:
            plan.waiting[spec.instance] = []
    for job in jobs:
        spec = job.spec
        if job.reference:
            continue
        if not warm_start:
            found = plan.add(spec, "cold")
        elif spec.instance not in bases:
            found = plan.add(spec, "cold_no_base")
        elif spec.instance in plan.waiting:
            plan.waiting[spec.instance].append(spec)
            plan.start[key_of(spec)] = "continued" if job.continued else "hinted"
            continue
        else:
            found = plan.add(*warm(spec, base_rosters[spec.instance], BASE_NAME))
        if found is not None:
            plan.ready.append(found)
    return plan


def _held_roster(store: Store, spec: JobSpec) -> dict[str, Any] | None:
    """The roster a recorded job wrote, as a dict (None: none, or its file cannot be read)."""
    from bemanna.roster import RosterError, load_roster, roster_to_dict

    path = store.roster_path(spec.instance, spec.scenario)
    if path is None:
        return None
    try:
        return roster_to_dict(load_roster(path))
    except (RosterError, OSError):
        return None
