"""Explanations: why an employee's roster is as it is (`bemanna explain`'s text), and why a
plan has no roster: the conflict core and its ranked repairs, each applied by one button as
a new version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bemanna.instance import InstanceError, instance_from_data
from bemanna.web.edits import EditError, apply_repair
from bemanna.web.pages import render, store_of
from bemanna.web.routes_roster import roster_page
from bemanna.web.security import csrf_protect
from bemanna.web.store import VersionConflict

router = APIRouter()
EXPLAIN_BUDGET = 30.0
"""Seconds the conflict search may take on the page (the CLI's default is 60)."""


@router.get("/rosters/{roster_id}/explain/{employee}")
def explain_employee(request: Request, roster_id: int, employee: str) -> Response:
    """The rules that bind this employee's roster, soft rules broken, and the price of each
    unmet wish (short re-solves, the same as `bemanna explain`)."""
    from bemanna.explain.why import explain_employee as why

    page = roster_page(request, roster_id)
    if employee not in page.instance.employee:
        raise HTTPException(404, "ingen sådan anställd")
    explanation = why(page.instance, page.roster, employee, max_wishes=3)
    return render(request, "_explain.html", lines=explanation.lines(),
                  name=page.instance.employee[employee].name or employee)


def _explanation(request: Request, job_id: int) -> tuple[Any, dict[str, Any]]:
    store = store_of(request)
    job = store.job(job_id)
    if job is None:
        raise HTTPException(404, "ingen sådan körning")
    outcome = dict(job.outcome)
    if "explanation" not in outcome:
        from bemanna.explain.infeasible import explain_infeasible

        version = store.version_by_id(job.version_id)
        assert version is not None
        instance = instance_from_data(version.data, f"version {version.number}")
        people = outcome.get("employees") or sorted(
            {f["employee"] for f in outcome.get("findings", []) if f.get("employee")})
        found = explain_infeasible(instance, people or None, budget=EXPLAIN_BUDGET, lang="sv")
        outcome["explanation"] = {"lines": found.lines(), **found.to_dict()}
        store.update_job(job_id, outcome=outcome)
    return job, outcome


@router.get("/jobs/{job_id}/explain")
def explain_job(request: Request, job_id: int) -> Response:
    job, outcome = _explanation(request, job_id)
    store = store_of(request)
    latest = store.version(job.plan_id)
    version = store.version_by_id(job.version_id)
    assert latest is not None and version is not None
    return render(request, "infeasible.html", job=job, outcome=outcome,
                  name=store.plan_name(job.plan_id), latest=latest.number,
                  version=version.number)


@router.post("/plans/{plan_id}/repair", dependencies=[Depends(csrf_protect)])
def repair(request: Request, plan_id: int, rule: str = Form(...), employee: str = Form(...),
           change: str = Form(...), base_version: int = Form(...)) -> Response:
    """Apply one repair to the plan's latest version, as a new version."""
    store = store_of(request)
    latest = store.version(plan_id)
    if latest is None:
        raise HTTPException(404, "ingen sådan plan")
    try:
        data, note = apply_repair(latest.data, rule, employee, change)
        instance_from_data(data, "repair")
        store.add_version(plan_id, data, note, base_version)
    except (EditError, InstanceError) as exc:
        problems = exc.problems if isinstance(exc, InstanceError) else [str(exc)]
        return render(request, "error.html", 400, heading="Åtgärden gick inte att tillämpa",
                      problems=problems, back=f"/plans/{plan_id}")
    except VersionConflict as exc:
        return render(request, "conflict.html", 409, plan_id=plan_id, latest=exc.latest,
                      reload=f"/plans/{plan_id}")
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)
