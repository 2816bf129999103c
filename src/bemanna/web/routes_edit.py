"""Editing staff, need and rules in the browser: the same checks as `bemanna validate`
(field problems next to the field, pre-solve findings on the plan page), every save a new
version, a save based on an outdated version refused with a reload choice."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bemanna.instance import InstanceError, instance_from_data
from bemanna.web.pages import plan_or_404, render, store_of
from bemanna.web.routes_plans import instance_data
from bemanna.web.security import csrf_protect
from bemanna.web.store import VersionConflict
from bemanna.web.views.edit import EditForm, apply_form, place_findings, place_problems

router = APIRouter()
MAX_FIELDS = 50_000
"""Fields one edit form may send (2 000 employees × 5 fields, bands and rules)."""


def _full(data: dict[str, object], number: int) -> dict[str, object]:
    """The version's data with every default filled in (so each field has a value)."""
    return instance_from_data(data, f"version {number}").model_dump(mode="json")


@router.get("/plans/{plan_id}/edit")
def edit_page(request: Request, plan_id: int, version: int | None = None) -> Response:
    name = plan_or_404(request, plan_id)
    found = store_of(request).version(plan_id, version)
    if found is None:
        raise HTTPException(404, "ingen sådan version")
    latest = store_of(request).version(plan_id)
    assert latest is not None
    try:
        full = _full(found.data, found.number)
    except InstanceError as exc:
        form = EditForm(found.data, latest.number)
        place_problems(form, exc.problems)
    else:
        form = EditForm(full, latest.number)
        from bemanna.presolve import presolve

        place_findings(form, presolve(instance_from_data(found.data, "findings")))
    return render(request, "edit.html", name=name, plan_id=plan_id, form=form,
                  shown=found.number)


@router.post("/plans/{plan_id}/edit", dependencies=[Depends(csrf_protect)])
async def save(request: Request, plan_id: int) -> Response:
    name = plan_or_404(request, plan_id)
    store = store_of(request)
    form_data = await request.form(max_fields=MAX_FIELDS)
    try:
        base = int(str(form_data.get("base_version", "")))
        shown = int(str(form_data.get("shown_version", base)))
    except ValueError:
        raise HTTPException(400, "base_version saknas") from None
    source = store.version(plan_id, shown)
    if source is None:
        raise HTTPException(404, "ingen sådan version")
    items = [(k, v) for k, v in form_data.multi_items() if isinstance(v, str)]
    data, refused = apply_form(_full(source.data, source.number), _last_values(items))
    form = EditForm(data, base)
    if refused:
        form.general += [f"{path}: kan inte ändras här" for path in refused]
    try:
        instance = instance_from_data(data, "form")
        if refused:
            raise InstanceError("form", [])
    except InstanceError as exc:
        place_problems(form, exc.problems)
        return render(request, "edit.html", 422, name=name, plan_id=plan_id, form=form,
                      shown=shown)
    note = str(form_data.get("note") or "").strip()[:200] or "redigerad i webbläsaren"
    try:
        store.add_version(plan_id, instance_data(instance), note, base)
    except VersionConflict as exc:
        return render(request, "conflict.html", 409, plan_id=plan_id, latest=exc.latest,
                      reload=f"/plans/{plan_id}/edit", name=name)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


def _last_values(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One value per field, the last sent (a checkbox follows its hidden 'off' twin)."""
    last: dict[str, str] = {}
    for key, value in items:
        last[key] = value
    return list(last.items())
