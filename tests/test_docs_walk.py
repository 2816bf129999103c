"""The fresh-clone walk of the README's and the docs' command examples (issue 17, "Done
when"): every `bemanna ...` line of a code block runs, in doc order, in a folder holding only
copies of instances/ and scenarios/, with short limits (benchmarks/docs_walk.py). No
traceback, exit codes the docs promise, the verdict line first after every solve that wrote a
roster, Swedish output without the old English terminal's words, and the verdict's forecast
the same figure report.html shows. Slow (a few minutes: every example solves); the solver
limits are short and nothing here is timed.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_every_documented_example_runs_without_a_flaw() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import docs_walk
    finally:
        sys.path.remove(str(BENCHMARKS))
    steps = docs_walk.walk(limit=5.0, runs=20, skip=())
    assert len(steps) >= 15, "every page's examples are found"
    assert any(s.command[1] == "explain" for s in steps), "explain has a documented example"
    solved = [s for s in steps if s.command[1] == "solve" and s.code == 0]
    assert solved, "at least one documented solve finds a roster within the short limit"
    problems = [f"{s.page}: {' '.join(s.command)}: {p}" for s in steps for p in s.problems]
    assert not problems, "\n".join(problems)
