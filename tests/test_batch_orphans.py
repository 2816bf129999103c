"""Issue 17, item 7: the worker processes of `bemanna batch run` die with it.

`kill -9` of the batch process left its worker (in the middle of a CP-SAT solve) and the
multiprocessing resource tracker running for over 70 s, until killed by hand: the SIGTERM of
PR_SET_PDEATHSIG was taken by the solver's own handler (stop the search, keep the roster) and
the worker then waited on its job queue for ever. Each worker now watches its parent and
exits as soon as the parent is gone; the resource tracker ends when the last process holding
its pipe does.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_cli import cli_env

psutil = pytest.importorskip("psutil", reason="psutil lists a process's children")

ROOT = Path(__file__).resolve().parents[1]


def test_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    """The care home with a 60 s limit is still solving when the batch is killed, a few
    seconds in; every process it started must be gone soon after (15 s here, generous for a
    loaded machine: the watchdog polls twice a second)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bemanna", "batch", "run",
         str(ROOT / "instances" / "care_home.yaml"), "--db", str(tmp_path / "b.sqlite"),
         "--time-limit", "60", "--workers", "1", "--solver-workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env(), cwd=ROOT)
    batch = psutil.Process(proc.pid)
    started = time.monotonic()
    children: list[psutil.Process] = []
    while time.monotonic() - started < 90 and proc.poll() is None:
        children = batch.children(recursive=True)
        if any(_solving(c) for c in children):
            break
        time.sleep(0.2)
    assert children, "the batch started no worker"
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 15
    alive = [c for c in children if _running(c)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [c for c in alive if _running(c)]
    names = [(p.pid, p.name()) for p in alive]
    for leftover in alive:
        leftover.kill()
    assert not alive, names


def _running(process: psutil.Process) -> bool:
    """Alive and not a zombie (an orphan's exit status may wait for a reaper that is slow,
    or absent in a container; a zombie runs nothing)."""
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _solving(worker: psutil.Process) -> bool:
    """The worker has been busy for a while (imported bemanna and started its job)."""
    try:
        return worker.cpu_times().user > 3.0
    except psutil.NoSuchProcess:
        return False
