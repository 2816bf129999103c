"""One SolverParams end to end: `--strategy` reaches every solve of `batch run` and `compare`
and is recorded in their outputs (it was lost on the way before: they always ran 'auto'), and
`batch run --workers` (processes, easily taken for CP-SAT workers) is now `--jobs`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from bemanna.cli import app
from test_batch import write_units

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_batch_run_records_the_strategy_of_every_job(tmp_path: Path) -> None:
    """Two units, scenario base only, strategy 'hinted': each row says 'hinted', and each
    roster's own stats (written by the search) say so too — the strategy reached the solver."""
    units = write_units(tmp_path / "units", 2)
    db = tmp_path / "b.sqlite"
    result = runner.invoke(app, ["batch", "run", str(units), "--db", str(db), "--jobs", "1",
                                 "--time-limit", "20", "--deterministic-time", "0.1",
                                 "--strategy", "hinted"])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute(
        "SELECT strategy, deterministic_time, roster_path FROM jobs").fetchall()
    assert len(rows) == 2
    for strategy, deterministic, roster_path in rows:
        assert strategy == "hinted" and deterministic == 0.1
        stats = json.loads(Path(roster_path).read_text())["stats"]
        assert stats["strategy"] == "hinted"


def test_batch_workers_is_a_deprecated_alias_of_jobs(tmp_path: Path) -> None:
    units = write_units(tmp_path / "units", 1)
    result = runner.invoke(app, ["batch", "run", str(units), "--db", str(tmp_path / "b.sqlite"),
                                 "--workers", "1", "--time-limit", "20",
                                 "--deterministic-time", "0.1", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "--workers is deprecated" in result.output
    assert "1 local process" in result.output
    clash = runner.invoke(app, ["batch", "run", str(units), "--db", str(tmp_path / "c.sqlite"),
                                "--workers", "1", "--jobs", "2", "--lang", "en"])
    assert clash.exit_code == 2 and "disagree" in clash.output


def test_compare_records_the_strategy(tmp_path: Path) -> None:
    """The nurse group against one nurse fewer with strategy 'hinted': compare.xlsx's settings
    and each roster's stats name it."""
    out = tmp_path / "cmp"
    result = runner.invoke(app, ["compare", str(ROOT / "instances" / "nurse_group.yaml"),
                                 str(ROOT / "scenarios" / "one_nurse_fewer.yaml"),
                                 "--time-limit", "4", "--workers", "1", "--strategy", "hinted",
                                 "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert "strategi hinted" in result.output  # compare's progress line, Swedish by default
    for name in ("base", "one_nurse_fewer"):
        stats = json.loads((out / name / "roster.json").read_text())["stats"]
        assert stats["strategy"] == "hinted"
    book = openpyxl.load_workbook(out / "compare.xlsx")
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
             if c.value is not None]
    assert "strategy" in cells and "hinted" in cells


def test_solve_hint_starts_from_a_roster(tmp_path: Path) -> None:
    """`solve --hint ROSTER`: the nurse group re-solved from its own 4 s roster is no dearer
    than that roster (the hint is the first incumbent when it is the cheaper one, and the
    search only improves on its incumbent); the stats record the hint's price. A roster of
    another horizon is bad input (exit 2, one line naming the field)."""
    nurses = str(ROOT / "instances" / "nurse_group.yaml")
    first = runner.invoke(app, ["solve", nurses, "--time-limit", "4", "--workers", "1",
                                "--out", str(tmp_path / "a"), "--quiet"])
    assert first.exit_code == 0, first.output
    old = json.loads((tmp_path / "a" / "roster.json").read_text())
    again = runner.invoke(app, ["solve", nurses, "--time-limit", "4", "--workers", "1",
                                "--hint", str(tmp_path / "a"), "--out", str(tmp_path / "b"),
                                "--quiet"])
    assert again.exit_code == 0, again.output
    new = json.loads((tmp_path / "b" / "roster.json").read_text())
    assert new["objective"] <= old["objective"]
    assert new["stats"]["hint_objective"] is not None
    old["horizon"]["start"] = "2024-01-01"
    (tmp_path / "other.json").write_text(json.dumps(old))
    bad = runner.invoke(app, ["solve", nurses, "--hint", str(tmp_path / "other.json"),
                              "--out", str(tmp_path / "c")])
    assert bad.exit_code == 2 and "horizon.start" in bad.output
