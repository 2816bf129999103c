"""Plans: the portfolio overview, new plans (instance file, generated unit, Excel template),
the plan page, versions (open, restore, download as YAML)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from bemanna.instance import Instance, InstanceError, instance_from_data
from bemanna.instance.load import parse_text
from bemanna.limits import MAX_FILE_BYTES
from bemanna.web.pages import plan_or_404, render, store_of
from bemanna.web.security import csrf_protect
from bemanna.web.store import Version
from bemanna.web.views.plan import plan_page
from bemanna.web.views.portfolio import COLUMNS, portfolio_rows

router = APIRouter()
EXCEL_MISSING = "Excel-mallen finns inte i denna version"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def instance_data(instance: Instance) -> dict[str, Any]:
    """What a version stores: the validated instance as JSON, defaults left out."""
    return instance.model_dump(mode="json", exclude_defaults=True)


def problems_page(request: Request, heading: str, problems: list[str], back: str,
                  status: int = 400) -> Response:
    return render(request, "error.html", status, heading=heading, problems=problems,
                  back=back)


async def read_upload(request: Request, upload: UploadFile) -> bytes:
    """The uploaded file's bytes, refused above the instance size limit (20 MB)."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_FILE_BYTES + 2**16:
        raise HTTPException(413, f"filen är större än {MAX_FILE_BYTES // 2**20} MB")
    data = await upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise HTTPException(413, f"filen är större än {MAX_FILE_BYTES // 2**20} MB")
    return data


@router.get("/")
def portfolio(request: Request, sort: str = "worst", dir: str = "desc") -> Response:
    rows = portfolio_rows(store_of(request), sort, dir != "asc")
    return render(request, "index.html", rows=rows, columns=COLUMNS, sort=sort,
                  desc=dir != "asc")


def _new_plan(request: Request, instance: Instance, note: str) -> Response:
    plan_id = store_of(request).create_plan(instance.name, instance_data(instance), note)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.post("/plans/upload", dependencies=[Depends(csrf_protect)])
async def upload_instance(request: Request, file: Annotated[UploadFile, File()]) -> Response:
    raw = await read_upload(request, file)
    name = (file.filename or "instance.yaml").rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ".yaml"
    try:
        text = raw.decode("utf-8")
        instance = instance_from_data(parse_text(text, suffix, name), name)
    except UnicodeDecodeError:
        return problems_page(request, f"{name} kunde inte läsas",
                             ["(file): inte UTF-8-text"], "/")
    except InstanceError as exc:
        return problems_page(request, f"{name} är inte en giltig instans", exc.problems, "/")
    return _new_plan(request, instance, f"uppladdad: {name}")


@router.post("/plans/generate", dependencies=[Depends(csrf_protect)])
def generate_unit(request: Request, kind: str = Form(...), weeks: int = Form(4),
                  seed: int = Form(1)) -> Response:
    from bemanna.generate.portfolio import PortfolioParams, generate_portfolio

    if kind not in ("care_home", "lss", "nurse_group") or not 1 <= weeks <= 16 or seed < 0:
        return problems_page(request, "Kan inte generera",
                             ["kind: care_home, lss eller nurse_group; weeks: 1–16; seed ≥ 0"],
                             "/")
    params = PortfolioParams(care_homes=int(kind == "care_home"), lss_homes=int(kind == "lss"),
                             nurse_groups=int(kind == "nurse_group"), weeks=weeks, seed=seed)
    data = generate_portfolio(params)[0]
    data["name"] = f"{data['name']}_s{seed}"
    instance = instance_from_data(data, data["name"])
    return _new_plan(request, instance, f"genererad: {kind}, {weeks} veckor, frö {seed}")


@router.get("/template.xlsx")
def blank_template(request: Request) -> Response:
    try:
        return _template_response(None, "bemanna-mall.xlsx")
    except HTTPException:
        return problems_page(request, EXCEL_MISSING, [], "/", 404)


def _template_response(instance: Instance | None, filename: str) -> Response:
    import io

    try:
        from bemanna.importers.excel_template import write_template  # type: ignore[import-not-found]
    except ImportError:
        raise HTTPException(404, EXCEL_MISSING) from None
    buffer = io.BytesIO()
    write_template(buffer, instance)
    return Response(buffer.getvalue(), media_type=XLSX_TYPE,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.post("/plans/excel", dependencies=[Depends(csrf_protect)])
async def upload_excel(request: Request, file: Annotated[UploadFile, File()]) -> Response:
    raw = await read_upload(request, file)
    name = (file.filename or "mall.xlsx").rsplit("/", 1)[-1]
    try:
        from bemanna.importers.excel_template import read_template
    except ImportError:
        return problems_page(request, EXCEL_MISSING, [], "/", 501)
    try:
        instance = read_template(raw, name)
    except InstanceError as exc:
        return problems_page(request, f"{name} är inte en giltig mall", exc.problems, "/")
    return _new_plan(request, instance, f"Excel-mall: {name}")


@router.get("/plans/{plan_id}")
def plan(request: Request, plan_id: int, version: int | None = None) -> Response:
    name = plan_or_404(request, plan_id)
    page = plan_page(store_of(request), plan_id, version)
    if page is None:
        raise HTTPException(404, "ingen sådan version")
    return render(request, "plan.html", name=name, page=page)


def _version_or_404(request: Request, plan_id: int, number: int) -> Version:
    """Version `number` of a plan the user may see; 404 when the plan or version is not."""
    plan_or_404(request, plan_id)
    version = store_of(request).version(plan_id, number)
    if version is None:
        raise HTTPException(404, "ingen sådan version")
    return version


@router.get("/plans/{plan_id}/versions/{number}/instance.yaml")
def version_yaml(request: Request, plan_id: int, number: int) -> Response:
    import yaml

    version = _version_or_404(request, plan_id, number)
    filename = f"{version.data['name']}-v{number}.yaml"
    text = yaml.safe_dump(version.data, sort_keys=False, allow_unicode=True)
    return Response(text, media_type="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/plans/{plan_id}/versions/{number}/template.xlsx")
def version_template(request: Request, plan_id: int, number: int) -> Response:
    version = _version_or_404(request, plan_id, number)
    instance = instance_from_data(version.data, f"version {number}")
    return _template_response(instance, f"{instance.name}-v{number}.xlsx")


@router.post("/plans/{plan_id}/versions/{number}/restore",
             dependencies=[Depends(csrf_protect)])
def restore(request: Request, plan_id: int, number: int) -> Response:
    """Restoring copies the old version's data into a new latest version."""
    old = _version_or_404(request, plan_id, number)
    store_of(request).add_version(plan_id, old.data, f"återställd från version {number}", None)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)
