"""Issue 17, item 10: the smaller first-contact flaws, each as it was seen.

- `check` printed its verdict on stderr: `bemanna check … > file` kept nothing.
- no `bemanna --version`.
- "1 workers", "1 weeks", "spells of 1 days": counts are singular at 1.
- the absence simulation printed a row "– – – –" for resurstid utilisation when the roster
  has no resurspass: the row is left out and one sentence says why.
- solving into a folder that held another instance's results left its report.html there.
- `check` of a roster of another instance printed a line per pass (427 on the care home):
  one line naming the mismatch, exit 2.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from bemanna.units import plural
from test_cli import ROOT, assert_bad_input, bemanna, flat, tiny_data, write_instance


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tiny instance (one week, no resurspass) solved with one worker."""
    base = tmp_path_factory.mktemp("small")
    instance = write_instance(base / "tiny.yaml", tiny_data(resurspass=False))
    out = base / "out"
    proc = bemanna("solve", instance, "--time-limit", "2", "--workers", "1", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return instance, out


def test_plural() -> None:
    assert plural(1, "worker") == "1 worker"
    assert plural(2, "worker") == "2 workers"
    assert plural(0, "day") == "0 days"
    assert plural(1, "employee") == "1 employee"
    assert plural(1.5, "day") == "1.5 days"
    assert plural(1, "analysis", "analyses") == "1 analysis"


def test_check_verdict_on_stdout(solved: tuple[Path, Path]) -> None:
    instance, out = solved
    proc = bemanna("check", instance, out, lang="en")
    assert proc.returncode == 0, proc.stderr
    assert "0 violations" in proc.stdout and "total" in proc.stdout
    assert "violations" not in proc.stderr


def test_version() -> None:
    proc = bemanna("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"bemanna {version('bemanna')}"


def test_singular_counts(solved: tuple[Path, Path], tmp_path: Path) -> None:
    instance, out = solved
    proc = bemanna("solve", instance, "--time-limit", "1", "--workers", "1", "--out",
                   tmp_path / "o", "--lang", "en")  # English: the plural under test
    assert "1 worker," in proc.stderr and "1 workers" not in proc.stderr
    assert "1 week;" in flat(bemanna("validate", instance, lang="en").stdout)
    assert "1 vecka;" in flat(bemanna("validate", instance, lang="sv").stdout)
    proc = bemanna("simulate", out, "-i", instance, "--runs", "5", lang="en")
    assert proc.returncode == 0, proc.stderr
    assert "spells of 1 day on average" in flat(proc.stdout), proc.stdout
    assert "(1 week)" in flat(proc.stdout)


def test_no_row_of_dashes_without_resurspass(solved: tuple[Path, Path]) -> None:
    """The tiny roster has no resurspass: utilisation has no value in any run."""
    instance, out = solved
    proc = bemanna("simulate", out, "-i", instance, "--runs", "5", lang="en")
    assert proc.returncode == 0, proc.stderr
    assert "– – –" not in proc.stdout
    assert "resurstid utilisation: not shown, the roster has no resurspass" in flat(
        proc.stdout).lower()


def test_resolving_removes_the_previous_results(tmp_path: Path) -> None:
    """A folder holding the nurse group's report gets a new roster of the tiny instance:
    the old report (of another roster) is removed, not left beside the new roster."""
    out = tmp_path / "out"
    first = bemanna("solve", ROOT / "instances" / "nurse_group.yaml", "--time-limit", "2",
                    "--report", "--out", out)
    assert first.returncode == 0, first.stderr
    assert (out / "report.html").exists()
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data())
    again = bemanna("solve", instance, "--time-limit", "1", "--out", out)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.iterdir()) == ["roster.csv", "roster.json"]


def test_check_of_another_instances_roster_is_one_line(solved: tuple[Path, Path]) -> None:
    _, out = solved
    proc = bemanna("check", ROOT / "instances" / "nurse_group.yaml", out)
    assert_bad_input(proc, "the roster was solved for instance 'tiny'")
    assert len(proc.stdout.splitlines()) == 0
    assert len(proc.stderr.splitlines()) <= 3, proc.stderr
