"""Pre-solve checks: capacity per week, contracts, pins, need against staff, size, `validate`.

Instances from solver_cases (Monday 2025-03-03; D 07:00–15:30 paid 480, K 13:30–21:30 paid
450, N 21:00–07:00 paid 600; AB 2023 rules: 11 h daily rest, 36 h weekly rest, at most 6
days in a row; contract_hours off unless switched on: 100 % = 2 295 min a week ± 240).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.instance import instance_from_data, load_instance
from bemanna.presolve import errors, presolve
from bemanna.presolve.capacity import week_capacities
from bemanna.presolve.size import LIMIT_ENV, default_limit_mb, estimate_memory, memory_problem
from solver_cases import D, K, N, band, build, day, employee, need
from test_cli import tiny_data

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = {"contract_hours": {"enabled": True}}


def _week(inst_rules: dict[str, dict[str, object]] | None = None, shifts: list | None = None,
          **fields: object) -> tuple[int, int]:
    inst = build(shifts or [D], employees=[employee(**fields)], rules=inst_rules)
    [cap] = week_capacities(inst, inst.employees[0])
    return cap.minutes, cap.passes


def test_a_week_of_day_passes_holds_six() -> None:
    """D every day is 7 days in a row (max 6) and leaves no 36 h rest; Monday–Friday plus
    Sunday keeps both (Friday 15:30 → Sunday 07:00 is 39 h 30 min): 6 × 480."""
    assert _week() == (2880, 6)


def test_weekly_rest_without_the_daily_rest_holds_five() -> None:
    """36 + 11 = 47 h: Monday–Friday leaves Friday 15:30 → Monday 00:00 = 56 h 30 min; any
    sixth day breaks every 47 h gap: 5 × 480."""
    assert _week({"weekly_rest": {"includes_daily_rest": False}}) == (2400, 5)


def test_nights_in_a_row_need_one_skipped_night() -> None:
    """N ends 07:00 and the next starts 21:00 (14 h rest); skipping one night gives 07:00 →
    21:00 the day after = 38 h of weekly rest: 6 × 600."""
    assert _week(shifts=[N]) == (3600, 6)


def test_absence_removes_days() -> None:
    """Absent Wednesday–Friday: Monday, Tuesday, Saturday, Sunday remain: 4 × 480."""
    assert _week(unavailable=[{"start": day(2), "end": day(4)}]) == (1920, 4)


def test_a_hard_contract_that_cannot_fit_is_an_error_and_a_soft_one_a_warning() -> None:
    """Full time on D Monday and Tuesday only (pinned off the rest): 960 min fit, 2 055 are
    needed."""
    pins = [{"date": day(d), "shift": None} for d in range(2, 7)]
    hard = build([D], employees=[employee(pinned=pins)], rules=CONTRACT)
    [found] = presolve(hard)
    assert (found.severity, found.rule, found.employee, found.check) == (
        "error", "contract_hours", "E1", "capacity")
    assert "at least 34 h 15 min with the 4 h tolerance, but at most 16 h of passes fit" in (
        found.text("en"))
    assert "2 passes (16 h) in week 1 (pinned off 2025-03-05 – 2025-03-09)" in found.text("en")
    soft = build([D], employees=[employee(pinned=pins)],
                 rules={"contract_hours": {"enabled": True, "mode": "soft"}})
    [warned] = presolve(soft)
    assert warned.severity == "warning"
    assert "at least 18 h 15 min below the tolerance will be priced" in warned.text("en")


def test_a_contract_that_fits_gives_nothing() -> None:
    assert presolve(build([D, K], rules=CONTRACT)) == []


def test_need_beyond_what_the_staff_may_work_is_a_warning() -> None:
    """The CLI's tiny instance: two half-time USK (at most 1 148 + 240 = 1 388 paid minutes
    each; K works 480 for 450 paid, so at most 1 480 worked minutes each, 2 960 together)
    against one USK 07:00–21:30 every day: 7 × 870 = 6 090 minutes (102 h). At least 3 130
    minutes (52 h) will be uncovered."""
    [found] = presolve(instance_from_data(tiny_data()))
    assert (found.severity, found.rule, found.check) == ("warning", "uncovered_demand", "demand")
    assert found.text("en") == (
        "usk: the minimum need is 102 h over the schedule, but the 2 employees with usk can "
        "work at most 49 h within their contracts and rest rules: at least 52 h will be "
        "uncovered (priced as uncovered_demand)")


def test_need_of_a_skill_nobody_has() -> None:
    """ssk is needed 07:00–15:00 every day (8 h × 7 = 56 h) and nobody has it."""
    data = tiny_data()
    data["skills"].append({"id": "ssk"})
    data["demand"] = [{"skill": "ssk", "bands": [{"start": "07:00", "end": "15:00", "min": 1}]}]
    [found] = presolve(instance_from_data(data))
    assert found.check == "qualified"
    assert found.text("en").startswith("ssk: no employee has skill ssk: all 56 h of its need")


def test_need_at_hours_nobody_can_work() -> None:
    """Need 22:00–23:00 every day; N covers it but the only employee may work D only: nobody
    can work then, 7 h. (With no shift type reaching those hours at all, the "bands" check
    says so instead: tests/test_presolve_shifts.py.)"""
    inst = build([D, N], employees=[employee(allowed_shifts=["D"])],
                 demand=[need(band("22:00", "23:00"))])
    found = [f for f in presolve(inst) if f.check == "qualified"]
    assert len(found) == 1
    assert "nobody with usk can work Mondays 22:00–23:00 (1 date, first 2025-03-03)" in (
        found[0].text("en"))
    assert found[0].text("en").endswith("7 h of need will be uncovered (priced as "
                                     "uncovered_demand)")


def test_night_need_beyond_the_night_staff() -> None:
    """Two awake at night every night, one employee may work N: a night warning."""
    inst = build([D, N], employees=[employee(allowed_shifts=["N"]), employee("E2",
                 allowed_shifts=["D"])], demand=[need(band("22:00", "06:00", 2))])
    found = [f for f in presolve(inst) if f.check == "nights"]
    assert len(found) == 1
    assert found[0].text("en").startswith(
        "usk nights: up to 2 needed at once at night, but only 1 employee with usk may work "
        "night passes (E1)")


@pytest.mark.parametrize("name", ["care_home", "lss_group_home", "nurse_group"])
def test_shipped_instances_have_no_errors(name: str) -> None:
    """They solve (test_shipped_solve), so no pre-solve error may claim otherwise."""
    assert errors(presolve(load_instance(ROOT / "instances" / f"{name}.yaml"))) == []


def test_the_nurse_group_is_one_nurse_short() -> None:
    """Its description says so; the skill check agrees (SSK need above the nurses' hours)."""
    found = presolve(load_instance(ROOT / "instances" / "nurse_group.yaml"))
    assert [f.check for f in found] == ["demand"]
    assert found[0].text("en").startswith("SSK: the minimum need is")


# --- size ------------------------------------------------------------------------------------


def test_memory_estimate_follows_pass_options_and_workers() -> None:
    """One employee, D every day of one week: 7 pass options. 200 MB + 64 MB per worker +
    (8 + 1 per worker) kB per option, rounded down: 264 MB with 1 worker, 328 with 2."""
    inst = build([D])
    one, two = estimate_memory(inst, 1), estimate_memory(inst, 2)
    assert one.literals == 7 and (one.megabytes, two.megabytes) == (264, 328)
    assert memory_problem(inst, 1, limit_mb=264) is None
    problem = memory_problem(inst, 1, limit_mb=263, lang="en")
    assert problem is not None and "about 264 MB for 7 pass options with 1 worker" in problem
    swedish = memory_problem(inst, 1, limit_mb=263)  # Swedish is the default
    assert swedish is not None and swedish.startswith(
        "(storlek): lösningen behöver omkring 264 MB för 7 passalternativ med 1 arbetstråd, "
        "över gränsen 263 MB")


def test_memory_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMIT_ENV, "1234")
    assert default_limit_mb() == 1234
    monkeypatch.setenv(LIMIT_ENV, "lots")
    assert 0 < default_limit_mb() <= 8192


# --- the validate command ----------------------------------------------------------------------


def test_validate_prints_findings_and_exits_by_severity(tmp_path: Path) -> None:
    """English with --lang en; Swedish, the default, is checked below (same findings)."""
    runner = CliRunner()
    nurses = str(ROOT / "instances" / "nurse_group.yaml")
    good = runner.invoke(app, ["validate", nurses, "--lang", "en"])
    assert good.exit_code == 0, good.output
    assert "valid (6 employees" in good.output and "warning (uncovered_demand): SSK" in (
        good.output)
    pins = str(ROOT / "tests" / "data" / "infeasible" / "pins_short_rest.yaml")
    bad = runner.invoke(app, ["validate", pins, "--lang", "en"])
    assert bad.exit_code == 1, bad.output
    assert "error (daily_rest): the pinned passes alone break daily_rest" in bad.output
    assert "1 error: no roster can keep the hard rules" in bad.output
    good = runner.invoke(app, ["validate", nurses], env={"BEMANNA_LANG": ""})
    assert "giltig (6 medarbetare" in good.output and "varning (uncovered_demand): SSK" in (
        good.output)
    bad = runner.invoke(app, ["validate", pins], env={"BEMANNA_LANG": ""})
    assert "fel (daily_rest): de låsta passen bryter ensamma daily_rest" in bad.output
    assert "1 fel: inget schema kan hålla de hårda reglerna" in bad.output
