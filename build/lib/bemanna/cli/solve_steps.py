"""Command-line pieces of the trust features: `bemanna validate` findings, the checks before
every `bemanna solve`, the explanation of an infeasible instance, and `bemanna explain`.

Registered in `bemanna.cli`; they reuse its consoles, exit codes and loaders.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_VIOLATION,
    console,
    err,
)
from bemanna.instance.model import Instance
from bemanna.presolve import Finding, errors, presolve
from bemanna.presolve.size import estimate_memory, memory_problem


def _print_findings(findings: list[Finding], to_stdout: bool) -> None:

    out = console if to_stdout else err
    for f in findings:
        colour = "red" if f.severity == "error" else "yellow"
        rule = f" ({f.rule})" if f.rule else ""
        out.print(f"[{colour}]{f.severity}[/]{rule}: ", end="", highlight=False)
        out.print(f.message, markup=False, highlight=False)


def print_validation(inst: Instance, path: Path, workers: int = 2) -> None:
    """`bemanna validate`: the input is valid (else exit 2 earlier); then the pre-solve
    findings on stdout, exit 1 when one is an error."""

    estimate = estimate_memory(inst, workers)
    console.print(f"{path}: valid ({len(inst.employees)} employees, "
                  f"{len(inst.shift_types)} shift types, {inst.horizon.weeks} weeks; model "
                  f"{estimate.text()})", highlight=False)
    findings = presolve(inst)
    _print_findings(findings, to_stdout=True)
    if errors(findings):
        console.print(f"{len(errors(findings))} error(s): no roster can keep the hard rules",
                      highlight=False)
        raise typer.Exit(EXIT_VIOLATION)


def _write(path: Path, data: object) -> None:
    from bemanna.roster import write_atomic

    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def before_solving(inst: Instance, out: Path, workers: int, explain: bool,
                   max_memory: int | None, checks: bool = True) -> None:
    """Refuse what would not fit in memory (exit 2); print the pre-solve findings; stop with
    exit 1 when they show the instance infeasible, writing OUT/diagnosis.json (and with
    `explain`, the conflict core as OUT/explanation.json)."""
    from bemanna.diagnose import diagnosis_json, from_findings
    from bemanna.roster import write_atomic

    problem = memory_problem(inst, workers, max_memory)
    if problem is not None:
        err.print(f"[bold red]error[/]: {inst.name}", highlight=False)
        err.print(f"  {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    if not checks:
        return
    findings = presolve(inst)
    _print_findings(findings, to_stdout=False)
    if not errors(findings):
        return
    err.print("[bold red]INFEASIBLE[/]: found before solving (the errors above); no roster "
              "can keep the hard rules.", highlight=False)
    write_atomic(out / "diagnosis.json", diagnosis_json(inst, "INFEASIBLE",
                                                        from_findings(findings)))
    if explain:
        people = sorted({f.employee for f in errors(findings) if f.employee})
        _explain_and_write(inst, out, people)
    raise typer.Exit(EXIT_VIOLATION)


def _explain_and_write(inst: Instance, out: Path, employees: list[str]) -> None:
    from bemanna.explain.infeasible import explain_infeasible

    explanation = explain_infeasible(inst, employees)
    for line in explanation.lines():
        err.print(line, markup=False, highlight=False)
    _write(out / "explanation.json", explanation.to_dict())
    err.print(f"Explanation written to {out / 'explanation.json'}", highlight=False)


def report_infeasible(inst: Instance, status: str, employees: list[str], time_limit: float,
                      out: Path, explain: bool) -> None:
    """After a search without a roster: say why (the conflict core and its repairs), write
    OUT/diagnosis.json and with `explain` OUT/explanation.json."""
    from bemanna.diagnose import diagnosis_json, from_explanation
    from bemanna.explain.infeasible import explain_infeasible
    from bemanna.roster import write_atomic

    if status != "INFEASIBLE":
        err.print(f"[red]No roster found[/] ({status}) within {time_limit:g} s: "
                  "try a longer --time-limit.")
        return
    err.print("[bold red]INFEASIBLE[/]: the hard rules cannot all hold.")
    explanation = explain_infeasible(inst, employees)
    for line in explanation.lines():
        err.print(line, markup=False, highlight=False)
    write_atomic(out / "diagnosis.json", diagnosis_json(inst, status,
                                                        from_explanation(explanation)))
    if explain:
        _write(out / "explanation.json", explanation.to_dict())
        err.print(f"Explanation written to {out / 'explanation.json'}", highlight=False)
