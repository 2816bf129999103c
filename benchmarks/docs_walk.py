"""A fresh-clone walk of the README's and every docs page's command examples (issue 17).

Every `bemanna ...` line in a code block of README.md and docs/*.md is run in doc order, in a
fresh folder holding only copies of instances/ and scenarios/, with short limits (`--limit`
seconds per solve, `--runs` simulation runs, one care home for batch examples). For each run:
no traceback; an exit code the docs promise (0, or 1 only when the output says why); a solve
that wrote a roster leads its stdout with the verdict line; Swedish output (the default) of
solve/report/compare/explain carries no English words of the old terminal, and the forecast the
verdict names is the one report.html shows.

    PYTHONPATH=src python benchmarks/docs_walk.py [--limit 5] [--skip care_home]

Prints one line per command and the problems found; exit 1 when there is one.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
ENGLISH = ("Verdict", "objective", "Roster written", "Reports written", "SEK", "gap 100",
           "forecast", "uncovered")
"""Words of the English terminal that must not appear (as whole words) in Swedish output."""
BILINGUAL = ("solve", "report", "compare", "explain", "check", "validate", "simulate",
             "generate", "template", "import", "replan", "batch")
"""Commands whose output follows --lang (Swedish by default); their help texts stay English."""
EXPECTED_ERRORS = ("typo.yaml",)
ERROR_WORDS = ("fel", "error")
"""How an error line starts: Swedish by default, English with --lang en."""
"""Examples the docs show failing on purpose (exit 2 with the problem named)."""
SKIPPED = ("--dask-scheduler", "bemanna serve")
"""Examples not run here: a Dask cluster that is not there, and the workbench's server, which
runs until stopped (tests/test_web_security.py starts and stops the real command)."""


@dataclass
class Step:
    page: str
    command: list[str]
    code: int = 0
    stdout: str = ""
    stderr: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def examples(page: Path) -> list[str]:
    """The `bemanna ...` command lines in the page's code blocks (continuations joined,
    prompts and trailing comments removed)."""
    found: list[str] = []
    fenced, pending = False, ""
    for raw in page.read_text(encoding="utf-8").splitlines():
        if raw.lstrip().startswith("```"):
            fenced, pending = not fenced, ""
            continue
        if not fenced:
            continue
        line = pending + raw.strip()
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        line = line.removeprefix("$ ").split(" # ")[0].split("  #")[0].strip()
        for part in line.split("&&"):
            part = part.strip().removeprefix("python -m ")
            if part.startswith("bemanna ") and not any(s in part for s in SKIPPED):
                found.append(part)
    return found


def shorten(words: list[str], limit: float, runs: int) -> list[str]:
    """Short limits: every solve-like command gets `--time-limit limit`, simulations
    `runs` runs, generated portfolios at most one unit of a kind."""
    out, skip = [], False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in ("--time-limit", "--runs", "--simulate", "--care-homes", "--lss-homes",
                    "--nurse-groups") and i + 1 < len(words):
            value = {"--time-limit": f"{limit:g}", "--runs": str(runs),
                     "--simulate": str(runs)}.get(word, str(min(1, int(words[i + 1]))))
            out += [word, value]
            skip = True
            continue
        out.append(word)
    solving = words[1] in ("solve", "compare", "explain") or words[1:3] == ["batch", "run"]
    if solving and "--time-limit" not in out:
        out += ["--time-limit", f"{limit:g}"]
    return out


def check(step: Step, folder: Path, no_roster: set[str]) -> None:
    both = step.stdout + step.stderr
    name = step.command[1]
    if "Traceback" in both:
        step.problems.append("traceback")
    if name == "solve" and step.code == 1 and "--out" in step.command:
        no_roster.add(step.command[step.command.index("--out") + 1].rstrip("/"))
    needs = [w.rstrip("/") for w in step.command[2:3]]
    if step.code == 2 and step.stderr.startswith(ERROR_WORDS) and set(needs) & no_roster:
        step.notes.append("needs the roster of a solve that found none within the short limit")
        return
    expected_error = any(e in step.command for e in EXPECTED_ERRORS)
    if expected_error and (step.code != 2 or not step.stderr.startswith(ERROR_WORDS)):
        step.problems.append(f"expected exit 2 with the problem named, got {step.code}")
    if step.code not in (0, 1) and not expected_error:
        step.problems.append(f"exit {step.code}: {step.stderr.strip()[-300:]}")
    if step.code == 1 and not re.search(r"Inget schema|OMÖJLIGT|INFEASIBLE|regelbrott|"
                                        r"violation|fail|misslyckade|fel:", both):
        step.problems.append("exit 1 without saying why")
    wrote = name == "solve" and "Schemat skrivet" in step.stdout
    if wrote and not step.stdout.lstrip().startswith("Bedömning:"):
        step.problems.append("the solve's stdout does not lead with the verdict")
    if name in BILINGUAL and "--lang" not in step.command:
        english = [w for w in ENGLISH if re.search(rf"(?<!\w){re.escape(w)}(?!\w)",
                                                   step.stdout)]
        if english:
            step.problems.append(f"English in Swedish output: {english}")
    forecast = re.search(r"prognos (\S+(?:\u00a0\S+)*\u00a0kr)", step.stdout)
    if wrote and forecast and "--report" in step.command:
        out = Path(step.command[step.command.index("--out") + 1])
        page = (folder / out / "report.html").read_text(encoding="utf-8")
        if forecast.group(1) not in page:
            step.problems.append(f"report.html does not show the verdict's {forecast.group(1)}")


def walk(limit: float, runs: int, skip: tuple[str, ...]) -> list[Step]:
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="bemanna-walk-") as tmp:
        folder = Path(tmp)
        for name in ("instances", "scenarios"):
            shutil.copytree(ROOT / name, folder / name)
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "BEMANNA_LANG")}
        env["PYTHONPATH"] = str(ROOT / "src")
        no_roster: set[str] = set()
        for page in PAGES:
            for line in examples(page):
                if any(s in line for s in skip):
                    continue
                words = shorten(shlex.split(line), limit, runs)
                done = subprocess.run([sys.executable, "-m", "bemanna", *words[1:]],
                                      capture_output=True, text=True, cwd=folder, env=env,
                                      timeout=60 + 20 * limit, check=False)
                step = Step(page.name, words, done.returncode, done.stdout, done.stderr)
                check(step, folder, no_roster)
                steps.append(step)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--skip", action="append", default=[])
    args = parser.parse_args()
    steps = walk(args.limit, args.runs, tuple(args.skip))
    for step in steps:
        mark = "ok " if not step.problems else "BAD"
        print(f"{mark} {step.page}: {' '.join(step.command)} -> exit {step.code}")
        for problem in step.problems:
            print(f"      {problem}")
        for note in step.notes:
            print(f"      note: {note}")
    sys.exit(1 if any(s.problems for s in steps) else 0)


if __name__ == "__main__":
    main()
