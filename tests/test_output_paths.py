"""Issue 17, item 4: no roster is lost to an output path.

An output path that cannot take files (`/proc/x`, a path under a file, a name longer than the
file system allows) is found before any solving: one line naming the option and the reason,
exit 2, no traceback. If writing still fails afterwards, the files go to a temporary folder
and the command says where (`bemanna.roster.write_with_fallback`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bemanna.roster import (
    output_file_problem,
    output_folder_problem,
    write_file_with_fallback,
    write_with_fallback,
)
from test_cli import CURTOIS, assert_bad_input, bemanna, tiny_data, write_instance

LONG = "x" * 300
"""A file name longer than any common file system allows (255 bytes on ext4, xfs, btrfs)."""


def bad_folders(tmp_path: Path) -> list[tuple[Path, str]]:
    """(folder, what the message must name): each cannot hold files."""
    a_file = tmp_path / "a_file.json"
    a_file.write_text("{}", encoding="utf-8")
    return [
        (Path("/proc/x"), "/proc/x"),
        (a_file / "sub", "a_file.json is a file"),
        (tmp_path / LONG, "longer than the file system allows"),
    ]


def test_output_folder_problem_names_the_reason(tmp_path: Path) -> None:
    for folder, fragment in bad_folders(tmp_path):
        problem = output_folder_problem(folder)
        assert problem is not None and fragment in problem, (folder, problem)
    good = tmp_path / "new" / "deeper"
    assert output_folder_problem(good) is None
    assert not (tmp_path / "new").exists()  # the probe and the folders it made are gone
    (tmp_path / "kept").mkdir()
    assert output_folder_problem(tmp_path / "kept") is None
    assert list((tmp_path / "kept").iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_folder_problem_read_only(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    problem = output_folder_problem(locked / "out")
    assert problem is not None and "permission denied" in problem.lower()


def test_output_file_problem(tmp_path: Path) -> None:
    assert output_file_problem(tmp_path / "new" / "x.json") is None
    problem = output_file_problem(tmp_path / f"{LONG}.json")
    assert problem is not None and "longer than the file system allows" in problem
    problem = output_file_problem(tmp_path)
    assert problem is not None and "is a folder" in problem


def test_write_with_fallback_goes_to_a_temporary_folder(tmp_path: Path) -> None:
    """The first folder refuses (the writer raises there); the second call lands in a fresh
    temporary folder and the result says why and where."""
    refused = tmp_path / "refused"

    def write(folder: Path) -> Path:
        if folder == refused:
            raise PermissionError(13, "Permission denied", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "roster.json"
        path.write_text("{}", encoding="utf-8")
        return path

    saved = write_with_fallback(refused, write)
    assert saved.folder != refused and saved.value == saved.folder / "roster.json"
    assert saved.value.read_text(encoding="utf-8") == "{}"
    assert saved.problem is not None and "permission denied" in saved.problem.lower()
    direct = write_with_fallback(tmp_path / "ok", write)
    assert direct.folder == tmp_path / "ok" and direct.problem is None


def test_write_file_with_fallback(tmp_path: Path) -> None:
    saved = write_file_with_fallback(Path("/proc/x/i.json"), "{}\n")
    assert saved.problem is not None and saved.value.name == "i.json"
    assert saved.value.read_text(encoding="utf-8") == "{}\n"


# --- the commands: refused before any work -------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_instance(tmp_path_factory.mktemp("tiny") / "tiny.yaml", tiny_data())


def test_solve_refuses_each_bad_out_before_solving(tiny: Path, tmp_path: Path) -> None:
    for folder, fragment in bad_folders(tmp_path):
        proc = bemanna("solve", tiny, "--time-limit", "2", "--out", folder)
        assert_bad_input(proc, "--out", fragment)
        assert "Solving" not in proc.stderr, proc.stderr  # refused before the search


def test_compare_refuses_a_bad_out(tiny: Path, tmp_path: Path) -> None:
    scenario = tmp_path / "more.yaml"
    scenario.write_text("name: more\nset:\n  employees.anna.employment_rate: 60\n",
                        encoding="utf-8")
    proc = bemanna("compare", tiny, scenario, "--time-limit", "1", "--out", "/proc/x")
    assert_bad_input(proc, "--out", "/proc/x")
    assert "solving" not in proc.stderr


def test_other_commands_refuse_a_bad_output_path(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "solved"
    assert bemanna("solve", tiny, "--time-limit", "2", "--out", out).returncode == 0
    assert_bad_input(bemanna("report", out, "-i", tiny, "--out", "/proc/x"), "--out", "/proc/x")
    assert_bad_input(bemanna("simulate", out, "-i", tiny, "--runs", "5", "--json",
                             "/proc/x/s.json"), "--json", "/proc/x")
    assert_bad_input(bemanna("batch", "run", tiny, "--db", "/proc/x/b.sqlite",
                             "--time-limit", "1"), "--db", "/proc/x")
    assert_bad_input(bemanna("generate", "--out", "/proc/x", "--care-homes", "1"),
                     "--out", "/proc/x")
    assert_bad_input(bemanna("import", "curtois", CURTOIS / "Instance1.txt", "-o",
                             tmp_path / f"{LONG}.json"), "--out", "longer than the file system")


def test_solve_keeps_the_roster_when_the_folder_fails_after_the_check(
        tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder passes the check, then the disk is full when the roster is written (the
    writer raises ENOSPC there): the roster goes to a temporary folder, the warning says
    where, and the run still ends with exit 0 and a roster the checker accepts."""
    import errno

    from typer.testing import CliRunner

    import bemanna.roster
    from bemanna.cli import app
    from bemanna.roster import load_roster

    out = tmp_path / "out"
    real = bemanna.roster.save_roster

    def full_disk(roster: object, folder: Path) -> Path:
        if Path(folder) == out:
            raise OSError(errno.ENOSPC, "No space left on device", str(folder))
        return real(roster, folder)  # type: ignore[arg-type]

    monkeypatch.setattr(bemanna.roster, "save_roster", full_disk)  # solve imports it on call
    result = CliRunner().invoke(app, ["solve", str(tiny), "--time-limit", "2", "--quiet",
                                          "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"cannot write into {out}: no space left on the device" in text
    # Swedish by default: "schemat skrevs till FOLDER i stället" (labels/explain_words.py).
    moved = text.split("schemat skrevs till ")[1].split(" i stället")[0]
    assert load_roster(Path(moved)).instance == "tiny"
