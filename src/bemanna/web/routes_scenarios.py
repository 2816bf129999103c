"""Scenarios: the shipped scenario files or a few toggles (scenario transforms) against a
plan's version, solved side by side by `bemanna.compare`; the table is compare.html's, in
the same words and number format."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

import bemanna
from bemanna.comparison.html import text_table
from bemanna.instance import InstanceError, instance_from_data
from bemanna.scenario import Scenario, ScenarioFile, load_scenario
from bemanna.scenario.model import AllFulltime, NoSplitShifts, Pre2023RestRules
from bemanna.web.jobs import JobRunner
from bemanna.web.pages import plan_or_404, render, store_of
from bemanna.web.security import csrf_protect

router = APIRouter()
SHIPPED = Path(__file__).parent / "scenarios"
REPOSITORY = Path(__file__).resolve().parents[3] / "scenarios"
COMPARE_LIMITS = (5, 15, 30)
TOGGLES = {
    "pre_2023_rest_rules": ("Vilo­regler före 2023", Pre2023RestRules(kind="pre_2023_rest_rules")),
    "all_fulltime": ("Alla heltid", AllFulltime(kind="all_fulltime")),
    "no_split_shifts": ("Inga delade turer", NoSplitShifts(kind="no_split_shifts")),
}


def scenario_folder() -> Path:
    """The repository's scenarios/ when running from a checkout, else the package's copies."""
    return REPOSITORY if REPOSITORY.is_dir() else SHIPPED


def scenario_files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(scenario_folder().glob("*.yaml"))}


def toggle_scenario(key: str) -> Scenario:
    label, transform = TOGGLES[key]
    layer = ScenarioFile(name=key, description=label, transforms=[transform])
    return Scenario(name=key, description=label, layers=(layer,))


@router.get("/plans/{plan_id}/compare")
def compare_page(request: Request, plan_id: int) -> Response:
    name = plan_or_404(request, plan_id)
    latest = store_of(request).version(plan_id)
    assert latest is not None
    return render(request, "compare.html", name=name, plan_id=plan_id, files=scenario_files(),
                  toggles=TOGGLES, limits=COMPARE_LIMITS, version=latest.number, table=None,
                  problems=[])


@router.post("/plans/{plan_id}/compare", dependencies=[Depends(csrf_protect)])
async def run_compare(request: Request, plan_id: int) -> Response:
    """Solve the version and each chosen scenario (one solve at a time: the queue's lock)."""
    import anyio

    name = plan_or_404(request, plan_id)
    form = await request.form()
    files, chosen = scenario_files(), []
    for key in form.getlist("file"):
        if key not in files:
            raise HTTPException(400, f"file: no scenario {key!r}")
        chosen.append(load_scenario(files[str(key)]))
    chosen += [toggle_scenario(str(k)) for k in form.getlist("toggle") if k in TOGGLES]
    try:
        limit = int(str(form.get("time_limit", 5)))
        number = int(str(form.get("version", 0))) or None
    except ValueError:
        raise HTTPException(400, "time_limit och version är heltal") from None
    version = store_of(request).version(plan_id, number)
    if version is None or limit not in COMPARE_LIMITS:
        raise HTTPException(400, "version eller time_limit")
    table, problems = None, []
    if not chosen:
        problems = ["Välj minst ett scenario."]
    else:
        runner: JobRunner = request.app.state.jobs
        try:
            table = await anyio.to_thread.run_sync(
                lambda: _compare(runner, version.data, version.number, chosen, limit))
        except InstanceError as exc:
            problems = exc.problems
    return render(request, "_compare_table.html", table=table, problems=problems, name=name)


def _compare(runner: JobRunner, data: dict[str, object], number: int,
             scenarios: list[Scenario], limit: int) -> list[list[str]]:
    instance = instance_from_data(data, f"version {number}")
    params = bemanna.SolverParams(time_limit=limit, workers=runner.workers, seed=0)
    with runner.solving:
        comparison = bemanna.compare(instance, scenarios, params)
    return text_table(comparison, "sv")
