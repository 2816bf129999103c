"""Robustness: atomic output files, Ctrl-C / SIGTERM during a solve, hostile input files.

The signal tests start `python -m bemanna solve instances/care_home.yaml --time-limit 60` as
a subprocess, wait for the first progress line (a roster's cost), send the signal and expect the
best roster so far to be kept (README: "Ctrl-C keeps the best roster so far").
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bemanna.roster import load_roster, save_roster, write_atomic
from bemanna.roster.model import Roster
from test_cli import ROOT, assert_bad_input, bemanna, cli_env, tiny_data, write_instance

CARE_HOME = ROOT / "instances" / "care_home.yaml"
FIRST_PROGRESS_TIMEOUT = 40.0
EXIT_AFTER_SIGNAL_TIMEOUT = 15.0


# --- atomic writes ----------------------------------------------------------------------------


def test_write_atomic_creates_folders_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "roster.json"
    write_atomic(path, "{}\n")
    assert path.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in path.parent.iterdir()] == ["roster.json"]


def test_write_atomic_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text("old\n", encoding="utf-8")
    write_atomic(path, "new – åäö\n")
    assert path.read_text(encoding="utf-8") == "new – åäö\n"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.json"]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_write_atomic_keeps_the_old_file_when_replace_fails(
        error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "roster.json"
    path.write_text("old\n", encoding="utf-8")

    def fail(src: object, dst: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(type(error)):
        write_atomic(path, "new\n")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.json"], "no temp file left"


def test_write_atomic_keeps_the_old_file_when_fsync_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("old\n", encoding="utf-8")

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write_atomic(path, "new\n")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.csv"]


def test_write_atomic_keeps_the_old_file_when_the_text_cannot_be_encoded(tmp_path: Path) -> None:
    """A lone surrogate fails half-way through the write itself, no monkeypatching needed."""
    path = tmp_path / "roster.json"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "x" * 100_000 + "\ud800")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.json"]


def test_write_atomic_into_a_missing_new_file_leaves_nothing_on_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "diagnosis.json", "{}\n")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_save_roster_round_trips(tmp_path: Path) -> None:
    from test_check_builders import make_instance, make_pass, make_roster

    inst = make_instance()
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D"), make_pass(inst, "E2", 1, "S")])
    path = save_roster(roster, tmp_path / "out")
    assert sorted(p.name for p in path.parent.iterdir()) == ["roster.csv", "roster.json"]
    again = load_roster(path.parent)
    assert isinstance(again, Roster)
    assert again.assignments == roster.assignments
    assert again.employees == roster.employees


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    """A planner's roster is as readable as any file they write (umask 022 -> 0644).
    Regression: write_atomic kept mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        plain = tmp_path / "plain.txt"
        plain.write_text("x", encoding="utf-8")
        path = tmp_path / "roster.json"
        write_atomic(path, "{}\n")
    finally:
        os.umask(old)
    assert oct(path.stat().st_mode & 0o777) == oct(plain.stat().st_mode & 0o777) == "0o644"


# --- Ctrl-C and SIGTERM during a solve --------------------------------------------------------


class Solving:
    """`bemanna solve` running in the background; stderr read line by line as it comes."""

    def __init__(self, instance: Path, out: Path, time_limit: float) -> None:
        self.stdout_path = out.parent / f"{out.name}.stdout"
        self._stdout = self.stdout_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            # English (--lang en): the tests below read its progress and interrupt words.
            [sys.executable, "-m", "bemanna", "solve", str(instance), "--time-limit",
             str(time_limit), "--out", str(out), "--lang", "en"],
            stdout=self._stdout, stderr=subprocess.PIPE, text=True, env=cli_env(), cwd=ROOT,
        )
        self.lines: list[str] = []
        self.first_objective = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)
            if " SEK  " in line:  # a progress line: "  4.10 s  1,965,499.53 SEK  bound ..."
                self.first_objective.set()

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    @property
    def stdout(self) -> str:
        self._stdout.flush()
        return self.stdout_path.read_text(encoding="utf-8")

    def wait(self, timeout: float) -> int:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        self._stdout.close()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_keeps_the_best_roster(signum: signal.Signals, tmp_path: Path) -> None:
    """Regression: CP-SAT's own SIGINT handler (catch_sigint_signal) reset SIGINT to SIG_DFL
    after each solve, so Ctrl-C killed the process; and once stopped, the search refused the
    fixed-model solve that prices the incumbent, so no roster was kept ('No roster found')."""
    out = tmp_path / "care_home"
    run = Solving(CARE_HOME, out, time_limit=60)
    try:
        assert run.first_objective.wait(FIRST_PROGRESS_TIMEOUT), (
            f"no progress line within {FIRST_PROGRESS_TIMEOUT} s\n{run.stderr}")
        sent = time.monotonic()
        run.proc.send_signal(signum)
        try:
            code = run.wait(EXIT_AFTER_SIGNAL_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {EXIT_AFTER_SIGNAL_TIMEOUT} s after {signum.name}")
        took = time.monotonic() - sent
        shown = f"exit {code} after {took:.1f} s\nstderr:\n{run.stderr}\nstdout:\n{run.stdout}"
        assert "Traceback" not in run.stderr, shown
        assert code == 0, shown
        assert "interrupted" in run.stderr, shown
        roster = out / "roster.json"
        assert roster.is_file(), shown
        data = json.loads(roster.read_text(encoding="utf-8"))
        assert data["status"] in ("FEASIBLE", "OPTIMAL"), data["status"]
        assert data["stats"]["interrupted"] is True
        assert data["stats"]["wall_seconds"] < 50, "stopped early, not at the time limit"
        assert (out / "roster.csv").is_file()
        checked = bemanna("check", CARE_HOME, out)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    finally:
        run.close()


def test_signal_before_solving_leaves_no_partial_files(tmp_path: Path) -> None:
    """SIGTERM while the instance is still being read/built: the process ends promptly and
    leaves no half-written roster or temp file behind."""
    out = tmp_path / "care_home"
    run = Solving(CARE_HOME, out, time_limit=60)
    try:
        deadline = time.monotonic() + FIRST_PROGRESS_TIMEOUT
        while "Solving" not in run.stderr and time.monotonic() < deadline:
            if run.proc.poll() is not None:
                break
            time.sleep(0.05)
        run.proc.send_signal(signal.SIGTERM)
        try:
            run.wait(EXIT_AFTER_SIGNAL_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {EXIT_AFTER_SIGNAL_TIMEOUT} s after SIGTERM")
        if out.exists():
            names = sorted(p.name for p in out.iterdir())
            assert not [n for n in names if n.endswith(".tmp")], names
            if "roster.json" in names:
                json.loads((out / "roster.json").read_text(encoding="utf-8"))
    finally:
        run.close()


# --- hostile input files ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deeply_nested_file_is_bad_input(suffix: str, tmp_path: Path) -> None:
    """Regression: the parsers' RecursionError escaped as a traceback (exit 1)."""
    path = tmp_path / f"deep{suffix}"
    depth = 100_000 if suffix == ".json" else 2_000
    if suffix == ".json":
        path.write_text('{"name": ' + "[" * depth + "]" * depth + "}\n", encoding="utf-8")
    else:
        path.write_text("name: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert_bad_input(bemanna("validate", path), "(file)")


def test_solve_out_that_is_a_file(tmp_path: Path) -> None:
    """Regression: a FileExistsError traceback (exit 1) after the whole solve."""
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data())
    blocker = tmp_path / "out"
    blocker.write_text("not a folder\n", encoding="utf-8")
    proc = bemanna("solve", instance, "--time-limit", "3", "--out", blocker)
    assert_bad_input(proc, str(blocker))
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_yaml_aliases_do_not_blow_up(tmp_path: Path) -> None:
    """A 'billion laughs' style file: safe_load shares aliased nodes, validation must reject
    it quickly as bad input rather than expand it."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("name: laughs")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    proc = bemanna("validate", path, timeout=30)
    assert_bad_input(proc, "a0:")
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("label", "mutate", "fragment"),
    [
        ("nan_rate", lambda d: d["employees"][0].update(employment_rate=float("nan")),
         "employees[0].employment_rate"),
        ("huge_rate", lambda d: d["employees"][0].update(employment_rate=10**30),
         "employees[0].employment_rate"),
        ("weeks_too_many", lambda d: d["horizon"].update(weeks=10_000), "horizon.weeks"),
        ("bool_clock", lambda d: d["demand"][0]["bands"][0].update(start=True),
         "demand[0].bands[0].start"),
        ("id_with_space", lambda d: d["employees"][0].update(id="anna b"), "employees[0].id"),
        ("null_employees", lambda d: d.update(employees=None), "employees"),
        ("break_longer_than_pass", lambda d: d["shift_types"][0].update(break_minutes=600),
         "shift_types[0]"),
    ],
)
def test_odd_values_are_bad_input(label: str, mutate: Callable[[dict[str, Any]], object],
                                  fragment: str, tmp_path: Path) -> None:
    data = tiny_data()
    mutate(data)
    path = tmp_path / f"{label}.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # NaN is written as bare NaN
    assert_bad_input(bemanna("validate", path), fragment)


# --- values the parsers cannot build (found by fuzzing, docs/robustness.md) -------------------


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("month_13.yaml", "name: x\nhorizon: {start: 2025-13-03, weeks: 1}\n",
         "month must be in 1..12"),
        ("year_0.yaml", "name: x\nhorizon: {start: 0000-01-03, weeks: 1}\n", "year 0"),
        ("huge_int.json", '{"name": "x", "horizon": {"weeks": ' + "9" * 5000 + "}}",
         "integer string conversion"),
        ("huge_int.yaml", "name: x\nhorizon: {weeks: " + "9" * 5000 + "}\n",
         "integer string conversion"),
    ],
)
def test_values_the_parser_cannot_build_are_bad_input(name: str, text: str, fragment: str,
                                                      tmp_path: Path) -> None:
    """Regression (atheris): yaml's date constructor and Python's int() raise ValueError, which
    escaped the reader as a traceback."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert_bad_input(bemanna("validate", path), "(file): not valid", "a value cannot be read",
                     fragment)


# --- size limits and the memory estimate --------------------------------------------------------


def test_too_many_employees_is_refused_before_validation(tmp_path: Path) -> None:
    """2 001 employees (the limit is 2 000), each otherwise fine: one line naming the field,
    exit 2, and the check runs before the 2 001 records are validated."""
    data = tiny_data()
    data["employees"] = [{"id": f"e{i}", "skills": ["usk"]} for i in range(2001)]
    path = write_instance(tmp_path / "big.json", data)
    proc = bemanna("validate", path)
    assert_bad_input(proc, "employees: 2 001 employees, at most 2 000 are supported "
                     "(instance size limit)")


def test_too_many_wishes_for_one_employee(tmp_path: Path) -> None:
    data = tiny_data()
    data["employees"][1]["wishes"] = [{"kind": "day_off", "date": "2025-03-04"}] * 1001
    proc = bemanna("validate", write_instance(tmp_path / "wishes.json", data))
    assert_bad_input(proc, "employees[1].wishes: 1 001 entries, at most 1 000 are supported")


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    """21 MB of spaces in front of a valid instance: refused after 20 MB read (the limit
    counts bytes read, tests/test_bounded_reads.py)."""
    path = tmp_path / "padded.json"
    path.write_text(" " * (21 * 2**20) + json.dumps(tiny_data()), encoding="utf-8")
    assert_bad_input(bemanna("validate", path),
                     "(file): more than 20 MB; input files of at most 20 MB")


def test_solve_refuses_an_instance_over_the_memory_limit(tmp_path: Path) -> None:
    """The tiny instance is estimated at 200 + 2 × 64 MB + a few kB (test_presolve): a 100 MB
    limit refuses it with exit 2 before solving, from the option or the environment."""
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data())
    proc = bemanna("solve", instance, "--max-memory", "100", "--out", tmp_path / "out")
    # Swedish by default, the refusal included (labels/explain_words.py, size.memory).
    assert_bad_input(proc, "(storlek): lösningen behöver omkring 328 MB", "över gränsen 100 MB")
    # No search starts ("Löser ...": the Swedish default's first line of a solve).
    assert "Löser" not in proc.stderr and not (tmp_path / "out").exists()
    env_limited = subprocess.run(
        [sys.executable, "-m", "bemanna", "solve", str(instance), "--out", str(tmp_path / "o2")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**cli_env(), "BEMANNA_MAX_MEMORY_MB": "100"}, check=False)
    assert_bad_input(env_limited, "över gränsen 100 MB")
