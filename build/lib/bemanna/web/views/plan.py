"""The plan page: a version's facts and pre-solve findings, the versions, the solve jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bemanna.instance import Instance, InstanceError, instance_from_data
from bemanna.presolve import Finding, presolve
from bemanna.web.jobs import TIME_LIMITS
from bemanna.web.store import Job, Store, StoredRoster, Version

JOB_WORDS = {"queued": "i kö", "running": "löses", "done": "klar", "stopped": "stoppad",
             "interrupted": "avbruten", "failed": "misslyckades"}


@dataclass
class PlanPage:
    plan_id: int
    version: Version
    latest: int
    instance: Instance | None
    problems: list[str]
    findings: list[Finding]
    versions: list[dict[str, Any]]
    jobs: list[Job]
    roster: StoredRoster | None
    time_limits: tuple[int, ...] = TIME_LIMITS
    job_words: dict[str, str] | None = None

    @property
    def is_latest(self) -> bool:
        return self.version.number == self.latest


def plan_page(store: Store, plan_id: int, number: int | None) -> PlanPage | None:
    version = store.version(plan_id, number)
    latest = store.version(plan_id)
    if version is None or latest is None:
        return None
    try:
        instance: Instance | None = instance_from_data(version.data, f"version {version.number}")
        problems: list[str] = []
    except InstanceError as exc:
        instance, problems = None, exc.problems
    findings = presolve(instance) if instance is not None else []
    jobs = store.jobs(plan_id)[-8:][::-1]
    return PlanPage(plan_id, version, latest.number, instance, problems, findings,
                    store.versions(plan_id), jobs, store.latest_roster(plan_id),
                    job_words=JOB_WORDS)
