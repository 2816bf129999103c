"""The `bemanna` command line, run as a real subprocess (`python -m bemanna ...`).

Exit codes (README): 0 done, 1 rule violations or infeasible, 2 bad input. Bad input never
shows a traceback and names the field path of each problem. Instances are tiny and written to
tmp_path; the bad inputs live in tests/data/bad/ (the table `BAD_INSTANCES` says what each
one must report). One smoke test solves the shipped nurse group.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bemanna.instance import contract_minutes, instance_from_data, load_instance
from bemanna.roster import ROSTER_FORMAT, roster_to_dict
from test_check_builders import MONDAY, SHIFTS, make_pass, make_roster

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"
CURTOIS = ROOT / "benchmarks" / "data" / "curtois"


# --- running the command ----------------------------------------------------------------------


def cli_env(lang: str | None = None) -> dict[str, str]:
    """The environment of a pipe-fed run: no terminal width or colour forced from outside, so
    every run sees rich's plain defaults (80 columns, no colour); with `lang`, BEMANNA_LANG."""
    env = dict(os.environ)
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(name, None)
    env["PYTHONWARNINGS"] = "ignore"
    if lang is not None:
        env["BEMANNA_LANG"] = lang
    return env


def bemanna(*args: str | Path, timeout: float = 60, cwd: Path | None = None,
            lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m bemanna ARGS`; return the finished process (text stdout/stderr).

    `lang="en"`: the English terminal, for the tests that name English problem lines (every
    output is Swedish by default, tests/test_terminal_language.py)."""
    return subprocess.run(
        [sys.executable, "-m", "bemanna", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env=cli_env(lang), cwd=cwd or ROOT,
        check=False,
    )


def flat(text: str) -> str:
    """Whitespace folded to single spaces (rich wraps long lines at 80 columns)."""
    return " ".join(text.split())


def assert_bad_input(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit code 2, no traceback, and every fragment named on stderr."""
    shown = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 2, shown
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, shown
    for fragment in fragments:
        assert flat(fragment) in flat(proc.stderr), f"{fragment!r} not named\n{shown}"


# --- tiny instances -------------------------------------------------------------------------


def tiny_data(**fields: Any) -> dict[str, Any]:
    """One week from Monday 2025-03-03, not cyclic, D/K/N shifts (test_check_builders), two
    half-time USK and one need of one USK 07:00–21:30; the default AB 2023 rules (contract
    hours hard, ± 4 h). Solves to OPTIMAL in well under a second."""
    data: dict[str, Any] = {
        "name": "tiny",
        "description": "CLI test instance",
        "horizon": {"start": MONDAY.isoformat(), "weeks": 1, "cyclic": False},
        "skills": [{"id": "usk"}],
        "shift_types": copy.deepcopy([s for s in SHIFTS if s["id"] in ("D", "K", "N")]),
        "employees": [
            {"id": "anna", "skills": ["usk"], "employment_rate": 50},
            {"id": "bo", "skills": ["usk"], "employment_rate": 50},
        ],
        "demand": [{"skill": "usk", "bands": [{"start": "07:00", "end": "21:30", "min": 1}]}],
    }
    data.update(fields)
    return data


def write_instance(path: Path, data: dict[str, Any]) -> Path:
    """Write data as YAML (.yaml/.yml) or JSON (anything else)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix in (".yaml", ".yml"):
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    else:
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def problem_lines(stderr: str) -> list[str]:
    """The indented problem lines of a bad-input report (wrapped tails are not indented)."""
    return [line for line in stderr.splitlines() if line.startswith("  ")]


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tiny instance (as YAML) solved once by the CLI; shared by the good-path tests."""
    base = tmp_path_factory.mktemp("solved")
    instance = write_instance(base / "tiny.yaml", tiny_data())
    out = base / "out"
    proc = bemanna("solve", instance, "--time-limit", "3", "--out", out)
    return {"instance": instance, "out": out, "proc": proc}


# --- 1. good input ----------------------------------------------------------------------------


def test_solve_exits_0_and_writes_both_files(solved: dict[str, Any]) -> None:
    proc = solved["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    out = solved["out"]
    assert sorted(p.name for p in out.iterdir()) == ["roster.csv", "roster.json"]
    assert "\u00a0kr " in proc.stderr  # progress lines: each improving roster's cost (Swedish
    # by default, "1 234,50 kr"; --lang en gives "SEK", test_first_contact.py)
    assert "roster.json" in flat(proc.stdout)
    assert flat(proc.stdout).startswith("Bedömning:"), "the summary leads with the verdict"


@pytest.mark.parametrize("strategy", ["hinted", "lns"])
def test_solve_strategy_option_reaches_the_search(tmp_path: Path, strategy: str) -> None:
    """--strategy reaches the search (the roster's stats record it; `hinted` never runs
    blocks) and the roster passes `bemanna check`. A strategy that does not exist is bad
    input (exit 2)."""
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data())
    proc = bemanna("solve", instance, "--time-limit", "3", "--strategy", strategy,
                   "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    stats = json.loads((tmp_path / "out" / "roster.json").read_text(encoding="utf-8"))["stats"]
    assert stats["strategy"] == strategy
    if strategy == "hinted":
        assert stats["lns_iterations"] == 0
    check = bemanna("check", instance, tmp_path / "out" / "roster.json")
    assert check.returncode == 0, check.stdout + check.stderr
    bad = bemanna("solve", instance, "--strategy", "fastest", "--out", tmp_path / "bad")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_roster_json_has_the_documented_fields(solved: dict[str, Any]) -> None:
    data = json.loads((solved["out"] / "roster.json").read_text(encoding="utf-8"))
    assert data["format"] == ROSTER_FORMAT == "bemanna-roster/1"
    assert data["instance"] == "tiny"
    assert data["horizon"] == {"start": "2025-03-03", "days": 7, "cyclic": False}
    assert data["status"] in ("OPTIMAL", "FEASIBLE")
    assert isinstance(data["objective"], int) and isinstance(data["bound"], int)
    assert data["bound"] <= data["objective"]
    assert data["objective"] == sum(data["objective_by_term"].values())

    inst = load_instance(solved["instance"])
    assert [e["id"] for e in data["employees"]] == [e.id for e in inst.employees]
    for e in data["employees"]:
        assert set(e) >= {"id", "contract_minutes", "scheduled_minutes", "resurs_minutes"}
        assert e["contract_minutes"] == contract_minutes(inst, inst.employee[e["id"]])

    assert data["assignments"], "the tiny instance's contracts need passes"
    for a in data["assignments"]:
        assert set(a) >= {"employee", "date", "shift", "kind", "parts", "paid_minutes"}
        assert a["kind"] in ("ordinary", "resurs")
        assert a["shift"] in inst.shift
        assert a["paid_minutes"] == inst.shift[a["shift"]].paid_minutes
        assert a["parts"] and all(set(p) == {"start", "end"} for p in a["parts"])
        assert a["parts"][0]["start"].startswith(a["date"] + "T")
        assert all(p["start"] < p["end"] for p in a["parts"])


def test_scheduled_minutes_are_the_sum_of_paid_minutes(solved: dict[str, Any]) -> None:
    data = json.loads((solved["out"] / "roster.json").read_text(encoding="utf-8"))
    paid: Counter[str] = Counter()
    resurs: Counter[str] = Counter()
    for a in data["assignments"]:
        paid[a["employee"]] += a["paid_minutes"]
        if a["kind"] == "resurs":
            resurs[a["employee"]] += a["paid_minutes"]
    for e in data["employees"]:
        assert e["scheduled_minutes"] == paid[e["id"]], e
        assert e["resurs_minutes"] == resurs[e["id"]], e


def test_roster_csv_lists_the_same_passes(solved: dict[str, Any]) -> None:
    data = json.loads((solved["out"] / "roster.json").read_text(encoding="utf-8"))
    with (solved["out"] / "roster.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) >= {"employee", "date", "shift", "kind", "start", "end",
                                     "paid_minutes"}
    from_csv = sorted((r["employee"], r["date"], r["shift"], int(r["paid_minutes"]))
                      for r in rows)
    from_json = sorted((a["employee"], a["date"], a["shift"], a["paid_minutes"])
                       for a in data["assignments"])
    assert from_csv == from_json


def test_check_accepts_the_solved_roster(solved: dict[str, Any]) -> None:
    for target in (solved["out"], solved["out"] / "roster.json"):  # folder or file
        proc = bemanna("check", solved["instance"], target, lang="en")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        # no violation lines: the verdict alone (costs and the total, on stdout)
        assert proc.stdout.strip().splitlines()[-1].endswith("; 0 violations"), proc.stdout
        assert all(line.startswith(("  cost ", "total ")) for line in proc.stdout.splitlines())
        assert "differs" not in proc.stderr, "solver objective == checker total"


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    for name in ("tiny.yaml", "tiny.json"):
        path = write_instance(tmp_path / name, tiny_data())
        proc = bemanna("validate", path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "valid" in proc.stdout and proc.stderr == ""


def test_schema_prints_the_instance_json_schema() -> None:
    proc = bemanna("schema")
    assert proc.returncode == 0, proc.stderr
    schema = json.loads(proc.stdout)
    assert "properties" in schema
    assert {"name", "horizon", "skills", "shift_types", "employees"} <= set(schema["properties"])
    assert set(schema.get("required", [])) >= {"name", "horizon", "employees"}


def test_help_and_no_arguments_do_not_crash() -> None:
    proc = bemanna("--help")
    assert proc.returncode == 0
    for command in ("solve", "check", "validate", "schema", "import"):
        assert command in proc.stdout
    proc = bemanna()
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr


def test_smoke_nurse_group(tmp_path: Path) -> None:
    """The shipped nurse group solves in 5 s and the checker accepts the roster."""
    instance = ROOT / "instances" / "nurse_group.yaml"
    out = tmp_path / "nurse"
    proc = bemanna("solve", instance, "--time-limit", "5", "--out", out, timeout=60)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    data = json.loads((out / "roster.json").read_text(encoding="utf-8"))
    assert data["status"] in ("OPTIMAL", "FEASIBLE")
    assert len(data["employees"]) == len(load_instance(instance).employees)
    assert (out / "roster.csv").is_file()
    proc = bemanna("check", instance, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- 2. bad input -----------------------------------------------------------------------------

BAD_INSTANCES: dict[str, list[str]] = {
    # file in tests/data/bad/  -> fragments stderr must name (the field path first)
    "wrong_type.yaml": ["horizon.weeks:", "integer"],
    "unknown_field.yaml": ["employees[0].employment_rat:", "not permitted"],
    "unknown_skill.yaml": ["shift_types[1].skills[0]:", "unknown skill 'ssk'"],
    "not_monday.json": ["horizon.start:", "not a Monday"],
    "negative_minutes.yaml": ["shift_types[0].break_minutes:", "greater than or equal to 0"],
    "band_outside_day.yaml": ["demand[0].bands[0].end:", "25:00"],
    "no_allowed_shift.yaml": ["employees[1]:", "'bo'", "no allowed shift"],
    "invalid.yaml": ["(file): not valid yaml"],
    "invalid.json": ["(file): not valid json", "line 2"],
    "empty.yaml": ["(top): expected a mapping"],
    "empty.json": ["(file): not valid json"],
}


def test_every_bad_file_is_listed() -> None:
    """The table and the folder agree (a new file needs its expected message)."""
    listed = set(BAD_INSTANCES) | {"roster_not_json.json", "curtois_garbage.txt"}
    assert {p.name for p in BAD.iterdir()} == listed


@pytest.mark.parametrize("name", sorted(BAD_INSTANCES))
def test_validate_reports_bad_input(name: str) -> None:
    proc = bemanna("validate", BAD / name, lang="en")
    assert_bad_input(proc, str(BAD / name), *BAD_INSTANCES[name])
    assert len(problem_lines(proc.stderr)) == 1, f"one problem per file\n{proc.stderr}"
    assert proc.stdout == ""


@pytest.mark.parametrize("name", sorted(BAD_INSTANCES))
def test_solve_reports_bad_input_before_solving(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = bemanna("solve", BAD / name, "--time-limit", "3", "--out", out, lang="en")
    assert_bad_input(proc, *BAD_INSTANCES[name])
    assert "Solving" not in proc.stderr, "no search starts"
    assert not out.exists(), "nothing is written for bad input"


@pytest.mark.parametrize("name", ["wrong_type.yaml", "invalid.json", "empty.yaml"])
def test_check_reports_a_bad_instance(name: str, solved: dict[str, Any]) -> None:
    proc = bemanna("check", BAD / name, solved["out"], lang="en")
    assert_bad_input(proc, *BAD_INSTANCES[name])


@pytest.mark.parametrize("command", ["validate", "solve", "check"])
def test_missing_instance_file(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "no_such_instance.yaml"
    extra = [tmp_path / "roster.json"] if command == "check" else []
    proc = bemanna(command, missing, *extra)
    assert_bad_input(proc, "(file): no such file")


def test_instance_that_is_a_folder(tmp_path: Path) -> None:
    proc = bemanna("validate", tmp_path)
    assert_bad_input(proc, "(file): cannot read")


def test_instance_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: v\xe5rdboende\n".encode("latin-1"))
    assert_bad_input(bemanna("validate", path), "(file): cannot read")


def test_instance_that_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2, 3]\n", encoding="utf-8")
    assert_bad_input(bemanna("validate", path), "(top): expected a mapping")


def test_every_field_problem_is_reported_at_once(tmp_path: Path) -> None:
    """Three independent field mistakes: three lines, each with its own path."""
    data = tiny_data()
    data["horizon"]["start"] = "2025-03-05"
    data["employees"][0]["employment_rate"] = 0
    data["demand"][0]["bands"][0]["min"] = -1
    proc = bemanna("validate", write_instance(tmp_path / "three.json", data))
    assert_bad_input(proc, "horizon.start:", "employees[0].employment_rate:",
                     "demand[0].bands[0].min:")
    assert len(problem_lines(proc.stderr)) == 3, proc.stderr


def test_every_reference_problem_is_reported_at_once(tmp_path: Path) -> None:
    """Three dangling references: three lines, each with its own path. (The references are
    checked once the fields are sound, so these are the only mistakes in the file.)"""
    data = tiny_data()
    data["employees"][0]["skills"] = ["usk", "ssk"]
    data["employees"][1]["allowed_shifts"] = ["D", "natt"]
    data["demand"][0]["skill"] = "vb"
    proc = bemanna("validate", write_instance(tmp_path / "three.yaml", data))
    assert_bad_input(proc, "employees[0].skills[1]: unknown skill 'ssk'",
                     "employees[1].allowed_shifts[1]: unknown shift 'natt'",
                     "demand[0].skill: unknown skill 'vb'")
    assert len(problem_lines(proc.stderr)) == 3, proc.stderr


def test_check_rejects_a_roster_that_is_not_json(solved: dict[str, Any]) -> None:
    roster = BAD / "roster_not_json.json"
    proc = bemanna("check", solved["instance"], roster)
    assert_bad_input(proc, str(roster), "cannot read")
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("label", "text", "fragment"),
    [
        ("array", "[1, 2]", "expected a JSON object"),
        ("wrong_format", json.dumps({"format": "other/9"}), "format"),
        ("no_horizon", json.dumps({"format": "bemanna-roster/1"}), "missing field 'horizon'"),
        ("empty", "", "cannot read"),
    ],
)
def test_check_rejects_a_broken_roster(label: str, text: str, fragment: str,
                                       solved: dict[str, Any], tmp_path: Path) -> None:
    roster = tmp_path / f"{label}.json"
    roster.write_text(text, encoding="utf-8")
    assert_bad_input(bemanna("check", solved["instance"], roster), fragment)


def test_check_on_a_missing_roster(solved: dict[str, Any], tmp_path: Path) -> None:
    assert_bad_input(bemanna("check", solved["instance"], tmp_path / "nothing.json"),
                     "no such file")
    assert_bad_input(bemanna("check", solved["instance"], tmp_path), "no such file")


@pytest.mark.parametrize("option", [["--time-limit", "0"], ["--time-limit", "soon"],
                                    ["--workers", "0"], ["--seed", "-1"]])
def test_solve_rejects_bad_options(option: list[str], solved: dict[str, Any],
                                   tmp_path: Path) -> None:
    proc = bemanna("solve", solved["instance"], *option, "--out", tmp_path / "out")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert option[0] in flat(proc.stderr)


# --- 3. check finds a hand-made rest violation ------------------------------------------------


def rest_case(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A hand-made roster that keeps every hard rule: anna works K (13:30–21:30) on Monday
    and D (07:00–15:30) on Wednesday, bo works D on Tuesday. Contract hours are off so that
    three passes make a complete roster."""
    data = tiny_data(rules={"contract_hours": {"enabled": False}})
    instance = write_instance(tmp_path / "rest.yaml", data)
    inst = instance_from_data(data)
    roster = make_roster(inst, [make_pass(inst, "anna", 0, "K"), make_pass(inst, "anna", 2, "D"),
                                make_pass(inst, "bo", 1, "D")])
    return instance, roster_to_dict(roster)


def test_check_accepts_the_hand_made_roster(tmp_path: Path) -> None:
    instance, roster = rest_case(tmp_path)
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(roster), encoding="utf-8")
    proc = bemanna("check", instance, path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def short_rest_roster(tmp_path: Path) -> tuple[Path, Path]:
    """The hand-made roster, edited: anna's Wednesday D moved to Tuesday, 9 h 30 min after
    her Monday K ends."""
    instance, roster = rest_case(tmp_path)
    (moved,) = [a for a in roster["assignments"] if a["employee"] == "anna" and a["shift"] == "D"]
    moved["date"] = "2025-03-04"
    moved["parts"] = [{"start": "2025-03-04T07:00", "end": "2025-03-04T15:30"}]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(roster, indent=1), encoding="utf-8")
    return instance, path


def test_check_names_daily_rest_and_the_employee(tmp_path: Path) -> None:
    instance, path = short_rest_roster(tmp_path)
    proc = bemanna("check", instance, path, lang="en")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("daily_rest")]
    assert len(lines) == 1, proc.stdout
    assert "anna" in lines[0]
    assert "; 1 violation" in proc.stdout


def test_every_finding_stays_on_one_line(tmp_path: Path) -> None:
    """README: `check` prints one line per violation, `validate` one line per problem. A
    script reading the output (grep, a batch run) must see each finding whole on one line.
    Regression: rich wrapped findings at 80 columns whenever the output was a pipe."""
    instance, path = short_rest_roster(tmp_path)
    proc = bemanna("check", instance, path, lang="en")
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("daily_rest")]
    assert "(minimum 11 h)" in line, proc.stdout

    data = tiny_data()
    data["employees"][1]["id"] = "bo-with-a-rather-long-employee-id"
    data["employees"][1]["allowed_shifts"] = []
    proc = bemanna("validate", write_instance(tmp_path / "long.yaml", data), lang="en")
    assert len(problem_lines(proc.stderr)) == 1
    assert "their skills may work" in problem_lines(proc.stderr)[0], proc.stderr


# --- 4. infeasible ----------------------------------------------------------------------------


def test_infeasible_instance_names_rule_and_employee(tmp_path: Path) -> None:
    """cara is full time (2295 min, ± 240) but pinned off Monday–Friday: two nights at most
    (1200 min) remain, so the hard contract_hours rule cannot hold."""
    data = tiny_data()
    data["employees"].append({
        "id": "cara", "skills": ["usk"], "employment_rate": 100,
        "pinned": [{"date": f"2025-03-0{3 + d}", "shift": None} for d in range(5)],
    })
    instance = write_instance(tmp_path / "infeasible.json", data)
    out = tmp_path / "out"
    proc = bemanna("solve", instance, "--time-limit", "3", "--out", out, lang="en")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "INFEASIBLE" in proc.stderr
    assert "contract_hours" in proc.stderr and "cara" in proc.stderr
    assert not (out / "roster.json").exists()
    diagnosis = json.loads((out / "diagnosis.json").read_text(encoding="utf-8"))
    assert diagnosis["status"] == "INFEASIBLE"
    assert diagnosis["instance"] == "tiny"
    assert diagnosis["rules"] == ["contract_hours"]
    assert diagnosis["employees"] == ["cara"]
    assert any("cara" in line for line in diagnosis["breaches"])


# --- 6. import curtois ------------------------------------------------------------------------


def test_import_curtois_writes_a_valid_instance(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = bemanna("import", "curtois", CURTOIS / "Instance1.txt", "-o", out, lang="en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "8 employees" in flat(proc.stdout)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["horizon"]["weeks"] == 2
    proc = bemanna("validate", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(load_instance(out).employees) == 8


def test_import_curtois_rejects_garbage(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    garbage = BAD / "curtois_garbage.txt"
    proc = bemanna("import", "curtois", garbage, "-o", out)
    assert_bad_input(proc, str(garbage), "line 1")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("source", ["missing.txt", "empty.txt", "instance.yaml"])
def test_import_curtois_rejects_other_files(source: str, tmp_path: Path) -> None:
    path = tmp_path / source
    if source == "empty.txt":
        path.write_text("", encoding="utf-8")
    elif source == "instance.yaml":
        write_instance(path, tiny_data())
    out = tmp_path / "out.json"
    assert_bad_input(bemanna("import", "curtois", path, "-o", out), str(path))
    assert not out.exists()
