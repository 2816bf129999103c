"""Solving through the workbench's queue: the roster is stored and passes the checker, a
second job waits in the queue, Stop keeps the best roster, a server stopping mid-solve
leaves the job interrupted with its roster, pins set from the grid hold after a re-solve.

Time limits are short (2-5 s) and nothing here asserts a time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import bemanna
from bemanna.instance import instance_from_data
from bemanna.roster import roster_from_dict
from bemanna.web import create_app
from bemanna.web.store import JOB_DONE, JOB_INTERRUPTED, JOB_QUEUED, JOB_STOPPED
from web_helpers import csrf_of, stop_at_first_roster, wait_for

LSS = 2
"""The LSS group home's plan id (the second example): 4 weeks, small, feasible."""
NURSES = 3
"""The nurse group's plan id: its first roster comes within seconds, and a 120 s solve runs
long enough to be stopped."""


def _checked(client: TestClient, roster_id: int) -> tuple[bemanna.Instance, bemanna.Roster]:
    store = client.app.state.store  # type: ignore[attr-defined]
    stored = store.roster(roster_id)
    version = store.version_by_id(stored.version_id)
    instance = instance_from_data(version.data, "test")
    roster = roster_from_dict(stored.data)
    report = bemanna.check(instance, roster)
    assert report.ok, [v.message for v in report.violations]
    return instance, roster


def test_solve_stores_a_checked_roster_and_the_page_shows_it(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf = csrf_of(client)
        reply = client.post(f"/plans/{LSS}/solve", data={"csrf_token": csrf, "time_limit": "60"})
        assert reply.status_code == 200
        store = client.app.state.store  # type: ignore[attr-defined]
        job = stop_at_first_roster(client, store, store.jobs()[0].id)
        assert job.status == JOB_STOPPED and job.roster_id is not None
        assert job.progress, "at least one improving roster was reported"
        _checked(client, job.roster_id)
        page = client.get(f"/rosters/{job.roster_id}").text
        assert 'id="grid"' in page and 'id="coverage"' in page and "Totalt" in page
        events = client.get(f"/jobs/{job.id}/events").text
        assert "event: done" in events and f'"roster_id": {job.roster_id}' in events
        overview = client.get("/").text
        assert "FEASIBLE, kontroll OK" in overview


def test_a_second_job_waits_in_the_queue_and_stop_keeps_the_best_roster(
        tmp_path: Path) -> None:
    """One solve at a time: while the first runs, the second is queued. Stopping the first
    after its first roster keeps that roster (status stopped); the queued one can be taken
    off the queue."""
    app = create_app(tmp_path, solver_workers=1)
    with TestClient(app) as client:
        store, runner = app.state.store, app.state.jobs
        first = runner.submit(NURSES, store.version(NURSES).id, 120)
        second = runner.submit(LSS, store.version(LSS).id, 60)
        deadline = time.monotonic() + 120
        while not store.job(first).progress and time.monotonic() < deadline:
            time.sleep(0.2)
        assert store.job(second).status == JOB_QUEUED
        runner.stop(first)
        done = wait_for(store, first)
        assert done.status == JOB_STOPPED and done.roster_id is not None
        _checked(client, done.roster_id)
        runner.stop(second)
        assert wait_for(store, second).status == JOB_STOPPED


def test_a_server_stopping_mid_solve_keeps_the_best_roster(tmp_path: Path) -> None:
    """Closing the app (uvicorn's shutdown runs the lifespan's end) stops the running solve;
    the job is interrupted and its roster kept; a restarted app shows it so."""
    app = create_app(tmp_path, solver_workers=1)
    with TestClient(app):
        store, runner = app.state.store, app.state.jobs
        job_id = runner.submit(NURSES, store.version(NURSES).id, 120)
        deadline = time.monotonic() + 120
        while not store.job(job_id).progress and time.monotonic() < deadline:
            time.sleep(0.2)
    job = create_app(tmp_path, solver_workers=1).state.store.job(job_id)
    assert job.status == JOB_INTERRUPTED and job.roster_id is not None


def test_a_job_left_running_by_a_killed_server_is_interrupted_at_start(tmp_path: Path) -> None:
    app = create_app(tmp_path, solver_workers=1)
    store = app.state.store
    job_id = store.add_job(1, store.version(1).id, 5, None)
    store.update_job(job_id, status="running")
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        assert client.app.state.store.job(job_id).status == JOB_INTERRUPTED  # type: ignore[attr-defined]


def test_a_pin_from_the_grid_holds_after_the_re_solve(tmp_path: Path) -> None:
    """Pin a day off where the roster has a pass, and a pass where it has a day off; re-solve
    keeping pins: both hold, the checker passes, and the changed cells are counted (at least
    the two pinned ones)."""
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf = csrf_of(client)
        store = client.app.state.store  # type: ignore[attr-defined]
        client.post(f"/plans/{LSS}/solve", data={"csrf_token": csrf, "time_limit": "60"})
        first = stop_at_first_roster(client, store, store.jobs()[0].id)
        instance, roster = _checked(client, first.roster_id)
        worked = roster.assignments[0]
        free_date = next(instance.horizon.date(d) for d in range(instance.horizon.days)
                         if all(a.date != instance.horizon.date(d) for a in roster.assignments
                                if a.employee == worked.employee)
                         and not any(r.contains(instance.horizon.date(d)) for r in
                                     instance.employee[worked.employee].unavailable))
        headers = {"X-CSRF-Token": csrf}
        for date, action in ((worked.date, "pin_off"), (free_date, "pin_shift")):
            reply = client.post(f"/rosters/{first.roster_id}/cell", headers=headers, data={
                "employee": worked.employee, "date": str(date), "action": action,
                "shift": worked.shift, "base_version": str(store.version(LSS).number)})
            assert "Sparat som version" in reply.text, reply.text
        client.post(f"/rosters/{first.roster_id}/resolve", data={"csrf_token": csrf,
                                                                 "time_limit": "60"})
        second = stop_at_first_roster(client, store, store.jobs()[-1].id)
        assert second.roster_id is not None, second.message
        _, after = _checked(client, second.roster_id)
        mine = {a.date: a.shift for a in after.assignments if a.employee == worked.employee}
        assert worked.date not in mine
        assert mine.get(free_date) == worked.shift
        summary = store.roster(second.roster_id).summary
        assert summary["changed_cells"] >= 2
        assert f'<b id="changed-cells">{summary["changed_cells"]}</b>' in client.get(
            f"/rosters/{second.roster_id}").text


def test_stop_before_start_takes_the_job_off_the_queue(tmp_path: Path) -> None:
    app = create_app(tmp_path, solver_workers=1)  # not started: nothing runs
    store, runner = app.state.store, app.state.jobs
    job_id = runner.submit(1, store.version(1).id, 5)
    runner.stop(job_id)
    assert store.job(job_id).status == JOB_STOPPED


def test_a_generated_unit_without_a_budget_solves_and_shows(tmp_path: Path) -> None:
    """Generated units carry no budget: the figures say so ('–'), nothing fails."""
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf = csrf_of(client)
        client.post("/plans/generate", data={"csrf_token": csrf, "kind": "care_home",
                                             "weeks": "1", "seed": "2"})
        store = client.app.state.store  # type: ignore[attr-defined]
        # One week of a generated care home: small, so the solve runs to its limit and ends
        # as done (the other tests stop at the first roster).
        client.post("/plans/4/solve", data={"csrf_token": csrf, "time_limit": "15"})
        job = wait_for(store, store.jobs()[-1].id)
        assert job.status == JOB_DONE and job.roster_id is not None, job.message
        summary = store.roster(job.roster_id).summary
        assert summary["budget_ore"] is None and summary["forecast_ore"] > 0
        assert client.get(f"/rosters/{job.roster_id}").status_code == 200
        assert client.get("/").status_code == 200


def test_stopping_uvicorn_with_a_page_watching_keeps_the_best_roster(tmp_path: Path) -> None:
    """The real server (uvicorn in a thread) with a browser-like client on the job's event
    stream: stopping the server ends the stream after its grace period, the lifespan stops
    the solve, and the job is interrupted with its best roster stored."""
    import httpx

    from bemanna.web.live import live_server

    app = create_app(tmp_path, solver_workers=1)
    store = app.state.store
    with live_server(app) as url:
        job_id = app.state.jobs.submit(NURSES, store.version(NURSES).id, 120)
        deadline = time.monotonic() + 120
        while not store.job(job_id).progress and time.monotonic() < deadline:
            time.sleep(0.2)
        events: list[str] = []

        def watch() -> None:
            try:
                with httpx.stream("GET", f"{url}/jobs/{job_id}/events", timeout=None) as s:
                    for line in s.iter_lines():
                        events.append(line)
            except httpx.HTTPError:
                pass

        import threading

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        time.sleep(1.0)
        stopping = time.monotonic()
    job = store.job(job_id)
    assert job.status == JOB_INTERRUPTED and job.roster_id is not None
    assert time.monotonic() - stopping < 60, "the shutdown waited for the solve's time limit"
    assert any(line.startswith("event: progress") for line in events)


def test_the_re_solve_passes_the_previous_roster_as_hint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """jobs.run_solve is the single call site of `bemanna.solve`: "Re-solve keeping pins"
    hands it the previous roster as `hint=`."""
    import threading

    from bemanna.web import jobs

    seen: dict[str, object] = {}

    def solve(instance: object, params: object, *, on_progress: object = None,
              stop: object = None, hint: object = None) -> str:
        seen["hint"] = hint
        return "result"

    previous = object()
    monkeypatch.setattr(bemanna, "solve", solve, raising=False)
    jobs.run_solve(None, None, None, threading.Event(), previous)  # type: ignore[arg-type]
    assert seen["hint"] is previous
