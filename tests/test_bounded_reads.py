"""Issue 17, item 5: every read is bounded, and a pipe reads as YAML or JSON by its content.

The 20 MB limit counts the bytes read, not the size the file claims: /dev/zero claims 0
bytes and never ends, so a check on `stat().st_size` let `bemanna validate /dev/zero` grow
without bound. A file named without a suffix (process substitution `<(cat x.yaml)` gives
/dev/fd/N) is JSON when its first non-blank character opens a JSON object, else YAML.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bemanna.instance import InstanceError, load_instance
from bemanna.instance.load import MAX_FILE_BYTES
from bemanna.limits import FileTooLarge, read_bounded
from bemanna.roster import RosterError, load_roster
from bemanna.scenario import load_scenario
from test_cli import assert_bad_input, bemanna, cli_env, tiny_data, write_instance

ROOT = Path(__file__).resolve().parents[1]


def test_read_bounded_counts_bytes_read() -> None:
    """/dev/zero: stat says 0 bytes; the read stops one byte past the limit."""
    with pytest.raises(FileTooLarge):
        read_bounded(Path("/dev/zero"), 1000)
    assert read_bounded(Path("/dev/null"), 1000) == b""


@pytest.mark.parametrize("reader", ["instance", "roster", "scenario"])
def test_endless_files_are_refused(reader: str) -> None:
    load = {"instance": load_instance, "roster": load_roster, "scenario": load_scenario}[reader]
    error = {"instance": InstanceError, "roster": RosterError, "scenario": InstanceError}[reader]
    with pytest.raises(error) as caught:
        load(Path("/dev/zero"))
    assert f"more than {MAX_FILE_BYTES // 2**20} MB" in str(caught.value)


def test_validate_dev_zero_is_bad_input() -> None:
    """Stops after 20 MB read (well inside the timeout) with one line, exit 2."""
    assert_bad_input(bemanna("validate", "/dev/zero", timeout=60), "/dev/zero",
                     f"more than {MAX_FILE_BYTES // 2**20} MB")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_pipe_without_suffix_reads_by_content(suffix: str, tmp_path: Path) -> None:
    """`bemanna validate <(cat tiny.yaml)`: the shell passes /dev/fd/N, a pipe with no
    suffix. YAML must read as YAML (it was read as JSON and refused)."""
    text = write_instance(tmp_path / f"tiny{suffix}", tiny_data()).read_text(encoding="utf-8")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "bemanna", "validate", f"/dev/fd/{read_end}"],
                            pass_fds=(read_end,), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=cli_env("en"), cwd=ROOT)
    os.close(read_end)
    with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
        pipe.write(text)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode in (0, 1), stdout + stderr  # read and validated (1: infeasible)
    assert "not valid" not in stderr and "Traceback" not in stderr, stderr
    assert "valid (2 employees" in stdout, stdout + stderr


def test_suffixless_file_sniffed(tmp_path: Path) -> None:
    yaml_text = write_instance(tmp_path / "t.yaml", tiny_data()).read_text(encoding="utf-8")
    plain = tmp_path / "instance"
    plain.write_text(yaml_text, encoding="utf-8")
    assert load_instance(plain).name == "tiny"
    json_text = write_instance(tmp_path / "t.json", tiny_data()).read_text(encoding="utf-8")
    plain.write_text(json_text, encoding="utf-8")
    assert load_instance(plain).name == "tiny"
