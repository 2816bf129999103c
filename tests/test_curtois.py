"""The Curtois & Qu benchmark: importer, independent scorer, reference model, runner.

The scorer and the reference model live in benchmarks/ (scripts, not the package); the tests
put that folder on sys.path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bemanna.importers import CurtoisError, curtois_to_instance_data, import_curtois
from bemanna.importers.curtois import parse_curtois
from bemanna.instance import instance_from_data
from bemanna.roster import roster_to_dict, save_roster
from bemanna.solver import SolverParams, solve

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
DATA = BENCHMARKS / "data" / "curtois"
sys.path.insert(0, str(BENCHMARKS))

import curtois_score  # noqa: E402
from curtois_reference import solve_reference  # noqa: E402

# A tiny instance whose rosters are easy to work out by hand. Day 0 is a Monday, so the
# weekends are days 5–6 and 12–13. Shift L (600 min) may not be followed by E the next day.
TINY = """\
# comment
SECTION_HORIZON
14

SECTION_SHIFTS
E,480,
L,600,E

SECTION_STAFF
A,E=14|L=2,4800,960,3,2,2,1
B,E=0|L=14,6000,0,5,1,1,2

SECTION_DAYS_OFF
A,10
B

SECTION_SHIFT_ON_REQUESTS
A,1,E,5

SECTION_SHIFT_OFF_REQUESTS
A,2,E,7

SECTION_COVER
1,E,2,10,1
2,L,0,10,3
"""


def _instance1_text() -> str:
    return (DATA / "Instance1.txt").read_text(encoding="utf-8")


def _passes(employee: str, shift: str, days: list[int]) -> list[tuple[str, int, str]]:
    return [(employee, d, shift) for d in days]


# -- parsing and import -----------------------------------------------------------------------

def test_parse_instance1() -> None:
    data = parse_curtois(_instance1_text())
    assert data.days == 14
    assert [(s.id, s.minutes, s.cannot_follow) for s in data.shifts] == [("D", 480, ())]
    assert [s.id for s in data.staff] == list("ABCDEFGH")
    a = data.staff[0]
    assert (a.max_shifts, a.max_total_minutes, a.min_total_minutes) == ({"D": 14}, 4320, 3360)
    assert (a.max_consecutive_shifts, a.min_consecutive_shifts, a.min_consecutive_days_off,
            a.max_weekends) == (5, 2, 2, 1)
    assert data.days_off["A"] == [0] and data.days_off["H"] == [7]
    assert (len(data.shift_on), len(data.shift_off), len(data.cover)) == (21, 5, 14)
    assert data.cover[1].day == 1 and data.cover[1].requirement == 7


def test_parse_is_crlf_tolerant() -> None:
    """The published files are CRLF (read_text would hide that, so read the bytes)."""
    raw = (DATA / "Instance1.txt").read_bytes().decode("utf-8")
    lf = raw.replace("\r\n", "\n")
    assert parse_curtois(lf.replace("\n", "\r\n")) == parse_curtois(lf) == parse_curtois(raw)


def test_parse_rejects_a_malformed_file() -> None:
    with pytest.raises(CurtoisError, match="line 7"):
        parse_curtois(TINY.replace("L,600,E", "L,six hundred,E"))
    with pytest.raises(CurtoisError, match="unknown section"):
        parse_curtois("SECTION_NOPE\n1\n")


def test_import_curtois_maps_onto_the_generic_rules() -> None:
    data = import_curtois(DATA / "Instance8.txt")
    inst = instance_from_data(json.loads(json.dumps(data)))  # what the CLI writes, read back
    assert inst.name == "Instance8"
    assert (inst.horizon.start.isoformat(), inst.horizon.weeks, inst.horizon.cyclic) == (
        "2024-01-01", 4, False)
    assert not inst.resurspass and [s.id for s in inst.skills] == ["N"]
    shift = inst.shift["D"]
    assert (shift.offsets, shift.paid_minutes, shift.paid_meal_break) == (
        ((480, 960),), 480, True)
    rules = inst.rules
    for rule_id in ("daily_rest", "pass_span", "breaks", "weekly_rest", "contract_hours",
                    "max_split_shifts", "average_weekly_hours", "daily_rest_24h"):
        assert not getattr(rules, rule_id).enabled, rule_id
    for rule_id in ("forbidden_successions", "max_shift_passes", "total_minutes",
                    "max_consecutive_days", "min_consecutive_days",
                    "min_consecutive_days_off", "max_weekends"):
        rule = getattr(rules, rule_id)
        assert rule.enabled and rule.mode == "hard", rule_id
    parsed = parse_curtois((DATA / "Instance8.txt").read_text(encoding="utf-8"))
    assert len(rules.max_shift_passes.limits) == sum(len(s.max_shifts) for s in parsed.staff)
    assert {(p.first, tuple(p.then)) for p in rules.forbidden_successions.pairs} == {
        (s.id, s.cannot_follow) for s in parsed.shifts if s.cannot_follow}
    for staff in parsed.staff:
        emp = inst.employee[staff.id]
        assert rules.total_minutes.per_employee[staff.id].model_dump() == {
            "min": staff.min_total_minutes, "max": staff.max_total_minutes}
        assert rules.max_consecutive_days.per_employee[staff.id] == staff.max_consecutive_shifts
        assert rules.min_consecutive_days.per_employee[staff.id] == staff.min_consecutive_shifts
        assert (rules.min_consecutive_days_off.per_employee[staff.id]
                == staff.min_consecutive_days_off)
        assert rules.max_weekends.per_employee[staff.id] == staff.max_weekends
        assert [inst.horizon.day_of(r.start) for r in emp.unavailable] == sorted(
            parsed.days_off.get(staff.id, []))
    assert sum(len(e.wishes) for e in inst.employees) == len(parsed.shift_on) + len(
        parsed.shift_off)
    assert len(inst.shift_demand) == len(parsed.cover)
    costs = inst.costs
    assert (costs.default_uncovered_per_hour, costs.default_below_desired_per_hour,
            costs.stranded_resurstid_per_hour) == (0, 0, 0)


# -- the independent scorer -------------------------------------------------------------------

def test_scorer_hand_made_roster_for_instance1() -> None:
    """B works days 0–2, H days 2–3, C days 10 and 12, D and E day 10; everyone else is off.

    Cover (weight 100 per missing nurse, 1 per surplus): headcounts day 0: 1, day 1: 1,
    day 2: 2, day 3: 1, day 10: 3, day 12: 1, else 0; requirements 5 7 6 4 5 5 5 6 7 4 2 5 6 4.
    Missing: 4+6+4+3+5+5+5+6+7+4+0+5+5+4 = 63 → 6300; day 10: 3 on a requirement of 2 → 1.
    Shift-on requests not granted: A days 2,3 (2+2) + B days 3,4 (3+3) + C days 0–4 (5×1) +
    D days 8,9 (2+2) + F days 0,1 (2+2) + H days 9–13 (5×1) = 4+6+5+4+4+5 = 28.
    Shift-off requests granted: C day 12 (1) + H days 2,3 (3+3) = 7.
    Objective = 6300 + 1 + 28 + 7 = 6336.
    Hard: everyone below 3360 minutes (rule 4 × 8); runs of one day not at a border: C day 10,
    C day 12, D day 10, E day 10 (rule 6 × 4; B's days 0–2 touch day 0); C is off only day 11
    between two runs (rule 7 × 1).
    """
    roster = (_passes("B", "D", [0, 1, 2]) + _passes("H", "D", [2, 3])
              + _passes("C", "D", [10, 12]) + _passes("D", "D", [10]) + _passes("E", "D", [10]))
    result = curtois_score.score(curtois_score.read_benchmark(_instance1_text()), roster)
    assert result.terms == {"shift_on": 28, "shift_off": 7, "cover_under": 6300,
                            "cover_over": 1}
    assert result.objective == 6336
    assert result.count_by_rule() == {4: 8, 6: 4, 7: 1}


BASE = _passes("A", "E", [1, 2]) + _passes("B", "L", [1, 2])


@pytest.mark.parametrize(("roster", "broken"), [
    pytest.param(BASE, {}, id="legal"),
    pytest.param(_passes("A", "E", [0]) + _passes("A", "E", [3, 4]) + _passes("A", "E", [13]),
                 {}, id="short runs at the borders are exempt"),
    pytest.param([*BASE, ("A", 2, "L")], {1: 1}, id="two shifts a day"),
    pytest.param(_passes("A", "L", [1]) + _passes("A", "E", [2]), {2: 1}, id="cannot follow"),
    pytest.param(_passes("A", "L", [1, 2, 3]), {3: 1}, id="max shifts of a type"),
    pytest.param(_passes("B", "E", [1, 2]) + _passes("A", "E", [1, 2]), {3: 1},
                 id="a forbidden type"),
    pytest.param(_passes("A", "E", [0]), {4: 1}, id="too few minutes"),
    pytest.param(_passes("A", "E", [1, 2, 3, 4]), {5: 1}, id="run too long"),
    pytest.param(_passes("A", "E", [0, 1, 4]), {6: 1}, id="run too short"),
    pytest.param(_passes("A", "E", [1, 2, 4, 5]), {7: 1}, id="days off too short"),
    pytest.param(_passes("A", "E", [5, 6, 12, 13]), {8: 1}, id="too many weekends"),
    pytest.param(_passes("A", "E", [9, 10]), {9: 1}, id="a day off"),
    pytest.param([*BASE, ("Z", 3, "E"), ("A", 5, "X")], {0: 2}, id="unknown names"),
])
def test_scorer_catches_each_hard_rule(roster: list[tuple[str, int, str]],
                                       broken: dict[int, int]) -> None:
    """Each roster breaks exactly the named rules of the TINY instance (A: max 3 days in a
    row, min 2 worked and 2 off, 960–4800 minutes, L at most twice, 1 weekend, day 10 off)."""
    result = curtois_score.score(curtois_score.read_benchmark(TINY), roster)
    assert result.count_by_rule() == broken, result.violations


def test_scorer_objective_on_the_tiny_instance() -> None:
    """A works E days 1–2, B works L days 1–2: the shift-on request (A, 1, E) is granted (0);
    the shift-off request (A, 2, E) is granted, weight 7; cover day 1 E needs 2 and has 1
    (10 × 1); day 2 L needs 0 and has 1 (3 × 1). Objective 7 + 10 + 3 = 20."""
    result = curtois_score.score(curtois_score.read_benchmark(TINY), BASE)
    assert (result.objective, result.terms) == (20, {"shift_on": 0, "shift_off": 7,
                                                     "cover_under": 10, "cover_over": 3})


def test_scorer_imports_neither_the_solver_nor_ortools() -> None:
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import curtois_score; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('ortools', 'bemanna')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code, str(BENCHMARKS)], check=True)


# -- the engine, the reference model and the scorer agree -------------------------------------

def test_engine_roster_for_instance1_scores_the_optimum(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """Instance1 has optimum 607 under the README's semantics (807 if short runs at the
    borders were penalised); the engine's objective is in öre, 100 × the benchmark's."""
    inst = instance_from_data(import_curtois(DATA / "Instance1.txt"))
    result = solve(inst, SolverParams(time_limit=20, workers=2, seed=0))
    assert result.roster is not None
    path = save_roster(result.roster, tmp_path)
    scored = curtois_score.score_files(DATA / "Instance1.txt", path)
    assert scored.violations == []
    assert scored.objective == 607
    assert scored.objective * 100 == result.objective
    assert curtois_score.main([str(DATA / "Instance1.txt"), str(path)]) == 0
    assert "objective: 607" in capsys.readouterr().out


def test_engine_and_reference_agree_on_the_tiny_instance() -> None:
    """Both prove the same optimum, and the scorer agrees with both rosters."""
    data = parse_curtois(TINY)
    inst = instance_from_data(curtois_to_instance_data(data, "tiny"))
    engine = solve(inst, SolverParams(time_limit=10, workers=2, seed=0))
    reference = solve_reference(data, 10, 2, 0)
    assert engine.status == reference.status == "OPTIMAL"
    assert engine.roster is not None and engine.objective is not None
    bench = curtois_score.read_benchmark(TINY)
    from_engine = curtois_score.score(
        bench, curtois_score.read_assignments(roster_to_dict(engine.roster)))
    from_reference = curtois_score.score(bench, reference.assignments)
    assert from_engine.violations == from_reference.violations == []
    assert engine.objective == 100 * from_engine.objective
    assert reference.objective == from_reference.objective == from_engine.objective


def test_reference_model_solves_instance1() -> None:
    data = parse_curtois(_instance1_text())
    result = solve_reference(data, 10, 2, 0)
    assert (result.status, result.objective, result.bound) == ("OPTIMAL", 607, 607)
    scored = curtois_score.score(curtois_score.read_benchmark(_instance1_text()),
                                 result.assignments)
    assert (scored.objective, scored.violations) == (607, [])


def test_runner_writes_the_table(tmp_path: Path) -> None:
    import curtois

    md, table = tmp_path / "RESULTS.md", tmp_path / "curtois.csv"
    code = curtois.main(["--time-limit", "2", "--workers", "2", "--seed", "0",
                         "--markdown", str(md), "--csv", str(table), "Instance1"])
    assert code == 0
    text = md.read_text(encoding="utf-8")
    assert "| Instance1 | 14 × 8 × 1 | 607 | 607 | 1.000 | 607 |" in text
    assert "OR-Tools" in text and "Command: `python " in text
    header, row = table.read_text(encoding="utf-8").splitlines()
    record = dict(zip(header.split(","), row.split(","), strict=True))
    assert record["engine_objective"] == record["scorer_objective"] == "607"
    assert record["reference_objective"] == "607" and record["hard_violations"] == "0"
