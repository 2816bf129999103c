"""Shared pieces of the workbench tests: an app on a temporary data folder, its CSRF token,
and waiting for a solve job."""

from __future__ import annotations

import re
import time
from pathlib import Path

from fastapi.testclient import TestClient

from bemanna.web.store import JOB_OPEN, Job, Store

REPO = Path(__file__).resolve().parents[1]


def csrf_of(client: TestClient) -> str:
    """The CSRF token the start page hands this client's session."""
    page = client.get("/")
    found = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert found, page.text[:300]
    return found.group(1)


def wait_for(store: Store, job_id: int, timeout: float = 120.0) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = store.job(job_id)
        assert job is not None
        if job.status not in JOB_OPEN:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still open after {timeout} s")


def stop_at_first_roster(client: TestClient, store: Store, job_id: int,
                         timeout: float = 300.0) -> Job:
    """Wait for the job's first improving roster, press Stop (its CSRF-protected POST), and
    wait for the job to end with that roster kept. Tests solve with a long limit and stop
    early, so they neither wait out the limit nor depend on how loaded the machine is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = store.job(job_id)
        assert job is not None
        if job.progress or job.status not in JOB_OPEN:
            break
        time.sleep(0.2)
    reply = client.post(f"/jobs/{job_id}/stop", headers={"X-CSRF-Token": csrf_of(client)})
    assert reply.status_code == 204
    return wait_for(store, job_id, timeout)
