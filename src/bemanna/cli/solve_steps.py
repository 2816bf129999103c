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
from bemanna.labels import Lang
from bemanna.presolve import Finding, errors, presolve
from bemanna.presolve.size import estimate_memory, memory_problem


def _print_findings(findings: list[Finding], to_stdout: bool, lang: Lang = "sv") -> None:
    from bemanna.labels.phrases import render

    out = console if to_stdout else err
    for f in findings:
        colour = "red" if f.severity == "error" else "yellow"
        rule = f" ({f.rule})" if f.rule else ""
        out.print(f"[{colour}]{render('severity.' + f.severity, lang, {})}[/]{rule}: ", end="",
                  highlight=False)
        out.print(f.text(lang), markup=False, highlight=False)


def print_validation(inst: Instance, path: Path, workers: int = 2, lang: Lang = "sv") -> None:
    """`bemanna validate`: the input is valid (else exit 2 earlier); then the pre-solve
    findings on stdout, exit 1 when one is an error."""
    from bemanna.labels.phrases import Counted, render

    estimate = estimate_memory(inst, workers)
    console.print(render("validate.valid", lang, {
        "path": str(path), "employees": Counted(len(inst.employees), "employee"),
        "shifts": Counted(len(inst.shift_types), "shift_type"),
        "weeks": Counted(inst.horizon.weeks, "week"), "model": estimate.text(lang)}),
        highlight=False, markup=False)
    findings = presolve(inst)
    _print_findings(findings, to_stdout=True, lang=lang)
    if errors(findings):
        console.print(render("validate.errors", lang, {
            "count": Counted(len(errors(findings)), "error")}), highlight=False)
        raise typer.Exit(EXIT_VIOLATION)


def _write(path: Path, data: object) -> None:
    from bemanna.roster import write_atomic

    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def before_solving(inst: Instance, out: Path, workers: int, explain: bool,
                   max_memory: int | None, checks: bool = True, lang: Lang = "sv") -> None:
    """Refuse what would not fit in memory (exit 2); print the pre-solve findings; stop with
    exit 1 when they show the instance infeasible, writing OUT/diagnosis.json (and with
    `explain`, the conflict core as OUT/explanation.json)."""
    from bemanna.cli.console import error_word
    from bemanna.diagnose import diagnosis_json, from_findings
    from bemanna.labels.phrases import render
    from bemanna.roster import write_atomic

    problem = memory_problem(inst, workers, max_memory, lang)
    if problem is not None:
        err.print(f"[bold red]{error_word(lang)}[/]: {inst.name}", highlight=False)
        err.print(f"  {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    if not checks:
        return
    findings = presolve(inst)
    _print_findings(findings, to_stdout=False, lang=lang)
    if not errors(findings):
        return
    err.print(f"[bold red]{render('validate.infeasible', lang, {})}[/]", highlight=False)
    write_atomic(out / "diagnosis.json", diagnosis_json(inst, "INFEASIBLE",
                                                        from_findings(findings)))
    if explain:
        people = sorted({f.employee for f in errors(findings) if f.employee})
        _explain_and_write(inst, out, people, lang)
    raise typer.Exit(EXIT_VIOLATION)


def _explain_and_write(inst: Instance, out: Path, employees: list[str],
                       lang: Lang = "sv") -> None:
    from bemanna.explain.infeasible import explain_infeasible
    from bemanna.labels.phrases import render

    explanation = explain_infeasible(inst, employees, lang=lang)
    for line in explanation.lines():
        err.print(line, markup=False, highlight=False)
    _write(out / "explanation.json", explanation.to_dict())
    err.print(render("explain.written", lang, {"path": out / "explanation.json"}),
              highlight=False)


def report_infeasible(inst: Instance, status: str, employees: list[str], time_limit: float,
                      out: Path, explain: bool, stopped_at: float | None = None,
                      lang: Lang = "sv") -> None:
    """After a search without a roster: say why. Stopped (Ctrl-C, `stopped_at` seconds in)
    before a first roster: say so, nothing more is known. Out of time: not proved impossible,
    a longer limit may find one. Proved infeasible: the conflict core and its repairs, written
    to OUT/diagnosis.json and with `explain` OUT/explanation.json."""
    from bemanna.diagnose import diagnosis_json, from_explanation
    from bemanna.explain.infeasible import explain_infeasible
    from bemanna.labels import number, say
    from bemanna.labels.phrases import render
    from bemanna.roster import write_atomic

    if status != "INFEASIBLE":
        if stopped_at is not None:
            err.print(f"[yellow]{say('none.stopped', lang, seconds=number(stopped_at, 1, lang))}"
                      "[/]", highlight=False)
        else:
            err.print(f"[red]{say('none.timeout', lang, limit=f'{time_limit:g}', status=status)}"
                      "[/]", highlight=False)
        return
    err.print(f"[bold red]{say('none.infeasible', lang)}[/]", highlight=False)
    explanation = explain_infeasible(inst, employees, lang=lang)
    for line in explanation.lines():
        err.print(line, markup=False, highlight=False)
    write_atomic(out / "diagnosis.json", diagnosis_json(inst, status,
                                                        from_explanation(explanation)))
    if explain:
        _write(out / "explanation.json", explanation.to_dict())
        err.print(render("explain.written", lang, {"path": out / "explanation.json"}),
                  highlight=False)
