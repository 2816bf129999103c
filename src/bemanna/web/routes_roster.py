"""The roster view: grid, hours, coverage, costs; cell edits (pin, day off, absence) saved as
new versions; re-solve keeping pins; the roster's downloads."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bemanna.instance import InstanceError, instance_from_data
from bemanna.web.edits import EditError, set_cell
from bemanna.web.jobs import TIME_LIMITS
from bemanna.web.pages import render, store_of
from bemanna.web.routes_solve import queue_solve
from bemanna.web.security import csrf_protect
from bemanna.web.store import VersionConflict
from bemanna.web.views.roster import PageCache, RosterPage

router = APIRouter()


def roster_page(request: Request, roster_id: int) -> RosterPage:
    cache: PageCache = request.app.state.pages
    page = cache.page(store_of(request), roster_id)
    if page is None:
        raise HTTPException(404, "inget sådant schema")
    return page


@router.get("/rosters/{roster_id}")
def roster(request: Request, roster_id: int) -> Response:
    page = roster_page(request, roster_id)
    store = store_of(request)
    latest = store.version(page.stored.plan_id)
    assert latest is not None
    return render(request, "roster.html", page=page, latest=latest.number,
                  name=store.plan_name(page.stored.plan_id), time_limits=TIME_LIMITS,
                  pins=_latest_pins(latest.data))


def _latest_pins(data: dict[str, object]) -> dict[tuple[str, str], str]:
    """(employee, iso date) -> 'pass X', 'ledig' or 'frånvaro' in the plan's latest version,
    so the grid marks the pins and absences the next solve will keep."""
    marks: dict[tuple[str, str], str] = {}
    for emp in data["employees"]:  # type: ignore[attr-defined]
        for r in emp.get("unavailable", []):
            start, end = dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"])
            for d in range((end - start).days + 1):
                marks[(emp["id"], str(start + dt.timedelta(days=d)))] = "frånvaro"
        for p in emp.get("pinned", []):
            marks[(emp["id"], p["date"])] = f"låst {p['shift']}" if p["shift"] else "låst ledig"
    return marks


@router.get("/rosters/{roster_id}/cell")
def cell_editor(request: Request, roster_id: int, employee: str, date: str) -> Response:
    page = roster_page(request, roster_id)
    if employee not in page.instance.employee:
        raise HTTPException(404, "ingen sådan anställd")
    latest = store_of(request).version(page.stored.plan_id)
    assert latest is not None
    return render(request, "_cell.html", page=page, employee=employee, date=date,
                  latest=latest.number, saved=None, problems=[])


@router.post("/rosters/{roster_id}/cell", dependencies=[Depends(csrf_protect)])
def edit_cell(request: Request, roster_id: int, employee: str = Form(...),
              date: str = Form(...), action: str = Form(...), shift: str | None = Form(None),
              base_version: int = Form(...)) -> Response:
    """Pin a pass, pin a day off, mark an absence or clear the cell: a new plan version
    based on `base_version` (a conflict if another tab saved since)."""
    page = roster_page(request, roster_id)
    store = store_of(request)
    plan_id = page.stored.plan_id
    latest = store.version(plan_id)
    assert latest is not None
    problems: list[str] = []
    saved = None
    try:
        data, note = set_cell(latest.data, employee, date, action, shift or None)
        instance_from_data(data, "edit")
        saved = store.add_version(plan_id, data, note, base_version)
    except (EditError, InstanceError) as exc:
        problems = exc.problems if isinstance(exc, InstanceError) else [str(exc)]
    except VersionConflict as exc:
        return render(request, "_conflict.html", 409, plan_id=plan_id, latest=exc.latest,
                      reload=f"/rosters/{roster_id}")
    return render(request, "_cell.html", page=page, employee=employee, date=date,
                  latest=saved.number if saved else latest.number, saved=saved,
                  problems=problems, mark=_latest_pins(saved.data if saved else latest.data)
                  .get((employee, date), ""))


@router.post("/rosters/{roster_id}/resolve", dependencies=[Depends(csrf_protect)])
def resolve(request: Request, roster_id: int, time_limit: int = Form(30)) -> Response:
    """Solve the plan's latest version with this roster as the hint (see jobs.run_solve)."""
    page = roster_page(request, roster_id)
    if time_limit not in TIME_LIMITS:
        raise HTTPException(400, "time_limit")
    queue_solve(request, page.stored.plan_id, None, time_limit, hint_roster_id=roster_id)
    return RedirectResponse(f"/plans/{page.stored.plan_id}", status_code=303)


def _download(content: bytes | str, media: str, filename: str) -> Response:
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/rosters/{roster_id}/report.xlsx")
def report_xlsx(request: Request, roster_id: int) -> Response:
    from bemanna.report.xlsx import xlsx_bytes

    page = roster_page(request, roster_id)
    return _download(xlsx_bytes(page.data, "sv"), "application/vnd.openxmlformats-officedocument."
                     "spreadsheetml.sheet", f"{page.instance.name}-report.xlsx")


@router.get("/rosters/{roster_id}/report.html")
def report_html(request: Request, roster_id: int) -> Response:
    from bemanna.report.html import page as html_page

    page = roster_page(request, roster_id)
    return _download(html_page(page.data, "sv"), "text/html; charset=utf-8",
                     f"{page.instance.name}-report.html")


@router.get("/rosters/{roster_id}/roster.csv")
def roster_csv(request: Request, roster_id: int) -> Response:
    from bemanna.roster.io import roster_csv as csv_text

    page = roster_page(request, roster_id)
    return _download(csv_text(page.roster), "text/csv; charset=utf-8",
                     f"{page.instance.name}-roster.csv")
