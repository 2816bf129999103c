"""`bemanna compare`: the figures of a roster by hand, deltas against the base, the terminal
table, compare.xlsx and compare.html (self-contained), and one run on the shipped nurse group.

Solves use a deterministic time limit (0.1 deterministic seconds, one worker, seed 0) so that
the rosters, and so every figure, are the same on every run.
"""

from __future__ import annotations

import html
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from bemanna.batch.job import JobSpec, json_ready, run_job
from bemanna.checker import check_roster
from bemanna.cli import app
from bemanna.comparison.output import workbook_bytes
from bemanna.comparison.run import compare, plan
from bemanna.instance import instance_from_data
from bemanna.pricing import annualise, price_roster
from bemanna.pricing.figures import FIGURES
from bemanna.roster import roster_from_dict
from bemanna.solver.params import SolverParams
from test_batch import tiny_unit

ROOT = Path(__file__).resolve().parents[1]


def one_person_short() -> dict[str, Any]:
    """One full-time usk for a need of two 07:00–15:30 on weekdays, one week, one shift type
    D 07:00–15:30 (30 min unpaid break, 480 paid minutes). The contract, 2295 ± 240 minutes,
    takes exactly five D passes (4 × 480 = 1920 and 6 × 480 = 2880 are out of the band), and
    they cover best on Monday–Friday: one of the two is always missing."""
    return {
        "name": "short",
        "horizon": {"start": "2025-03-03", "weeks": 1, "cyclic": False},
        "skills": [{"id": "usk"}],
        "shift_types": [{"id": "D", "parts": [{"start": "07:00", "end": "15:30"}],
                         "break_minutes": 30, "skills": ["usk"]}],
        "employees": [{"id": "a", "skills": ["usk"]}],
        "demand": [{"skill": "usk", "weekdays": ["mon", "tue", "wed", "thu", "fri"],
                    "bands": [{"start": "07:00", "end": "15:30", "min": 2}]}],
    }


def test_figures_by_hand() -> None:
    """Uncovered: 510 minutes (the pass's presence, break included) × 5 days = 2550 minutes a
    week → 2550 × 52 / 60 = 2210.0 h a year, 2550 / 2295 = 1.111 FTE; staff 1.0 FTE, so
    1.0 + 1.111 = 2.111 FTE needed. The usk gap-fill policy buys 40 h/week as hourly temps,
    then overtime (2.5 h), no agency. Money: each budget line of the pricing × 52 / 1 week,
    and the total is their sum."""
    data = one_person_short()
    outcome = run_job(JobSpec("short", "base", data,
                               SolverParams.reproducible(0.1, workers=1, time_limit=20.0)))
    assert outcome.status == "done" and outcome.figures is not None and outcome.roster
    f = outcome.figures
    roster = roster_from_dict(outcome.roster)
    assert sorted((a.date.weekday(), a.shift) for a in roster.assignments) == [
        (d, "D") for d in range(5)]
    assert f["uncovered_hours"] == 2210.0
    assert f["uncovered_fte"] == 1.111
    assert f["staff_fte"] == 1.0 and f["fte_needed"] == 2.111
    assert f["agency_hours"] == 0.0 and f["agency_ore"] == 0
    assert f["hourly_temps_ore"] > 0 and f["overtime_ore"] > 0
    assert f["bookable_resurstid_hours"] == 0.0 and f["stranded_resurstid_hours"] == 0.0
    assert f["full_time_share_pct"] == 100.0 and f["split_shifts"] == 0
    assert f["wishes_met_pct"] is None  # nobody wished anything: no denominator
    assert f["violations"] == 0
    inst = instance_from_data(data)
    pricing = price_roster(inst, roster)
    for line in ("personnel", "ob", "overtime", "hourly_temps", "agency"):
        assert f[f"{line}_ore"] == annualise(pricing.totals[line], 1) == pricing.totals[line] * 52
    assert f["total_ore"] == sum(f[f"{line}_ore"] for line in (
        "personnel", "ob", "overtime", "hourly_temps", "agency"))
    report = check_roster(inst, roster)
    assert report.ok
    # No resurspass, so no credit for absence cover: the net is the total.
    assert f["absence_cover_ore"] == report.costs.get("expected_absence_cover", 0) * 52 == 0
    assert f["net_ore"] == f["total_ore"]


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The tiny unit of the batch tests against grant_rohs (b: 75 → 100 %) and one employee
    fewer (b leaves)."""
    tmp = tmp_path_factory.mktemp("compare")
    base = write(tmp / "unit.yaml", tiny_unit("unit"))
    rohs = write(tmp / "rohs.yaml", {"name": "rohs", "transforms": ["grant_rohs"]})
    fewer = write(tmp / "fewer.yaml", {"name": "fewer", "description": "b leaves",
                                       "transforms": [{"remove_employee": {"id": "b"}}]})
    out = tmp / "out"
    instance_path, planned = plan(base, [rohs, fewer],
                                SolverParams.reproducible(0.1, workers=1, time_limit=20.0))
    assert [p.scenario.name for p in planned] == ["base", "rohs", "fewer"]
    from bemanna.comparison.output import write_outputs
    from bemanna.comparison.run import run_plan

    result = run_plan(instance_path, planned, out)
    write_outputs(result, out, lang="en")  # English: the assertions below read English words
    return result, out


def test_deltas_are_scenario_minus_base(comparison: Any) -> None:
    """Staff FTE: 0.75 + 1 + 0.5 = 2.25 in the base; grant_rohs +0.25 (b to 100 %); one
    fewer −0.75. Every delta is the scenario's value minus the base's."""
    result, out = comparison
    assert result.ok
    rows = {key: (base, values) for key, base, values in result.rows()}
    base, values = rows["staff_fte"]
    assert base == 2.25 and values == [(2.5, 0.25), (1.5, -0.75)]
    for key, (base, values) in rows.items():
        for value, change in values:
            if value is not None and base is not None:
                assert change == pytest.approx(value - base), key
    for name in ("base", "rohs", "fewer"):
        assert (out / name / "roster.json").is_file() and (out / name / "roster.csv").is_file()


def test_scenarios_start_from_the_base_roster(comparison: Any) -> None:
    """The base is solved first and each scenario starts from its roster: both scenarios'
    outcomes say they were hinted from 'base', and the runs sheet and the page say so too.
    'fewer' removes b: the solver drops the passes of an employee the scenario does not have
    (assignment_from_roster finds no pass options for b), so exactly b's passes in the base's
    first roster (the hint) are dropped, and the scenario is still solved and checked. 'rohs'
    keeps every employee and shift type (b only works more): nothing is dropped. The base
    column is the base continued from that same first roster (hinted from 'base' too), and
    every output says so."""
    result, out = comparison
    assert result.base.start == "continued" and result.base.outcome.hinted_from == "base"
    assert [(c.start, c.outcome.hinted_from) for c in result.scenarios] == [
        ("hinted", "base"), ("hinted", "base")]
    passes_of_b = [a for a in result.first.roster["assignments"] if a["employee"] == "b"]
    assert passes_of_b
    stats = {c.name: c.outcome.roster["stats"] for c in result.scenarios}
    assert stats["fewer"]["hint_dropped"] == len(passes_of_b)
    assert stats["rohs"]["hint_dropped"] == 0
    book = openpyxl.load_workbook(out / "compare.xlsx")
    starts = [r[3] for r in book["runs"].iter_rows(min_row=2, values_only=True)]
    assert starts == ["continued from its first roster, as the scenarios are",
                      "warm start from the roster of base",
                      "warm start from the roster of base"]
    about = dict(book["about"].iter_rows(values_only=True))
    assert about["the base"].startswith("The base was solved once; that roster is the common")
    assert about["the base's first roster"].startswith(
        f"objective {result.first.objective_ore / 100:,.2f} kr (horizon)")
    page = html.unescape((out / "compare.html").read_text(encoding="utf-8"))
    assert "warm start from the roster of base" in page
    assert "continued from its first roster, as the scenarios are" in page
    assert "The scenarios start from the base's roster (warm start)" in page
    assert "So every delta compares equal search from the same roster" in page


def test_the_base_is_continued_and_an_identity_scenario_matches_it(tmp_path: Path) -> None:
    """Paired deltas. The base's first roster is the hint of both the identity scenario (no
    changes) and the continued base (the base column): the hint is legal in both and priced
    the same (the same instance), so each records hint_objective == the first solve's
    objective, and a hinted search never returns a roster dearer than its hint, so both
    objectives are ≤ it. The two are the same experiment (same data, same hint, same
    deterministic parameters: SolverParams.reproducible), so they end on the same roster:
    the same objective and every delta 0 — the scenario's extra search no longer shows as an
    effect. The continued roster is the one written under OUT/base/. A scenario that moves
    the horizon a week later cannot take the base's roster (its dates lie outside): it is
    solved cold and says why (no hint in its roster's stats)."""
    from bemanna.comparison.run import run_plan

    base = write(tmp_path / "unit.yaml", tiny_unit("unit"))
    same = write(tmp_path / "same.yaml", {"name": "same", "transforms": []})
    later = write(tmp_path / "later.yaml", {"name": "later",
                                            "set": {"horizon.start": "2025-03-10"}})
    instance_path, planned = plan(base, [same, later],
                                  SolverParams.reproducible(0.1, workers=1, time_limit=20.0))
    result = run_plan(instance_path, planned, tmp_path / "out")
    assert result.ok and result.paired and result.first is not None
    first_objective = result.first.objective_ore
    continued, (identical, moved) = result.base, result.scenarios
    assert continued.start == "continued" and continued.outcome.hinted_from == "base"
    assert continued.outcome.roster["stats"]["hint_objective"] == first_objective
    assert continued.outcome.objective_ore <= first_objective
    assert identical.start == "hinted" and identical.outcome.hinted_from == "base"
    assert identical.outcome.roster["stats"]["hint_objective"] == first_objective
    assert identical.outcome.objective_ore <= first_objective
    # the key property: same instance, hint and deterministic parameters, same result
    assert identical.outcome.objective_ore == continued.outcome.objective_ore
    assert identical.outcome.figures == continued.outcome.figures
    deltas = {key: values[0][1] for key, _, values in result.rows()}
    assert deltas["total_ore"] == 0 and all(d in (0, None) for d in deltas.values())
    written = json.loads((tmp_path / "out" / "base" / "roster.json").read_text("utf-8"))
    assert written["stats"]["hint_objective"] == first_objective
    assert moved.start == "cold_horizon" and moved.outcome.hinted_from is None
    assert "hint_objective" not in moved.outcome.roster["stats"]


def test_cold_flag_solves_each_scenario_from_scratch(tmp_path: Path) -> None:
    """`compare --cold`: the scenario's solve gets no hint (a hinted solve records
    hint_objective in its roster's stats; this one has none) and the terminal, the runs
    sheet and the settings say it was a cold start, in the language asked for. With no warm
    scenario the base is not continued: its roster has no hint either."""
    base = write(tmp_path / "unit.yaml", tiny_unit("unit"))
    rohs = write(tmp_path / "rohs.yaml", {"name": "rohs", "transforms": ["grant_rohs"]})
    out = tmp_path / "out"
    done = CliRunner().invoke(app, [
        "compare", str(base), str(rohs), "--cold", "--out", str(out), "--workers", "1",
        "--deterministic-time", "0.1", "--time-limit", "20", "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "rohs: cold start (--cold)" in done.output
    stats = json.loads((out / "rohs" / "roster.json").read_text(encoding="utf-8"))["stats"]
    assert "hint_objective" not in stats and "hint_dropped" not in stats
    # no continued base either: the base is its one cold solve, the reference
    assert "continued" not in done.output
    stats = json.loads((out / "base" / "roster.json").read_text(encoding="utf-8"))["stats"]
    assert "hint_objective" not in stats
    book = openpyxl.load_workbook(out / "compare.xlsx")
    assert [r[3] for r in book["runs"].iter_rows(min_row=2, values_only=True)] == [
        "the reference", "cold start (--cold)"]
    about = dict(book["about"].iter_rows(values_only=True))
    assert about["the scenarios start"] == "from scratch, independent of the base (--cold)"


def test_workbook_and_page(comparison: Any) -> None:
    """compare.xlsx holds each figure (kronor = öre / 100 rounded) and each delta;
    compare.html is one self-contained page: inline SVG charts, no scripts, no links out."""
    result, out = comparison
    book = openpyxl.load_workbook(out / "compare.xlsx")
    sheet = book["compare"]
    header = [c.value for c in sheet[1]]
    assert header == ["figure", "unit", "base", "rohs", "Δ rohs", "fewer", "Δ fewer"]
    by_label = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    # every figure but those no roster has a value for (left out, not a row of dashes)
    empty = [f for f in FIGURES if all(c.value(f.key) is None
                                       for c in [result.base, *result.scenarios])]
    assert len(by_label) == len(FIGURES) - len(empty) == len(result.rows())
    total = result.base.value("total_ore")
    assert by_label["total cost"][2] == round(total / 100)
    assert by_label["staff (Σ employment rate)"][3:5] == (2.5, 0.25)
    assert [r[0] for r in book["runs"].iter_rows(min_row=2, values_only=True)] == [
        "base", "rohs", "fewer"]
    assert workbook_bytes(result)[:2] == b"PK"  # a zip container, as xlsx files are
    page = (out / "compare.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "<script" not in page.lower()
    assert "src=" not in page and "href=" not in page and "@import" not in page
    assert page.replace('xmlns="http://www.w3.org/2000/svg"', "").count("http") == 0
    assert "fewer: staff (Σ employment rate)" in page and "-0.75" in page


def test_page_and_workbook_in_swedish(comparison: Any) -> None:
    """Swedish (the default): the figures' Swedish words and units, Swedish numbers (−0,75
    with the minus sign) — the same figures as the English page, one language per page."""
    from bemanna.comparison.html import page
    from bemanna.comparison.output import workbook_bytes

    result, _ = comparison
    swedish = page(result)
    assert '<html lang="sv">' in swedish and "Scenarier för" in swedish
    assert "fewer: personal (Σ sysselsättningsgrad)" in swedish and "\u22120,75" in swedish
    assert "staff (Σ employment rate)" not in swedish and "delta against" not in swedish
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(result)))
    # The sheets are named in Swedish too (they were 'compare', 'runs', 'about' in both).
    assert book.sheetnames == ["jämförelse", "körningar", "om"]
    assert [c.value for c in book["jämförelse"][1]][:2] == ["nyckeltal", "enhet"]
    assert book["körningar"]["A1"].value == "scenario" and book["om"]["A1"].value == "instans"
    assert "klar (" in swedish and "done (" not in swedish  # the runs table's status


def test_the_workbench_table_is_the_pages_in_swedish(comparison: Any) -> None:
    """The workbench's compare page shows `text_table`: compare.html's figures, words and
    number format, not the frame's English keys (it showed 'staff_fte' and 'total (kr)').
    The 'fewer' scenario has one 0.75 employee less, so its staff delta is −0,75."""
    from bemanna.comparison.html import text_table

    result, _ = comparison
    table = text_table(result)
    assert table[0][:3] == ["nyckeltal", "enhet", result.base.name]
    staff = next(row for row in table if row[0] == "personal (Σ sysselsättningsgrad)")
    assert staff[1] == "årsarbetare" and staff[-1] == "\u22120,75"
    assert not any(row[0].endswith("_ore") or row[0] == "staff_fte" for row in table)
    assert {len(row) for row in table} == {3 + 2 * len(result.scenarios)}


def test_compare_command_on_the_shipped_nurse_group(tmp_path: Path) -> None:
    """Smoke test on a shipped instance: base and one nurse fewer at 2 s each. Exit 0, the
    table, both files and both rosters. One nurse fewer lowers staff FTE by 1.00 (ssk2 is
    full time) give or take ssk6's RÖHS request (90 → 100 % in steps of 5), which the solver
    may grant in either roster: between −1.10 and −0.90."""
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "bemanna", "compare", str(ROOT / "instances" / "nurse_group.yaml"),
         str(ROOT / "scenarios" / "one_nurse_fewer.yaml"), "--out", str(out),
         "--time-limit", "2", "--workers", "1", "--lang", "en"],  # English figure names
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    # one_nurse_fewer started from the base's roster (the default): said, and in its stats
    assert "one_nurse_fewer: done" in done.stdout
    assert "; warm start from the roster of base" in done.stdout
    assert "base: done" in done.stdout and "; continued from its first roster" in done.stdout
    assert "hint_objective" in (out / "one_nurse_fewer" / "roster.json").read_text()
    staff = next(line for line in done.stdout.splitlines() if "staff (Σ" in line)
    change = float(staff.split("│")[-2].strip())
    assert -1.10 <= change <= -0.90
    assert "total cost" in done.stdout
    for name in ("compare.xlsx", "compare.html", "base/roster.json",
                 "one_nurse_fewer/roster.json"):
        assert (out / name).is_file(), name


def test_a_scenario_file_as_base(tmp_path: Path) -> None:
    """BASE may be a scenario with a base instance: its changes make the reference, and the
    other scenarios apply to its instance."""
    write(tmp_path / "unit.yaml", tiny_unit("unit"))
    base = write(tmp_path / "old.yaml", {"name": "old", "base": "unit.yaml",
                                         "transforms": ["pre_2023_rest_rules"]})
    other = write(tmp_path / "rohs.yaml", {"name": "rohs", "transforms": ["grant_rohs"]})
    instance_path, planned = plan(base, [other], SolverParams(time_limit=5.0, workers=1))
    assert instance_path == tmp_path / "unit.yaml"
    assert [p.scenario.name for p in planned] == ["old", "rohs"]
    assert planned[0].spec.data["rules"]["daily_rest"] == {"min_minutes": 540}
    assert "rules" not in planned[1].spec.data
    assert json_ready(planned[1].spec.data) == planned[1].spec.data


def test_compare_function_runs_the_plan(tmp_path: Path) -> None:
    """compare() = plan() + run_plan(): the nurse group alone (no scenarios) at 1 s. With
    no scenario to start warm there is nothing to pair: the base is not continued."""
    result = compare(ROOT / "instances" / "nurse_group.yaml", [], tmp_path,
                     SolverParams(time_limit=1.0, workers=1))
    assert result.base.name == "base" and result.scenarios == []
    assert result.base.outcome.status == "done"
    assert result.base.start == "reference" and result.first is None and not result.paired


def test_compare_simulate_adds_the_sick_leave_figures(tmp_path: Path) -> None:
    """--simulate N: each roster under the same simulated sick leave. The simulated total is
    the planned total plus the mean refill cost (the absent keep their pay, so refill only
    adds: ≥ the planned total); the same runs and seed give the same figures; the rows appear
    only when simulated."""
    from bemanna.comparison.run import run_plan, simulate_columns

    base = write(tmp_path / "unit.yaml", tiny_unit("unit"))
    rohs = write(tmp_path / "rohs.yaml", {"name": "rohs", "transforms": ["grant_rohs"]})
    instance_path, planned = plan(base, [rohs],
                                  SolverParams.reproducible(0.1, workers=1, time_limit=20.0))
    result = run_plan(instance_path, planned, tmp_path / "out")
    assert "sim_total_ore" not in [key for key, _, _ in result.rows()]
    simulate_columns(planned, result, 50, 0)
    first = {c.name: dict(c.outcome.figures or {}) for c in [result.base, *result.scenarios]}
    rows = {key: base for key, base, _ in result.rows()}
    for figures in first.values():
        assert figures["sim_total_ore"] >= figures["total_ore"]
        assert figures["sim_total_ore"] == pytest.approx(
            figures["total_ore"] + figures["sim_absence_ore"], abs=100)
        assert figures["sim_total_p5_ore"] <= figures["sim_total_ore"] <= figures[
            "sim_total_p95_ore"]
    assert rows["sim_total_ore"] == first["base"]["sim_total_ore"]
    simulate_columns(planned, result, 50, 0)
    assert {c.name: c.outcome.figures for c in [result.base, *result.scenarios]} == first
