"""Solving from the page: queue a job, stream its progress (server-sent events), stop it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from bemanna.web.jobs import TIME_LIMITS, JobRunner
from bemanna.web.pages import plan_or_404, store_of
from bemanna.web.security import csrf_protect
from bemanna.web.store import JOB_OPEN

router = APIRouter()
POLL_SECONDS = 0.2
"""How often the event stream reads the job's row (progress is written there per roster)."""


def runner_of(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.jobs
    return runner


def queue_solve(request: Request, plan_id: int, number: int | None, time_limit: float,
                hint_roster_id: int | None = None) -> int:
    store = store_of(request)
    version = store.version(plan_id, number)
    if version is None:
        raise HTTPException(404, "ingen sådan version")
    return runner_of(request).submit(plan_id, version.id, time_limit, hint_roster_id)


@router.post("/plans/{plan_id}/solve", dependencies=[Depends(csrf_protect)])
def solve(request: Request, plan_id: int, version: int | None = Form(None),
          time_limit: int = Form(30)) -> Response:
    plan_or_404(request, plan_id)
    if time_limit not in TIME_LIMITS:
        raise HTTPException(400, f"time_limit: en av {', '.join(map(str, TIME_LIMITS))}")
    queue_solve(request, plan_id, version, time_limit)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.post("/jobs/{job_id}/stop", dependencies=[Depends(csrf_protect)])
def stop(request: Request, job_id: int) -> Response:
    if store_of(request).job(job_id) is None:
        raise HTTPException(404, "ingen sådan körning")
    runner_of(request).stop(job_id)
    return Response(status_code=204)


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


@router.get("/jobs/{job_id}/events")
async def events(request: Request, job_id: int) -> Response:
    """`progress` events ({status, progress: [[seconds, objective, bound], ...]}) whenever
    the row changes, then one `done` event ({status, message, roster_id}) and the end."""
    store = store_of(request)
    if store.job(job_id) is None:
        raise HTTPException(404, "ingen sådan körning")

    async def stream() -> AsyncIterator[str]:
        seen: tuple[str, int] | None = None
        while not await request.is_disconnected():
            job = store.job(job_id)
            if job is None:
                return
            state = (job.status, len(job.progress))
            if state != seen:
                seen = state
                yield _event("progress", {"status": job.status, "progress": job.progress})
            if job.status not in JOB_OPEN:
                yield _event("done", {"status": job.status, "message": job.message,
                                      "roster_id": job.roster_id})
                return
            await asyncio.sleep(POLL_SECONDS)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store"})
