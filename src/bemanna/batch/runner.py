"""Plan a batch (instances × scenarios), skip what the database already holds, run the rest.

Planning reads every instance and scenario file and applies every scenario to every instance
before any job runs: bad input stops the batch at once, one line per problem. The scenario
`base` (the instance unchanged) is always planned unless left out, so every scenario has its
reference. Each instance's base runs first and its other scenarios start from the base's
roster (warm starts; `warm_start=False`, `--cold`, for independent solves), as does the
instance's continued base (`base_continued`, the reference of paired deltas, warm.py):
`schedule.py` says which jobs wait for which roster and which the database already holds
(same fingerprint: done, or failed unless `retry_failed`). Each finished job's roster is
written under OUT/<instance>/<scenario>/ and then its row committed; a job stopped by a signal
is not recorded (it runs again next time).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from bemanna.batch.job import JobOutcome, JobSpec, json_ready
from bemanna.batch.schedule import BatchJob, in_mode, key_of, schedule
from bemanna.batch.store import Store
from bemanna.batch.warm import CONTINUED
from bemanna.instance import InstanceError
from bemanna.scenario import (
    BASE,
    Scenario,
    ScenarioError,
    applied,
    load_scenario,
    read_file_data,
)
from bemanna.solver.params import SolverParams

INSTANCE_SUFFIXES = (".yaml", ".yml", ".json")


class Backend(Protocol):
    name: str

    def run(self, specs: list[JobSpec],
            on_outcome: Callable[[JobSpec, JobOutcome], list[JobSpec] | None]) -> None:
        """Run the jobs; the jobs `on_outcome` returns are run too (a base's scenarios)."""
        ...


@dataclass
class BatchReport:
    planned: int
    skipped: int
    done: int = 0
    failed: int = 0
    stopped: bool = False
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)


def collect_instances(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Instance files: files as given, folders expanded to their *.yaml/*.yml/*.json."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in INSTANCE_SUFFIXES)
            if not files:
                problems.append(f"{path}: no instance files (*.yaml, *.yml, *.json) in it")
            found += files
        elif path.is_file():
            found.append(path)
        elif path.exists():
            problems.append(f"{path}: not a file or folder")
        else:
            problems.append(f"{path}: no such file or folder")
    unique = list({p.resolve(): p for p in found}.values())
    return unique, problems


def plan_batch(instances: list[Path], scenario_files: list[Path], *, include_base: bool = True,
               params: SolverParams, warm_start: bool = True) -> list[BatchJob]:
    """Every (instance, scenario) job, validated; ScenarioError lists every problem. Warm,
    with the base and at least one other scenario, each instance also gets its continued
    base (`bemanna.batch.warm.CONTINUED`: the base's job again, to start from the base's
    roster as the scenarios do)."""
    files, problems = collect_instances(instances)
    scenarios: list[Scenario] = [BASE] if include_base else []
    for path in scenario_files:
        try:
            scenario = load_scenario(path)
        except InstanceError as exc:
            problems += [f"{exc.source}: {p}" for p in exc.problems]
            continue
        if scenario.name == CONTINUED:
            problems.append(f"{path}: the scenario name {CONTINUED!r} is reserved for each "
                            "instance's continued base (docs/batch.md); rename the scenario")
            continue
        scenarios.append(scenario)
    continued = warm_start and include_base and len(scenarios) > 1
    names = [s.name for s in scenarios]
    problems += [f"scenario name {n!r} appears more than once" for n in sorted(set(names))
                 if names.count(n) > 1]
    jobs: list[BatchJob] = []
    units: dict[str, Path] = {}
    for path in files:
        try:
            data = read_file_data(path)
        except InstanceError as exc:
            problems += [f"{exc.source}: {p}" for p in exc.problems]
            continue
        for scenario in scenarios:
            try:
                inst, changed = applied(scenario, data, str(path))
            except InstanceError as exc:
                problems += [f"{exc.source}: {p}" for p in exc.problems]
                continue
            if scenario is scenarios[0]:
                if inst.name in units and units[inst.name] != path:
                    problems.append(f"{path}: instance name {inst.name!r} is also the name of "
                                    f"{units[inst.name]} (units are keyed by name)")
                units[inst.name] = path
            spec = JobSpec(inst.name, scenario.name, json_ready(changed), params)
            jobs.append(BatchJob(spec, str(path),
                                 None if scenario.path is None else str(scenario.path),
                                 reference=scenario is BASE))
            if scenario is BASE and continued:
                jobs.append(BatchJob(replace(spec, scenario=CONTINUED), str(path), None))
    if not jobs and not problems:
        problems.append("nothing to run: no instances or no scenarios")
    if problems:
        raise ScenarioError("batch", problems)
    return jobs


def to_run(jobs: list[BatchJob], store: Store, retry_failed: bool,
           warm_start: bool = True) -> list[JobSpec]:
    """The jobs to run as far as known before the batch starts: those the database does not
    hold (same fingerprint), and the scenarios waiting for a base that runs (a warm start's
    fingerprint is known only with the base's roster)."""
    plan = schedule(jobs, store, retry_failed, warm_start)
    return plan.ready + [spec for waiting in plan.waiting.values() for spec in waiting]


def run_batch(jobs: list[BatchJob], store: Store, backend: Backend, out: Path, *,
              retry_failed: bool = False, warm_start: bool = True,
              on_result: Callable[[BatchReport, JobOutcome], None] | None = None,
              ) -> BatchReport:
    """Run the jobs the database lacks, each instance's base first and its other scenarios
    (and its continued base) from the base's roster (unless not `warm_start`: then without
    the continued bases); record each as it finishes. Ctrl-C
    (KeyboardInterrupt) stops the batch with everything finished so far recorded
    (report.stopped)."""
    from bemanna.roster import roster_from_dict, save_roster, write_with_fallback

    jobs = in_mode(jobs, warm_start)
    plan = schedule(jobs, store, retry_failed, warm_start)
    by_key = {key_of(j.spec): j for j in jobs}
    report = BatchReport(planned=len(jobs), skipped=plan.skipped)
    started, clock = time.time(), time.monotonic()
    run_id = store.start_run(backend.name, len(jobs), plan.skipped, started)

    def on_outcome(spec: JobSpec, outcome: JobOutcome) -> list[JobSpec] | None:
        if outcome.status == "interrupted":
            return None  # not a result: the job (and any waiting for it) runs again next time
        job = by_key[key_of(spec)]
        roster_path = None
        if outcome.roster is not None:
            folder = out / spec.instance / spec.scenario
            roster = roster_from_dict(outcome.roster)
            # A folder that refuses now: the roster goes to a temporary folder, recorded.
            saved = write_with_fallback(folder, lambda place: save_roster(roster, place))
            roster_path = str(saved.value.resolve())
        store.record(spec, outcome, job.instance_path, job.scenario_path, roster_path,
                     plan.start.get(key_of(spec)))
        if outcome.status == "done":
            report.done += 1
        else:
            report.failed += 1
            report.failures.append((spec.instance, spec.scenario, outcome.error or ""))
        released = plan.release(spec.instance, outcome) if job.reference else []
        report.skipped = plan.skipped
        if on_result is not None:
            on_result(report, outcome)
        return released

    try:
        if plan.ready:
            backend.run(plan.ready, on_outcome)
    except KeyboardInterrupt:
        report.stopped = True
    finally:
        report.seconds = time.monotonic() - clock
        store.end_run(run_id, report.done, report.failed, report.stopped, report.seconds,
                      time.time())
    return report
