"""`bemanna simulate` as a real subprocess: the table, the JSON file, exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from bemanna.instance import load_instance
from bemanna.roster import save_roster
from bemanna.simulation.result import METRICS
from test_check_builders import MONDAY, make_pass, make_roster
from test_cli import assert_bad_input, bemanna


def tiny(folder: Path, name: str = "sim-tiny") -> tuple[Path, Path]:
    """Two employees on day passes Monday–Friday, need 2 by day: every absence opens a gap
    (bought from agency); rate 0.2. Returns (instance file, roster folder)."""
    data = {
        "name": name,
        "horizon": {"start": MONDAY.isoformat(), "weeks": 1, "cyclic": False},
        "skills": [{"id": "usk"}],
        "shift_types": [{"id": "D", "parts": [{"start": "07:00", "end": "15:30"}],
                         "break_minutes": 30, "skills": ["usk"]}],
        "employees": [{"id": "A", "skills": ["usk"]}, {"id": "B", "skills": ["usk"]}],
        "demand": [{"skill": "usk", "weekdays": ["mon", "tue", "wed", "thu", "fri"],
                    "bands": [{"start": "07:00", "end": "15:30", "min": 2}]}],
        "rules": {"contract_hours": {"enabled": False}},
        "absence": {"rate": 0.2},
    }
    path = folder / "instance.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    inst = load_instance(path)
    roster = make_roster(inst, [make_pass(inst, e, d, "D") for e in ("A", "B")
                                for d in range(5)])
    save_roster(roster, folder / "roster")
    return path, folder / "roster"


def test_simulate_prints_and_writes_json(tmp_path: Path) -> None:
    """50 seeded runs: exit 0, both tables, and a JSON file with every summary metric. Every
    absence opens a gap here, so the gap hours equal the absent hours in the summary."""
    instance, roster = tiny(tmp_path)
    out = tmp_path / "sim.json"
    proc = bemanna("simulate", roster, "--instance", instance, "--runs", "50", "--seed", "4",
                   "--json", out, lang="en")  # the English words; Swedish: test_terminal_language
    assert proc.returncode == 0, proc.stderr
    assert "Absence simulation of sim-tiny, per period (1 week)" in proc.stdout
    assert "per year" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["runs"], data["seed"], data["instance"]) == (50, 4, "sim-tiny")
    metrics = {row["metric"]: row for row in data["summary"]}
    assert list(metrics) == [m[0] for m in METRICS]
    assert metrics["absent_hours"]["mean"] == metrics["absence_gap_hours"]["mean"] > 0
    assert data["figures"]["simulated_annual_sek"] > data["figures"]["planned_annual_sek"]


def test_simulate_bad_input_exits_2(tmp_path: Path) -> None:
    """A roster of another instance, a missing roster, zero runs and a folder as --json."""
    instance, roster = tiny(tmp_path)
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    _, other_roster = tiny(other_folder, name="other")
    assert_bad_input(bemanna("simulate", other_roster, "--instance", instance),
                     "instance: the roster was solved for instance 'other'")
    assert_bad_input(bemanna("simulate", tmp_path / "nowhere", "--instance", instance))
    assert bemanna("simulate", roster, "--instance", instance, "--runs", "0").returncode == 2
    assert_bad_input(bemanna("simulate", roster, "--instance", instance, "--json", tmp_path),
                     "--json")
