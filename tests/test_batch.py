"""`bemanna batch`: local processes and a Dask LocalCluster, resume after SIGKILL, failures
recorded without stopping the batch, and the summary's arithmetic by hand.

Solves are made reproducible with a deterministic time limit (0.1 deterministic seconds, one
CP-SAT worker, seed 0: the same roster on every run, far inside the 20 s wall limit), so an
interrupted and resumed batch must hold exactly the figures of an uninterrupted one.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from bemanna.batch.backends import DaskBackend, LocalBackend
from bemanna.batch.job import JobOutcome, JobSpec, run_job
from bemanna.batch.runner import plan_batch, run_batch
from bemanna.batch.schedule import schedule
from bemanna.batch.store import Store
from bemanna.batch.summary import default_reference, summarise
from bemanna.checker import check_roster
from bemanna.instance import load_instance
from bemanna.pricing.figures import FIGURES
from bemanna.roster import load_roster
from bemanna.scenario import ScenarioError
from bemanna.solver.params import SolverParams

ROOT = Path(__file__).resolve().parents[1]
PRE_2023 = ROOT / "scenarios" / "pre_2023_rest_rules.yaml"
SOLVE = {"params": SolverParams.reproducible(0.1, workers=1, time_limit=20.0)}


def tiny_unit(name: str, night: int = 1) -> dict[str, Any]:
    """Three staff, one week: a day/evening need 07:00–21:00 and a night need."""
    return {
        "name": name,
        "horizon": {"start": "2025-03-03", "weeks": 1, "cyclic": True},
        "skills": [{"id": "usk"}],
        "shift_types": [
            {"id": "D", "parts": [{"start": "07:00", "end": "15:30"}], "break_minutes": 30,
             "skills": ["usk"]},
            {"id": "K", "parts": [{"start": "13:30", "end": "21:00"}], "break_minutes": 30,
             "skills": ["usk"]},
            {"id": "N", "parts": [{"start": "21:00", "end": "07:00"}], "paid_meal_break": True,
             "skills": ["usk"]},
        ],
        "employees": [
            {"id": "a", "skills": ["usk"]},
            {"id": "b", "skills": ["usk"], "employment_rate": 75,
             "desired_employment_rate": 100},
            {"id": "c", "skills": ["usk"], "employment_rate": 50, "allowed_shifts": ["N"],
             "full_time": "night"},
        ],
        "demand": [
            {"skill": "usk", "label": "day", "bands": [{"start": "07:00", "end": "21:00",
                                                        "min": 1}]},
            {"skill": "usk", "label": "night", "bands": [{"start": "21:00", "end": "07:00",
                                                          "min": night}]},
        ],
    }


def write_units(folder: Path, count: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        unit = tiny_unit(f"unit{i}", night=1 + i % 2)
        (folder / f"unit{i}.yaml").write_text(yaml.safe_dump(unit), encoding="utf-8")
    return folder


def rows(db: Path) -> pd.DataFrame:
    with Store(db) as store:
        return store.jobs()


def figures_by_job(db: Path) -> dict[tuple[str, str], dict[str, Any]]:
    frame = rows(db)
    return {(r.instance, r.scenario): json.loads(r.figures) for r in frame.itertuples()}


# --- local processes --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, Any]:
    """2 units × (base, base_continued, pre_2023) = 6 jobs on 2 local worker processes,
    uninterrupted: (units folder, database, roster folder, report)."""
    tmp = tmp_path_factory.mktemp("whole")
    units = write_units(tmp / "units")
    db, out = tmp / "whole.sqlite", tmp / "rosters"
    with Store(db) as store:
        report = run_batch(plan_batch([units], [PRE_2023], **SOLVE), store,
                           LocalBackend(2, job_timeout=120), out)
    return units, db, out, report


def test_local_batch_records_every_job_and_a_rerun_skips_them(
        whole: tuple[Path, Path, Path, Any]) -> None:
    """6 rows done (per unit the base, its continued base and the scenario), each with its
    figures as columns and as JSON alike, 0 violations, a roster file the checker passes.
    The same batch again runs nothing; a longer time limit changes the fingerprint (so that
    batch would run again)."""
    units, db, out, report = whole
    assert (report.planned, report.skipped, report.done, report.failed) == (6, 0, 6, 0)
    frame = rows(db)
    assert sorted(zip(frame.instance, frame.scenario, strict=True)) == [
        ("unit0", "base"), ("unit0", "base_continued"), ("unit0", "pre_2023_rest_rules"),
        ("unit1", "base"), ("unit1", "base_continued"), ("unit1", "pre_2023_rest_rules")]
    for row in frame.itertuples():
        assert row.status == "done" and row.error is None
        blob = json.loads(row.figures)
        assert {f.key: getattr(row, f.key) for f in FIGURES} == pytest.approx(blob)
        assert blob["violations"] == 0
        inst = load_instance(units / f"{row.instance}.yaml")
        if row.scenario in ("base", "base_continued"):
            assert check_roster(inst, load_roster(row.roster_path)).ok
        assert Path(row.roster_path) == (out / row.instance / row.scenario / "roster.json"
                                         ).resolve()
    jobs = plan_batch([units], [PRE_2023], **SOLVE)
    with Store(db) as store:
        again = run_batch(jobs, store, LocalBackend(2, job_timeout=120), out)
    assert (again.skipped, again.done, again.failed) == (6, 0, 0)
    changed = plan_batch([units], [PRE_2023], params=SOLVE["params"].with_(time_limit=21.0))
    assert {j.spec.fingerprint for j in changed}.isdisjoint({j.spec.fingerprint for j in jobs})


def test_each_base_runs_first_and_its_scenario_starts_from_its_roster(
        whole: tuple[Path, Path, Path, Any]) -> None:
    """On 2 worker processes the two bases run side by side (instances in parallel); each
    instance's scenario job is handed out only once its base is back, so it starts after the
    base finished, from the base's roster: recorded as warm_start 'hinted' from 'base', the
    bases as the 'reference'. The continued base is released with it and starts from the
    same roster ('continued' from 'base'): its roster's hint_objective is the base's
    objective, and a hinted search never ends dearer than its hint. (The rerun in the test
    above skipping all 6 jobs shows the hinted fingerprints are found again from the roster
    file.)"""
    db = whole[1]
    frame = rows(db).set_index(["instance", "scenario"])
    for unit in ("unit0", "unit1"):
        base, scenario = frame.loc[(unit, "base")], frame.loc[(unit, "pre_2023_rest_rules")]
        assert base.finished_at <= scenario.started_at
        assert base.warm_start == "reference" and pd.isna(base.hinted_from)
        assert (scenario.warm_start, scenario.hinted_from) == ("hinted", "base")
        stats = load_roster(scenario.roster_path).stats
        assert stats["hint_dropped"] == 0  # the rest rules change, not who can work what
        continued = frame.loc[(unit, "base_continued")]
        assert base.finished_at <= continued.started_at
        assert (continued.warm_start, continued.hinted_from) == ("continued", "base")
        assert load_roster(continued.roster_path).stats["hint_objective"] == base.objective_ore
        assert continued.objective_ore <= base.objective_ore


def test_cold_and_warm_fingerprints_differ_and_resume_follows_them(
        tmp_path: Path, whole: tuple[Path, Path, Path, Any]) -> None:
    """Against the uninterrupted batch's database (a copy; nothing is solved here): warm, every
    job is held (the scenarios' fingerprints include the base roster's passes, read back
    from its file). --cold plans the scenarios without a hint: a different fingerprint, so
    both run again cold while the bases are skipped, and the continued bases are not run
    (nothing to pair). A base whose roster file is gone runs again (its continued base and
    scenario wait for the new roster); the other unit is skipped whole."""
    units, db = whole[0], whole[1]
    copy = tmp_path / "copy.sqlite"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    jobs = plan_batch([units], [PRE_2023], **SOLVE)
    with Store(copy) as store:
        warm = schedule(jobs, store)
        assert (warm.ready, warm.waiting, warm.skipped) == ([], {}, 6)
        cold = schedule(jobs, store, warm_start=False)
        assert sorted((s.instance, s.scenario, s.hint) for s in cold.ready) == [
            ("unit0", "pre_2023_rest_rules", None), ("unit1", "pre_2023_rest_rules", None)]
        assert cold.skipped == 2
        store.conn.execute("UPDATE jobs SET roster_path='/nowhere/roster.json' "
                           "WHERE instance='unit0' AND scenario='base'")
        lost = schedule(jobs, store)
    assert [(s.instance, s.scenario) for s in lost.ready] == [("unit0", "base")]
    assert [s.scenario for s in lost.waiting["unit0"]] == ["base_continued",
                                                            "pre_2023_rest_rules"]
    assert lost.skipped == 3 and lost.expected == 3


def crash_or_hang(spec: JobSpec) -> JobOutcome:
    """A job function for the failure tests: 'crash' kills its worker process, 'hang' sleeps
    past the job limit, anything else finishes at once."""
    if spec.instance == "crash":
        os._exit(3)
    if spec.instance == "hang":
        time.sleep(120)
    now = time.time()
    return JobOutcome(spec.instance, spec.scenario, spec.fingerprint, "done",
                      figures={"total_ore": 1}, started=now, finished=now)


def fake(instance: str) -> JobSpec:
    return JobSpec(instance, "base", {"name": instance}, SolverParams(time_limit=1.0,
                                                                      workers=1))


def test_a_crashing_and_a_hanging_job_fail_and_the_others_finish() -> None:
    """The crash is found by re-running the jobs in flight one at a time; the hang fails at
    the job limit (8 s from submission: a fresh worker process takes a few seconds to start,
    and that counts); the four ordinary jobs all finish once."""
    specs = [fake("ok1"), fake("crash"), fake("ok2"), fake("hang"), fake("ok3"), fake("ok4")]
    seen: list[tuple[str, str, str | None]] = []
    backend = LocalBackend(2, job_timeout=8, job=crash_or_hang)
    backend.run(specs, lambda spec, o: seen.append((spec.instance, o.status, o.error)))
    assert sorted(seen) == [
        ("crash", "failed", "the worker process died (crash or out of memory)"),
        ("hang", "failed", "exceeded the job limit of 8 s"),
        ("ok1", "done", None), ("ok2", "done", None), ("ok3", "done", None),
        ("ok4", "done", None)]


def test_a_failed_job_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    """unit0 cannot meet c's contract: 50 % night is 1030 minutes, nights pay 600, and with
    no tolerance neither 600 nor 1200 will do: INFEASIBLE, recorded with its reason; unit1 is
    done."""
    units = write_units(tmp_path / "units")
    bad = tiny_unit("unit0")
    bad["rules"] = {"contract_hours": {"tolerance_minutes": 0}}
    (units / "unit0.yaml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    jobs = plan_batch([units], [], **SOLVE)
    with Store(tmp_path / "b.sqlite") as store:
        report = run_batch(jobs, store, LocalBackend(1, job_timeout=120), tmp_path / "r")
    assert (report.done, report.failed) == (1, 1)
    frame = rows(tmp_path / "b.sqlite").set_index("instance")
    assert frame.at["unit0", "status"] == "failed"
    assert frame.at["unit0", "error"].startswith("no roster: the hard rules cannot all hold")
    assert pd.isna(frame.at["unit0", "roster_path"])
    assert frame.at["unit1", "status"] == "done"


def test_bad_input_stops_the_batch_before_anything_runs(tmp_path: Path) -> None:
    """One line per problem, exit 2, and no database written."""
    units = write_units(tmp_path / "units")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntransforms: [frobnicate]\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        plan_batch([units, tmp_path / "missing"], [bad], **SOLVE)
    assert caught.value.problems == [
        f"{tmp_path / 'missing'}: no such file or folder",
        f"{bad}: transforms[0]: unknown transform 'frobnicate' (known: all_fulltime, "
        "grant_rohs, no_split_shifts, pre_2023_rest_rules, remove_employee, add_float_pool, "
        "scale_demand)"]
    done = subprocess.run([sys.executable, "-m", "bemanna", "batch", "run", str(units), "-s",
                           str(bad), "--db", str(tmp_path / "b.sqlite")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert not (tmp_path / "b.sqlite").exists()
    summary = subprocess.run([sys.executable, "-m", "bemanna", "batch", "summary",
                              str(tmp_path / "b.sqlite")],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert summary.returncode == 2 and "no such database" in summary.stderr


def test_batch_cold_flag_solves_the_scenarios_without_a_hint(tmp_path: Path) -> None:
    """`batch run --cold`: the first line says the scenarios start from scratch, and the
    scenario's row and roster have no hint (recorded 'cold', no hinted_from; a hinted solve
    records hint_objective in its roster's stats). No scenario starts warm, so there is no
    continued base: the base and the scenario are the only rows."""
    from typer.testing import CliRunner

    from bemanna.cli import app

    units = write_units(tmp_path / "units", count=1)
    db = tmp_path / "cold.sqlite"
    done = CliRunner().invoke(app, [
        "batch", "run", str(units), "-s", str(PRE_2023), "--db", str(db), "--cold",
        "--jobs", "1", "--time-limit", "20", "--deterministic-time", "0.1", "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "the scenarios start from scratch, independent of the base (--cold)" in done.output
    frame = rows(db).set_index("scenario")
    assert sorted(frame.index) == ["base", "pre_2023_rest_rules"]
    assert frame.at["pre_2023_rest_rules", "warm_start"] == "cold"
    assert pd.isna(frame.at["pre_2023_rest_rules", "hinted_from"])
    assert "hint_objective" not in load_roster(frame.at["pre_2023_rest_rules",
                                                        "roster_path"]).stats


class InProcess:
    """A backend that runs each job here, one after the other (the released ones last): the
    Backend protocol without worker processes, for the small batches below."""

    name = "in-process"

    def run(self, specs: list[JobSpec], on_outcome: Any) -> None:
        queue = list(specs)
        while queue:
            spec = queue.pop(0)
            queue += on_outcome(spec, run_job(spec)) or []


def test_a_warm_batch_sets_its_scenarios_against_the_continued_base(tmp_path: Path) -> None:
    """Paired deltas in a batch. Each unit gets one more job, base_continued: the base's job
    again, started from the base's roster (hinted from 'base', recorded 'continued'), as the
    warm scenarios are. An identity scenario and the continued base then have the same data,
    the same hint and the same deterministic parameters (SolverParams.reproducible), so the
    same roster: against base_continued — the summary's default reference, said in its
    `base` — the identity scenario's every delta is 0 on every unit."""
    units = write_units(tmp_path / "units")
    same = tmp_path / "same.yaml"
    same.write_text("name: same\ntransforms: []\n", encoding="utf-8")
    jobs = plan_batch([units], [same], **SOLVE)
    assert [(j.spec.instance, j.spec.scenario, j.continued) for j in jobs] == [
        ("unit0", "base", False), ("unit0", "base_continued", True), ("unit0", "same", False),
        ("unit1", "base", False), ("unit1", "base_continued", True), ("unit1", "same", False)]
    with Store(tmp_path / "p.sqlite") as store:
        report = run_batch(jobs, store, InProcess(), tmp_path / "r")
        frame = store.jobs()
    assert (report.planned, report.done, report.failed) == (6, 6, 0)
    continued = frame[frame.scenario == "base_continued"]
    assert sorted(continued.instance) == ["unit0", "unit1"]
    assert set(zip(continued.warm_start, continued.hinted_from, strict=True)) == {
        ("continued", "base")}
    summary = summarise(frame, figures=("total_ore", "fte_needed", "uncovered_hours"))
    assert summary.base == "base_continued"
    table = summary.table.set_index(["scenario", "figure"])
    for key in ("total_ore", "fte_needed", "uncovered_hours"):
        row = table.loc[("same", key)]
        assert row.paired == 2 and (row.delta_min, row.delta_max) == (0, 0), key
    by_job = frame.set_index(["instance", "scenario"])
    for unit in ("unit0", "unit1"):
        assert by_job.at[(unit, "same"), "objective_ore"] == by_job.at[
            (unit, "base_continued"), "objective_ore"]


def test_a_scenario_may_not_be_called_base_continued(tmp_path: Path) -> None:
    """The name is the continued base's: a scenario file taking it is bad input, one line
    naming the file, exit 2, nothing run."""
    from typer.testing import CliRunner

    from bemanna.cli import app

    units = write_units(tmp_path / "units", count=1)
    taken = tmp_path / "taken.yaml"
    taken.write_text("name: base_continued\ntransforms: [grant_rohs]\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        plan_batch([units], [taken], **SOLVE)
    assert caught.value.problems == [
        f"{taken}: the scenario name 'base_continued' is reserved for each instance's "
        "continued base (docs/batch.md); rename the scenario"]
    done = CliRunner().invoke(app, ["batch", "run", str(units), "-s", str(taken), "--db",
                                    str(tmp_path / "b.sqlite"), "--lang", "en"])
    assert done.exit_code == 2 and "reserved" in done.output
    assert not (tmp_path / "b.sqlite").exists()


def test_an_older_database_gets_the_warm_start_columns(tmp_path: Path) -> None:
    """A schema-2 database (before warm starts) opens as schema 3: warm_start and hinted_from
    are added, empty for its old rows (all solved cold), which keep their fingerprints."""
    db = tmp_path / "old.sqlite"
    spec = fake("old")
    with Store(db) as store:
        store.record(spec, JobOutcome("old", "base", spec.fingerprint, "done"), "old.yaml",
                     None, None)
        for column in ("warm_start", "hinted_from"):
            store.conn.execute(f"ALTER TABLE jobs DROP COLUMN {column}")
        store.conn.execute("UPDATE meta SET value='2' WHERE key='schema'")
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == (
            "3",)
        assert store.finished() == {("old", "base"): (spec.fingerprint, "done")}
        row = store.jobs().iloc[0]
    assert pd.isna(row.warm_start) and pd.isna(row.hinted_from)


# --- Dask -----------------------------------------------------------------------------------


def test_dask_local_cluster_gives_the_local_results(
        tmp_path: Path, whole: tuple[Path, Path, Path, Any]) -> None:
    """The same six jobs on a Dask LocalCluster (threads, started here) and on local
    processes (the uninterrupted batch): the same figures, since the solves are
    deterministic; the scenarios are handed to Dask once their base is back, warm-started
    from its roster as locally."""
    distributed = pytest.importorskip("distributed")
    units = write_units(tmp_path / "units")
    jobs = plan_batch([units], [PRE_2023], **SOLVE)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client, Store(tmp_path / "d.sqlite") as store:
        report = run_batch(jobs, store, DaskBackend(120, client=client), tmp_path / "r")
    assert (report.done, report.failed) == (6, 0)
    assert figures_by_job(tmp_path / "d.sqlite") == figures_by_job(whole[1])
    assert set(rows(tmp_path / "d.sqlite").warm_start) == {"reference", "continued", "hinted"}
    base = next(j.spec for j in jobs if j.spec.scenario == "base")
    assert figures_by_job(tmp_path / "d.sqlite")[(base.instance, "base")] == run_job(
        base).figures


# --- kill and resume ------------------------------------------------------------------------


def batch_command(units: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "bemanna", "batch", "run", str(units), "-s", str(PRE_2023),
            "--db", str(db), "--time-limit", "20", "--solver-workers", "1", "--seed", "0",
            "--deterministic-time", "0.1", "--workers", "1", "--lang", "en"]


def test_resume_after_sigkill_gives_the_uninterrupted_figures(
        tmp_path: Path, whole: tuple[Path, Path, Path, Any]) -> None:
    """Kill a 6-job batch (one worker) with SIGKILL, with its workers, once the first job is
    committed; the database is intact and holds only whole jobs. Running the same command
    again skips them and runs the rest; the figures equal the uninterrupted run's."""
    units = write_units(tmp_path / "units")
    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen(batch_command(units, db), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            with sqlite3.connect(db, timeout=30) as conn:
                try:
                    committed = conn.execute("SELECT count(*) FROM jobs").fetchone()[0]
                except sqlite3.OperationalError:  # the schema is not written yet
                    committed = 0
            if committed >= 1:
                break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 1 <= committed < 6, "the batch was not caught mid-run"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        held = conn.execute("SELECT count(*) FROM jobs WHERE status='done' AND figures IS NOT "
                            "NULL AND roster_path IS NOT NULL").fetchone()[0]
    assert held == len(rows(db)) >= 1
    resumed = subprocess.run(batch_command(units, db), cwd=ROOT, capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{held} skipped" in resumed.stdout
    assert figures_by_job(db) == figures_by_job(whole[1])
    assert len(figures_by_job(db)) == 6


# --- summary --------------------------------------------------------------------------------


def test_summary_arithmetic_by_hand() -> None:
    """Three units. Base totals 100, 200, 300 (öre/year); scenario x: 110, 180, 330, so the
    per-unit deltas are +10, −20, +30: total +20, min −20, median +10, max +30. Scenario y:
    unit c failed, so only a and b pair: deltas +5 and +15, median (5 + 15) / 2 = 10; its
    total counts only its done units (105 + 215 = 320) and it has 1 failed job."""
    def job(instance: str, scenario: str, total: int | None, fte: float | None,
            status: str = "done") -> dict[str, Any]:
        return {"instance": instance, "scenario": scenario, "status": status,
                "total_ore": total, "fte_needed": fte, "error": None if status == "done"
                else "no roster"}
    frame = pd.DataFrame([
        job("a", "base", 100, 10.0), job("b", "base", 200, 20.0), job("c", "base", 300, 30.0),
        job("a", "x", 110, 10.5), job("b", "x", 180, 19.0), job("c", "x", 330, 30.25),
        job("a", "y", 105, 10.0), job("b", "y", 215, 20.0),
        job("c", "y", None, None, "failed"),
    ])
    table = summarise(frame, "base").table.set_index(["scenario", "figure"])
    x = table.loc[("x", "total_ore")]
    assert (x.units, x.failed, x.total, x.paired) == (3, 0, 620, 3)
    assert (x.delta_total, x.delta_min, x.delta_median, x.delta_max) == (20, -20, 10, 30)
    fte = table.loc[("x", "fte_needed")]
    assert (fte.delta_total, fte.delta_min, fte.delta_median, fte.delta_max) == (
        -0.25, -1.0, 0.25, 0.5)
    y = table.loc[("y", "total_ore")]
    assert (y.units, y.failed, y.total, y.paired) == (2, 1, 320, 2)
    assert (y.delta_total, y.delta_min, y.delta_median, y.delta_max) == (20, 5, 10, 15)
    base = table.loc[("base", "total_ore")]
    assert (base.total, base.delta_total, base.delta_max) == (600, 0, 0)
    other = summarise(frame, "x").table.set_index(["scenario", "figure"])
    assert other.loc[("base", "total_ore")].delta_total == -20
    with pytest.raises(KeyError):
        summarise(frame, "nope")
    # The default reference: base here (no continued base), base_continued once every unit
    # with a base has one, base again when one unit lacks it (a batch stopped midway).
    assert default_reference(frame) == "base" and summarise(frame).base == "base"
    continued = [job(u, "base_continued", t, f) for u, t, f in (("a", 90, 9.0),
                                                                ("b", 200, 20.0))]
    assert default_reference(pd.concat([frame, pd.DataFrame(continued)])) == "base"
    whole = pd.concat([frame, pd.DataFrame([*continued, job("c", "base_continued", 300, 30.0)])])
    assert default_reference(whole) == "base_continued"
    # against it, a's base is +10 (its first solve was dearer than the continued one)
    paired = summarise(whole).table.set_index(["scenario", "figure"])
    assert summarise(whole).base == "base_continued"
    assert paired.loc[("base", "total_ore")].delta_total == 10
    assert paired.loc[("x", "total_ore")].delta_total == 30


def test_summary_command_prints_the_figures(tmp_path: Path) -> None:
    """`bemanna batch summary` on a batch database: kronor per year (öre / 100), against
    base_continued by default (the database holds it for its one unit) and saying so; an
    explicit --base wins."""
    from typer.testing import CliRunner

    from bemanna.cli import app

    units = write_units(tmp_path / "units", count=1)
    jobs = plan_batch([units], [PRE_2023], **SOLVE)
    db = tmp_path / "b.sqlite"
    totals = {"base": 123656789, "base_continued": 123456789,
              "pre_2023_rest_rules": 123556789}
    with Store(db) as store:
        for job in jobs:
            outcome = JobOutcome(job.spec.instance, job.spec.scenario, job.spec.fingerprint,
                                 "done", figures={"total_ore": totals[job.spec.scenario],
                                                  "fte_needed": 3.0})
            store.record(job.spec, outcome, job.instance_path, job.scenario_path, None)
    done = subprocess.run([sys.executable, "-m", "bemanna", "batch", "summary", str(db),
                           "--lang", "en"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Reference: base_continued, the base continued from its first roster" in done.stdout
    line = next(s for s in done.stdout.splitlines() if "pre_2023_rest_rules" in s)
    # 1 235 567.89 kr in the scenario, +1 000 kr against base_continued's 1 234 567.89 kr
    # (English number format with --lang en)
    assert "1,235,568" in line and "+1,000" in line
    against_base = CliRunner().invoke(app, ["batch", "summary", str(db), "--base", "base",
                                            "--lang", "en"])
    assert against_base.exit_code == 0, against_base.output
    assert "Reference: base\n" in against_base.output
    line = next(s for s in against_base.output.splitlines() if "pre_2023_rest_rules" in s)
    assert "-1,000" in line  # 1 235 567.89 − 1 236 567.89 kr
    # Swedish by default: no-break space between thousands, Swedish column words.
    done = subprocess.run([sys.executable, "-m", "bemanna", "batch", "summary", str(db)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "BEMANNA_LANG": ""})
    line = next(s for s in done.stdout.splitlines() if "pre_2023_rest_rules" in s)
    assert "1\u00a0235\u00a0568" in line and "+1\u00a0000" in line
    assert "misslyckade" in done.stdout and "skillnader mot base" in done.stdout
