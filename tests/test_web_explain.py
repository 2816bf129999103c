"""Why there is no roster, on the page: the conflict and its ranked repairs, each applied by
its button as a new version; and an employee's explanation text.

The plan: the LSS group home with its first employee (E) pinned off on every day of the four
weeks. E's contract then cannot be met: the pre-solve check says so, the solve stops, and the
conflict is contract_hours against the pins."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from bemanna.web import create_app
from web_helpers import REPO, csrf_of, stop_at_first_roster, wait_for


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path, solver_workers=1)) as c:
        yield c


FIRST = yaml.safe_load((REPO / "instances" / "lss_group_home.yaml").read_text())[
    "employees"][0]["id"]
"""E: the employee pinned off throughout."""


def _infeasible_plan(client: TestClient, csrf: str) -> int:
    data = yaml.safe_load((REPO / "instances" / "lss_group_home.yaml").read_text())
    start = dt.date(2025, 3, 3)
    data["employees"][0]["pinned"] = [{"date": str(start + dt.timedelta(days=d)),
                                       "shift": None} for d in range(28)]
    reply = client.post("/plans/upload", data={"csrf_token": csrf},
                        files={"file": ("pinned.yaml", yaml.safe_dump(data), "text/yaml")},
                        follow_redirects=False)
    return int(reply.headers["location"].rsplit("/", 1)[-1])


def test_infeasible_plan_shows_conflict_and_repairs_that_apply(client: TestClient) -> None:
    csrf = csrf_of(client)
    plan = _infeasible_plan(client, csrf)
    store = client.app.state.store  # type: ignore[attr-defined]
    client.post(f"/plans/{plan}/solve", data={"csrf_token": csrf, "time_limit": "5"})
    job = wait_for(store, store.jobs()[-1].id)
    assert job.outcome["status"] == "INFEASIBLE" and job.roster_id is None
    assert f"/jobs/{job.id}/explain" in client.get(f"/plans/{plan}").text
    page = client.get(f"/jobs/{job.id}/explain").text
    # The explanation is in Swedish, the workbench's language (explain_words.py).
    assert f"{FIRST} måste schemaläggas minst" in page
    assert "Gör contract_hours mjuk" in page and "Ta bort låsningen" in page

    # The pin repair removes exactly the pin its text names.
    pin = re.search(rf'name="change" value="(ta bort låsningen av {FIRST} den ([0-9-]+)[^"]*)"',
                    page)
    assert pin
    reply = client.post(f"/plans/{plan}/repair", data={
        "csrf_token": csrf, "rule": "pinned", "employee": FIRST, "change": pin.group(1),
        "base_version": "1"}, follow_redirects=False)
    assert reply.status_code == 303
    pins = store.version(plan).data["employees"][0]["pinned"]
    assert len(pins) == 27 and pin.group(2) not in {p["date"] for p in pins}

    # The contract repair turns the rule soft: the next solve finds a roster.
    reply = client.post(f"/plans/{plan}/repair", data={
        "csrf_token": csrf, "rule": "contract_hours", "employee": FIRST, "change": "x",
        "base_version": "2"}, follow_redirects=False)
    assert reply.status_code == 303
    assert store.version(plan).data["rules"]["contract_hours"]["mode"] == "soft"
    client.post(f"/plans/{plan}/solve", data={"csrf_token": csrf, "time_limit": "60"})
    solved = stop_at_first_roster(client, store, store.jobs()[-1].id)
    assert solved.roster_id is not None, solved.message


def test_a_repair_on_an_outdated_version_is_a_conflict(client: TestClient) -> None:
    csrf = csrf_of(client)
    plan = _infeasible_plan(client, csrf)
    reply = client.post(f"/plans/{plan}/repair", data={
        "csrf_token": csrf, "rule": "contract_hours", "employee": FIRST, "change": "x",
        "base_version": "0"})
    assert reply.status_code == 409


def test_employee_explanation_text(client: TestClient) -> None:
    """The `bemanna explain` text of one employee, as a fragment for the roster page."""
    csrf = csrf_of(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    client.post("/plans/2/solve", data={"csrf_token": csrf, "time_limit": "60"})
    job = stop_at_first_roster(client, store, store.jobs()[-1].id)
    reply = client.get(f"/rosters/{job.roster_id}/explain/{FIRST}")
    assert reply.status_code == 200
    assert f"{FIRST} " in reply.text and ": rules that bind in this roster" in reply.text
    assert client.get(f"/rosters/{job.roster_id}/explain/nobody").status_code == 404


def test_the_edit_form_shows_pre_solve_findings_beside_the_employee(client: TestClient) -> None:
    """The same finding `bemanna validate` prints (contract against pins) sits in E's row."""
    plan = _infeasible_plan(client, csrf_of(client))
    page = client.get(f"/plans/{plan}/edit").text
    row = re.search(r'<tr class="finding"><td></td><td colspan="5">(fel[^<]*)</td>', page)
    # The workbench is Swedish: the finding in the planner's words (Finding.message, Swedish).
    assert row and f"{FIRST}: avtal " in row.group(1)
