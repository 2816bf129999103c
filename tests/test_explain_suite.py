"""The suite of deliberately infeasible instances (tests/data/infeasible/, table expected.yaml).

Each instance is tiny and infeasible for one stated reason (its header comment gives the
numbers). For each: the pre-solve checks find it exactly when expected.yaml says so, the
conflict core names the expected rule and only the expected employee (the other staff's rules
can all hold) and is proven minimal, and `bemanna solve` stops with exit 1, prints the
expected fragment and writes diagnosis.json and, with --explain, explanation.json.

The CLI runs in-process (typer's CliRunner) to keep the suite fast; test_cli.py covers the
real subprocess.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.explain.core import GuardedModel, explaining_index
from bemanna.explain.infeasible import explain_infeasible
from bemanna.instance import load_instance
from bemanna.presolve import errors, presolve

FOLDER = Path(__file__).resolve().parent / "data" / "infeasible"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (FOLDER / "expected.yaml").read_text(encoding="utf-8"))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_file_is_listed_and_there_are_at_least_twenty() -> None:
    files = {p.name for p in FOLDER.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 20
    assert {e["presolve"] for e in EXPECTED.values()} == {True, False}, "both kinds covered"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_presolve_finds_exactly_the_expected(name: str) -> None:
    """Pre-solve errors are certain: they appear for the instances marked presolve (with the
    expected words) and for no other (those need the solver to see the conflict)."""
    expected = EXPECTED[name]
    found = errors(presolve(load_instance(FOLDER / name)))
    if expected["presolve"]:
        # The expected fragments are English: the finding worded with line("en").
        assert any(flat(expected["fragment"]) in flat(f.line("en")) for f in found), found
        assert {f.employee for f in found} == {expected["employee"]}
    else:
        assert found == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_expected_rule_is_in_every_conflict(name: str) -> None:
    """With every group of the expected rule left out, the employee's other rules hold: so
    any minimal conflict must contain it (an instance may have several minimal conflicts, and
    which one CP-SAT reports first is its choice)."""
    expected = EXPECTED[name]
    inst = load_instance(FOLDER / name)
    model = GuardedModel.build(inst, explaining_index(inst), {expected["employee"]})
    assert model.solve(sorted(model.groups))[0] == "INFEASIBLE"
    assert model.solve([g for g in model.groups if g.rule != expected["rule"]])[0] == "FEASIBLE"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_conflict_core_names_rule_and_employee(name: str) -> None:
    expected = EXPECTED[name]
    explanation = explain_infeasible(load_instance(FOLDER / name))
    assert explanation.complete
    assert [c.employee for c in explanation.conflicts] == [expected["employee"]]
    conflict = explanation.conflicts[0]
    assert conflict.core.proven_minimal
    assert expected["rule"] in explanation.rules, explanation.rules
    assert explanation.employees == [expected["employee"]]
    assert len(conflict.texts) == len(conflict.core.groups)
    assert all(expected["employee"] in text for text in conflict.texts)
    assert explanation.repairs, "every conflict has at least one repair option"
    assert any(r.enough_alone for r in explanation.repairs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_solve_stops_with_the_expected_message(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    out = tmp_path / "out"
    # --lang en: the assertions read the English words ("Solving", "INFEASIBLE").
    result = CliRunner().invoke(app, ["solve", str(FOLDER / name), "--time-limit", "3",
                                      "--workers", "1", "--out", str(out), "--explain",
                                      "--lang", "en"])
    shown = f"exit {result.exit_code}\n{result.output}"
    assert result.exit_code == 1, shown
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    assert "INFEASIBLE" in result.output
    assert flat(expected["fragment"]) in flat(result.output), shown
    assert ("Solving" in result.output) != expected["presolve"], "presolve errors stop first"
    assert not (out / "roster.json").exists()
    diagnosis = json.loads((out / "diagnosis.json").read_text(encoding="utf-8"))
    assert diagnosis["status"] == "INFEASIBLE"
    assert diagnosis["employees"] == [expected["employee"]]
    assert diagnosis["source"] == ("presolve" if expected["presolve"] else "core")
    explanation = json.loads((out / "explanation.json").read_text(encoding="utf-8"))
    assert expected["rule"] in explanation["rules"]
    assert explanation["employees"] == [expected["employee"]]
    assert explanation["repairs"]
